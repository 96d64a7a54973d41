"""Shapes of the programs API: what goes out to visitors and what staff send in.

Datetimes go out in UTC ISO 8601 ("2022-06-08T01:00:00Z"). Content fields
(titles, bionotes...) go out in the request's language, falling back to English.
"""
from datetime import datetime
from typing import Literal

from django.urls import NoReverseMatch
from ninja import Field, Schema

from trainingcenter.programs.models import Program, ProgramRole, Session

from .base import Input

ModeLiteral = Literal["onsite", "online", "hybrid"]
StatusLiteral = Literal[tuple(Program.Status.values)]
KindLiteral = Literal[tuple(Session.Kind.values)]


def absolute_url(obj, context):
    """The object's public page, absolute, in the active language; None if pages are not wired."""
    try:
        path = obj.get_absolute_url()
    except NoReverseMatch:
        return None
    request = (context or {}).get("request")
    return request.build_absolute_uri(path) if request is not None else path


# --- out ---------------------------------------------------------------------------------


class ThemeOut(Schema):
    slug: str
    name: str


class PersonRef(Schema):
    slug: str
    name: str


class RoleOut(Schema):
    person: PersonRef
    role: str
    note: str


class SessionOut(Schema):
    id: int
    kind: str
    title: str
    starts: datetime
    ends: datetime
    abstract: str
    slides_url: str
    recording_url: str
    speakers: list[PersonRef]

    @staticmethod
    def resolve_speakers(obj):
        return list(obj.speakers.all())


class ProgramOut(Schema):
    slug: str
    number: int | None
    title: str
    subtitle: str
    status: str
    mode: str
    starts: datetime
    ends: datetime
    time_zone: str
    registration_opens: datetime | None
    registration_closes: datetime | None
    themes: list[ThemeOut]
    url: str | None = None

    @staticmethod
    def resolve_themes(obj):
        return list(obj.themes.all())

    @staticmethod
    def resolve_url(obj, context):
        return absolute_url(obj, context)


class ProgramDetailOut(ProgramOut):
    summary: str
    background: str
    objectives: str
    conclusion: str
    venue: str
    registration_state: str
    capacity_onsite: int | None
    capacity_online: int | None
    requires_approval: bool
    recording_url: str
    focus_areas: list[str]
    officials: list[RoleOut]
    moderators: list[RoleOut]
    sessions: list[SessionOut]

    @staticmethod
    def resolve_registration_state(obj):
        return obj.registration_window_state()

    @staticmethod
    def resolve_focus_areas(obj):
        return [area.title for area in obj.focus_areas.all()]

    @staticmethod
    def resolve_officials(obj):
        return [role for role in obj.roles.all() if role.role == ProgramRole.Role.OFFICIAL]

    @staticmethod
    def resolve_moderators(obj):
        return [role for role in obj.roles.all() if role.role == ProgramRole.Role.MODERATOR]

    @staticmethod
    def resolve_sessions(obj):
        return list(obj.sessions.all())


class ProgramRef(Schema):
    slug: str
    title: str


class PersonRoleOut(Schema):
    program: ProgramRef
    role: str
    note: str


class PersonSessionOut(Schema):
    id: int
    kind: str
    title: str
    starts: datetime
    ends: datetime
    program: ProgramRef


class PersonOut(Schema):
    slug: str
    name: str
    honorific: str
    given_name: str
    family_name: str
    native_name: str
    position: str
    affiliation: str
    country: str
    bionote: str
    photo: str | None
    url: str | None = None
    roles: list[PersonRoleOut]
    sessions: list[PersonSessionOut]

    @staticmethod
    def resolve_country(obj):
        return obj.country.code or ""

    @staticmethod
    def resolve_photo(obj, context):
        if not obj.photo:
            return None
        request = (context or {}).get("request")
        return request.build_absolute_uri(obj.photo.url) if request is not None else obj.photo.url

    @staticmethod
    def resolve_url(obj, context):
        return absolute_url(obj, context)

    @staticmethod
    def resolve_roles(obj):
        return obj.public_roles

    @staticmethod
    def resolve_sessions(obj):
        return obj.public_sessions


