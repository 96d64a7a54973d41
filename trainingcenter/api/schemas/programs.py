"""Shapes of the programs API: what goes out to visitors and what staff send in.

Datetimes go out in UTC ISO 8601 ("2022-06-08T01:00:00Z"). Content fields
(titles, bionotes...) go out in the request's language, falling back to English.
"""
from datetime import datetime
from typing import Literal

from django.urls import NoReverseMatch
from ninja import Field, Schema

from trainingcenter.programs.models import Program, ProgramRole, Session

from .base import (
    CLEARS,
    DAY_ENDS_DOC,
    DAY_STARTS_DOC,
    ClearableList,
    ClearableText,
    DayEndDatetime,
    DayStartDatetime,
    Input,
    TimedDatetime,
)

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


# A person's name per language (``Person.name``): e.g. Chinese characters in zh-hans where given.
PERSON_NAME = "The name as the request's language writes it where one is given, else given and family name."


class PersonRef(Schema):
    slug: str
    name: str = Field(..., description=PERSON_NAME)


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
    name: str = Field(..., description=PERSON_NAME)
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
    title: ClearableText = Field(None, max_length=250, description=CLEARS)
    subtitle: ClearableText = Field(None, max_length=300, description=CLEARS)
    summary: ClearableText = Field(None, max_length=5000, description=CLEARS)
    background: ClearableText = Field(None, max_length=50000, description=CLEARS)
    objectives: ClearableText = Field(None, max_length=50000, description=CLEARS)
    conclusion: ClearableText = Field(None, max_length=50000, description=CLEARS)
    venue: ClearableText = Field(None, max_length=250, description=CLEARS)


TRANSLATIONS_DOC = (
    "Content in other languages: {\"zh-hans\": {\"title\": ...}, \"ru\": {...}}. "
    "The plain content fields are English. null for a text clears that language's text, "
    "so that the English one shows."
)

# Fields typed without None below may be left out but never sent as null: the
# program or session must keep a value (see ``ClearableText`` in ``base``).


class ProgramPatch(Input):
    """Every field optional: only the fields sent are changed.

    Datetimes without an offset are in the program's time zone. ``starts`` and
    ``registration_opens`` may be plain dates (00:00 that day in the program's
    zone), ``ends`` and ``registration_closes`` too (23:59:59 that day).
    """

    slug: str = Field(None, min_length=1, max_length=120, pattern=r"^[-a-zA-Z0-9_]+$")
    number: int | None = Field(None, ge=1, le=32767, description="null: no number")
    title: str = Field(None, min_length=1, max_length=250)
    subtitle: ClearableText = Field(None, max_length=300, description=CLEARS)
    summary: ClearableText = Field(None, max_length=5000, description=CLEARS)
    background: ClearableText = Field(None, max_length=50000, description=CLEARS)
    objectives: ClearableText = Field(None, max_length=50000, description=CLEARS)
    conclusion: ClearableText = Field(None, max_length=50000, description=CLEARS)
    venue: ClearableText = Field(None, max_length=250, description=CLEARS)
    starts: DayStartDatetime = None
    ends: DayEndDatetime = None
    time_zone: str = Field(None, min_length=1, max_length=64, description="IANA name, e.g. Asia/Shanghai")
    mode: ModeLiteral = None
    status: StatusLiteral = None
    registration_opens: DayStartDatetime | None = Field(None, description=DAY_STARTS_DOC + " null: no opening date.")
    registration_closes: DayEndDatetime | None = Field(None, description=DAY_ENDS_DOC + " null: no closing date.")
    capacity_online: int | None = Field(None, ge=0, le=1_000_000, description="null: no limit")
    capacity_onsite: int | None = Field(None, ge=0, le=1_000_000, description="null: no limit")
    requires_approval: bool = None
    recording_url: ClearableText = Field(None, max_length=200, description=CLEARS)
    themes: ClearableList = Field(None, max_length=50, description="Theme slugs, replacing the current ones; " + CLEARS)
    translations: dict[Literal["en", "zh-hans", "ru"], ProgramTranslationIn] = Field(
        None, description=TRANSLATIONS_DOC
    )


class ProgramIn(ProgramPatch):
    """A new program. Datetimes without an offset, and plain dates, are read in the program's time zone."""

    slug: str = Field(..., min_length=1, max_length=120, pattern=r"^[-a-zA-Z0-9_]+$")
    title: str = Field(..., min_length=1, max_length=250)
    starts: DayStartDatetime
    ends: DayEndDatetime
    time_zone: str = Field("Asia/Shanghai", min_length=1, max_length=64, description="IANA name, e.g. Asia/Shanghai")
    mode: ModeLiteral = "online"
    status: StatusLiteral = "draft"


class SessionTranslationIn(Input):
    title: ClearableText = Field(None, max_length=300, description=CLEARS)
    abstract: ClearableText = Field(None, max_length=20000, description=CLEARS)
    summary: ClearableText = Field(None, max_length=50000, description=CLEARS)


class SessionPatch(Input):
    """Every field optional: only the fields sent are changed.

    Datetimes without an offset are in the program's time zone; an agenda item needs its times, so a plain
    date is refused.
    """

    kind: KindLiteral = None
    title: str = Field(None, min_length=1, max_length=300)
    starts: TimedDatetime = None
    ends: TimedDatetime = None
    abstract: ClearableText = Field(None, max_length=20000, description=CLEARS)
    summary: ClearableText = Field(None, max_length=50000, description=CLEARS)
    slides_url: ClearableText = Field(None, max_length=200, description=CLEARS)
    recording_url: ClearableText = Field(None, max_length=200, description=CLEARS)
    speakers: ClearableList = Field(
        None, max_length=100, description="Person slugs, replacing the current ones; " + CLEARS
    )
    translations: dict[Literal["en", "zh-hans", "ru"], SessionTranslationIn] = Field(
        None, description=TRANSLATIONS_DOC
    )


class SessionIn(SessionPatch):
    kind: KindLiteral = "lecture"
    title: str = Field(..., min_length=1, max_length=300)
    starts: TimedDatetime
    ends: TimedDatetime
