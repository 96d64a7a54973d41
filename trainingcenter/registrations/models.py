"""One participant in one program, the organisers' extra questions, and the history.

State changes go through ``registrations.services``; nothing else writes these rows.
"""
import datetime as dt
import hmac
import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from trainingcenter.programs.enums import AttendanceMode
from trainingcenter.programs.models import Program

TOKEN_SELECTOR_LENGTH = 12


def new_token():
    """43 URL-safe characters, 256 bits from ``secrets``."""
    return secrets.token_urlsafe(32)


# Crockford's base 32: no I, L, O or U, so a code read aloud or typed from a
# badge cannot be mistaken, and QR codes encode it in their compact mode.
CHECKIN_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
CHECKIN_CODE_LENGTH = 12


def new_checkin_code():
    """What a participant's check-in QR code holds: 12 characters, 60 bits from ``secrets``.

    Not the page token: a badge is shown to strangers at the door, so it must
    open nothing but the check-in.
    """
    return "".join(secrets.choice(CHECKIN_ALPHABET) for _ in range(CHECKIN_CODE_LENGTH))


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        return self.exclude(status__in=Registration.INACTIVE_STATUSES)

    def confirmed(self):
        return self.filter(status=Registration.Status.CONFIRMED)

    def waitlisted(self):
        return self.filter(status=Registration.Status.WAITLISTED)

    def holding_seats(self):
        """Registrations that take a seat against capacity."""
        return self.filter(status__in=Registration.SEAT_HOLDING_STATUSES)

    def by_token(self, token):
        """The registration with this token, compared in constant time, or None."""
        if not isinstance(token, str) or len(token) < TOKEN_SELECTOR_LENGTH:
            return None
        candidate = self.filter(token_selector=token[:TOKEN_SELECTOR_LENGTH]).first()
        if candidate is None or not hmac.compare_digest(candidate.token.encode(), token.encode()):
            return None
        return candidate


