"""The e-mail that tells a participant their certificate is ready: a link, not the PDF.

In the participant's language, through the outbox, queued in the transaction
that issues the certificate and keyed by it, so a task that runs twice sends
one e-mail. The links carry the participant's token: their own page, and the
PDF behind it; a 200 KB attachment per e-mail would fill mailboxes and the
outbox for nothing.
"""
from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from trainingcenter.center.models import Center
from trainingcenter.mailer.services import queue_mail

from . import codes


def _links(registration):
    with translation.override(registration.language):
        token = registration.token
        return (
            settings.SITE_URL + reverse("registrations:participant", kwargs={"token": token}) + "#certificate",
            settings.SITE_URL + reverse("certificates:download", kwargs={"token": token}),
        )


def certificate_issued(certificate, center=None):
    """Queue the "your certificate is ready" e-mail for a certificate just issued (or re-issued)."""
    registration = certificate.registration
    center = center if center is not None else Center.current()
    page_url, pdf_url = _links(registration)
    with translation.override(registration.language):
        program_title = certificate.program_title
        subject = _("Your certificate: %(title)s") % {"title": program_title}
        context = {
            "certificate": certificate,
            "given_name": registration.given_name,
            "program_title": program_title,
            "code": codes.grouped(certificate.code),
            "page_url": page_url,
            "pdf_url": pdf_url,
            "verify_url": settings.SITE_URL + reverse("certificates:verify_code", kwargs={"code": certificate.code}),
            "center_name": str(center) if center else _("Training Center"),
            "center_email": center.email if center else "",
            "lang": registration.language,
        }
        text = render_to_string("certificates/email/certificate.txt", context)
        html = render_to_string("certificates/email/certificate.html", context)
    return queue_mail(
        to=registration.email, subject=subject, text=text, html=html,
        tag=f"registration:{registration.pk}:certificate",
        reply_to=center.email if center and center.email else "",
        key=f"certificate:{certificate.code}:issued",
    )
