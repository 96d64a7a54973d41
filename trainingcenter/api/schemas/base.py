"""The base of every API input schema.

Unknown fields are errors (a misspelt field must not be silently ignored),
and text may not contain NUL characters: PostgreSQL refuses them outright,
so they would otherwise surface as a server error deep in a query. Bodies
are read strictly by their JSON types: "5" is not a number, 1 is not true,
and a date is ISO 8601 text, never a number of seconds since 1970.
"""
import datetime
import re
from typing import Annotated, Any

from django.utils.translation import gettext as _
from ninja import Path, Schema
from pydantic import (
    AfterValidator,
    BeforeValidator,
    ConfigDict,
    Field,
    GetPydanticSchema,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import core_schema

from trainingcenter.programs.services import day_boundary


def has_nul(value):
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, (list, tuple)):
        return any(has_nul(item) for item in value)
    if isinstance(value, dict):
        return any(has_nul(key) or has_nul(item) for key, item in value.items())
    return False


MIN_YEAR, MAX_YEAR = 1900, 2200


class QueryInput(Schema):
    """Query parameters: text checked, unknown parameters (cache busters...) ignored."""

    @field_validator("*", mode="before")
    @classmethod
    def no_nul_characters(cls, value):
        if has_nul(value):
            raise ValueError(_("Please remove the control characters from this text."))
        return value

    @field_validator("*", mode="after")
    @classmethod
    def plausible_dates(cls, value):
        # Dates at the edge of the calendar overflow when shifted between time zones.
        if isinstance(value, datetime.datetime) and not MIN_YEAR <= value.year <= MAX_YEAR:
            raise ValueError(_("Please give a date between %(min)d and %(max)d.") % {"min": MIN_YEAR, "max": MAX_YEAR})
        return value


class Input(QueryInput):
    """A request body."""

    # Query parameters arrive as text and must be read leniently; a JSON body
    # says what type it means, and a client sending the wrong one has a bug
    # that should be told, not guessed around.
    model_config = ConfigDict(extra="forbid", strict=True)


def _iso_text(value):
    if value is None or isinstance(value, str | datetime.datetime):
        return value
    raise ValueError(_("Please give a date and time in ISO 8601, e.g. 2026-06-08T09:00:00+08:00."))


# JSON has no date type: a date arrives as text, read leniently (strict
# parsing would take only Python datetimes), but a number, which pydantic
# would read as seconds since 1970, is refused.
IsoDatetime = Annotated[datetime.datetime, Field(strict=False), BeforeValidator(_iso_text)]

PLAIN_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _plain_date(value):
    """The day of a plain ISO date ("2027-03-16"), else None (a datetime, or not a date at all)."""
    if isinstance(value, str) and PLAIN_DATE.fullmatch(value.strip()):
        try:
            return datetime.date.fromisoformat(value.strip())
        except ValueError:
            return None  # 2027-02-30: pydantic refuses it with the usual message
    return None


def _whole_day(end):
    """Read a plain date as the first (or last) second of that day, in the program's zone (it stays naive)."""

    def read(value):
        day = _plain_date(value)
        return _iso_text(value) if day is None else day_boundary(day, end=end)

    return read


def _time_required(value):
    if _plain_date(value) is not None:
        raise ValueError(_("Please give the time as well as the date, e.g. 2026-06-08T09:00:00+08:00."))
    return _iso_text(value)


def _date_or_datetime(description):
    return WithJsonSchema({
        "anyOf": [{"type": "string", "format": "date-time"}, {"type": "string", "format": "date"}],
        "description": description,
    })


DAY_STARTS_DOC = (
    "ISO 8601 date and time; without an offset it is read in the program's time zone. "
    "A plain date (2027-03-16) means 00:00 that day in the program's time zone."
)
DAY_ENDS_DOC = (
    "ISO 8601 date and time; without an offset it is read in the program's time zone. "
    "A plain date (2027-03-16) means the end of that day, 23:59:59, in the program's time zone."
)

# A program's start and end (and its registration window) may be given as
# plain dates: an organiser who writes "16 March to 20 March" means the
# whole of those days where the program is held. The day is turned into a
# naive datetime here, which the services read in the program's time zone.
DayStartDatetime = Annotated[
    datetime.datetime, Field(strict=False), BeforeValidator(_whole_day(end=False)), _date_or_datetime(DAY_STARTS_DOC)
]
DayEndDatetime = Annotated[
    datetime.datetime, Field(strict=False), BeforeValidator(_whole_day(end=True)), _date_or_datetime(DAY_ENDS_DOC)
]
# An agenda item needs its times: a plain date would silently mean midnight.
TimedDatetime = Annotated[datetime.datetime, Field(strict=False), BeforeValidator(_time_required)]


def checked_in_view(model):
    """The type of a body that ninja parses as JSON but leaves for the view to check against ``model``.

    ninja checks a body before the view runs, so its field errors (400) would
    come before anything the view decides; an operation that must first say
    that its program does not exist (404) or is closed (422) takes its body
    as this and checks it with ``errors.validate_body`` once it has looked.
    The OpenAPI schema documents ``model``, as for a body ninja checks.
    """

    def json_schema(_schema, handler):
        # Through the generator itself, so that the body is a $ref to the
        # model's component (with its nested models), not a copy inlined.
        return handler.generate_json_schema.generate_inner(model.__pydantic_core_schema__)

    return Annotated[Any, GetPydanticSchema(lambda _type, _handler: core_schema.any_schema(), json_schema)]


# A path slug that no program or person can have is answered 404 (see
# api_errors), before it reaches a query.
SlugPath = Annotated[str, Path(..., max_length=120, pattern=r"^[-a-zA-Z0-9_]+$")]


# null in a body means "clear it", as in a JSON merge patch. Optional text is
# stored as "" (its columns are NOT NULL), and a list as no items, so null is
# turned into that here rather than reaching the database as NULL. Fields that
# must always have a value (a title, a start...) are typed without null and
# refuse it with a 400 that says so.
ClearableText = Annotated[str | None, AfterValidator(lambda value: "" if value is None else value)]
ClearableList = Annotated[list[str] | None, AfterValidator(lambda value: [] if value is None else value)]
CLEARS = "null clears it."
