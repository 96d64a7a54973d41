"""Organisers write to participants: one message composed, one e-mail per person, in their language.

``send_message`` records the message and enqueues one background task in the
same transaction; the task (``messaging_tasks.deliver_message``) writes the
personal e-mails into the outbox. The organiser's page answers at once, even
for hundreds of recipients, and a message is delivered completely or not at all.

A message is written in English and, if the organiser wishes, in any other
language of the site; each participant gets the version in the language they
chose when registering, and the English one when there is none in theirs.
"""
import re

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.utils.html import linebreaks, urlize
from django.utils.translation import gettext_lazy as _
from django_countries import countries as all_countries

from trainingcenter.mailer.services import queue_mail

from .. import tasks
from ..emails import participant_url
from ..models import Message, Registration, RegistrationEvent

SUBJECT_MAX_LENGTH = 200
BODY_MAX_LENGTH = 20000
FALLBACK_LANGUAGE = Message.FALLBACK_LANGUAGE
OTHER_LANGUAGES = tuple(code for code, _name in settings.LANGUAGES if code != FALLBACK_LANGUAGE)
PLACEHOLDERS = ("given_name", "family_name", "full_name", "link")
# One pass over the text, and only these exact names: a participant called
# "{link}" or an organiser writing "{xyz}" or a lone brace changes nothing else.
_PLACEHOLDER = re.compile(r"\{(" + "|".join(PLACEHOLDERS) + r")\}")
# With no status chosen a message goes to everyone still taking part, not to
# people who cancelled or were turned down.
DEFAULT_STATUSES = (
    Registration.Status.CONFIRMED,
    Registration.Status.WAITLISTED,
    Registration.Status.AWAITING_APPROVAL,
)


