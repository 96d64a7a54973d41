"""The outbox, for staff to see what is queued, retrying or failed, and retry it."""
from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services as mail_services
from .models import OutgoingMail


@admin.register(OutgoingMail)
class OutgoingMailAdmin(admin.ModelAdmin):
    """Read-only: mails are written by the services that send them, never by hand."""

    list_display = ("subject", "to", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status",)
    search_fields = ("to", "subject", "tag")
    date_hierarchy = "created_at"
    readonly_fields = (
        "to", "subject", "status", "attempts", "last_error", "tag", "reply_to",
        "created_at", "next_attempt_at", "sent_at", "body_text", "body_html", "attachment_names",
    )
    fieldsets = (
        (None, {"fields": ("to", "subject", "status", "attempts", "last_error", "tag", "reply_to")}),
        (_("Times"), {"fields": ("created_at", "next_attempt_at", "sent_at")}),
        (_("Content"), {"fields": ("body_text", "body_html", "attachment_names")}),
    )
    actions = ("retry_now",)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_retry_permission(self, request):
        return request.user.has_perm("mailer.change_outgoingmail")

    @admin.display(description=_("attachments"))
    def attachment_names(self, mail):
        return ", ".join(item.get("filename", "?") for item in mail.attachments or []) or "—"

    @admin.action(description=_("Retry sending now"), permissions=["retry"])
    def retry_now(self, request, queryset):
        retry = getattr(mail_services, "retry_mail", None)
        if retry is None:
            self.message_user(request, _("Retrying is not available yet."), messages.WARNING)
            return
        retried = 0
        skipped = 0
        for mail in queryset:
            before = mail.status
            after = retry(mail).status
            if before != after and after == OutgoingMail.Status.QUEUED:
                retried += 1
            else:
                skipped += 1
        self.message_user(
            request,
            ngettext("%(count)d e-mail queued again.", "%(count)d e-mails queued again.", retried) % {"count": retried},
            messages.SUCCESS if retried else messages.INFO,
        )
        if skipped:
            self.message_user(
                request,
                ngettext(
                    "%(count)d e-mail was sent, queued or being sent already and was left alone.",
                    "%(count)d e-mails were sent, queued or being sent already and were left alone.",
                    skipped,
                ) % {"count": skipped},
                messages.INFO,
            )
