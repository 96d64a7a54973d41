"""The organisers' list of registrations, their extra questions, and sent messages.

Status, mode and seats change only through the actions below, each of which
calls a service (``registrations.services``), so capacity, waiting list,
history and e-mails behave exactly as when a participant acts. Personal
details are corrected through ``services.update_details``. Organisers see
only the programs they manage (``Program.objects.managed_by``).
"""
from django.contrib import admin, messages
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from trainingcenter.programs.admin import ProgramScopedAdminMixin
from trainingcenter.programs.models import Program

from . import capacity, services
from .models import Answer, Message, Question, Registration, RegistrationEvent

Status = Registration.Status
Mode = Registration.Mode

# How many failures one action lists by name before summing up the rest.
FAILURES_LISTED = 10


def overview_url(program):
    return reverse("staff:program_registrations", kwargs={"slug": program.slug})


class ReadOnlyInline(admin.TabularInline):
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RegistrationEventInline(ReadOnlyInline):
    model = RegistrationEvent
    fields = ("at", "action", "from_status", "to_status", "actor", "note")
    readonly_fields = fields
    verbose_name_plural = _("history")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor")


class AnswerInline(ReadOnlyInline):
    model = Answer
    fields = ("question", "value")
    readonly_fields = fields
    verbose_name_plural = _("answers to extra questions")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("question")


class RegisteredCountryFilter(admin.SimpleListFilter):
    """Only the countries people registered from, not all 250 of the ISO list."""

    title = _("country")
    parameter_name = "country"

    def lookups(self, request, model_admin):
        codes = model_admin.get_queryset(request).order_by().values_list("country", flat=True).distinct()
        countries = [Registration(country=code).country for code in codes if code]
        return sorted(((c.code, c.name) for c in countries), key=lambda pair: str(pair[1]))

    def queryset(self, request, queryset):
        return queryset.filter(country=self.value()) if self.value() else queryset


