"""Each program's online meeting, limited to the programs the user manages."""
from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from trainingcenter.programs.admin import ProgramScopedAdminMixin

from .models import OnlineMeeting


@admin.register(OnlineMeeting)
class OnlineMeetingAdmin(ProgramScopedAdminMixin, admin.ModelAdmin):
    list_display = ("program", "provider", "zoom_kind", "zoom_id")
    list_filter = ("provider",)
    list_select_related = ("program",)
    search_fields = ("program__title_en", "program__title_zh_hans", "program__slug", "zoom_id")
    autocomplete_fields = ("program",)
    fieldsets = (
        (None, {"fields": ("program", "provider")}),
        (
            _("One link for everyone"),
            {
                "fields": ("join_url",),
                "description": _("Shown only to confirmed online participants."),
            },
        ),
        (_("Zoom"), {"fields": ("zoom_kind", "zoom_id")}),
        (_("Speakers"), {"fields": ("speaker_url",)}),
    )
