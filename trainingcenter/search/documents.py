"""What goes into the index: one function per kind of thing, turning objects into documents.

Adding a kind is one function decorated with ``@kind(...)`` that takes a list
of ids (or ``None`` for everything) and yields ``Document``s for those that are
public; ids it does not yield are removed from the index. Then connect its
model's saves in ``receivers.py``. Each document carries its title, text and
address in every language the site speaks (modeltranslation falls back to
English where a field is not translated); ``services`` stores one row per
language whose text differs from the English one.
"""
import html
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.html import strip_tags
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from trainingcenter.center.models import CountryGroup
from trainingcenter.programs.models import Person, Program, Session, Takeaway
from trainingcenter.registrations.models import Registration

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass
class Document:
    kind: str
    object_id: int
    texts: dict  # language -> (title, body, url)
    year: int | None = None
    theme_ids: set = field(default_factory=set)
    country_groups: set = field(default_factory=set)
    program_id: int | None = None


@dataclass
class Kind:
    name: str
    label: object
    documents: object  # callable(ids or None) -> iterable of Document


KINDS = {}


def kind(name, label):
    """Register a function ``documents(ids)`` as the indexer of a kind; the order of registration is the
    order in which results are grouped."""

    def register(function):
        KINDS[name] = Kind(name, label, function)
        return function

    return register


def plain(value):
    """Text for the index: tags dropped, entities decoded, whitespace folded."""
    return " ".join(html.unescape(strip_tags(value or "")).split())


def joined(*parts):
    return "\n".join(part for part in (plain(p) for p in parts) if part)


def per_language(build):
    """``{language: build()}`` with each language active, so translated fields read in that language."""
    texts = {}
    for language in LANGUAGES:
        with translation.override(language):
            texts[language] = build()
    return texts


def _filtered(queryset, ids):
    return queryset if ids is None else queryset.filter(pk__in=ids)


class ProgramFacts:
    """Year, themes and country groups of public programs, read once for a batch of documents."""

    def __init__(self, program_ids=None):
        programs = _filtered(Program.objects.public(), program_ids).prefetch_related("themes")
        self.programs = {program.pk: program for program in programs}
        groups = [(group.slug, {country.code for country in group.countries}) for group in CountryGroup.objects.all()]
        countries = {pk: set() for pk in self.programs}
        # Where the program's people come from, and its participants.
        for program_id, country in (
            Person.objects.filter(roles__program__in=self.programs).values_list("roles__program", "country").distinct()
        ):
            if country:
                countries[program_id].add(str(country))
        for program_id, country in (
            Registration.objects.filter(program__in=self.programs, status=Registration.Status.CONFIRMED)
            .values_list("program", "country").distinct()
        ):
            countries[program_id].add(str(country))
        self.groups = {
            pk: {slug for slug, members in groups if members & codes} for pk, codes in countries.items()
        }

    def apply(self, document, program_id):
        program = self.programs[program_id]
        document.program_id = program_id
        document.year = program.starts.year
        document.theme_ids = {theme.pk for theme in program.themes.all()}
        document.country_groups = set(self.groups.get(program_id, ()))
        return document


@kind("program", _("Programs"))
def program_documents(ids=None):
    facts = ProgramFacts(ids)
    programs = Program.objects.filter(pk__in=list(facts.programs)).prefetch_related("focus_areas")
    for program in programs:
        def build(program=program):
            return (
                program.title,
                joined(
                    program.number_label, program.subtitle, program.summary, program.background,
                    program.objectives, " · ".join(area.title for area in program.focus_areas.all()),
                    program.conclusion, program.venue,
                ),
                program.get_absolute_url(),
            )
        yield facts.apply(Document("program", program.pk, per_language(build)), program.pk)


