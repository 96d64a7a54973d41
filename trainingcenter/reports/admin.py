"""Organisers write reports in the admin: sections, references and photos as inlines, per language.

Every save goes through ``services`` (rich text is sanitised there, photos are
checked with Pillow); publishing and unpublishing are actions. Organisers see
only the reports of programs they manage.
"""
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationStackedInline, TranslationTabularInline

from trainingcenter.programs.access import can_manage_program, manages_all_programs
from trainingcenter.programs.models import Program, Session

from . import services
from .models import Report, ReportPhoto, ReportReference, ReportSection


def _report_being_edited(request):
    object_id = request.resolver_match.kwargs.get("object_id") if request.resolver_match else None
    if not object_id:
        return None
    return Report.objects.filter(pk=object_id).first()


class ReportSectionInline(TranslationStackedInline):
    model = ReportSection
    extra = 0
    fields = ("order", "kind", "session", "heading", "body")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "session":
            report = _report_being_edited(request)
            kwargs["queryset"] = (
                Session.objects.filter(program=report.program_id).order_by("starts")
                if report else Session.objects.none()
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class ReportReferenceInline(TranslationTabularInline):
    model = ReportReference
    extra = 0
    fields = ("order", "title", "url")


class ReportPhotoInline(TranslationTabularInline):
    model = ReportPhoto
    extra = 0
    fields = ("order", "image", "caption")


@admin.register(Report)
class ReportAdmin(admin.ModelAdmin):
    list_display = ("program", "status", "published_at", "links")
    list_filter = ("status",)
    search_fields = ("program__title", "program__slug")
    readonly_fields = ("status", "published_at", "links", "updated_at")
    inlines = [ReportSectionInline, ReportReferenceInline, ReportPhotoInline]
    actions = ["publish", "unpublish"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ("program",)
        return ("program", "status", "published_at", "links", "updated_at")

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return ()
        return ("program", *self.readonly_fields)

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []

    def get_queryset(self, request):
        queryset = super().get_queryset(request).select_related("program")
        if manages_all_programs(request.user):
            return queryset
        return queryset.filter(program__in=Program.objects.managed_by(request.user))

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "program":
            programs = Program.objects.filter(report__isnull=True)
            if not manages_all_programs(request.user):
                programs = programs.filter(pk__in=Program.objects.managed_by(request.user).values("pk"))
            kwargs["queryset"] = programs.order_by("-starts")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def _may_touch(self, request, obj):
        return obj is None or can_manage_program(request.user, obj.program)

    def has_view_permission(self, request, obj=None):
        return super().has_view_permission(request, obj) and self._may_touch(request, obj)

    def has_change_permission(self, request, obj=None):
        return super().has_change_permission(request, obj) and self._may_touch(request, obj)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and self._may_touch(request, obj)

    @admin.display(description=_("report"))
    def links(self, report):
        if not report.pk:
            return "-"
        label = _("View") if report.is_published else _("Preview the draft")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a> · <a href="{}" target="_blank" rel="noopener">PDF</a>',
            reverse("programs:report", kwargs={"slug": report.program.slug}),
            label,
            reverse("programs:report_pdf", kwargs={"slug": report.program.slug}),
        )

    def save_model(self, request, obj, form, change):
        if not change:
            created = services.report_for(obj.program)
            obj.pk = created.pk
            obj.status, obj.published_at = created.status, created.published_at

    def save_formset(self, request, form, formset, change):
        instances = formset.save(commit=False)
        for obj in formset.deleted_objects:
            if isinstance(obj, ReportSection):
                services.delete_section(obj)
            elif isinstance(obj, ReportReference):
                services.delete_reference(obj)
            elif isinstance(obj, ReportPhoto):
                services.delete_photo(obj)
        changed_forms = {id(f.instance): f for f in formset.forms}
        for obj in instances:
            try:
                if isinstance(obj, ReportSection):
                    services.save_section(obj)
                elif isinstance(obj, ReportReference):
                    services.save_reference(obj)
                elif isinstance(obj, ReportPhoto):
                    inline_form = changed_forms.get(id(obj))
                    services.save_photo(obj, image_changed=inline_form is None or "image" in inline_form.changed_data)
            except ValidationError as error:
                messages.error(request, "; ".join(error.messages))
        formset.save_m2m()

    @admin.action(description=_("Publish the selected reports"))
    def publish(self, request, queryset):
        count = 0
        for report in queryset:
            if can_manage_program(request.user, report.program):
                services.publish_report(report)
                count += 1
        self.message_user(request, ngettext("%d report published.", "%d reports published.", count) % count)

    @admin.action(description=_("Unpublish the selected reports (back to draft)"))
    def unpublish(self, request, queryset):
        count = 0
        for report in queryset:
            if can_manage_program(request.user, report.program):
                services.unpublish_report(report)
                count += 1
        self.message_user(request, ngettext("%d report unpublished.", "%d reports unpublished.", count) % count)
