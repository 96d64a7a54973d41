"""Newsletter issues: composed from recent posts and upcoming programs, tested, sent in the background.

Sending is a chain of tasks, each listing one chunk of confirmed subscribers
(by primary key), creating their ``Delivery`` rows and queueing each one's mail
into the outbox with the key ``issue:<id>:<address>``. Every step can run
twice: a delivery exists once per issue and address (a unique constraint),
and the outbox's unique key returns the mail queued the first time, so a
worker stopped and restarted in the middle never sends anyone the issue twice.
Each mail is sent (and retried) on its own, so one failing address does not
stop the rest.
"""
import datetime as dt

from django.conf import settings
from django.db import transaction
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.html import strip_tags

from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.mailer.services import queue_mail, queue_mails_in_bulk
from trainingcenter.mailer.tasks import send_outgoing_batch
from trainingcenter.programs.models import Program

from . import newsletter, tasks
from .models import Delivery, Issue, Post, Subscriber
from .services import clean_html

__all__ = ["clean_html", "compose", "list_recipients", "progress", "render", "save_issue", "send_test", "start_sending"]

CHUNK = 1000
SEND_BATCH = 100
RECENT = dt.timedelta(days=60)
LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]
UNSUBSCRIBE_PLACEHOLDER = "__UNSUBSCRIBE_URL__"


def _suffix(language):
    return language.replace("-", "_")


def _prefill(language, now):
    posts = list(Post.objects.published(now).filter(published_at__gte=now - RECENT)[:5]) or list(
        Post.objects.published(now)[:3]
    )
    programs = list(Program.objects.upcoming(now)[:5])
    with translation.override(language):
        return render_to_string("news/email/issue_prefill.html", {
            "posts": posts, "programs": programs, "site_url": settings.SITE_URL,
        })


@transaction.atomic
def compose(*, user=None, now=None):
    """A draft issue whose body, in each language, lists recent posts and upcoming programs."""
    now = now or timezone.now()
    issue = Issue(created_by=user)
    for language in LANGUAGE_CODES:
        with translation.override(language):
            setattr(issue, f"subject_{_suffix(language)}", translation.gettext("News from the training centre"))
        setattr(issue, f"body_{_suffix(language)}", _prefill(language, now))
    issue.save()
    return issue


def save_issue(issue, **values):
    """Change a draft's subject and body (per language: subject_en, body_ru...); bodies are sanitised."""
    if issue.status != Issue.Status.DRAFT:
        raise ValueError("Only a draft can be changed.")
    for name, value in values.items():
        setattr(issue, name, clean_html(value) if name.startswith("body") else value)
    issue.save()
    return issue


def render(issue, language, unsubscribe_url=UNSUBSCRIBE_PLACEHOLDER):
    """(subject, text, html) of the issue in one language; English where a language has no text."""
    suffix = _suffix(language)
    subject = getattr(issue, f"subject_{suffix}") or issue.subject_en
    body = clean_html(getattr(issue, f"body_{suffix}") or issue.body_en)
    with translation.override(language):
        context = {"subject": subject, "body": body, "unsubscribe_url": unsubscribe_url,
                   "site_url": settings.SITE_URL, "language": language}
        html = render_to_string("news/email/issue.html", context)
        text = render_to_string("news/email/issue.txt", {**context, "body_text": _text_of(body)})
    return subject, text, html


def _text_of(html):
    text = html.replace("</p>", "\n\n").replace("<br>", "\n").replace("</li>", "\n").replace("<li>", "- ")
    return "\n".join(line.strip() for line in strip_tags(text).splitlines()).strip()


def send_test(issue, *, to, language):
    """Queue the issue in one language to one address (the organiser's own), marked as a test."""
    subject, text, html = render(issue, language, unsubscribe_url=settings.SITE_URL + "/")
    with transaction.atomic():
        return queue_mail(to=to, subject=f"[TEST] {subject}", text=text, html=html, tag=f"issue:{issue.pk}:test")