@admin.register(Registration)
class RegistrationAdmin(ProgramScopedAdminMixin, admin.ModelAdmin):
    list_display = (
        "full_name", "email", "country", "organization", "mode", "status_badge", "program_link", "created_at",
    )
    list_display_links = ("full_name",)
    list_filter = (
        ("program", admin.RelatedOnlyFieldListFilter), "status", "mode", "sector", RegisteredCountryFilter, "language",
    )
    list_select_related = ("program",)
    search_fields = ("given_name", "family_name", "email", "organization")
    date_hierarchy = "created_at"
    list_per_page = 50
    inlines = (AnswerInline, RegistrationEventInline)
    # The time zone is what the participant's browser said; staff have no better source.
    editable_fields = tuple(name for name in services.DETAIL_FIELDS if name != "time_zone")
    fieldsets = (
        (None, {"fields": ("program", "status_badge", "mode", "waitlist_position")}),
        (_("Participant"), {
            "fields": ("given_name", "family_name", "email", "country", "organization", "position", "sector",
                       "gender", "language", "time_zone"),
        }),
        (_("Online meeting"), {"fields": ("join_link_state", "join_url")}),
        (_("Record"), {"fields": ("created_at", "updated_at", "consent_at", "participant_page"),
                       "classes": ("collapse",)}),
    )
    actions = (
        "approve", "confirm", "move_to_waitlist", "switch_to_onsite", "switch_to_online", "reject", "cancel",
    )

    # --- what may be done -------------------------------------------------------

    def has_add_permission(self, request):
        # A registration takes a seat: it is made through services.register
        # (the public form, or the API on someone's behalf), never typed in here.
        return False

    def has_delete_permission(self, request, obj=None):
        # Deleting would free a seat without promoting anyone and erase the
        # history; cancelling or rejecting does both properly.
        return False

    # The participant's page link carries their token, and the token lets its
    # holder cancel or edit; a personal join link lets its holder join as them.
    # Staff who may only look registrations up (check-in) see neither.
    CHANGE_ONLY_FIELDS = ("participant_page", "join_url")

    def get_fieldsets(self, request, obj=None):
        if self.has_change_permission(request, obj):
            return self.fieldsets
        return [
            (name, {**options, "fields": [f for f in options["fields"] if f not in self.CHANGE_ONLY_FIELDS]})
            for name, options in self.fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        every = [name for fieldset in self.fieldsets for name in fieldset[1]["fields"]]
        if obj is not None and obj.is_active and self.has_change_permission(request, obj):
            return [name for name in every if name not in self.editable_fields]
        return every

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)
        return actions

    def save_model(self, request, obj, form, change):
        """Corrections go through the service, which checks and records them."""
        changes = {name: form.cleaned_data[name] for name in form.changed_data if name in self.editable_fields}
        if not changes:
            return
        try:
            services.update_details(obj, changes, actor=request.user)
        except services.RegistrationError as error:
            self.message_user(request, error.message, messages.ERROR)

    # --- columns ----------------------------------------------------------------

    @admin.display(description=_("name"), ordering="family_name")
    def full_name(self, registration):
        return registration.full_name

    @admin.display(description=_("status"), ordering="status")
    def status_badge(self, registration):
        # Colours live in static/css/admin-site.css: the admin's CSP allows no style attributes.
        return format_html(
            '<span class="status-badge status-{}">{}</span>', registration.status, registration.get_status_display(),
        )

    @admin.display(description=_("program"), ordering="program__starts")
    def program_link(self, registration):
        # Program titles are long; a full one makes every row five lines tall.
        title = str(registration.program)
        return format_html(
            '<a href="{}" title="{}: {}">{}</a>', overview_url(registration.program),
            title, _("overview, export and messages"), Truncator(title).chars(32),
        )

    @admin.display(description=_("place on the waiting list"))
    def waitlist_position(self, registration):
        return capacity.waitlist_position(registration) or "—"

    @admin.display(description=_("participant's page"))
    def participant_page(self, registration):
        return format_html('<a href="{0}" rel="noreferrer" target="_blank">{1}</a>',
                           registration.get_absolute_url(), _("Open as the participant sees it"))

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        program_id = request.GET.get("program__id__exact")
        if program_id and program_id.isdigit():
            program = Program.objects.managed_by(request.user).filter(pk=program_id).first()
            if program is not None:
                extra_context["overview_program"] = program
                extra_context["overview_url"] = overview_url(program)
        return super().changelist_view(request, extra_context=extra_context)

    # --- actions: each one registration at a time, through the services -------

    def _apply(self, request, queryset, operation, done_message):
        """Run the service on each registration in its own transaction; report both outcomes.

        One refusal (a full mode, a wrong status) must not undo the others, and
        must reach the organiser as the service's own explanation.
        """
        done = 0
        failures = []
        for registration in queryset.select_related("program"):
            try:
                operation(registration)
            except services.RegistrationError as error:
                failures.append(f"{registration.full_name}: {error.message}")
            else:
                done += 1
        if done:
            self.message_user(request, done_message(done), messages.SUCCESS)
        if failures:
            listed = "; ".join(failures[:FAILURES_LISTED])
            if len(failures) > FAILURES_LISTED:
                listed += " " + str(_("(and %(count)d more)") % {"count": len(failures) - FAILURES_LISTED})
            self.message_user(
                request,
                ngettext("%(count)d registration was not changed: %(reasons)s",
                         "%(count)d registrations were not changed: %(reasons)s", len(failures))
                % {"count": len(failures), "reasons": listed},
                messages.ERROR,
            )

    @admin.action(description=_("Approve selected registrations"), permissions=["change"])
    def approve(self, request, queryset):
        self._apply(
            request, queryset, lambda r: services.approve_registration(r, actor=request.user),
            lambda n: ngettext("%(count)d registration approved.", "%(count)d registrations approved.", n)
            % {"count": n},
        )

    @admin.action(description=_("Confirm selected registrations (from the waiting list)"), permissions=["change"])
    def confirm(self, request, queryset):
        self._apply(
            request, queryset, lambda r: services.confirm_registration(r, actor=request.user),
            lambda n: ngettext("%(count)d registration confirmed.", "%(count)d registrations confirmed.", n)
            % {"count": n},
        )

    @admin.action(description=_("Move selected registrations to the waiting list"), permissions=["change"])
    def move_to_waitlist(self, request, queryset):
        self._apply(
            request, queryset, lambda r: services.move_to_waitlist(r, actor=request.user),
            lambda n: ngettext("%(count)d registration moved to the waiting list.",
                               "%(count)d registrations moved to the waiting list.", n) % {"count": n},
        )

    @admin.action(description=_("Switch selected registrations to onsite"), permissions=["change"])
    def switch_to_onsite(self, request, queryset):
        self._switch(request, queryset, Mode.ONSITE)

    @admin.action(description=_("Switch selected registrations to online"), permissions=["change"])
    def switch_to_online(self, request, queryset):
        self._switch(request, queryset, Mode.ONLINE)

    def _switch(self, request, queryset, mode):
        self._apply(
            request, queryset, lambda r: services.change_mode(r, mode, actor=request.user),
            lambda n: ngettext("%(count)d registration switched to %(mode)s.",
                               "%(count)d registrations switched to %(mode)s.", n)
            % {"count": n, "mode": Mode(mode).label},
        )

    @admin.action(description=_("Cancel selected registrations"), permissions=["change"])
    def cancel(self, request, queryset):
        self._apply(
            request, queryset, lambda r: services.cancel_registration(r, actor=request.user),
            lambda n: ngettext("%(count)d registration cancelled.", "%(count)d registrations cancelled.", n)
            % {"count": n},
        )

    @admin.action(description=_("Reject selected registrations…"), permissions=["change"])
    def reject(self, request, queryset):
        """Asks first (the participant is told by e-mail), with an optional reason sent to them.

        A reason too long to keep is shown again with the page rather than cut
        short, so the organiser never loses what they typed.
        """
        reason = request.POST.get("reason", "").strip()
        too_long = len(reason) > services.REASON_MAX_LENGTH
        if request.POST.get("confirmed") != "yes" or too_long:
            context = {
                **self.admin_site.each_context(request),
                "title": _("Reject registrations"),
                "opts": self.model._meta,
                "registrations": queryset.select_related("program"),
                "action": "reject",
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                "reason": reason,
                "reason_max_length": services.REASON_MAX_LENGTH,
                "reason_error": _("Please use at most %(max)d characters.") % {"max": services.REASON_MAX_LENGTH}
                if too_long else "",
            }
            return TemplateResponse(request, "admin/registrations/registration/reject_confirmation.html", context)
        self._apply(
            request, queryset, lambda r: services.reject_registration(r, actor=request.user, reason=reason),
            lambda n: ngettext("%(count)d registration rejected.", "%(count)d registrations rejected.", n)
            % {"count": n},
        )
        return None


