"""What attendance does when the apps below it change something."""
from django.dispatch import receiver

from trainingcenter.registrations.signals import personal_data_erased

from .services.zoom_import import erase_attendee_identity


@receiver(personal_data_erased, dispatch_uid="attendance.erase_zoom_identity")
def erase_zoom_identity(sender, registration, **kwargs):
    """A participant's data is erased: so are their name and address from Zoom's reports."""
    erase_attendee_identity(registration)
