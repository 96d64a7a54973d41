"""Readers' comments: written, held for moderation (unless the post says otherwise), moderated, deleted.

Every write about comments is here. The commenter gets an e-mail with a link
that deletes their comment (an unguessable token from ``secrets``);
moderators (active staff who may change comments) get an e-mail per comment
that waits for them.
"""
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from trainingcenter.mailer.services import queue_mail

from .models import Comment

MAX_LINKS = 2
LINK = re.compile(r"(https?://|www\.)", re.IGNORECASE)


class CommentError(Exception):
    def __init__(self, message, field=None):
        super().__init__(message)
        self.message = message
        self.field = field


def count_links(text):
    return len(LINK.findall(text or ""))


def moderators():
    """Active staff allowed to change comments, superusers included."""
    users = get_user_model().objects.filter(is_active=True, is_staff=True).exclude(email="")
    may = (
        Q(is_superuser=True)
        | Q(user_permissions__codename="change_comment", user_permissions__content_type__app_label="news")
        | Q(groups__permissions__codename="change_comment", groups__permissions__content_type__app_label="news")
    )
    return users.filter(may).distinct().order_by("pk")


def _url(name, **kwargs):
    return settings.SITE_URL + reverse(name, kwargs=kwargs)


@transaction.atomic
def add_comment(post, *, name, email, body, parent=None, language=None):
    """Write a comment; held for moderation unless the post publishes comments at once. Returns it."""
    if not post.comments_open:
        raise CommentError(gettext("Comments on this post are closed."))
    if parent is not None:
        if parent.post_id != post.pk or parent.status != Comment.Status.APPROVED:
            raise CommentError(gettext("The comment you are replying to is not available."))
        # One level of replies: a reply to a reply goes under the same first comment.
        parent = parent.parent or parent
    if count_links(body) > MAX_LINKS:
        raise CommentError(
            gettext("Please include at most %(count)d links in a comment.") % {"count": MAX_LINKS}, "body"
        )
    status = Comment.Status.PENDING if post.comments_moderated else Comment.Status.APPROVED
    comment = Comment.objects.create(
        post=post, parent=parent, name=name.strip(), email=email.strip(), body=body.strip(), status=status,
        token=Comment.new_token(), moderated_at=None if status == Comment.Status.PENDING else timezone.now(),
    )
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        context = {
            "comment": comment, "post": post,
            "post_url": _url("news:detail", slug=post.slug),
            "delete_url": _url("news:delete_comment", token=comment.token),
        }
        queue_mail(
            to=comment.email,
            subject=gettext("Your comment on “%(title)s”") % {"title": post.title},
            text=render_to_string("news/email/comment_received.txt", context),
            tag=f"comment:{comment.pk}:received",
            key=f"comment:{comment.pk}:received",
        )
    if status == Comment.Status.PENDING:
        admin_url = settings.SITE_URL + reverse("admin:news_comment_changelist") + "?status__exact=pending"
        for moderator in moderators():
            with translation.override(settings.LANGUAGE_CODE):
                context = {
                    "comment": comment, "post": post,
                    "admin_url": admin_url,
                }
                queue_mail(
                    to=moderator.email,
                    subject=gettext("A comment waits for moderation: “%(title)s”") % {"title": post.title},
                    text=render_to_string("news/email/comment_to_moderate.txt", context),
                    tag=f"comment:{comment.pk}:moderate",
                    key=f"comment:{comment.pk}:moderate:{moderator.pk}",
                )
    return comment


def moderate(comments, status, *, now=None):
    """Approve or reject comments in bulk; returns how many changed."""
    if status not in (Comment.Status.APPROVED, Comment.Status.REJECTED):
        raise ValueError(status)
    ids = [comment.pk for comment in comments]
    return Comment.objects.filter(pk__in=ids).exclude(status=status).update(
        status=status, moderated_at=now or timezone.now(),
    )


def delete_comments(comments):
    """Delete comments (and their replies); returns how many comments went."""
    ids = [comment.pk for comment in comments]
    deleted, by_model = Comment.objects.filter(pk__in=ids).delete()
    return by_model.get(Comment._meta.label, 0)


def delete_own(token):
    """The commenter deletes their comment through the link in their e-mail; True if it existed."""
    return bool(delete_comments(Comment.objects.filter(token=token)))
