"""Feedback surveys: one per program, its questions, who was invited, and the answers.

State changes go through ``surveys.services``; nothing else writes these rows.

- A **survey** belongs to one program. It opens when the program ends (or
  when the organisers say), closes some weeks later, and may let participants
  answer anonymously.
- A **question** is a rating (1 to 5), a choice among the question's
  **choices**, or a text. Labels, help texts and choices are entered per
  language (django-modeltranslation, falling back to English). A rating
  question may be about one session of the agenda.
- An **invitation** is one participant asked to answer, at most once per
  survey (a database constraint); it records when they were invited, reminded
  and first answered.
- A **response** is one participant's answers, at most one per invitation,
  replaced when they answer again before the survey closes. A named response
  points to its invitation; an anonymous one does not: it is found again only
  through ``key``, a keyed digest of the participant's secret token, so the
  organisers' pages and exports cannot tell whose it is.
"""
import datetime as dt

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from trainingcenter.programs.models import Program, Session
from trainingcenter.registrations.models import Registration

RATING_MIN, RATING_MAX = 1, 5
# How long a survey stays open when nobody said otherwise (the closes_at help text says it in words).
DEFAULT_OPEN_DAYS = 28


class Survey(models.Model):
    class Audience(models.TextChoices):
        ATTENDED = "attended", _("Participants who attended (by the attendance rule)")
        CONFIRMED = "confirmed", _("Every confirmed participant")

    class State(models.TextChoices):
        SCHEDULED = "scheduled", _("Not open yet")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    program = models.OneToOneField(Program, on_delete=models.CASCADE, related_name="survey")
    opens_at = models.DateTimeField(
        _("opens"), null=True, blank=True, help_text=_("Empty: when the program ends."),
    )
    closes_at = models.DateTimeField(
        _("closes"), null=True, blank=True,
        help_text=_("Empty: four weeks after it opens. Answers can be changed until then."),
    )
    anonymous_allowed = models.BooleanField(
        _("participants may answer anonymously"), default=False,
        help_text=_("An anonymous answer is counted in the results but not linked to the participant's name, "
                    "on these pages or in exports."),
    )
    send_automatically = models.BooleanField(
        _("invite automatically"), default=True,
        help_text=_("Send the invitations by e-mail when the survey opens, and to anyone who attends later "
                    "(e.g. a Zoom report imported afterwards) while it is open."),
    )
    audience = models.CharField(_("who is invited"), max_length=12, choices=Audience.choices,
                                default=Audience.ATTENDED)
    reminder_after_days = models.PositiveSmallIntegerField(
        _("reminder after (days)"), default=4, validators=[MinValueValidator(1), MaxValueValidator(60)],
        help_text=_("One reminder goes to those who have not answered this many days after their invitation."),
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("survey")
        verbose_name_plural = _("surveys")
        constraints = [
            models.CheckConstraint(
                condition=Q(opens_at__isnull=True) | Q(closes_at__isnull=True) | Q(closes_at__gt=models.F("opens_at")),
                name="survey_closes_after_it_opens",
                violation_error_message=_("The survey must close after it opens."),
            ),
        ]

    def __str__(self):
        return str(self.program)

    def opens(self):
        """When it opens: as set, else when the program ends."""
        return self.opens_at or self.program.ends

    def closes(self):
        """When it closes: as set, else ``DEFAULT_OPEN_DAYS`` after it opens."""
        return self.closes_at or self.opens() + dt.timedelta(days=DEFAULT_OPEN_DAYS)

    def state(self, now=None):
        now = now or timezone.now()
        if now >= self.closes():
            return self.State.CLOSED
        if now < self.opens():
            return self.State.SCHEDULED
        return self.State.OPEN

    def is_open(self, now=None):
        return self.state(now) == self.State.OPEN


class Question(models.Model):
    class Kind(models.TextChoices):
        RATING = "rating", _("Rating from 1 to 5")
        CHOICE = "choice", _("One of several choices")
        TEXT = "text", _("Text")

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="questions")
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    label = models.CharField(_("question"), max_length=300)
    help_text = models.CharField(_("help text"), max_length=300, blank=True)
    required = models.BooleanField(_("an answer is required"), default=False)
    session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="survey_questions",
        verbose_name=_("about the session"),
        help_text=_("A rating of one session; the results show it among the sessions' ratings."),
    )
    # Which default question this was created as ("overall", "usefulness", ...); empty for the organisers' own.
    default_key = models.CharField(max_length=20, blank=True, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("survey question")
        verbose_name_plural = _("survey questions")

    def __str__(self):
        return self.label


class Choice(models.Model):
    """One answer offered by a choice question; answers point to it, so its labels can be corrected later."""

    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="choices")
    label = models.CharField(_("choice"), max_length=200)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("choice")
        verbose_name_plural = _("choices")

    def __str__(self):
        return self.label


