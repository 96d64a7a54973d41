"""Organisers write posts and tags here; saving goes through news.services."""
from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import TranslationAdmin

from . import comments, images, services
from .models import Comment, Post, Subscriber, Tag


class PostAdminForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = (
            "title", "slug", "summary", "body", "tags", "cover", "cover_alt",
            "is_published", "published_at", "program", "comments_open", "comments_moderated",
        )

    def clean_cover(self):
        cover = self.cleaned_data.get("cover")
        if cover and not getattr(cover, "_committed", True):
            images.check_image(cover)
        return cover


@admin.register(Tag)
class TagAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    prepopulated_fields = {"slug": ("name_en",)}
    search_fields = ("name",)


@admin.register(Post)
class PostAdmin(TranslationAdmin):
    form = PostAdminForm
    list_display = ("title", "published_at", "is_published", "program")
    list_filter = ("is_published", "tags")
    search_fields = ("title", "summary")
    date_hierarchy = "published_at"
    autocomplete_fields = ("tags",)
    prepopulated_fields = {"slug": ("title_en",)}
    fieldsets = (
        (None, {"fields": ("title", "slug", "summary", "body", "tags")}),
        (_("Cover image"), {"fields": ("cover", "cover_alt")}),
        (_("Publishing"), {"fields": ("is_published", "published_at", "program")}),
        (_("Comments"), {"fields": ("comments_open", "comments_moderated")}),
    )

    def save_model(self, request, obj, form, change):
        services.save_post(obj)

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)


@admin.register(Subscriber)
class SubscriberAdmin(admin.ModelAdmin):
    list_display = ("email", "language", "confirmed_at", "created_at")
    list_filter = ("language",)
    search_fields = ("email",)
    readonly_fields = ("email", "language", "confirmed_at", "created_at", "source")


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    """Moderation: approve, reject or delete comments in bulk. The e-mail is shown to moderators only."""

    list_display = ("name", "short_body", "post", "status", "created_at", "is_reply")
    list_filter = ("status", "post")
    search_fields = ("name", "body", "email")
    readonly_fields = ("post", "parent", "name", "email", "body", "status", "created_at", "moderated_at")
    actions = ("approve", "reject", "delete_selected_comments")
    list_select_related = ("post",)

    def has_add_permission(self, request):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # deleting goes through the service
        return actions

    @admin.display(description=_("comment"))
    def short_body(self, comment):
        return comment.body[:80]

    @admin.display(description=_("reply"), boolean=True)
    def is_reply(self, comment):
        return comment.parent_id is not None

    @admin.action(description=_("Approve the selected comments"), permissions=["change"])
    def approve(self, request, queryset):
        count = comments.moderate(queryset, Comment.Status.APPROVED)
        self.message_user(request, ngettext("%d comment approved.", "%d comments approved.", count) % count)

    @admin.action(description=_("Reject the selected comments"), permissions=["change"])
    def reject(self, request, queryset):
        count = comments.moderate(queryset, Comment.Status.REJECTED)
        self.message_user(request, ngettext("%d comment rejected.", "%d comments rejected.", count) % count)

    @admin.action(description=_("Delete the selected comments"), permissions=["delete"])
    def delete_selected_comments(self, request, queryset):
        count = comments.delete_comments(queryset)
        self.message_user(request, ngettext("%d comment deleted.", "%d comments deleted.", count) % count)

    def delete_model(self, request, obj):
        comments.delete_comments([obj])

    def delete_queryset(self, request, queryset):
        comments.delete_comments(queryset)
