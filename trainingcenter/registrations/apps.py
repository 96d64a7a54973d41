from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistrationsConfig(AppConfig):
    name = "trainingcenter.registrations"
    label = "registrations"
    verbose_name = _("Registrations")

    def ready(self):
        # Imported once the app registry is ready: both need the models.
        from . import receivers  # noqa: F401, PLC0415 - app ready; connects the signal receivers
        from .log_filters import install  # noqa: PLC0415 - app ready

        install()
