"""The base of every API input schema.

Unknown fields are errors (a misspelt field must not be silently ignored),
and text may not contain NUL characters: PostgreSQL refuses them outright,
so they would otherwise surface as a server error deep in a query.
"""
import datetime
from typing import Annotated

from django.utils.translation import gettext as _
from ninja import Path, Schema
from pydantic import ConfigDict, field_validator


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

    model_config = ConfigDict(extra="forbid")


# A path slug that no program or person can have is answered 404 (see
# api_errors), before it reaches a query.
SlugPath = Annotated[str, Path(..., max_length=120, pattern=r"^[-a-zA-Z0-9_]+$")]
