from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    """The centre's record: program reports (web page and PDF) and participation statistics."""

    name = "trainingcenter.reports"
    label = "reports"
    verbose_name = _("Reports and statistics")
