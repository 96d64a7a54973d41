from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PublicConfig(AppConfig):
    """The public site: the centre's pages, programs, people, registration and participants' own pages."""

    name = "trainingcenter.public"
    label = "public"
    verbose_name = _("Public site")
