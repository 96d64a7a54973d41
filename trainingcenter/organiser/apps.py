from django.apps import AppConfig


class OrganiserConfig(AppConfig):
    """Organisers' pages beside the admin: registrations, exports, messages, and later check-in and reports."""

    name = "trainingcenter.organiser"
    label = "organiser"
    verbose_name = "Organiser pages"
