"""What a report shows, read in a fixed number of queries: the written parts and the program's data.

The web page and the PDF take the same ``ReportContent`` and the same HTML
fragments (``reports/parts/``), so the two outputs never disagree.
"""
from dataclasses import dataclass, field

from django.db.models import Prefetch
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from trainingcenter.center.models import Center
from trainingcenter.programs.access import can_manage_program
from trainingcenter.programs.models import Person, Program, ProgramRole
from trainingcenter.programs.queries import agenda_by_day, roles_of, takeaways_by_heading, with_agenda

from . import numbers
from .models import Report, ReportSection

SESSION_KINDS = {
    ReportSection.Kind.OPENING_REMARKS,
    ReportSection.Kind.WELCOME_REMARKS,
    ReportSection.Kind.LECTURE_SUMMARY,
    ReportSection.Kind.CASE_STUDY,
    ReportSection.Kind.PANEL,
    ReportSection.Kind.CLOSING_REMARKS,
}


@dataclass
class ResourcePerson:
    person: object
    sessions: list = field(default_factory=list)


@dataclass
class ReportContent:
    report: Report
    program: Program
    center: object
    partners: list
    sections: list
    officials: list
    moderators: list
    agenda: list
    takeaway_groups: list
    resource_persons: list
    references: list
    photos: list
    participation: object
    has_conclusion_section: bool
    is_draft: bool

    @property
    def first_day(self):
        return timezone.localtime(self.program.starts, self.program.tz).date()

    @property
    def last_day(self):
        return timezone.localtime(self.program.ends, self.program.tz).date()

    @property
    def contents(self):
        """The table of contents: (anchor, heading) for each part the report has, in order."""
        program = self.program
        entries = [("about", _("About the program"))]
        if program.background:
            entries.append(("background", _("Background")))
        if program.objectives or program.focus_areas.all():
            entries.append(("objectives", _("Objectives and focus areas")))
        entries.extend((f"section-{section.pk}", section.display_heading) for section in self.sections)
        if self.takeaway_groups:
            entries.append(("takeaways", _("Key takeaways")))
        if program.conclusion and not self.has_conclusion_section:
            entries.append(("conclusion", _("Conclusion")))
        entries.append(("participation", _("Participation")))
        if self.references or program.recording_url:
            entries.append(("references", _("References and recording")))
        if self.photos:
            entries.append(("photos", _("Photos")))
        if self.agenda:
            entries.append(("agenda", _("Annex: agenda")))
        if self.resource_persons:
            entries.append(("resource-persons", _("Annex: resource persons")))
        return entries


def report_for_page(slug, user=None):
    """The program's report for this viewer, or 404: drafts only for staff who manage the program."""
    try:
        report = Report.objects.select_related("program").get(program__slug=slug)
    except Report.DoesNotExist:
        raise Http404("No report") from None
    if not report.is_published:
        if user is None or not can_manage_program(user, report.program):
            raise Http404("No report")
    elif report.program.status == Program.Status.DRAFT and not (user and can_manage_program(user, report.program)):
        raise Http404("No report")
    return content_for(report)


def content_for(report):
    """Everything a report shows, for the active language."""
    program = with_agenda(Program.objects.filter(pk=report.program_id)).get()
    report = (
        Report.objects.filter(pk=report.pk)
        .prefetch_related(
            Prefetch(
                "sections",
                queryset=ReportSection.objects.select_related("session").prefetch_related(
                    Prefetch("session__speakers", queryset=Person.objects.order_by("family_name", "given_name"))
                ),
            ),
            "references",
            "photos",
        )
        .get()
    )
    report.program = program
    center = Center.current()
    partners = list(center.partners.all()) if center else []
    sections = list(report.sections.all())
    return ReportContent(
        report=report,
        program=program,
        center=center,
        partners=partners,
        sections=sections,
        officials=roles_of(program, ProgramRole.Role.OFFICIAL),
        moderators=roles_of(program, ProgramRole.Role.MODERATOR),
        agenda=agenda_by_day(program),
        takeaway_groups=takeaways_by_heading(program),
        resource_persons=resource_persons(program),
        references=list(report.references.all()),
        photos=list(report.photos.all()),
        participation=numbers.participation(program),
        has_conclusion_section=any(s.kind == ReportSection.Kind.CONCLUSION for s in sections),
        is_draft=not report.is_published,
    )


def resource_persons(program):
    """Everyone who spoke, moderated or officiated, in order of first appearance, with a bionote or not."""
    people = {}
    for role in program.roles.all():
        people.setdefault(role.person.pk, ResourcePerson(role.person))
    for session in program.sessions.all():
        for person in session.speakers.all():
            people.setdefault(person.pk, ResourcePerson(person)).sessions.append(session)
    return list(people.values())
