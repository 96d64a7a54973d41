"""The outbox: queue an e-mail with the change that causes it, send it, retry it.

Every mail is a row first and a task second, both written in the caller's
transaction, so a registration and its confirmation commit together or not at
all. Sending happens later in a worker; a mail server that is down only delays
the mail, it never loses it and never sends it twice.
"""
import base64
import datetime as dt
import logging
import smtplib
import threading
import time

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.smtp import EmailBackend as SMTPBackend
from django.core.mail.message import SafeMIMEMultipart
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from trainingcenter.core.worker import DATABASE_ERRORS, DatabaseOutage

# tasks.py imports this module too; both refer to each other's attributes only at call time.
from . import tasks
from .models import OutgoingMail

logger = logging.getLogger(__name__)

# Seconds to wait before each retry: quick at first (a server restarting),
# then hourly, for about a day in all.
RETRY_DELAYS = (10, 30, 60, 5 * 60, 15 * 60, 30 * 60, 60 * 60)
MAX_ATTEMPTS = 24


def stale_claim():
    """How old a 'sending' claim must be before it counts as its worker's last act.

    Longer than any SMTP timeout (settings.MAIL_STALE_CLAIM_SECONDS, 15
    minutes by default), so a slow server is never sent to twice at once.
    """
    return dt.timedelta(seconds=settings.MAIL_STALE_CLAIM_SECONDS)


def retry_delay(attempts):
    """Seconds to wait after the given number of failed attempts."""
    index = max(attempts, 1) - 1
    return RETRY_DELAYS[index] if index < len(RETRY_DELAYS) else RETRY_DELAYS[-1]


def _normalise_attachments(attachments):
    """The JSON the outbox keeps for each attachment.

    Text (calendar files) is kept as it is, under ``content``; bytes (images,
    PDFs) as base64 under ``content_base64``; an inline image also carries its
    ``content_id``, which the HTML part refers to as ``cid:<content_id>``.
    Rows written before binary attachments existed have ``content`` only and
    are sent as they always were.
    """
    result = []
    for item in attachments:
        if isinstance(item, dict):
            filename, content, mimetype = item["filename"], item["content"], item.get("mimetype", "")
            content_id = item.get("content_id", "")
        else:
            filename, content, mimetype = item
            content_id = ""
        entry = {"filename": filename, "mimetype": mimetype or "application/octet-stream"}
        if isinstance(content, bytes | bytearray):
            entry["content_base64"] = base64.b64encode(bytes(content)).decode("ascii")
        else:
            entry["content"] = content
        if content_id:
            entry["content_id"] = content_id
        result.append(entry)
    return result


def attachment_content(attachment):
    """An outbox attachment's content: bytes if it was stored as base64, else its text."""
    if "content_base64" in attachment:
        return base64.b64decode(attachment["content_base64"])
    return attachment["content"]


def queue_mail(*, to, subject, text, html="", attachments=(), tag="", reply_to="", key="", headers=None,
               enqueue=True):
    """Write the mail and its sending task in the current transaction.

    Called inside the transaction of the change that causes the mail, so both
    commit or roll back together. Attachments are (filename, content,
    mimetype) tuples or dicts with those keys; content is text (calendar
    files) or bytes (images, PDFs). A dict with a ``content_id`` is an inline
    image, shown where the HTML says ``<img src="cid:<content_id>">``.

    ``key`` makes queueing idempotent: a task that renders a mail and runs
    twice (retried, or its worker died after the commit) passes the same key,
    and the second call returns the mail queued by the first.

    ``headers`` adds header lines to this mail (``List-Unsubscribe`` and the
    like); the outbox's own ``Message-ID`` always wins. ``enqueue=False``
    leaves out the mail's own task, for a caller that enqueues
    ``send_outgoing_batch`` with many mails in the same transaction.
    """
    mail, _created = _write_mail(
        dict(to=to, subject=subject, text=text, html=html, attachments=attachments, tag=tag, reply_to=reply_to,
             headers=headers),
        key=key, enqueue=enqueue, claimed=False,
    )
    return mail


