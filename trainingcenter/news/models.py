"""Posts and announcements, and the newsletter's subscribers.

A post is visible once its publish date has passed: the public queries filter
on the current time, so scheduled publishing needs no task.
"""
import secrets

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60)
    slug = models.SlugField(_("slug"), unique=True, max_length=60)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("news:tag", kwargs={"tag": self.slug})


class PostQuerySet(models.QuerySet):
    def published(self, now=None):
        """Posts a visitor may see: published, and their date has come."""
        return self.filter(is_published=True, published_at__lte=now or timezone.now())


class Post(models.Model):
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), unique=True, max_length=120)
    summary = models.TextField(
        _("summary"), blank=True, help_text=_("One or two sentences, shown in lists and link previews.")
    )
    body = models.TextField(_("body"), blank=True, help_text=_("Rich text; only safe HTML is kept."))
    cover = models.ImageField(_("cover image"), upload_to="news/", blank=True)
    cover_width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    cover_height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # [{"width": 480, "height": 270, "name": "news/sizes/…-480.jpg"}, …], smallest first.
    cover_sizes = models.JSONField(default=list, blank=True, editable=False)
    cover_alt = models.CharField(_("cover image description"), max_length=200, blank=True)
    tags = models.ManyToManyField(Tag, blank=True, related_name="posts", verbose_name=_("tags"))
    program = models.ForeignKey(
        "programs.Program", on_delete=models.SET_NULL, null=True, blank=True, related_name="posts",
        verbose_name=_("program"), help_text=_("For an announcement: the program it announces."),
    )
    is_published = models.BooleanField(_("published"), default=True)
    published_at = models.DateTimeField(
        _("publish date"), default=timezone.now, db_index=True,
        help_text=_("A post with a date in the future stays hidden until then."),
    )
    comments_moderated = models.BooleanField(
        _("hold comments for moderation"), default=True,
    )
    comments_open = models.BooleanField(_("comments open"), default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PostQuerySet.as_manager()

    class Meta:
        ordering = ["-published_at", "-pk"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("news:detail", kwargs={"slug": self.slug})


class Subscriber(models.Model):
    """One newsletter address; mailed only once confirmed, in its language."""

    email = models.EmailField(_("e-mail"), unique=True)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES, default="en")
    token = models.CharField(max_length=64, unique=True, editable=False)
    confirmed_at = models.DateTimeField(_("confirmed"), null=True, blank=True)
    confirmation_sent_at = models.DateTimeField(null=True, blank=True)
    source = models.CharField(_("source"), max_length=40, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("newsletter subscriber")
        verbose_name_plural = _("newsletter subscribers")

    def __str__(self):
        return self.email

    @staticmethod
    def new_token():
        return secrets.token_urlsafe(32)


class CommentQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=Comment.Status.APPROVED)


class Comment(models.Model):
    """A reader's reply under a post, or to another comment (one level deep). The e-mail is never shown."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="comments", verbose_name=_("post"))
    parent = models.ForeignKey(
        "self", on_delete=models.CASCADE, null=True, blank=True, related_name="replies", verbose_name=_("reply to"),
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("e-mail"))
    body = models.TextField(_("comment"), max_length=4000)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True)
    # Lets the commenter delete the comment from the link in their confirmation e-mail.
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)

    objects = CommentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self):
        return f"{self.name}: {self.body[:60]}"

    @staticmethod
    def new_token():
        return secrets.token_urlsafe(32)


class Issue(models.Model):
    """One newsletter issue: a subject and a body per language, sent in the background to every confirmed subscriber."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")

    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(_("body"), blank=True, help_text=_("Rich text; only safe HTML is kept."))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(_("sending started"), null=True, blank=True)
    recipients_listed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("newsletter issue")
        verbose_name_plural = _("newsletter issues")

    def __str__(self):
        return self.subject


class Delivery(models.Model):
    """One subscriber's copy of one issue; its mail in the outbox says how far it got."""

    issue = models.ForeignKey(Issue, on_delete=models.CASCADE, related_name="deliveries")
    subscriber = models.ForeignKey(Subscriber, on_delete=models.SET_NULL, null=True, related_name="deliveries")
    email = models.EmailField()
    language = models.CharField(max_length=10)
    mail = models.ForeignKey("mailer.OutgoingMail", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["pk"]
        constraints = [models.UniqueConstraint(fields=["issue", "email"], name="news_one_delivery_per_address")]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self):
        return self.email
