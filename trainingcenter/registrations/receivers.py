"""What registrations do when the apps below them change something."""
from django.dispatch import receiver

from trainingcenter.programs.signals import program_saved, schedule_changed

from . import tasks
from .models import Registration
from .services import fill_free_seats


@receiver(program_saved, dispatch_uid="registrations.fill_seats_after_program_change")
def fill_seats_after_program_change(sender, program, created, **kwargs):
    """A raised capacity, a new mode or a reopened window may have freed seats for those waiting."""
    if not created:
        fill_free_seats(program)


@receiver(schedule_changed, dispatch_uid="registrations.update_participants_after_schedule_change")
def update_participants_after_schedule_change(sender, program, **kwargs):
    """New times: confirmed participants get an e-mail with the agenda and an updated calendar file.

    Only a task is written here, in the transaction of the change; the e-mails
    are rendered by the worker (``services.schedule_updates``).
    """
    if Registration.objects.filter(program=program, status=Registration.Status.CONFIRMED).exists():
        tasks.announce_schedule_change.enqueue(program.pk)
