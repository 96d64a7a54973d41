"""E-mails about visa invitation letters, through the outbox.

The participant hears when organisers approve or refuse their request (in
their own language, with the link to their page, where the letter is); the
program's organisers hear that a request waits for them. No e-mail carries
passport details: the letter is downloaded from the participant's page only.

Rendered at once, in the transaction of the decision: these e-mails are small
and organisers decide one request at a time, so there is no load to spare.
"""
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from trainingcenter.center.models import Center
from trainingcenter.mailer.services import queue_mail


def _participant_url(registration):
    with translation.override(registration.language):
        return settings.SITE_URL + reverse("registrations:participant", kwargs={"token": registration.token})


def _content(letter, kind):
    """(subject, paragraphs) in the active language."""
    title = letter.registration.program.title
    if kind == "approved":
        return (
            _("Your visa invitation letter is ready: %(title)s") % {"title": title},
            [
                _("The organisers have approved your request for a visa invitation letter."),
                _("Download the letter from your registration page, print it and take it with your passport when "
                  "you apply for your visa at the Chinese embassy or consulate."),
            ],
        )
    return (
        _("Visa invitation letter not issued: %(title)s") % {"title": title},
        [_("We are sorry: the organisers could not issue a visa invitation letter for you.")],
    )


def _queue_for_participant(letter, kind):
    registration = letter.registration
    center = Center.current()
    with translation.override(registration.language):
        subject, paragraphs = _content(letter, kind)
        context = {
            "registration": registration,
            "program": registration.program,
            "paragraphs": paragraphs,
            "reason": letter.refusal_reason if kind == "refused" else "",
            "page_url": _participant_url(registration),
            "center_name": str(center) if center else _("Training Center"),
            "center_email": center.email if center else "",
        }
        text = render_to_string("registrations/email/visa_letter.txt", context)
        html = render_to_string("registrations/email/visa_letter.html", context)
    decided = int(letter.decided_at.timestamp()) if letter.decided_at else 0
    return queue_mail(
        to=registration.email, subject=subject, text=text, html=html,
        tag=f"registration:{registration.pk}:visa_letter_{kind}",
        reply_to=center.email if center and center.email else "",
        # One e-mail per decision, however often the caller runs.
        key=f"visa-letter:{letter.pk}:{kind}:{decided}",
    )


def approved(letter):
    return _queue_for_participant(letter, "approved")


def refused(letter):
    return _queue_for_participant(letter, "refused")


def organisers_told(letter):
    """Tell the program's organisers that a request waits for their decision (no personal details)."""
    program = letter.registration.program
    addresses = sorted({
        user.email.strip().lower() for user in program.organisers.filter(is_active=True).exclude(email="")
    })
    if not addresses:
        return []
    with translation.override(settings.LANGUAGE_CODE):
        url = settings.SITE_URL + reverse("staff:visa_letters", kwargs={"slug": program.slug})
        subject = _("Visa invitation letter requested: %(title)s") % {"title": program.title}
        text = render_to_string("registrations/email/visa_letter_requested.txt", {"program": program, "url": url})
    return [
        queue_mail(to=address, subject=subject, text=text, tag=f"program:{program.pk}:visa_letter_requested")
        for address in addresses
    ]
