"""An outbox: every e-mail the platform sends is a row first, then a task.

The row and its task are written in the transaction of the change that causes
them, so a registration and its confirmation commit together or not at all.
Staff can see what is queued, retrying or failed.
"""
from django.db import models
from django.utils.translation import gettext_lazy as _


class OutgoingMailQuerySet(models.QuerySet):
    def unsent(self):
        return self.exclude(status=OutgoingMail.Status.SENT)


class OutgoingMail(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENDING = "sending", _("Being sent")
        AWAITING_RETRY = "awaiting_retry", _("Waiting to retry")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    to = models.EmailField(_("to"))
    subject = models.CharField(_("subject"), max_length=300)
    body_text = models.TextField(_("text"))
    body_html = models.TextField(_("HTML"), blank=True)
    # [{"filename": ..., "content": <text>, "mimetype": ...}]: calendar files are text;
    # bytes are kept as "content_base64" instead of "content", and an inline
    # image (shown in the HTML as cid:<content_id>) also has a "content_id".
    attachments = models.JSONField(default=list, blank=True)
    reply_to = models.EmailField(blank=True)
    # Extra header lines for this mail, e.g. {"List-Unsubscribe": "<https://…>"}; rows
    # written before this field existed have none.
    headers = models.JSONField(default=dict, blank=True)
    tag = models.CharField(
        _("about"), max_length=80, blank=True, db_index=True,
        help_text=_("What the mail is about, e.g. 'registration:42:confirmation'."),
    )
    # Set by callers that may run twice (tasks); unique, so a second run cannot queue the mail again.
    key = models.CharField(max_length=120, null=True, blank=True, unique=True, editable=False)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    # When a worker took the mail to send it; a claim older than the SMTP
    # timeout means that worker died, and the mail may be taken again.
    claimed_at = models.DateTimeField(null=True, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = OutgoingMailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("outgoing e-mail")
        verbose_name_plural = _("outgoing e-mails")

    def __str__(self):
        return self.subject
