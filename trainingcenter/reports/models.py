"""A program's report: the parts only a person can write.

Everything else a report shows (the program's facts, agenda, people and their
bionotes, takeaways, numbers and charts) is read from the data when the report
is shown, so it stays current. Texts are per language (modeltranslation, see
``translation.py``); rich text is sanitised by the services (``richtext.py``).
"""
from django.core.exceptions import ValidationError
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from trainingcenter.programs.models import Program, Session


class Report(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        PUBLISHED = "published", _("Published")

    program = models.OneToOneField(
        Program, on_delete=models.CASCADE, related_name="report", verbose_name=_("program")
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.DRAFT)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("report")
        verbose_name_plural = _("reports")
        ordering = ("-program__starts",)
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="draft") | models.Q(published_at__isnull=False),
                name="report_published_has_date",
            ),
        ]

    def __str__(self):
        return str(self.program)

    @property
    def is_published(self):
        return self.status == self.Status.PUBLISHED

    def get_absolute_url(self):
        return reverse("programs:report", kwargs={"slug": self.program.slug})

    def get_pdf_url(self):
        return reverse("programs:report_pdf", kwargs={"slug": self.program.slug})


class ReportSection(models.Model):
    class Kind(models.TextChoices):
        INTRODUCTION = "introduction", _("Introduction")
        OPENING_REMARKS = "opening_remarks", _("Opening remarks")
        WELCOME_REMARKS = "welcome_remarks", _("Welcome remarks")
        LECTURE_SUMMARY = "lecture_summary", _("Lecture summary")
        CASE_STUDY = "case_study", _("Case study")
        PANEL = "panel", _("Panel discussion")
        CLOSING_REMARKS = "closing_remarks", _("Closing remarks")
        CONCLUSION = "conclusion", _("Conclusion")
        OTHER = "other", _("Other")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="sections")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.LECTURE_SUMMARY)
    heading = models.CharField(
        _("heading"), max_length=300, blank=True,
        help_text=_("Leave empty to use the session's title, or the kind of section."),
    )
    session = models.ForeignKey(
        Session, on_delete=models.SET_NULL, null=True, blank=True, related_name="report_sections",
        verbose_name=_("session"),
        help_text=_("For remarks and lectures: the agenda item; its speakers are named under the heading."),
    )
    body = models.TextField(
        _("text"), blank=True,
        help_text=_("Rich text (paragraphs, lists, bold, italics, links). Leave empty to use the session's summary."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("report section")
        verbose_name_plural = _("report sections")
        ordering = ("order", "pk")

    def __str__(self):
        return self.display_heading

    def clean(self):
        if self.session_id and self.report_id and self.session.program_id != self.report.program_id:
            raise ValidationError({"session": _("Choose a session of this report's program.")})

    @property
    def display_heading(self):
        if self.heading:
            return self.heading
        if self.session_id and self.kind in {self.Kind.LECTURE_SUMMARY, self.Kind.CASE_STUDY, self.Kind.PANEL}:
            return self.session.title
        return str(self.get_kind_display())


class ReportReference(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="references")
    title = models.CharField(_("title"), max_length=400, help_text=_("Author, title, publisher (year)."))
    url = models.URLField(_("link"), max_length=500, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("reference")
        verbose_name_plural = _("references")
        ordering = ("order", "pk")

    def __str__(self):
        return self.title


class ReportPhoto(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="photos")
    image = models.ImageField(_("photo"), upload_to="reports/")
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        verbose_name = _("photo")
        verbose_name_plural = _("photos")
        ordering = ("order", "pk")

    def __str__(self):
        return self.caption or self.image.name
