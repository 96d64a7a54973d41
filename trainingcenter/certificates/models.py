"""Certificates: one row per certificate issued, the program's certificate settings, issuing runs and history.

State changes go through ``certificates.services``; nothing else writes these rows.

A certificate keeps what it says as it was printed (the name, the program's
title in the certificate's language, its dates and hours): a later change of
the registration or the program changes no certificate already issued; a
name correction is a re-issue, which replaces the old certificate with a new
one (new code, new PDF), and the old code then answers "replaced".

At most one certificate of a registration is valid at a time. The database
keeps that (a unique index on the registration over valid rows only), so two
issuing tasks that race, or one task that runs twice, issue once.
"""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration

from . import codes

MAX_SIGNATORIES = 3
REASON_MAX_LENGTH = 500


class Kind(models.TextChoices):
    PARTICIPATION = "participation", _("Certificate of participation")
    COMPLETION = "completion", _("Certificate of completion")


class CertificateSettings(models.Model):
    """How a program's certificates read: their kind, hours and signatories.

    A row of its own beside the program (not fields on ``Program``): the
    certificates app owns what a certificate says, and programs know nothing
    of certificates. A program without a row gets the defaults
    (``services.settings_for``): participation, hours from the agenda, the
    centre's name under one signature.
    """

    program = models.OneToOneField(Program, on_delete=models.CASCADE, related_name="certificate_settings")
    kind = models.CharField(_("kind of certificate"), max_length=20, choices=Kind.choices, default=Kind.PARTICIPATION)
    hours = models.DecimalField(
        _("hours"), max_digits=5, decimal_places=1, null=True, blank=True,
        help_text=_("Printed on the certificate. Empty: the scheduled time of the agenda, breaks left out."),
    )
    # [{"name": "...", "title": "..."}], at most MAX_SIGNATORIES, as printed under the signature lines.
    signatories = models.JSONField(_("signatories"), default=list, blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("certificate settings")
        verbose_name_plural = _("certificate settings")

    def __str__(self):
        return f"{self.program_id} {self.kind}"


class IssueRun(models.Model):
    """One organiser's "issue certificates to everyone who attended", done in the background in chunks.

    ``total`` is how many certificates the run set out to issue; ``issued``,
    ``skipped`` (someone issued theirs meanwhile, or they no longer qualify)
    and ``failed`` (could not be made after every retry) grow as its chunks
    finish; ``finished_at`` is set when the last chunk is done.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="certificate_runs")
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_at = models.DateTimeField(_("started at"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    total = models.PositiveIntegerField(_("to issue"), default=0)
    issued = models.PositiveIntegerField(_("issued"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    chunks = models.PositiveIntegerField(default=0)
    chunks_finished = models.PositiveIntegerField(default=0)
    # Whether each participant is e-mailed a link to their certificate (the demo's sample people are not).
    notify = models.BooleanField(default=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        verbose_name = _("certificate issuing run")
        verbose_name_plural = _("certificate issuing runs")

    def __str__(self):
        return f"{self.program_id} {self.started_at:%Y-%m-%d %H:%M}"

    @property
    def is_finished(self):
        return self.finished_at is not None

    @property
    def processed(self):
        return self.issued + self.skipped + self.failed

    @property
    def percent(self):
        if not self.total:
            return 100
        return min(100, self.processed * 100 // self.total)


class IssueChunk(models.Model):
    """A slice of a run: the registrations one task issues certificates to.

    ``finished_at`` is set once, by a conditional update, together with the
    run's counts: a chunk's task that runs twice adds its counts once.
    """

    run = models.ForeignKey(IssueRun, on_delete=models.CASCADE, related_name="chunk_rows")
    index = models.PositiveIntegerField()
    registration_ids = models.JSONField(default=list)
    finished_at = models.DateTimeField(null=True, blank=True)
    issued = models.PositiveIntegerField(default=0)
    skipped = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["run", "index"]
        constraints = [models.UniqueConstraint(fields=["run", "index"], name="one_chunk_per_index")]

    def __str__(self):
        return f"{self.run_id}/{self.index}"


def pdf_path(certificate, filename):
    """Where a certificate's PDF is stored: not guessable, and the code is not in it."""
    return f"certificates/{certificate.program_id}/{filename}"


class CertificateQuerySet(models.QuerySet):
    def valid(self):
        return self.filter(status=Certificate.Status.VALID)

    def by_code(self, text):
        """The certificate with this code however it was typed, or None (also for what cannot be a code)."""
        code = codes.normalise(text)
        if not code:
            return None
        return self.filter(code=code).first()


class Certificate(models.Model):
    class Status(models.TextChoices):
        VALID = "valid", _("Valid")
        REVOKED = "revoked", _("Revoked")
        REPLACED = "replaced", _("Replaced")

    Kind = Kind

    registration = models.ForeignKey(Registration, on_delete=models.PROTECT, related_name="certificates")
    program = models.ForeignKey(Program, on_delete=models.PROTECT, related_name="certificates")
    code = models.CharField(_("verification code"), max_length=codes.LENGTH, unique=True, default=codes.new_code,
                            editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.VALID)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    # What the certificate says, as printed.
    name = models.CharField(_("name"), max_length=201)
    program_title = models.CharField(_("program"), max_length=250)
    starts_on = models.DateField(_("first day"))
    ends_on = models.DateField(_("last day"))
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, null=True, blank=True)
    # [{"name": ..., "title": ...}] as printed under the signature lines (empty: the centre's name).
    signatories = models.JSONField(_("signatories"), default=list, blank=True)
    pdf = models.FileField(_("PDF"), upload_to=pdf_path, max_length=200, blank=True)

    issued_at = models.DateTimeField(_("issued at"))
    issued_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    run = models.ForeignKey(IssueRun, on_delete=models.SET_NULL, null=True, blank=True, related_name="certificates")
    # Issued by hand (not by a run for everyone who attended): the organiser's reason.
    manual_reason = models.CharField(_("reason for issuing by hand"), max_length=REASON_MAX_LENGTH, blank=True)
    # When it stopped being valid, by whom and why: revoked, or replaced by a re-issue.
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)
    revoked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    revoked_reason = models.CharField(_("reason"), max_length=REASON_MAX_LENGTH, blank=True)
    replaced_by = models.OneToOneField(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="replaces"
    )

    objects = CertificateQuerySet.as_manager()

    class Meta:
        ordering = ["-issued_at", "-pk"]
        verbose_name = _("certificate")
        verbose_name_plural = _("certificates")
        constraints = [
            # The database decides: a registration has at most one valid
            # certificate, whatever runs at the same time or twice.
            models.UniqueConstraint(
                fields=["registration"], condition=Q(status="valid"), name="one_valid_certificate_per_registration",
            ),
            models.CheckConstraint(
                condition=Q(status="valid") | Q(revoked_at__isnull=False), name="certificate_ended_has_a_date",
            ),
        ]
        indexes = [models.Index(fields=["program", "status"], name="certificate_program_status_idx")]

    def __str__(self):
        return codes.grouped(self.code)

    @property
    def grouped_code(self):
        return codes.grouped(self.code)

    @property
    def is_valid(self):
        return self.status == self.Status.VALID


class CertificateEvent(models.Model):
    """One line of a certificate's history (issued, e-mailed, revoked, replaced), for organisers and audits.

    The certificates app keeps its own history rather than adding actions to
    the registration's: it sits above registrations and owns these facts.
    Organisers see it on the program's certificates page.
    """

    class Action(models.TextChoices):
        ISSUED = "issued", _("Issued")
        ISSUED_BY_HAND = "issued_by_hand", _("Issued by hand")
        REISSUED = "reissued", _("Re-issued after a correction")
        REVOKED = "revoked", _("Revoked")
        REPLACED = "replaced", _("Replaced")
        EMAILED = "emailed", _("E-mailed to the participant")

    certificate = models.ForeignKey(Certificate, on_delete=models.CASCADE, related_name="events")
    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="certificate_events")
    at = models.DateTimeField(auto_now_add=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL)
    note = models.CharField(max_length=REASON_MAX_LENGTH, blank=True)

    class Meta:
        ordering = ["at", "pk"]
        verbose_name = _("certificate history entry")
        verbose_name_plural = _("certificate history")

    def __str__(self):
        return f"{self.get_action_display()} {self.at:%Y-%m-%d %H:%M}"
