from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SurveysConfig(AppConfig):
    """Feedback: a survey per program, answered once through the participant's own link, and its results."""

    name = "trainingcenter.surveys"
    label = "surveys"
    verbose_name = _("Feedback surveys")
