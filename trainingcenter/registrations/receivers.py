"""What registrations do when the apps below them change something."""
from django.dispatch import receiver

from trainingcenter.programs.signals import program_saved

from .services import fill_free_seats


@receiver(program_saved, dispatch_uid="registrations.fill_seats_after_program_change")
def fill_seats_after_program_change(sender, program, created, **kwargs):
    """A raised capacity, a new mode or a reopened window may have freed seats for those waiting."""
    if not created:
        fill_free_seats(program)
