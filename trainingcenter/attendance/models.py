"""What attendance is made of: check-ins on site, join intervals from Zoom, and organisers' decisions.

The result (attended or not) is never stored: it is computed from these rows
under the program's rule (``rules``), so a late import or an undone check-in
changes it at once, and an organiser's override is kept with its reason.
"""
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration


class CheckIn(models.Model):
    """A participant seen at the venue on one day of the program (the day in the program's time zone)."""

    registration = models.ForeignKey(Registration, on_delete=models.CASCADE, related_name="check_ins")
    day = models.DateField(_("day"))
    checked_in_at = models.DateTimeField(_("checked in at"))
    checked_in_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The scanning device's own id for this scan: a scan queued offline and
    # sent twice is recognised as the same scan.
    client_key = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["day", "checked_in_at"]
        verbose_name = _("check-in")
        verbose_name_plural = _("check-ins")
        constraints = [
            # The database, not a check before the insert, keeps a second scan from counting twice.
            models.UniqueConstraint(fields=["registration", "day"], name="one_check_in_per_day"),
        ]

    def __str__(self):
        return f"{self.registration_id} @ {self.day}"


class ZoomReport(models.Model):
    """One participant report, uploaded by an organiser or fetched from Zoom's report API."""

    class Source(models.TextChoices):
        UPLOAD = "upload", _("Uploaded file")
        API = "api", _("Fetched from Zoom")

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="zoom_reports")
    source = models.CharField(_("source"), max_length=10, choices=Source.choices)
    name = models.CharField(_("file or meeting"), max_length=255, blank=True)
    # SHA-256 of the normalised rows: importing the same report again is recognised and changes nothing.
    digest = models.CharField(max_length=64)
    time_zone = models.CharField(_("times read in"), max_length=64)
    # What the import found, as the organiser was told: the report's rows of
    # people connected, how many were matched to a registration, left
    # unmatched, or skipped (absentees, waiting room, rows without times),
    # and the connection intervals stored.
    rows = models.PositiveIntegerField(_("rows"), default=0)
    matched = models.PositiveIntegerField(_("matched rows"), default=0)
    unmatched = models.PositiveIntegerField(_("unmatched rows"), default=0)
    skipped = models.PositiveIntegerField(_("skipped rows"), default=0)
    intervals_stored = models.PositiveIntegerField(_("intervals stored"), default=0)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-imported_at"]
        verbose_name = _("Zoom report")
        verbose_name_plural = _("Zoom reports")
        constraints = [models.UniqueConstraint(fields=["program", "digest"], name="one_import_per_report")]

    def __str__(self):
        return self.name or str(self.imported_at)


class ZoomAttendee(models.Model):
    """One person as Zoom names them in a program's reports, and who that is among the registrations.

    Reports identify people by Zoom registrant id, e-mail or the name they
    typed. The link to a registration is found automatically where it can be
    and set by an organiser otherwise; it is kept, so a re-import or the next
    day's report reuses the organiser's choice.
    """

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="zoom_attendees")
    # The identity key: "registrant:<id>", "email:<address>" or "name:<normalised name>".
    key = models.CharField(max_length=300)
    display_name = models.CharField(_("name in Zoom"), max_length=255, blank=True)
    email = models.EmailField(_("e-mail in Zoom"), max_length=254, blank=True)
    registration = models.ForeignKey(
        Registration, on_delete=models.SET_NULL, null=True, blank=True, related_name="zoom_attendees"
    )
    ignored = models.BooleanField(_("ignored"), default=False)
    matched_by = models.CharField(_("matched by"), max_length=20, blank=True)

    class Meta:
        ordering = ["display_name"]
        verbose_name = _("person in Zoom's report")
        verbose_name_plural = _("people in Zoom's reports")
        constraints = [models.UniqueConstraint(fields=["program", "key"], name="one_attendee_per_key")]

    def __str__(self):
        return self.display_name or self.email or self.key


class ZoomInterval(models.Model):
    """One row of a report: a person connected from ``joined_at`` to ``left_at`` (UTC).

    Stored as Zoom wrote it, not clipped: the program's rule clips the union
    of a person's intervals to the sessions when it counts (``rules``), so a
    session moved later is counted right without importing again.
    """

    attendee = models.ForeignKey(ZoomAttendee, on_delete=models.CASCADE, related_name="intervals")
    # No index of its own: the unique constraint below begins with the report and serves its lookups.
    report = models.ForeignKey(ZoomReport, on_delete=models.CASCADE, related_name="intervals", db_index=False)
    joined_at = models.DateTimeField()
    left_at = models.DateTimeField()

    class Meta:
        ordering = ["joined_at"]
        constraints = [
            # A row written twice in one report is stored once. The same row in
            # two reports (a day exported twice in different ways) is stored
            # with each, so removing one import leaves the other whole; it
            # still counts once, since the rule counts the union of intervals.
            models.UniqueConstraint(
                fields=["report", "attendee", "joined_at", "left_at"], name="one_row_per_report_interval"
            ),
            models.CheckConstraint(condition=Q(left_at__gte=models.F("joined_at")), name="interval_ends_after_start"),
        ]


class ZoomFetch(models.Model):
    """An organiser's request to fetch a program's participant reports through Zoom's report API.

    Run by a background task (``tasks.fetch_zoom_reports``); the row tells the
    organiser how it went. Each meeting instance fetched becomes a
    ``ZoomReport``, so fetching again imports nothing twice.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Fetching")
        RETRYING = "retrying", _("Zoom did not answer; trying again later")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="zoom_fetches")
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    reports = models.PositiveIntegerField(_("reports imported"), default=0)
    rows = models.PositiveIntegerField(_("rows"), default=0)
    # For staff: what went wrong (Zoom's code and message; never a participant's data).
    message = models.CharField(_("message"), max_length=500, blank=True)

    class Meta:
        ordering = ["-requested_at", "-pk"]
        verbose_name = _("fetch from Zoom")
        verbose_name_plural = _("fetches from Zoom")

    def __str__(self):
        return f"{self.program_id} {self.status} {self.requested_at:%Y-%m-%d %H:%M}"

    @property
    def is_pending(self):
        return self.status in (self.Status.QUEUED, self.Status.RUNNING, self.Status.RETRYING)


class AttendanceOverride(models.Model):
    """An organiser's decision that replaces the rule's result for one registration, with the reason."""

    registration = models.OneToOneField(Registration, on_delete=models.CASCADE, related_name="attendance_override")
    attended = models.BooleanField(_("attended"))
    reason = models.CharField(_("reason"), max_length=500)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(_("decided at"), auto_now=True)

    class Meta:
        verbose_name = _("attendance decision")
        verbose_name_plural = _("attendance decisions")
