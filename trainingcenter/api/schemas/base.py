"""The base of every API input schema.

Unknown fields are errors (a misspelt field must not be silently ignored),
and text may not contain NUL characters: PostgreSQL refuses them outright,
so they would otherwise surface as a server error deep in a query. Bodies
are read strictly by their JSON types: "5" is not a number, 1 is not true,
and a date is ISO 8601 text, never a number of seconds since 1970.
"""
import datetime
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Path, Schema
from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, field_validator


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
