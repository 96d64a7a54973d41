"""Organisers' data entry for programs, their agenda, people and roles.

Organisers see and edit only the programs they are assigned to; centre admins
and superusers see everything (``programs.access``). Times are entered in the
program's own time zone (``programs.forms``).
"""
from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline, TranslationTabularInline

from . import services
from .access import can_manage_program, manages_all_programs
from .forms import ProgramAdminForm, ProgramBoundInlineFormSet, SessionAdminForm
from .models import FocusArea, FrequentlyAskedQuestion, Person, Program, ProgramRole, Session, Takeaway, Theme


class ProgramScopedAdminMixin:
    """For admins of things that belong to a program (sessions, roles, meetings...).

    Limits lists, object pages and the program choices to the programs the
    user manages, so that an organiser can neither see nor attach anything to
    someone else's program. Set ``program_field`` when the foreign key to the
    program has another name.
    """

    program_field = "program"

    def _program_of(self, obj):
        return getattr(obj, self.program_field, None)

    def get_queryset(self, request):
        queryset = super().get_queryset(request)
        if manages_all_programs(request.user):
            return queryset
        return queryset.filter(**{f"{self.program_field}__in": Program.objects.managed_by(request.user)})

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == self.program_field and not manages_all_programs(request.user):
            kwargs["queryset"] = Program.objects.managed_by(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _may_touch(self, request, obj):
        if obj is None or not isinstance(obj, self.model):
            # Inlines are asked about their parent object, which its own admin checks.
            return True
        program = self._program_of(obj)
        return program is None or can_manage_program(request.user, program)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._may_touch(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_touch(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_touch(request, obj)


# --- inlines on the program page -------------------------------------------------


class SessionInline(TranslationTabularInline):
    model = Session
    form = SessionAdminForm
    formset = ProgramBoundInlineFormSet
    fields = ("kind", "title", "starts", "ends")
    extra = 0
    show_change_link = True
    verbose_name_plural = _("agenda (times in the program's time zone; open a session for speakers and abstract)")


class ProgramRoleInline(TranslationTabularInline):
    model = ProgramRole
    fields = ("person", "role", "note", "order")
    autocomplete_fields = ("person",)
    extra = 0


class FocusAreaInline(TranslationTabularInline):
    model = FocusArea
    fields = ("title", "order")
    extra = 0


class TakeawayInline(TranslationStackedInline):
    model = Takeaway
    fields = ("heading", "text", "order")
    extra = 0
    classes = ("collapse",)


class FrequentlyAskedQuestionInline(TranslationStackedInline):
    model = FrequentlyAskedQuestion
    fields = ("question", "answer", "order")
    extra = 0
    verbose_name_plural = _("questions and answers (shown on the program's page under “Questions?”)")


# --- programs ---------------------------------------------------------------------


@admin.register(Theme)
class ThemeAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = ("name_en", "name_zh_hans", "name_ru", "slug")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Program)
class ProgramAdmin(TranslationAdmin):
    # Not the tabbed variant: it loads jQuery UI from a CDN that is blocked in
    # mainland China, where the centre's staff work.
    form = ProgramAdminForm
    list_display = ("title", "number", "status", "mode", "local_dates", "is_example")
    list_display_links = ("title",)
    list_filter = ("status", "mode", "themes", "is_example")
    search_fields = ("title_en", "title_zh_hans", "title_ru", "subtitle_en", "slug")
    date_hierarchy = "starts"
    prepopulated_fields = {"slug": ("title",)}
    filter_horizontal = ("themes", "organisers")
    readonly_fields = ("created_at", "updated_at")
    view_on_site = True
    save_on_top = True
    inlines = (SessionInline, ProgramRoleInline, FocusAreaInline, TakeawayInline, FrequentlyAskedQuestionInline)
    fieldsets = (
        (_("Basics"), {"fields": ("number", "title", "slug", "subtitle", "summary", "themes", "status", "is_example")}),
        (_("Content"), {"fields": ("background", "objectives", "conclusion"), "classes": ("collapse",)}),
        (
            _("Dates"),
            {
                "fields": ("time_zone", "starts", "ends"),
                "description": _("Enter dates and times as they are in the program's time zone."),
            },
        ),
        (
            _("Registration window and capacity"),
            {
                "fields": (
                    "registration_opens",
                    "registration_closes",
                    "capacity_onsite",
                    "capacity_online",
                    "requires_approval",
                    "attendance_threshold_percent",
                    "attendance_days_required",
                )
            },
        ),
        (_("Delivery"), {"fields": ("mode", "venue", "visa_letters_offered", "recording_url")}),
        (
            _("Contact"),
            {
                "fields": ("contact_name", "contact_email"),
                "description": _(
                    "Who participants write to with questions; shown on the program's page with the questions "
                    "and answers below."
                ),
            },
        ),
        (
            _("Participants' personal data"),
            {
                "fields": ("personal_data_retention_days",),
                "description": _(
                    "Participants can download and erase their own data from their registration page at any time. "
                    "Passport details given for visa letters are erased on their own, a set time after the "
                    "program ends."
                ),
            },
        ),
        (
            _("As reported"),
            {"fields": ("participants_reported", "countries_reported", "source_note"), "classes": ("collapse",)},
        ),
        (
            _("Staff"),
            {
                "fields": ("organisers",),
                "description": _(
                    "Staff assigned to this program. Their role decides what they may do: "
                    "organisers edit it, check-in staff see it."
                ),
            },
        ),
        (_("Record"), {"fields": ("created_at", "updated_at"), "classes": ("collapse",)}),
    )

    def get_queryset(self, request):
        return super().get_queryset(request).managed_by(request.user)

    def get_readonly_fields(self, request, obj=None):
        fields = super().get_readonly_fields(request, obj)
        if not manages_all_programs(request.user):
            # Organisers cannot hand their program to others or lock themselves out.
            fields = (*fields, "organisers")
        return fields

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "organisers":
            kwargs["queryset"] = get_user_model().objects.filter(is_staff=True, is_active=True)
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_manage_program(request.user, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or can_manage_program(request.user, obj))

    def has_view_permission(self, request, obj=None):
        allowed = super().has_view_permission(request, obj)
        return allowed and (obj is None or can_manage_program(request.user, obj))

    def save_model(self, request, obj, form, change):
        # The creator becomes an organiser unless they see every program anyway.
        actor = None if manages_all_programs(request.user) else request.user
        services.save_program(obj, actor=actor, created=not change)

    def save_formset(self, request, form, formset, change):
        if formset.model is not Session:
            return super().save_formset(request, form, formset, change)
        # The agenda goes through the services, so that participants hear of changed times.
        sessions = formset.save(commit=False)
        services.save_agenda(form.instance, sessions=sessions, deleted=formset.deleted_objects, actor=request.user)
        formset.save_m2m()
        return sessions

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if not change and not manages_all_programs(request.user):
            # The form's organiser field (read-only for them) would otherwise clear the link just made.
            services.add_organiser(form.instance, request.user)

    @admin.display(description=_("dates (program time)"), ordering="starts")
    def local_dates(self, program):
        starts = timezone.localtime(program.starts, program.tz)
        ends = timezone.localtime(program.ends, program.tz)
        if starts.date() == ends.date():
            return f"{starts:%Y-%m-%d} ({program.time_zone})"
        return f"{starts:%Y-%m-%d} – {ends:%Y-%m-%d} ({program.time_zone})"


@admin.register(Session)
class SessionAdmin(ProgramScopedAdminMixin, TranslationAdmin):
    form = SessionAdminForm
    list_display = ("title", "program", "kind", "local_start", "duration_minutes")
    list_filter = (("program", admin.RelatedOnlyFieldListFilter), "kind")
    list_select_related = ("program",)
    search_fields = ("title_en", "title_zh_hans", "title_ru", "speakers__family_name", "speakers__given_name")
    date_hierarchy = "starts"
    autocomplete_fields = ("program", "speakers")
    fieldsets = (
        (None, {"fields": ("program", "kind", "title", "starts", "ends", "speakers")}),
        (_("Content"), {"fields": ("abstract", "summary", "slides_url", "recording_url")}),
    )

    def save_model(self, request, obj, form, change):
        services.save_session(obj, actor=request.user)

    def delete_model(self, request, obj):
        services.delete_sessions([obj], actor=request.user)

    def delete_queryset(self, request, queryset):
        services.delete_sessions(queryset.select_related("program"), actor=request.user)

    @admin.display(description=_("starts (program time)"), ordering="starts")
    def local_start(self, session):
        return f"{timezone.localtime(session.starts, session.program.tz):%Y-%m-%d %H:%M}"

    @admin.display(description=_("minutes"))
    def duration_minutes(self, session):
        return session.duration_minutes


@admin.register(ProgramRole)
class ProgramRoleAdmin(ProgramScopedAdminMixin, TranslationAdmin):
    list_display = ("person", "role", "program", "note", "order")
    list_filter = ("role", ("program", admin.RelatedOnlyFieldListFilter))
    list_select_related = ("person", "program")
    search_fields = (
        "person__family_name", "person__given_name", "person__native_name",
        "person__display_name_en", "person__display_name_zh_hans", "person__display_name_ru", "note_en",
    )
    autocomplete_fields = ("program", "person")


# --- people -----------------------------------------------------------------------


class PersonRoleInline(ProgramScopedAdminMixin, TranslationTabularInline):
    """A person's roles, limited to the programs the viewer manages."""

    model = ProgramRole
    fields = ("program", "role", "note", "order")
    autocomplete_fields = ("program",)
    extra = 0
    verbose_name_plural = _("roles in programs")


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    list_display = ("thumbnail", "name", "affiliation", "country")
    list_display_links = ("thumbnail", "name")
    list_filter = ("country", "roles__role")
    search_fields = (
        "given_name",
        "family_name",
        "native_name",
        "display_name_en",
        "display_name_zh_hans",
        "display_name_ru",
        "affiliation_en",
        "affiliation_zh_hans",
        "affiliation_ru",
    )
    prepopulated_fields = {"slug": ("given_name", "family_name")}
    view_on_site = True
    inlines = (PersonRoleInline,)
    fieldsets = (
        (
            _("Name"),
            {
                "fields": (
                    "honorific", "given_name", "family_name", "name_order", "native_name", "display_name", "slug",
                ),
                "description": _(
                    "Write the name as the person writes it; Chinese names put the family name first. "
                    "Under “name as shown”, give the name as each language's pages should write it "
                    "(e.g. Chinese characters on Chinese pages); an empty language shows the name above."
                ),
            },
        ),
        (_("Profile"), {"fields": ("position", "affiliation", "country", "photo", "bionote")}),
    )

    # Profiles are public, so anyone with access may read them and pick them
    # as speakers; changing or deleting one is for those who manage one of the
    # person's programs, so an organiser cannot rewrite another program's speaker.
    def _may_edit(self, request, person):
        if person is None or manages_all_programs(request.user):
            return True
        if not person.roles.exists():
            # Just created and not yet in any program: its author must be able to finish it.
            return True
        return person.roles.filter(program__in=Program.objects.managed_by(request.user)).exists()

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_edit(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_edit(request, obj)

    @admin.display(description=_("photo"))
    def thumbnail(self, person):
        if not person.photo:
            return "—"
        return format_html(
            '<img src="{}" alt="" width="40" height="40">',
            person.photo.url,
        )

    @admin.display(description=_("name"), ordering="family_name")
    def name(self, person):
        return person.full_name