class Registration(models.Model):
    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waitlisted")
        AWAITING_APPROVAL = "awaiting_approval", _("Awaiting approval")
        CANCELLED = "cancelled", _("Cancelled")
        REJECTED = "rejected", _("Rejected")

    Mode = AttendanceMode

    class Sector(models.TextChoices):
        GOVERNMENT = "government", _("Government")
        ACADEMIA = "academia", _("Academia and research")
        INDUSTRY = "industry", _("Industry and business")
        INTERNATIONAL = "international", _("International organisation")
        NGO = "ngo", _("Non-governmental organisation")
        STUDENT = "student", _("Student")
        OTHER = "other", _("Other")

    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")
        OTHER = "other", _("Another gender")

    class JoinLinkState(models.TextChoices):
        NONE = "none", _("No personal link")
        PENDING = "pending", _("Being requested")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be created")

    INACTIVE_STATUSES = (Status.CANCELLED, Status.REJECTED)
    # Awaiting approval holds a seat, so approving never oversells.
    SEAT_HOLDING_STATUSES = (Status.CONFIRMED, Status.AWAITING_APPROVAL)

    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="registrations")
    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    email = models.EmailField(_("e-mail"), max_length=254, help_text=_("Stored in lower case."))
    country = CountryField(_("country"))
    organization = models.CharField(_("organisation"), max_length=200)
    position = models.CharField(_("position"), max_length=200, blank=True)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    gender = models.CharField(_("gender"), max_length=10, choices=Gender.choices, blank=True)
    mode = models.CharField(_("attendance"), max_length=10, choices=Mode.choices)
    language = models.CharField(_("preferred language"), max_length=10, choices=settings.LANGUAGES, default="en")
    time_zone = models.CharField(
        _("time zone"), max_length=64, blank=True,
        help_text=_("The participant's own time zone, as their browser reported it; e-mails show times in it."),
    )
    consent_at = models.DateTimeField(_("consented at"))

    status = models.CharField(_("status"), max_length=20, choices=Status.choices, db_index=True)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    token_selector = models.CharField(max_length=TOKEN_SELECTOR_LENGTH, db_index=True, editable=False)
    checkin_code = models.CharField(
        _("check-in code"), max_length=CHECKIN_CODE_LENGTH, unique=True, default=new_checkin_code, editable=False
    )

    join_url = models.URLField(_("personal join link"), max_length=1000, blank=True)
    join_link_state = models.CharField(
        _("join link"), max_length=10, choices=JoinLinkState.choices, default=JoinLinkState.NONE
    )
    zoom_registrant_id = models.CharField(max_length=64, blank=True)

    created_at = models.DateTimeField(_("registered at"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    waitlisted_at = models.DateTimeField(null=True, blank=True)
    reminder_sent_at = models.DateTimeField(null=True, blank=True)
    # The participant's calendar events: their SEQUENCE (RFC 5545), raised each
    # time what the events say changes, and a digest of what they said last
    # (empty: no event issued yet). Written only by ``services.calendars``,
    # with a conditional UPDATE; every other save names its update_fields, so
    # none writes a stale copy back and the sequence never goes down.
    calendar_sequence = models.PositiveIntegerField(default=0, editable=False)
    calendar_fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    # Set when the participant's personal data was erased (by them, or when the
    # program's retention period ran out): the row stays, anonymised, for the
    # statistics (see ``services.privacy``).
    personal_data_erased_at = models.DateTimeField(_("personal data erased at"), null=True, blank=True, editable=False)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        constraints = [
            # One active registration per person and program, kept by the database
            # itself so that two simultaneous submissions cannot both get in.
            models.UniqueConstraint(
                fields=["program", "email"],
                condition=~Q(status__in=["cancelled", "rejected"]),
                name="unique_active_registration_per_email",
            ),
        ]
        indexes = [models.Index(fields=["program", "status", "mode"], name="registration_capacity_idx")]

    def __str__(self):
        return f"{self.full_name} — {self.program}"

    def save(self, *args, **kwargs):
        self.email = self.email.strip().lower()
        self.token_selector = self.token[:TOKEN_SELECTOR_LENGTH]
        super().save(*args, **kwargs)

    @property
    def full_name(self):
        return f"{self.given_name} {self.family_name}".strip()

    def get_absolute_url(self):
        return reverse("registrations:participant", kwargs={"token": self.token})

    @property
    def is_active(self):
        return self.status not in self.INACTIVE_STATUSES

    @property
    def is_erased(self):
        """Its personal data was erased; only the figures for statistics are left."""
        return self.personal_data_erased_at is not None

    @property
    def may_see_join_link(self):
        """Only confirmed online participants ever see a join link."""
        return self.status == self.Status.CONFIRMED and self.mode == self.Mode.ONLINE


class RegistrationEvent(models.Model):
    """One line of a registration's history, for organisers and audits."""

    class Action(models.TextChoices):
        REGISTERED = "registered", _("Registered")
        CONFIRMED = "confirmed", _("Confirmed")
        WAITLISTED = "waitlisted", _("Waitlisted")
        PROMOTED = "promoted", _("Promoted from the waiting list")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")
        CANCELLED = "cancelled", _("Cancelled")
        MODE_CHANGED = "mode_changed", _("Attendance mode changed")
        DETAILS_CHANGED = "details_changed", _("Details changed")
        LINK_RESENT = "link_resent", _("Link re-sent")
        JOIN_LINK_READY = "join_link_ready", _("Join link ready")
        JOIN_LINK_FAILED = "join_link_failed", _("Join link failed")
        MESSAGE_SENT = "message_sent", _("Message sent")
        REMINDER_SENT = "reminder_sent", _("Reminder sent")
        VISA_LETTER_REQUESTED = "visa_letter_requested", _("Visa invitation letter requested")
        VISA_LETTER_APPROVED = "visa_letter_approved", _("Visa invitation letter approved")
        VISA_LETTER_REFUSED = "visa_letter_refused", _("Visa invitation letter refused")
        PASSPORT_DETAILS_ERASED = "passport_details_erased", _("Passport details deleted")
        PERSONAL_DATA_ERASED = "personal_data_erased", _("Personal data erased")
        CHECKED_IN = "checked_in", _("Checked in")
        CHECK_IN_UNDONE = "check_in_undone", _("Check-in undone")
        ATTENDANCE_DECIDED = "attendance_decided", _("Attendance decided by an organiser")

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=24, choices=Action.choices)
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    note = models.CharField(max_length=500, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("history entry")
        verbose_name_plural = _("history")

    def __str__(self):
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"


class Question(models.Model):
    """An extra question an organiser adds to one program's registration form."""

    class Kind(models.TextChoices):
        TEXT = "text", _("Text")
        CHOICE = "choice", _("One of several choices")
        YES_NO = "yes_no", _("Yes or no")

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="questions")
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices, default=Kind.TEXT)
    choices = models.TextField(_("choices"), blank=True, help_text=_("One choice per line."))
    required = models.BooleanField(_("required"), default=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("extra question")
        verbose_name_plural = _("extra questions")

    def __str__(self):
        return self.label

    @property
    def choice_list(self):
        return [line.strip() for line in self.choices.splitlines() if line.strip()]


class Answer(models.Model):
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    value = models.TextField(_("answer"), max_length=2000, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["registration", "question"], name="unique_answer_per_question"),
        ]

    def __str__(self):
        return self.value[:80]