@kind("session", _("Sessions"))
def session_documents(ids=None):
    sessions = list(
        _filtered(Session.objects.filter(program__in=Program.objects.public()), ids)
        .exclude(kind=Session.Kind.BREAK)
        .select_related("program").prefetch_related("speakers")
    )
    facts = ProgramFacts({session.program_id for session in sessions})
    for session in sessions:
        def build(session=session):
            speakers = ", ".join(person.full_name for person in session.speakers.all())
            return (
                session.title,
                joined(speakers, session.abstract, session.summary),
                session.program.get_absolute_url() + "#agenda-heading",
            )
        yield facts.apply(Document("session", session.pk, per_language(build)), session.program_id)


@kind("takeaway", _("Key takeaways"))
def takeaway_documents(ids=None):
    takeaways = list(
        _filtered(Takeaway.objects.filter(program__in=Program.objects.public()), ids).select_related("program")
    )
    facts = ProgramFacts({takeaway.program_id for takeaway in takeaways})
    for takeaway in takeaways:
        def build(takeaway=takeaway):
            return (
                takeaway.heading,
                plain(takeaway.text),
                takeaway.program.get_absolute_url() + "#takeaways-heading",
            )
        yield facts.apply(Document("takeaway", takeaway.pk, per_language(build)), takeaway.program_id)


@kind("report", _("Reports"))
def report_documents(ids=None):
    """Published reports of public programs: the sections people wrote, under the program's title."""
    from trainingcenter.reports.models import Report  # noqa: PLC0415 - reports sit beside search's other sources

    reports = list(
        _filtered(Report.objects.filter(status=Report.Status.PUBLISHED, program__in=Program.objects.public()), ids)
        .select_related("program").prefetch_related("sections__session")
    )
    facts = ProgramFacts({report.program_id for report in reports})
    for report in reports:
        def build(report=report):
            return (
                gettext("Report: %(title)s") % {"title": report.program.title},
                joined(*(f"{section.display_heading}\n{section.body}" for section in report.sections.all())),
                report.get_absolute_url(),
            )
        yield facts.apply(Document("report", report.pk, per_language(build)), report.program_id)


@kind("person", _("People"))
def person_documents(ids=None):
    people = _filtered(Person.objects.all(), ids).prefetch_related(
        "roles__program__themes", "sessions__program__themes"
    )
    found = []
    for person in people:
        programs = {role.program for role in person.roles.all()} | {s.program for s in person.sessions.all()}
        programs = {program for program in programs if program.status != Program.Status.DRAFT}
        if programs:  # only people who appear in a public program have a public page
            found.append((person, programs))
    facts = ProgramFacts({program.pk for _person, programs in found for program in programs})
    for person, programs in found:
        def build(person=person):
            return (
                person.full_name,
                joined(person.other_name, person.latin_name, person.position, person.affiliation, person.bionote),
                person.get_absolute_url(),
            )
        latest = max(programs, key=lambda program: program.starts)
        document = facts.apply(Document("person", person.pk, per_language(build)), latest.pk)
        document.program_id = None  # a person is not one program's
        document.theme_ids = {theme.pk for program in programs for theme in program.themes.all()}
        document.country_groups = set().union(*(facts.groups.get(program.pk, set()) for program in programs))
        yield document


def _table_exists(model):
    return model._meta.db_table in connection.introspection.table_names()


@kind("news", _("News"))
def news_documents(ids=None):
    """Published posts, once the news app has its tables and pages."""
    from trainingcenter.news.models import Post  # noqa: PLC0415 - optional until news is migrated

    if not _table_exists(Post):
        return
    try:
        reverse("news:detail", kwargs={"slug": "x"})
    except NoReverseMatch:
        return
    posts = _filtered(Post.objects.published(), ids).select_related("program").prefetch_related("program__themes")
    for post in posts:
        def build(post=post):
            return post.title, joined(post.summary, post.body), post.get_absolute_url()
        document = Document("news", post.pk, per_language(build), year=post.published_at.year)
        if post.program_id:
            document.theme_ids = {theme.pk for theme in post.program.themes.all()}
        yield document
