from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CenterConfig(AppConfig):
    name = "trainingcenter.center"
    label = "center"
    verbose_name = _("Centre")