@admin.register(Question)
class QuestionAdmin(ProgramScopedAdminMixin, TranslationAdmin):
    list_display = ("label", "program", "kind", "required", "order")
    list_editable = ("order",)
    list_filter = (("program", admin.RelatedOnlyFieldListFilter), "kind", "required")
    list_select_related = ("program",)
    search_fields = ("label",)
    fields = ("program", "label", "help_text", "kind", "choices", "required", "order")


@admin.register(Message)
class MessageAdmin(ProgramScopedAdminMixin, admin.ModelAdmin):
    """A record of what was sent to whom; messages are written on the program's staff page."""

    list_display = ("subject", "program", "audience", "recipients_count", "created_by", "created_at")
    list_filter = (("program", admin.RelatedOnlyFieldListFilter),)
    list_select_related = ("program", "created_by")
    search_fields = ("subject",)
    date_hierarchy = "created_at"
    fields = ("program", "subject", "body", "translations", "statuses", "modes", "countries", "recipients_count",
              "created_by", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @admin.display(description=_("sent to"))
    def audience(self, message):
        parts = []
        if message.statuses:
            parts.append(", ".join(str(Status(s).label) for s in message.statuses if s in Status.values))
        if message.modes:
            parts.append(", ".join(str(Mode(m).label) for m in message.modes if m in Mode.values))
        if message.countries:
            parts.append(", ".join(message.countries))
        return " · ".join(parts) or _("everyone taking part")