# --- in ----------------------------------------------------------------------------------


class ProgramTranslationIn(Input):
    title: str | None = Field(None, max_length=250)
    subtitle: str | None = Field(None, max_length=300)
    summary: str | None = Field(None, max_length=5000)
    background: str | None = Field(None, max_length=50000)
    objectives: str | None = Field(None, max_length=50000)
    conclusion: str | None = Field(None, max_length=50000)
    venue: str | None = Field(None, max_length=250)


TRANSLATIONS_DOC = (
    "Content in other languages: {\"zh-hans\": {\"title\": ...}, \"ru\": {...}}. "
    "The plain content fields are English."
)


class ProgramPatch(Input):
    """Every field optional: only the fields sent are changed. Naive datetimes are in the program's time zone."""

    slug: str | None = Field(None, min_length=1, max_length=120, pattern=r"^[-a-zA-Z0-9_]+$")
    number: int | None = Field(None, ge=1, le=32767)
    title: str | None = Field(None, min_length=1, max_length=250)
    subtitle: str | None = Field(None, max_length=300)
    summary: str | None = Field(None, max_length=5000)
    background: str | None = Field(None, max_length=50000)
    objectives: str | None = Field(None, max_length=50000)
    conclusion: str | None = Field(None, max_length=50000)
    venue: str | None = Field(None, max_length=250)
    starts: datetime | None = None
    ends: datetime | None = None
    time_zone: str | None = Field(None, max_length=64, description="IANA name, e.g. Asia/Shanghai")
    mode: ModeLiteral | None = None
    status: StatusLiteral | None = None
    registration_opens: datetime | None = None
    registration_closes: datetime | None = None
    capacity_online: int | None = Field(None, ge=0, le=1_000_000, description="null: no limit")
    capacity_onsite: int | None = Field(None, ge=0, le=1_000_000, description="null: no limit")
    requires_approval: bool | None = None
    recording_url: str | None = Field(None, max_length=200)
    themes: list[str] | None = Field(None, max_length=50, description="Theme slugs")
    translations: dict[Literal["en", "zh-hans", "ru"], ProgramTranslationIn] | None = Field(
        None, description=TRANSLATIONS_DOC
    )


class ProgramIn(ProgramPatch):
    """A new program. Naive datetimes are read in the program's time zone."""

    slug: str = Field(..., min_length=1, max_length=120, pattern=r"^[-a-zA-Z0-9_]+$")
    title: str = Field(..., min_length=1, max_length=250)
    starts: datetime
    ends: datetime
    time_zone: str = Field("Asia/Shanghai", max_length=64, description="IANA name, e.g. Asia/Shanghai")
    mode: ModeLiteral = "online"
    status: StatusLiteral = "draft"


class SessionTranslationIn(Input):
    title: str | None = Field(None, max_length=300)
    abstract: str | None = Field(None, max_length=20000)
    summary: str | None = Field(None, max_length=50000)


class SessionPatch(Input):
    kind: KindLiteral | None = None
    title: str | None = Field(None, min_length=1, max_length=300)
    starts: datetime | None = None
    ends: datetime | None = None
    abstract: str | None = Field(None, max_length=20000)
    summary: str | None = Field(None, max_length=50000)
    slides_url: str | None = Field(None, max_length=200)
    recording_url: str | None = Field(None, max_length=200)
    speakers: list[str] | None = Field(None, max_length=100, description="Person slugs")
    translations: dict[Literal["en", "zh-hans", "ru"], SessionTranslationIn] | None = Field(
        None, description=TRANSLATIONS_DOC
    )


class SessionIn(SessionPatch):
    kind: KindLiteral = "lecture"
    title: str = Field(..., min_length=1, max_length=300)
    starts: datetime
    ends: datetime