class MessagingError(Exception):
    """The message cannot be sent as written; ``message`` says why, for the organiser."""

    def __init__(self, message, *, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


def audience(program, *, statuses=(), modes=(), countries=()):
    """The registrations a message with these filters goes to (empty filter: no restriction)."""
    queryset = Registration.objects.filter(program=program, status__in=list(statuses) or list(DEFAULT_STATUSES))
    # Erased registrations have no address left to write to (services.privacy).
    queryset = queryset.filter(personal_data_erased_at__isnull=True)
    if modes:
        queryset = queryset.filter(mode__in=list(modes))
    if countries:
        queryset = queryset.filter(country__in=list(countries))
    return queryset.order_by("created_at", "pk")


def placeholder_values(registration):
    return {
        "given_name": registration.given_name,
        "family_name": registration.family_name,
        "full_name": registration.full_name,
        "link": participant_url(registration),
    }


def personalise(text, registration, values=None):
    """Fill in the known placeholders; everything else in the text stays as written."""
    values = values or placeholder_values(registration)
    return _PLACEHOLDER.sub(lambda match: values[match.group(1)], text)


def render_for(message_subject, message_body, registration):
    """(subject, text, html) of the e-mail one participant receives."""
    values = placeholder_values(registration)
    subject = personalise(message_subject, registration, values)
    text = personalise(message_body, registration, values)
    # Escaped first, then links made clickable: the organiser's text is never HTML.
    html = linebreaks(urlize(text, autoescape=True), autoescape=False)
    return subject, text, html


def field_name(name, language):
    """The form field of one text in one language: "subject", "body" for English, "subject_ru"..."""
    return name if language == FALLBACK_LANGUAGE else f"{name}_{language.replace('-', '_')}"


def _clean_text(subject, body, language):
    subject = " ".join(str(subject or "").split())
    body = str(body or "").strip()
    if not subject:
        raise MessagingError(_("Please write a subject."), field=field_name("subject", language))
    if len(subject) > SUBJECT_MAX_LENGTH:
        raise MessagingError(
            _("Please use at most %(max)d characters.") % {"max": SUBJECT_MAX_LENGTH},
            field=field_name("subject", language),
        )
    if not body:
        raise MessagingError(_("Please write the message."), field=field_name("body", language))
    if len(body) > BODY_MAX_LENGTH:
        raise MessagingError(
            _("Please use at most %(max)d characters.") % {"max": BODY_MAX_LENGTH}, field=field_name("body", language),
        )
    return subject, body


def _clean_translations(translations):
    """{language: {"subject", "body"}} for the other languages written; a language left blank is left out."""
    cleaned = {}
    for language, texts in (translations or {}).items():
        if language not in OTHER_LANGUAGES:
            raise MessagingError(_("Please choose one of the offered options."), field="translations")
        texts = texts or {}
        if not any(str(texts.get(name) or "").strip() for name in ("subject", "body")):
            continue
        subject, body = _clean_text(texts.get("subject"), texts.get("body"), language)
        cleaned[language] = {"subject": subject, "body": body}
    return cleaned


def _clean(program, subject, body, statuses, modes, countries, translations=None):
    subject, body = _clean_text(subject, body, FALLBACK_LANGUAGE)
    translations = _clean_translations(translations)
    statuses = [str(s) for s in statuses or ()]
    modes = [str(m) for m in modes or ()]
    countries = sorted({str(c).upper() for c in countries or ()})
    if set(statuses) - set(Registration.Status.values):
        raise MessagingError(_("Please choose one of the offered options."), field="statuses")
    if set(modes) - set(Registration.Mode.values):
        raise MessagingError(_("Please choose one of the offered options."), field="modes")
    if set(countries) - set(dict(all_countries)):
        raise MessagingError(_("Please choose a country from the list."), field="countries")
    return subject, body, statuses, modes, countries, translations


def send_message(program, *, subject, body, translations=None, statuses=(), modes=(), countries=(), actor=None):
    """Record a message to the participants and have it delivered in the background.

    ``subject`` and ``body`` are the English version, which is required;
    ``translations`` ({language: {"subject": ..., "body": ...}}) the others,
    each optional but complete when given. The filters are stored with the
    message, so staff can later see who was meant; the recipients are chosen
    when the task runs. Raises MessagingError for an empty or oversized text,
    half a translation, or an unknown language or filter value.
    """
    subject, body, statuses, modes, countries, translations = _clean(
        program, subject, body, statuses, modes, countries, translations,
    )
    with transaction.atomic():
        message = Message.objects.create(
            program=program, subject=subject, body=body, translations=translations,
            statuses=statuses, modes=modes, countries=countries,
            created_by=actor if actor is not None and getattr(actor, "pk", None) else None,
        )
        tasks.deliver_message.enqueue(message.pk)
    return message


def deliver(message):
    """Queue one personal e-mail per recipient and note it in each one's history.

    One transaction for the whole message: if anything fails, nothing was
    queued and the task's retry starts clean, so nobody gets it twice.
    Returns the number of recipients.
    """
    recipients = audience(
        message.program, statuses=message.statuses, modes=message.modes, countries=message.countries
    ).select_related("program")
    with transaction.atomic():
        locked = Message.objects.select_for_update().get(pk=message.pk)
        if locked.recipients_count:
            # Already delivered (a task run twice); sending again would spam.
            return locked.recipients_count
        count = 0
        events = []
        for registration in recipients:
            version_subject, version_body = locked.version(registration.language)
            subject, text, html = render_for(version_subject, version_body, registration)
            queue_mail(to=registration.email, subject=subject, text=text, html=html, tag=f"message:{locked.pk}")
            events.append(
                RegistrationEvent(
                    registration=registration, action=RegistrationEvent.Action.MESSAGE_SENT,
                    from_status=registration.status, to_status=registration.status,
                    # The subject of the version this person got, before personalising.
                    actor=locked.created_by, note=version_subject[:500],
                )
            )
            count += 1
        RegistrationEvent.objects.bulk_create(events)
        Message.objects.filter(pk=locked.pk).update(recipients_count=count)
    return count


def preview(program, *, subject, body, translations=None, statuses=(), modes=(), countries=()):
    """What sending would do, per version: who gets which language, and how it reads.

    A list, English first, of {"language", "name", "count", "to", "subject",
    "text"}: ``count`` recipients get this version; ``to``, ``subject`` and
    ``text`` show it as the first of them receives it, or as written (``to``
    None) when nobody does. Raises MessagingError as ``send_message`` would.
    Writes nothing.
    """
    subject, body, statuses, modes, countries, translations = _clean(
        program, subject, body, statuses, modes, countries, translations,
    )
    draft = Message(program=program, subject=subject, body=body, translations=translations)
    recipients = audience(program, statuses=statuses, modes=modes, countries=countries)
    counts = {language: 0 for language in draft.languages}
    for row in recipients.order_by().values("language").annotate(count=Count("pk")):
        counts[draft.version_language(row["language"])] += row["count"]
    names = dict(settings.LANGUAGES)
    others = [code for code in draft.languages if code != FALLBACK_LANGUAGE]
    versions = []
    for language in draft.languages:
        version_subject, version_body = draft.version(language)
        readers = (
            recipients.exclude(language__in=others) if language == FALLBACK_LANGUAGE
            else recipients.filter(language=language)
        )
        first = readers.select_related("program").first() if counts[language] else None
        if first is not None:
            shown_subject, shown_text, _html = render_for(version_subject, version_body, first)
        else:
            shown_subject, shown_text = version_subject, version_body
        versions.append({
            "language": language, "name": names.get(language, language), "count": counts[language],
            "to": first.email if first is not None else None, "subject": shown_subject, "text": shown_text,
        })
    return versions
