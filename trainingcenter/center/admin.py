"""The centre's profile, partners, country groups and staff API tokens; admin branding."""
from django.contrib import admin, messages
from django.contrib.admin.widgets import FilteredSelectMultiple
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from .models import ApiToken, Center, CountryGroup, Partner
from .services import revoke_api_token

admin.site.site_header = _("Training Center administration")
admin.site.site_title = _("Training Center administration")
admin.site.index_title = _("Programs, people and the centre")


class PartnerInline(TranslationStackedInline):
    model = Partner
    fields = (("name", "abbreviation"), ("role", "order"), ("country", "website"), "description")
    extra = 0


@admin.register(Center)
class CenterAdmin(TranslationAdmin):
    list_display = ("name", "short_name", "email", "website")
    inlines = (PartnerInline,)
    fieldsets = (
        (None, {"fields": ("name", "short_name", "tagline", "founded")}),
        (_("About"), {"fields": ("about", "mission")}),
        (
            _("Contact"),
            {
                "fields": ("email", "phone", "website", "address"),
                "description": _("Shown on the about page and at the foot of every page."),
            },
        ),
    )

    def has_add_permission(self, request):
        # The platform serves one centre; a second profile would never be shown.
        return super().has_add_permission(request) and not Center.objects.exists()


@admin.register(CountryGroup)
class CountryGroupAdmin(TranslationAdmin):
    list_display = ("name", "slug", "country_count")
    search_fields = ("name_en", "name_zh_hans", "name_ru", "slug")
    prepopulated_fields = {"slug": ("name",)}
    fields = ("name", "slug", "description", "countries")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "countries":
            # Two searchable lists instead of one long multi-select of 250 countries.
            kwargs["widget"] = FilteredSelectMultiple(db_field.verbose_name, is_stacked=False)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("countries"))
    def country_count(self, group):
        return len(group.countries)


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Read-only: tokens are created with ``manage.py create_api_token``, which shows the secret once."""

    list_display = ("user", "name", "created_at", "last_used_at", "revoked_at")
    list_filter = (("revoked_at", admin.EmptyFieldListFilter),)
    search_fields = ("user__username", "name")
    readonly_fields = ("user", "name", "created_at", "last_used_at", "revoked_at")
    fields = readonly_fields
    actions = ("revoke",)

    def has_revoke_permission(self, request):
        return request.user.has_perm("center.change_apitoken")

    @admin.action(description=_("Revoke the selected tokens"), permissions=["revoke"])
    def revoke(self, request, queryset):
        for token in queryset.filter(revoked_at__isnull=True):
            revoke_api_token(token)
        self.message_user(request, _("The selected tokens no longer work."), messages.SUCCESS)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
