"""What certificates do when the apps below them change something."""
from django.dispatch import receiver

from trainingcenter.registrations.signals import personal_data_erased

from .services import erase_holder


@receiver(personal_data_erased, dispatch_uid="certificates.erase_holder")
def erase_certificate_holder(sender, registration, actor=None, **kwargs):
    """A participant's data is erased: their certificates no longer name them, nor vouch for anyone."""
    erase_holder(registration, actor=actor)
