"""The centre itself: its profile, partners, country groups and staff API tokens."""
import hashlib
import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField


class Center(models.Model):
    """The training centre's profile. The platform serves one centre."""

    name = models.CharField(_("name"), max_length=200)
    short_name = models.CharField(_("short name"), max_length=60)
    tagline = models.CharField(_("tagline"), max_length=300, blank=True)
    about = models.TextField(_("about"), blank=True, help_text=_("Paragraphs separated by a blank line."))
    mission = models.TextField(_("mission"), blank=True)
    founded = models.DateField(_("founded"), null=True, blank=True)
    email = models.EmailField(_("contact e-mail"), blank=True)
    phone = models.CharField(
        _("phone"), max_length=40, blank=True, help_text=_("Optional; with the country code, e.g. +86 10 1234 5678.")
    )
    address = models.TextField(
        _("postal address"), blank=True, help_text=_("As each language writes it; one line per line of the address.")
    )
    website = models.URLField(_("website"), blank=True)

    class Meta:
        verbose_name = _("centre")
        verbose_name_plural = _("centre")

    def __str__(self):
        return self.short_name or self.name

    @classmethod
    def current(cls):
        """The centre this platform serves (the first one), or None before set-up."""
        return cls.objects.order_by("pk").first()


class Partner(models.Model):
    class Role(models.TextChoices):
        HOST = "host", _("Host")
        PARTNER = "partner", _("Partner")
        SPONSOR = "sponsor", _("Sponsor")

    center = models.ForeignKey(Center, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=200)
    abbreviation = models.CharField(_("abbreviation"), max_length=30, blank=True)
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    description = models.TextField(_("description"), blank=True)
    website = models.URLField(_("website"), blank=True)
    country = CountryField(_("country"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return self.abbreviation or self.name


class CountryGroup(models.Model):
    """A named set of countries (e.g. ECO member states), used in statistics and messages."""

    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=120)
    description = models.TextField(_("description"), blank=True)
    countries = CountryField(_("countries"), multiple=True, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("country group")
        verbose_name_plural = _("country groups")

    def __str__(self):
        return self.name


class ApiTokenQuerySet(models.QuerySet):
    def active(self):
        return self.filter(revoked_at__isnull=True, user__is_active=True, user__is_staff=True)


class ApiToken(models.Model):
    """A staff member's bearer token for the JSON API.

    Only a SHA-256 digest is stored: a database leak does not leak tokens.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.user} {self.name}".strip()

    @staticmethod
    def digest_of(raw_token):
        return hashlib.sha256(raw_token.encode()).hexdigest()

    @staticmethod
    def new_raw_token():
        return "tc_" + secrets.token_urlsafe(32)