class Invitation(models.Model):
    """One participant asked to answer one survey; written once, whatever runs the sending."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="invitations")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="survey_invitations")
    invited_at = models.DateTimeField(_("invited at"))
    reminder_sent_at = models.DateTimeField(_("reminded at"), null=True, blank=True)
    # When they first answered; the answers themselves may be anonymous (see Response).
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)

    class Meta:
        ordering = ["invited_at", "pk"]
        verbose_name = _("survey invitation")
        verbose_name_plural = _("survey invitations")
        constraints = [
            models.UniqueConstraint(fields=["survey", "registration"], name="one_invitation_per_participant"),
        ]

    def __str__(self):
        return f"{self.survey_id}: {self.registration_id}"


class Response(models.Model):
    """One participant's answers to one survey."""

    survey = models.ForeignKey(Survey, on_delete=models.CASCADE, related_name="responses")
    # Empty for an anonymous response: nothing in the database says whose it is.
    invitation = models.OneToOneField(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="response",
    )
    anonymous = models.BooleanField(_("anonymous"), default=False)
    # A keyed digest of the invitation and the participant's token (``services.answers.response_key``):
    # how the participant's link finds their response again, named or anonymous.
    key = models.CharField(max_length=64, unique=True, editable=False)
    language = models.CharField(_("language"), max_length=10, blank=True)
    # Named responses keep the moment; anonymous ones only the day, so times cannot tie them to an invitation.
    submitted_at = models.DateTimeField(_("answered at"))

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("survey response")
        verbose_name_plural = _("survey responses")
        constraints = [
            models.CheckConstraint(
                condition=Q(anonymous=False) | Q(invitation__isnull=True), name="anonymous_response_not_linked",
            ),
        ]

    def __str__(self):
        return f"{self.survey_id}: {self.pk}"


class Answer(models.Model):
    """The answer to one question: a rating, a choice or a text, whichever the question asks for."""

    response = models.ForeignKey(Response, on_delete=models.CASCADE, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="answers")
    rating = models.PositiveSmallIntegerField(null=True, blank=True)
    # RESTRICT, not PROTECT: a chosen choice cannot go on its own, but it goes with its question or survey.
    choice = models.ForeignKey(Choice, on_delete=models.RESTRICT, null=True, blank=True, related_name="answers")
    text = models.TextField(blank=True)

    class Meta:
        verbose_name = _("survey answer")
        verbose_name_plural = _("survey answers")
        constraints = [
            models.UniqueConstraint(fields=["response", "question"], name="one_answer_per_question"),
            models.CheckConstraint(
                condition=Q(rating__isnull=True) | Q(rating__gte=RATING_MIN, rating__lte=RATING_MAX),
                name="survey_rating_in_range",
            ),
        ]
        indexes = [models.Index(fields=["question", "rating"], name="survey_answer_rating_idx")]

    def __str__(self):
        return str(self.rating or self.choice_id or self.text[:80])
