"""How a program is delivered online: one static link, or Zoom with a personal link each."""
from django.db import models
from django.utils.translation import gettext_lazy as _

from trainingcenter.programs.models import Program


class OnlineMeeting(models.Model):
    class Provider(models.TextChoices):
        STATIC = "static", _("One link for everyone (Jitsi, Teams, Zoom without registration)")
        ZOOM = "zoom", _("Zoom with a personal link per participant")

    class ZoomKind(models.TextChoices):
        MEETING = "meeting", _("Meeting")
        WEBINAR = "webinar", _("Webinar")

    program = models.OneToOneField(Program, on_delete=models.CASCADE, related_name="online_meeting")
    provider = models.CharField(_("provider"), max_length=10, choices=Provider.choices, default=Provider.STATIC)
    join_url = models.URLField(
        _("join link"), max_length=500, blank=True,
        help_text=_("Static provider: the link shown to confirmed online participants."),
    )
    speaker_url = models.URLField(_("speaker link"), max_length=500, blank=True)
    zoom_kind = models.CharField(_("Zoom type"), max_length=10, choices=ZoomKind.choices, blank=True)
    zoom_id = models.CharField(_("Zoom meeting or webinar ID"), max_length=32, blank=True)

    class Meta:
        verbose_name = _("online meeting")
        verbose_name_plural = _("online meetings")

    def __str__(self):
        return f"{self.program} ({self.get_provider_display()})"

    @property
    def gives_personal_links(self):
        return self.provider == self.Provider.ZOOM
