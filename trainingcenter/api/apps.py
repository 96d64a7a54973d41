from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    """The JSON API: one NinjaAPI with its auth, errors, schemas and a router per data app."""

    name = "trainingcenter.api"
    label = "api"
    verbose_name = _("API")
