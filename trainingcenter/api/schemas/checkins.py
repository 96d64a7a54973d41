"""Shapes of the onsite check-in API."""
import datetime
from typing import Annotated, Literal

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import BeforeValidator

from .base import Input


def _date_text(value):
    if value is None or isinstance(value, str | datetime.date):
        return value
    raise ValueError(_("Please give the day as YYYY-MM-DD."))


# JSON has no date type: a day is ISO text ("2031-05-10"), never a number.
IsoDate = Annotated[datetime.date, Field(strict=False), BeforeValidator(_date_text)]


class CheckInIn(Input):
    code: str = Field(
        ..., min_length=1, max_length=64,
        description=(
            "What the participant's QR code holds: their `checkin_code` (12 characters of Crockford's base 32). "
            "Typed codes may have lower case, spaces or hyphens (ABCD-EFGH-JKMN); O, I and L read as 0, 1, 1."
        ),
    )
    day: IsoDate | None = Field(
        None, description="The program day, YYYY-MM-DD in the program's time zone; default: today there",
    )
    client_key: str = Field(
        "", max_length=64,
        description=(
            "Optional: the scanning device's own id for this scan. A scan sent again with the same key (queued "
            "offline, or its answer lost) is the same scan: 200 `already_checked_in` with `same_scan` true."
        ),
    )


class CheckInOut(Schema):
    status: Literal["checked_in", "already_checked_in"]
    message: str = Field(..., description="For the person at the door, in the request's language")
    registration_id: int
    name: str
    organization: str
    day: datetime.date = Field(..., description="The program day, in the program's time zone")
    checked_in_at: datetime.datetime = Field(..., description="When the check-in that counts was made (UTC)")
    same_scan: bool = Field(
        ..., description="true when this very scan (same client_key) had checked the person in before",
    )
