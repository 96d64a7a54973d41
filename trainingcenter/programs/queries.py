"""Read-only queries behind the public pages.

Each page's data is fetched with a fixed number of queries whatever the size
of the agenda: related rows come through select_related/prefetch_related,
never one query per session or speaker.
"""
import re
from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Prefetch, Q
from django.http import Http404
from django.utils import timezone

from .models import Person, Program, ProgramRole, Session, Theme


def visible_programs(user=None):
    """Public programs, plus drafts the staff user manages (so they can preview them)."""
    public = Program.objects.public()
    if user is not None and user.is_authenticated and user.is_staff:
        # A subquery, not a join on organisers: a join would repeat rows.
        managed = Program.objects.managed_by(user).values("pk")
        return Program.objects.filter(Q(pk__in=public.values("pk")) | Q(pk__in=managed))
    return public


def program_cards(queryset):
    """Programs for list cards: only the program's own columns are shown, so no joins.

    The one place to add select_related/prefetch_related if cards ever show more.
    """
    return queryset


def with_agenda(queryset):
    """Programs with everything a program page (or the API's detail) shows, in a fixed number of queries."""
    sessions = Session.objects.order_by("starts", "pk").prefetch_related(
        Prefetch("speakers", queryset=Person.objects.order_by("family_name", "given_name"))
    )
    roles = ProgramRole.objects.select_related("person").order_by("order", "pk")
    return queryset.prefetch_related(
        "themes",
        "focus_areas",
        "takeaways",
        "faqs",
        Prefetch("roles", queryset=roles),
        Prefetch("sessions", queryset=sessions),
    )


def program_for_page(slug, user=None):
    """The program with everything its page shows, or 404 (drafts 404 for visitors)."""
    queryset = with_agenda(visible_programs(user))
    try:
        return queryset.get(slug=slug)
    except Program.DoesNotExist:
        raise Http404("No such program") from None


@dataclass
class AgendaDay:
    date: object
    number: int  # counted from the program's first day, as in e-mails and calendar files
    sessions: list = field(default_factory=list)


def agenda_by_day(program):
    """Sessions grouped by the calendar day they start on in the program's time zone."""
    tz = program.tz
    first = timezone.localtime(program.starts, tz).date()

    def local_day(session):
        return timezone.localtime(session.starts, tz).date()

    return [
        AgendaDay(day, (day - first).days + 1, list(items))
        for day, items in groupby(program.sessions.all(), key=local_day)
    ]


def roles_of(program, role):
    return [r for r in program.roles.all() if r.role == role]


@dataclass
class TakeawayGroup:
    heading: str
    items: list = field(default_factory=list)


def takeaways_by_heading(program):
    """Takeaways grouped under their headings, keeping the first-seen order of headings."""
    groups = {}
    for takeaway in program.takeaways.all():
        groups.setdefault(takeaway.heading, TakeawayGroup(takeaway.heading)).items.append(takeaway)
    return list(groups.values())


def person_for_page(slug):
    """The person with their roles and sessions in public programs, or 404."""
    public = Program.objects.public()
    roles = (
        ProgramRole.objects.filter(program__in=public)
        .select_related("program")
        .order_by("-program__starts", "order")
    )
    sessions = (
        Session.objects.filter(program__in=public).select_related("program").order_by("-program__starts", "starts")
    )
    queryset = Person.objects.prefetch_related(
        Prefetch("roles", queryset=roles, to_attr="public_roles"),
        Prefetch("sessions", queryset=sessions, to_attr="public_sessions"),
    )
    try:
        return queryset.get(slug=slug)
    except Person.DoesNotExist:
        raise Http404("No such person") from None


@dataclass
class ProgramFilters:
    """The list page's filters, parsed from GET; anything invalid is simply ignored."""

    status: str = ""
    theme: str = ""
    year: int | None = None

    @classmethod
    def from_query(cls, params):
        status = params.get("status", "")
        if status not in {value for value, _label in public_status_choices()}:
            status = ""
        theme = params.get("theme", "")
        if theme and not Theme.objects.filter(slug=theme).exists():
            theme = ""
        year = params.get("year", "")
        # ASCII digits only: str.isdigit() accepts '²', which int() refuses.
        year = int(year) if re.fullmatch(r"[0-9]{4}", year) else None
        return cls(status=status, theme=theme, year=year)

    @property
    def active(self):
        return bool(self.status or self.theme or self.year)

    def apply(self, queryset):
        if self.status:
            queryset = queryset.filter(status=self.status)
        if self.theme:
            queryset = queryset.filter(themes__slug=self.theme)
        if self.year:
            queryset = queryset.filter(starts__year=self.year)
        return queryset


def public_status_choices():
    return [(value, label) for value, label in Program.Status.choices if value != Program.Status.DRAFT]


def filter_options():
    """Themes and years that public programs actually have, for the filter form."""
    public = Program.objects.public()
    themes = Theme.objects.filter(programs__in=public).distinct().order_by("name")
    years = sorted({d.year for d in public.dates("starts", "year")}, reverse=True)
    return {"statuses": public_status_choices(), "themes": themes, "years": years}