def start_sending(issue, *, now=None):
    """Begin sending a draft to every confirmed subscriber; False if it was not a draft."""
    with transaction.atomic():
        started = Issue.objects.filter(pk=issue.pk, status=Issue.Status.DRAFT).update(
            status=Issue.Status.SENDING, started_at=now or timezone.now(),
        )
        if started:
            tasks.list_issue_recipients.enqueue(issue.pk, 0)
    issue.refresh_from_db()
    return bool(started)


def list_recipients(issue_id, after_pk, *, chunk=CHUNK):
    """One step of the chain: deliveries and mails for the next ``chunk`` confirmed subscribers after ``after_pk``.

    Returns the last subscriber's primary key, or None when the list is done.
    """
    issue = Issue.objects.filter(pk=issue_id).first()
    if issue is None or issue.status == Issue.Status.DRAFT:
        return None
    subscribers = list(
        Subscriber.objects.filter(confirmed_at__isnull=False, pk__gt=after_pk).order_by("pk")[:chunk]
    )
    if not subscribers:
        Issue.objects.filter(pk=issue.pk, recipients_listed_at__isnull=True).update(recipients_listed_at=timezone.now())
        return None
    rendered = {}
    unsubscribe = {}  # per language: the unsubscribe address with a placeholder for the token
    mails = []
    for subscriber in subscribers:
        language = subscriber.language
        if language not in rendered:
            rendered[language] = render(issue, language)
            unsubscribe[language] = newsletter.page_url(
                "newsletter:unsubscribe", Subscriber(language=language, token="__TOKEN__"),  # noqa: S106 - a placeholder
            )
        subject, text, html = rendered[language]
        url = unsubscribe[language].replace("__TOKEN__", subscriber.token)
        mails.append({
            "to": subscriber.email, "subject": subject, "tag": f"issue:{issue.pk}",
            "text": text.replace(UNSUBSCRIBE_PLACEHOLDER, url), "html": html.replace(UNSUBSCRIBE_PLACEHOLDER, url),
            "key": _mail_key(issue, subscriber.email),
            "headers": {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        })
    with transaction.atomic():
        keys = queue_mails_in_bulk(mails)
        Delivery.objects.bulk_create(
            [Delivery(issue=issue, subscriber=s, email=s.email, language=s.language,
                      mail_id=keys.get(_mail_key(issue, s.email))) for s in subscribers],
            ignore_conflicts=True,
        )
        # Mails go out in batches over one SMTP connection each (mailer.send_batch);
        # every mail is still claimed on its own, so a batch run twice sends nothing twice.
        queued = sorted(keys.values())
        for start in range(0, len(queued), SEND_BATCH):
            send_outgoing_batch.enqueue(queued[start:start + SEND_BATCH])
        last = subscribers[-1].pk
        tasks.list_issue_recipients.enqueue(issue.pk, last)
    return last


def _mail_key(issue, email):
    return f"issue:{issue.pk}:{email.lower()}"


def progress(issue):
    """Figures for the progress on the page: recipients listed, mails by status; marks the issue sent when done."""
    issue.refresh_from_db()
    by_status = dict(
        Delivery.objects.filter(issue=issue).values_list("mail__status").annotate(n=Count("pk")).values_list(
            "mail__status", "n"
        )
    )
    total = sum(by_status.values())
    sent = by_status.get(OutgoingMail.Status.SENT, 0)
    failed = by_status.get(OutgoingMail.Status.FAILED, 0)
    listed = issue.recipients_listed_at is not None
    if issue.status == Issue.Status.SENDING and listed and sent + failed == total:
        Issue.objects.filter(pk=issue.pk, status=Issue.Status.SENDING).update(status=Issue.Status.SENT)
        issue.refresh_from_db()
    return {
        "total": total, "sent": sent, "failed": failed, "waiting": total - sent - failed,
        "listed": listed, "status": issue.status,
        "percent": int(100 * (sent + failed) / total) if total else (100 if listed else 0),
    }
