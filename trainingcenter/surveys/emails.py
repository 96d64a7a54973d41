"""The survey's two e-mails, the invitation and the one reminder, in the participant's language.

Each carries the link to the survey under the participant's own token and the
day the survey closes (in the program's time zone). They go through the
outbox with an idempotency key, so a task run twice queues each once; their
tag starts with ``registration:<pk>:`` like every e-mail about a
registration, so erasing a participant's personal data deletes them too.
"""
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from trainingcenter.center.models import Center
from trainingcenter.mailer.services import queue_mail

INVITATION, REMINDER = "invitation", "reminder"
KINDS = (INVITATION, REMINDER)


def survey_url(registration):
    """Absolute link to the participant's survey page, in their language."""
    with translation.override(registration.language):
        return settings.SITE_URL + reverse("registrations:survey", kwargs={"token": registration.token})


def mail_key(invitation, kind):
    return f"survey:{invitation.survey_id}:{kind}:{invitation.registration_id}"


def render(survey, registration, kind):
    """(subject, text, html) of one e-mail, rendered in the participant's language."""
    program = survey.program
    with translation.override(registration.language):
        if kind == REMINDER:
            subject = _("Reminder: your feedback on %(title)s") % {"title": program.title}
            paragraphs = [
                _("A short reminder: we have not yet received your answers to the feedback survey on "
                  "%(title)s. It takes a few minutes, and it helps us make the next programs better.")
                % {"title": program.title},
            ]
        else:
            subject = _("Your feedback on %(title)s") % {"title": program.title}
            paragraphs = [
                _("Thank you for taking part in %(title)s. We would like to know what you thought of it, so that "
                  "we can make the next programs better. The survey takes a few minutes.")
                % {"title": program.title},
            ]
        closes = date_format(timezone.localtime(survey.closes(), program.tz).date(), "DATE_FORMAT")
        after = [_("You can answer until %(date)s, and change your answers until then.") % {"date": closes}]
        if survey.anonymous_allowed:
            after.append(_("You may answer anonymously: your answers are then not linked to your name."))
        center = Center.current()
        context = {
            "registration": registration,
            "program": program,
            "paragraphs": paragraphs,
            "after": after,
            "url": survey_url(registration),
            "button": _("Answer the survey"),
            "center_name": str(center) if center else _("Training Center"),
        }
        text = render_to_string("surveys/email/invitation.txt", context)
        html = render_to_string("surveys/email/invitation.html", context)
    return subject, text, html


def queue(invitation, kind):
    """Put one e-mail for the invitation in the outbox, at most once (see ``mail_key``)."""
    registration = invitation.registration
    subject, text, html = render(invitation.survey, registration, kind)
    return queue_mail(
        to=registration.email, subject=subject, text=text, html=html,
        tag=f"registration:{registration.pk}:survey-{kind}", key=mail_key(invitation, kind),
    )
