from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganiserConfig(AppConfig):
    """Organisers' pages beside the admin: registrations, exports, messages, and later check-in and reports."""

    name = "trainingcenter.organiser"
    label = "organiser"
    verbose_name = _("Organiser pages")
