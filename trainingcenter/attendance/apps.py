from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AttendanceConfig(AppConfig):
    """Who really came: onsite check-ins, online minutes from Zoom's reports, and the program's rule."""

    name = "trainingcenter.attendance"
    label = "attendance"
    verbose_name = _("Attendance")

    def ready(self):
        from . import receivers  # noqa: F401, PLC0415 - app ready; connects the signal receivers