def queue_and_send(*, to, subject, text, html="", attachments=(), tag="", reply_to="", key="", headers=None):
    """Queue a mail rendered by a task and send it at once, over the worker's open connection.

    For tasks that render a mail outside any transaction (a registration's
    confirmation): the row is written already claimed by this worker, and sent
    straight away, which saves a second task, two writes and an SMTP handshake
    per mail. If the worker dies between the two steps, the claim goes stale
    and ``requeue_stale_mail`` sends it later, with the same Message-ID, as for
    any mail whose worker died while sending. Inside a transaction (the caller's
    change is not committed yet) it falls back to ``queue_mail``, whose task
    sends after the commit. With a ``key`` already in the outbox (the task runs
    again) it sends the mail queued the first time only if ``send_mail_now``
    would: never once sent, and not while another worker's claim on it is
    fresh (a sending task then waits for the claim to go stale).
    """
    fields = dict(to=to, subject=subject, text=text, html=html, attachments=attachments, tag=tag,
                  reply_to=reply_to, headers=headers)
    if transaction.get_connection().in_atomic_block:
        return queue_mail(**fields, key=key)
    mail, created = _write_mail(fields, key=key, enqueue=False, claimed=True)
    claimed = mail if created else _claim(mail.pk, timezone.now())
    if claimed is not None:
        mail.status = _deliver(claimed)
    elif mail.status == OutgoingMail.Status.SENDING:
        # Another worker's claim is fresh. If that worker died (this task runs
        # again because it did), the mail goes out as soon as the claim is
        # stale, not at the next periodic rescue; if it lives, the task finds
        # the mail sent and does nothing.
        stale_at = (mail.claimed_at or timezone.now()) + stale_claim()
        tasks.send_outgoing_mail.using(run_after=stale_at).enqueue(mail.pk)
    return mail


def _write_mail(fields, *, key, enqueue, claimed):
    """(mail, created): the outbox row, or the one already queued under ``key``."""
    if key:
        existing = OutgoingMail.objects.filter(key=key).first()
        if existing is not None:
            return existing, False
    # A subject is one line; a newline in it would be refused by the mail library.
    subject = " ".join(str(fields["subject"]).split())[:300]
    extra = {"status": OutgoingMail.Status.SENDING, "claimed_at": timezone.now()} if claimed else {}
    try:
        with transaction.atomic():
            mail = OutgoingMail.objects.create(
                to=fields["to"],
                subject=subject,
                body_text=str(fields["text"]),
                body_html=str(fields["html"]),
                attachments=_normalise_attachments(fields["attachments"]),
                tag=fields["tag"][:80],
                reply_to=fields["reply_to"],
                key=key or None,
                headers={str(name): " ".join(str(value).split()) for name, value in (fields["headers"] or {}).items()},
                **extra,
            )
            if enqueue:
                tasks.send_outgoing_mail.enqueue(mail.pk)
    except IntegrityError:
        # Two runs raced past the check above; the unique key let one win.
        if not key:
            raise
        return OutgoingMail.objects.get(key=key), False
    return mail, True


def queue_mails_in_bulk(mails):
    """Write many keyed mails at once (a newsletter chunk) without their own tasks; returns {key: pk}.

    Each item is a dict of ``to``, ``subject``, ``text``, ``html``, ``tag``,
    ``key`` (required) and ``headers``. A key already in the outbox keeps its
    first mail, so a caller that runs twice queues nothing twice. The caller
    enqueues ``send_outgoing_batch`` with the pks, in the same transaction.
    """
    rows = [
        OutgoingMail(
            to=item["to"], subject=" ".join(str(item["subject"]).split())[:300], body_text=str(item["text"]),
            body_html=str(item.get("html", "")), tag=item.get("tag", "")[:80], key=item["key"],
            headers={str(k): " ".join(str(v).split()) for k, v in (item.get("headers") or {}).items()},
        )
        for item in mails
    ]
    OutgoingMail.objects.bulk_create(rows, ignore_conflicts=True, batch_size=500)
    keys = [row.key for row in rows]
    return dict(OutgoingMail.objects.filter(key__in=keys).values_list("key", "pk"))


