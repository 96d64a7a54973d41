from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    """One search over programs, sessions, takeaways, reports, people and news, in three languages."""

    name = "trainingcenter.search"
    label = "search"
    verbose_name = _("Search")

    def ready(self):
        from . import receivers  # noqa: PLC0415 - models must be ready

        receivers.connect()
