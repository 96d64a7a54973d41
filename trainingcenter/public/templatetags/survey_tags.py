"""What the participant's page says about the feedback survey (``registrations/_survey.html``).

A tag rather than view context, so that the page's view stays as it is.
"""
from django import template

from trainingcenter.surveys.models import Survey
from trainingcenter.surveys.services import answers

register = template.Library()


@register.simple_tag
def survey_state(registration):
    """None unless the participant was invited; else the survey's state, whether they answered, its dates.

    One query (the invitation with its survey), none more for a participant without one.
    """
    if registration is None or registration.is_erased:
        return None
    invitation = answers.invitation_for(registration)
    if invitation is None:
        return None
    survey = invitation.survey
    return {
        "state": survey.state(),
        "open": survey.state() == Survey.State.OPEN,
        "answered_at": invitation.answered_at,
        "opens": survey.opens(),
        "closes": survey.closes(),
        "anonymous_allowed": survey.anonymous_allowed,
    }