def _claim(mail_id, now):
    """Take the mail for sending, or return None if it is sent, failed or taken.

    A conditional UPDATE is atomic on every database, so of two workers that
    race for the same mail exactly one gets it; the claim commits at once, so
    no lock is held while talking to the mail server.
    """
    claimable = OutgoingMail.objects.filter(pk=mail_id).filter(
        status__in=[OutgoingMail.Status.QUEUED, OutgoingMail.Status.AWAITING_RETRY]
    ) | OutgoingMail.objects.filter(
        pk=mail_id, status=OutgoingMail.Status.SENDING, claimed_at__lt=now - stale_claim()
    )
    if not claimable.update(status=OutgoingMail.Status.SENDING, claimed_at=now):
        return None
    return OutgoingMail.objects.get(pk=mail_id)


def message_id(mail):
    """A Message-ID fixed by the outbox row, on the sender's domain."""
    domain = settings.DEFAULT_FROM_EMAIL.rsplit("@", 1)[-1].strip(" >") or "localhost"
    return f"<outbox.{mail.pk}.{int(mail.created_at.timestamp())}@{domain}>"


class _OutboxMessage(EmailMultiAlternatives):
    """Django's message, plus inline images beside the HTML part.

    The HTML part and its images go together in a multipart/related part
    (RFC 2387), inside the multipart/alternative, so that mail programs show
    the images in the HTML and do not list them as files; the text part and
    the real attachments are where Django puts them.
    """

    def __init__(self, *args, inline_images=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.inline_images = list(inline_images)

    def _create_alternatives(self, msg):
        if not self.inline_images:
            return super()._create_alternatives(msg)
        encoding = self.encoding or settings.DEFAULT_CHARSET
        alternatives = SafeMIMEMultipart(_subtype=self.alternative_subtype, encoding=encoding)
        if self.body:
            alternatives.attach(msg)
        for alternative in self.alternatives:
            part = self._create_mime_attachment(alternative.content, alternative.mimetype)
            if alternative.mimetype == "text/html":
                part = self._with_inline_images(part, encoding)
            alternatives.attach(part)
        return alternatives

    def _with_inline_images(self, html_part, encoding):
        related = SafeMIMEMultipart(_subtype="related", encoding=encoding)
        related.attach(html_part)
        for image in self.inline_images:
            image_part = self._create_mime_attachment(attachment_content(image), image["mimetype"])
            image_part.add_header("Content-ID", f"<{image['content_id']}>")
            image_part.add_header("Content-Disposition", "inline", filename=image["filename"])
            related.attach(image_part)
        return related


def _message(mail):
    attachments = mail.attachments or []
    inline = [item for item in attachments if item.get("content_id")] if mail.body_html else []
    message = _OutboxMessage(
        subject=mail.subject,
        body=mail.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[mail.to],
        reply_to=[mail.reply_to] if mail.reply_to else None,
        # The same Message-ID on every attempt: if a worker dies after the
        # server accepted the mail but before we noted it, the rescued resend
        # is recognisably the same message, which mail systems drop.
        headers={**(mail.headers or {}), "Message-ID": message_id(mail)},
        inline_images=inline,
    )
    if mail.body_html:
        message.attach_alternative(mail.body_html, "text/html")
    for attachment in attachments:
        if attachment not in inline:
            message.attach(attachment["filename"], attachment_content(attachment), attachment["mimetype"])
    return message


def _is_permanent(error):
    """A refusal the server will repeat forever (5xx for the recipient): retrying is pointless."""
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    return False


class _KeptConnection(threading.local):
    """This thread's SMTP connection, kept open between mails for a short while.

    Opening a connection (TCP, EHLO, perhaps STARTTLS and AUTH) costs more
    than sending a confirmation over it, and a worker sends mails one task at a
    time, so the connection outlives the task. It is closed after ``IDLE``
    seconds without a mail, before most servers' own idle timeout, and after
    ``MAX_MAILS``, so one connection is never used for ever. Other backends
    (files in development, memory in tests) are opened and closed per mail as
    before.
    """

    IDLE = 20.0
    MAX_MAILS = 500

    def __init__(self):
        self.connection = None
        self.server = None
        self.used_at = 0.0
        self.mails = 0

    def get(self):
        """An open connection and whether it was used before (it may have been dropped by the server)."""
        server = (settings.EMAIL_BACKEND, settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_HOST_USER)
        if self.connection is not None and (
            time.monotonic() - self.used_at > self.IDLE or self.mails >= self.MAX_MAILS or server != self.server
        ):
            self.close()
        if self.connection is not None:
            return self.connection, True
        connection = get_connection()
        connection.open()
        if isinstance(connection, SMTPBackend):
            self.connection, self.server, self.mails = connection, server, 0
        return connection, False

    def done(self, connection):
        """After a mail went out: keep an SMTP connection, close any other."""
        if connection is self.connection:
            self.used_at = time.monotonic()
            self.mails += 1
        else:
            connection.close()

    def discard(self, connection):
        """After a failure: close the connection, and forget it if it was the kept one."""
        if connection is self.connection:
            self.close()
        else:
            _close_quietly(connection)

    def close(self):
        if self.connection is not None:
            _close_quietly(self.connection)
        self.connection = None


def _close_quietly(connection):
    try:
        connection.close()
    except Exception:  # noqa: BLE001 - a connection that is already broken needs no closing
        logger.debug("Closing an SMTP connection failed", exc_info=True)


_kept = _KeptConnection()


def _transmit(mail):
    """Hand one mail to the mail server; raises what the server or the network raised."""
    message = _message(mail)
    connection, reused = _kept.get()
    try:
        message.connection = connection
        message.send()
    except (smtplib.SMTPServerDisconnected, ConnectionError) as error:
        _kept.discard(connection)
        if not reused:
            raise
        # A kept connection the server had closed meanwhile: try once on a new one.
        logger.info("Kept SMTP connection was closed by the server (%s); opening a new one", type(error).__name__)
        connection, _reused = _kept.get()
        message.connection = connection
        try:
            message.send()
        except Exception:
            _kept.discard(connection)
            raise
    except Exception:
        _kept.discard(connection)
        raise
    _kept.done(connection)


def _deliver(mail):
    """Send a mail this worker has claimed and record the outcome; returns the new status."""
    try:
        _transmit(mail)
    except Exception as error:  # noqa: BLE001 - any failure must lead to a retry, not a lost mail
        return _record_failure(mail, error)
    _record_sent([mail.pk])
    return OutgoingMail.Status.SENT


def _record_sent(mail_ids):
    """Note that the mail server accepted these mails, waiting out a database that does not answer.

    The server has the mails now. Were this write lost to a database restart,
    the mails would stay "sending" until the stale-claim rescue sent them a
    second time; so a database error here is waited out as the worker waits
    out any outage (``DatabaseOutage``), but from 0.1 s doubling to 1 s, so the
    write lands within a second of the database's return, before any rescuer's
    claim can, and for as long as the claims stay fresh and at least 30 s.
    Inside a transaction nothing can be retried, and the error is raised.
    """
    deadline = time.monotonic() + max(stale_claim().total_seconds(), 30.0)
    outage = DatabaseOutage(first_delay=0.1, max_delay=1.0, who="outbox, noting mails sent")
    while True:
        try:
            OutgoingMail.objects.filter(pk__in=mail_ids).update(
                status=OutgoingMail.Status.SENT, sent_at=timezone.now(), attempts=F("attempts") + 1,
                next_attempt_at=None, last_error="",
            )
        except DATABASE_ERRORS as error:
            if transaction.get_connection().in_atomic_block or time.monotonic() > deadline:
                raise
            outage.failed(error)
        else:
            outage.recovered()
            return


def send_mail_now(mail_id):
    """Send one queued mail, or schedule its next attempt; returns the new status.

    Runs in the worker (the ``send_outgoing_mail`` task). Any error while
    sending counts as an attempt: the error is stored for staff, and a new task
    is scheduled after a growing delay, until the attempts run out.
    """
    mail = _claim(mail_id, timezone.now())
    if mail is None:
        return None
    return _deliver(mail)


def send_batch(mail_ids):
    """Send several queued mails over one SMTP connection; returns how many were sent.

    Each mail is claimed on its own, exactly as ``send_mail_now`` claims it (the
    claims of one batch commit together), so a mail sent, taken by another
    worker or failed for good is skipped, and running the batch twice sends
    nobody anything twice. The mails sent are marked in one write at the end;
    a worker that dies before it leaves them "sending", and the stale-claim
    rescue sends them again with the same Message-ID, as for a single mail.
    A mail that fails is recorded and retried on its own (its own task),
    without stopping the others; a connection that breaks is opened again.
    """
    with transaction.atomic():
        claimed = [mail for mail in (_claim(mail_id, timezone.now()) for mail_id in mail_ids) if mail is not None]
    sent = []
    try:
        for mail in claimed:
            try:
                _transmit(mail)
            except Exception as error:  # noqa: BLE001 - one failure must not stop the batch
                _record_failure(mail, error)
                continue
            sent.append(mail.pk)
    finally:
        if sent:
            _record_sent(sent)
    return len(sent)


def _record_failure(mail, error):
    attempts = mail.attempts + 1
    # The log names the mail, not the person: no addresses in logs.
    logger.warning("Mail %s attempt %s failed: %s", mail.pk, attempts, type(error).__name__)
    detail = f"{type(error).__name__}: {error}"[:2000]
    with transaction.atomic():
        if attempts >= MAX_ATTEMPTS or _is_permanent(error):
            OutgoingMail.objects.filter(pk=mail.pk).update(
                status=OutgoingMail.Status.FAILED, attempts=attempts, last_error=detail, next_attempt_at=None,
            )
            return OutgoingMail.Status.FAILED
        next_attempt = timezone.now() + dt.timedelta(seconds=retry_delay(attempts))
        OutgoingMail.objects.filter(pk=mail.pk).update(
            status=OutgoingMail.Status.AWAITING_RETRY, attempts=attempts, last_error=detail,
            next_attempt_at=next_attempt,
        )
        tasks.send_outgoing_mail.using(run_after=next_attempt).enqueue(mail.pk)
    return OutgoingMail.Status.AWAITING_RETRY


def retry_mail(mail):
    """Staff: try a failed or waiting mail again now, with a fresh round of attempts.

    A mail already sent (or being sent) is left alone, so pressing the button
    twice never sends twice; an older scheduled task finds the mail sent and
    does nothing.
    """
    with transaction.atomic():
        updated = OutgoingMail.objects.filter(
            pk=mail.pk, status__in=[OutgoingMail.Status.FAILED, OutgoingMail.Status.AWAITING_RETRY]
        ).update(status=OutgoingMail.Status.QUEUED, attempts=0, next_attempt_at=None)
        if updated:
            tasks.send_outgoing_mail.enqueue(mail.pk)
    mail.refresh_from_db()
    return mail


def requeue_stale_mail(now=None):
    """Give mails whose worker died while sending another chance; returns how many.

    Called by the periodic task, so a crash between claiming and sending does
    not leave a mail stuck in 'sending' forever.
    """
    now = now or timezone.now()
    stale = list(
        OutgoingMail.objects.filter(status=OutgoingMail.Status.SENDING, claimed_at__lt=now - stale_claim())
        .values_list("pk", flat=True)
    )
    with transaction.atomic():
        for pk in stale:
            tasks.send_outgoing_mail.enqueue(pk)
    return len(stale)


def delete_mail(*, to, tag_prefix="", tags=()):
    """Forget the outbox rows to one address about one subject; returns how many went.

    For erasing a person's data: the outbox keeps each mail's address, text
    and links. Rows whose tag starts with ``tag_prefix`` or is one of ``tags``
    are deleted, sent or not; a send task that comes round later finds no
    row and does nothing.
    """
    if not to or not (tag_prefix or tags):
        return 0
    about = Q(tag__in=list(tags)) if tags else Q(pk__in=[])
    if tag_prefix:
        about |= Q(tag__startswith=tag_prefix)
    deleted, _by_model = OutgoingMail.objects.filter(about, to__iexact=to).delete()
    return deleted
