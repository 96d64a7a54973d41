"""Shapes of the registrations API.

The input mirrors the public form. Its limits bound the size of what we
accept; the rules themselves (window, capacity, answers) live in ``services``.
"""
import re
from datetime import datetime
from typing import Literal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import field_validator

from trainingcenter.registrations import validation
from trainingcenter.registrations.models import Registration

from .base import Input

# ASCII digits only: str.isdigit() also accepts "²", which int() then refuses.
QUESTION_KEY = re.compile(r"[0-9]{1,10}")

SectorLiteral = Literal[tuple(Registration.Sector.values)]
GenderLiteral = Literal[("",) + tuple(Registration.Gender.values)]
ModeLiteral = Literal[tuple(Registration.Mode.values)]
StatusLiteral = Literal[tuple(Registration.Status.values)]
LanguageLiteral = Literal[tuple(code for code, _name in settings.LANGUAGES)]
AnswerValue = bool | str


class AnswerIn(Input):
    question: int = Field(..., ge=1, le=2**31, description="The question's id")
    value: AnswerValue = Field(..., description="Text, one of the choices, or yes/no (true/false)")

    @field_validator("value")
    @classmethod
    def short_enough(cls, value):
        if isinstance(value, str) and len(value) > 2000:
            raise ValueError(_("Please use at most %(max)d characters.") % {"max": 2000})
        return value


class RegistrationIn(Input):
    """One participant. ``mode`` may be left out when the program offers only one."""

    given_name: str = Field(..., max_length=100)
    family_name: str = Field(..., max_length=100)
    email: str = Field(..., max_length=254)
    country: str = Field(..., max_length=100, description="ISO 3166-1 alpha-2 code, e.g. KZ")
    organization: str = Field(..., max_length=200)
    position: str = Field("", max_length=200)
    sector: SectorLiteral = "other"
    gender: GenderLiteral = Field("", description="Optional, for statistics only")
    mode: ModeLiteral | None = None
    language: LanguageLiteral | None = Field(None, description="For e-mails; defaults to the request's language")
    time_zone: str = Field(
        "", max_length=64,
        description=(
            "The participant's IANA time zone, e.g. Asia/Almaty, for the times in e-mails; unknown names are ignored"
        ),
    )
    consent: bool = Field(..., description="Must be true: consent to the privacy notice")
    answers: list[AnswerIn] | dict[str, AnswerValue] = Field(
        default_factory=list, max_length=100,
        description=(
            "Answers to the program's extra questions: a list of {\"question\": id, \"value\": ...} "
            "or an object {\"<question id>\": value}. Yes/no questions take \"yes\", \"no\", true or false."
        ),
    )

    @field_validator("country")
    @classmethod
    def known_country(cls, value):
        try:
            return validation.clean_country(value)
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None

    @field_validator("given_name", "family_name", "organization")
    @classmethod
    def visible_text(cls, value, info):
        # Names of only invisible characters are refused here as in the form.
        try:
            return validation.clean_text(value, field=info.field_name)
        except ValidationError as error:
            raise ValueError(error.messages[0]) from None

    @field_validator("answers")
    @classmethod
    def answers_by_question(cls, value):
        if isinstance(value, dict):
            for key, text in value.items():
                if not QUESTION_KEY.fullmatch(key):
                    raise ValueError(_("Answers are keyed by the question's id."))
                if isinstance(text, str) and len(text) > 2000:
                    raise ValueError(_("Please use at most %(max)d characters.") % {"max": 2000})
        return value

    def answers_dict(self):
        """{question id: answer text}, whichever of the two shapes was sent."""
        if isinstance(self.answers, dict):
            pairs = [(int(key), value) for key, value in self.answers.items()]
        else:
            pairs = [(answer.question, answer.value) for answer in self.answers]
        return {question: ("yes" if value else "no") if isinstance(value, bool) else value for question, value in pairs}


class RegistrationResult(Schema):
    status: str = Field(..., description="confirmed, waitlisted or awaiting_approval")
    waitlist_position: int | None = None
    message: str
    # Only when staff registered someone: the participant's own page.
    id: int | None = None
    token: str | None = None
    url: str | None = None


class RegistrationOut(Schema):
    id: int
    given_name: str
    family_name: str
    email: str
    country: str
    organization: str
    position: str
    sector: str
    gender: str
    mode: str
    language: str
    status: str
    created_at: datetime
    waitlist_position: int | None = None
    checkin_code: str = Field(..., description="What the participant's check-in QR code holds (onsite check-in)")

    @staticmethod
    def resolve_country(obj):
        return obj.country.code or ""

    @staticmethod
    def resolve_waitlist_position(obj):
        return getattr(obj, "waitlist_position", None)


class RegistrationList(Schema):
    count: int
    items: list[RegistrationOut]
