from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NewsConfig(AppConfig):
    """Posts and announcements, readers' comments, and the newsletter."""

    name = "trainingcenter.news"
    label = "news"
    verbose_name = _("News and newsletter")
