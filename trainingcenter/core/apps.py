from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Infrastructure every other app stands on: background tasks that survive a
    dead worker, rate limits, rules for text people type, HTTP safety nets.

    It knows nothing of programs or registrations; every app may import it.
    """

    name = "trainingcenter.core"
    label = "core"
    verbose_name = _("Platform")