class Message(models.Model):
    """An e-mail an organiser composed once and sent to a filtered set of participants.

    ``subject`` and ``body`` are the English version, which every message has
    and which everyone gets whose language has no version of its own;
    ``translations`` holds the others as {language: {"subject": ..., "body": ...}}.
    """

    FALLBACK_LANGUAGE = "en"

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="messages")
    subject = models.CharField(_("subject"), max_length=200)
    body = models.TextField(
        _("message"), max_length=20000,
        help_text=_("Placeholders: {given_name}, {family_name}, {full_name}, {link} (the participant's own page)."),
    )
    statuses = models.JSONField(_("statuses"), default=list, blank=True)
    modes = models.JSONField(_("modes"), default=list, blank=True)
    countries = models.JSONField(_("countries"), default=list, blank=True)
    translations = models.JSONField(_("other languages"), default=dict, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL)
    created_at = models.DateTimeField(auto_now_add=True)
    recipients_count = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("message to participants")
        verbose_name_plural = _("messages to participants")

    def __str__(self):
        return self.subject

    @property
    def languages(self):
        """The languages this message is written in, English first, then in the site's order."""
        return [self.FALLBACK_LANGUAGE] + [
            code for code, _name in settings.LANGUAGES
            if code != self.FALLBACK_LANGUAGE and code in (self.translations or {})
        ]

    def version_language(self, language):
        """Which version a participant who chose ``language`` receives."""
        return language if language in self.languages else self.FALLBACK_LANGUAGE

    def version(self, language):
        """(subject, body) in ``language``, or in English when it was not written in that language."""
        language = self.version_language(language)
        if language == self.FALLBACK_LANGUAGE:
            return self.subject, self.body
        texts = self.translations[language]
        return texts["subject"], texts["body"]


class VisaLetterRequest(models.Model):
    """A participant's request for a visa invitation letter, with the passport details it needs.

    One per registration. The passport details are personal data of a more
    sensitive kind: they are asked only when a letter is requested, shown to
    the program's organisers alone (never in lists, exports, the API or the
    admin) and erased a set time after the program ends, or as soon as the
    registration ends (``services.visa_letters``). The row itself stays, so
    that organisers can count the letters issued.
    """

    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="visa_letter")
    passport_name = models.CharField(_("name as in the passport"), max_length=200, blank=True)
    nationality = CountryField(_("nationality"), blank=True)
    passport_number = models.CharField(_("passport number"), max_length=20, blank=True)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    requested_at = models.DateTimeField(_("requested at"))
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+",
        verbose_name=_("decided by"),
    )
    refusal_reason = models.CharField(_("reason for refusing"), max_length=500, blank=True)
    # The letter's reference number, given when it is first approved and kept
    # if it is approved again after a correction.
    reference = models.CharField(_("reference"), max_length=40, blank=True)
    issued_at = models.DateTimeField(_("letter dated"), null=True, blank=True)
    passport_details_erased_at = models.DateTimeField(_("passport details deleted at"), null=True, blank=True)

    class Meta:
        ordering = ["requested_at", "pk"]
        verbose_name = _("visa letter request")
        verbose_name_plural = _("visa letter requests")
        default_permissions = ()

    def __str__(self):
        # Never the passport details: this may end up in logs and admin messages.
        return f"Visa letter request {self.pk} ({self.status})"

    @property
    def erase_after(self):
        """When the passport details go: a set time after the program ends (it may move, so not stored)."""
        days = settings.VISA_LETTER_RETENTION_DAYS
        return self.registration.program.ends + dt.timedelta(days=days)

    @property
    def has_passport_details(self):
        return self.passport_details_erased_at is None and bool(self.passport_number)

    @property
    def letter_available(self):
        """An approved letter whose passport details are still held can be downloaded."""
        return self.status == self.Status.APPROVED and self.has_passport_details

