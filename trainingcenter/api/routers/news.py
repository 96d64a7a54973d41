"""The newsletter over JSON: anyone may ask to subscribe an address (double opt-in)."""
from typing import Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _
from ninja import Field, Router, Schema, Status
from pydantic import field_validator

from trainingcenter.core import ratelimit
from trainingcenter.news import newsletter

from ..errors import BODY, ApiError, answers
from ..schemas.base import Input

router = Router(tags=["newsletter"])


class SubscriptionIn(Input):
    email: str = Field(..., max_length=254, description="The address to send the newsletter to.")
    language: Literal["en", "zh-hans", "ru"] = Field("en", description="The language of the newsletter.")

    @field_validator("email")
    @classmethod
    def valid_email(cls, value):
        value = value.strip()
        try:
            validate_email(value)
        except DjangoValidationError:
            raise ValueError(_("Please enter a valid e-mail address, like name@example.org.")) from None
        return value.lower()


class SubscriptionAccepted(Schema):
    message: str


@router.post(
    "/newsletter/subscriptions",
    response=answers({202: SubscriptionAccepted}, BODY, 429),
    summary="Subscribe to the newsletter",
    description=(
        "Public. 202 whatever the address: a new or unconfirmed address is sent a confirmation e-mail "
        "(at most one every 15 minutes); nothing is sent to an address already confirmed, so the answer "
        "never tells who subscribed. The newsletter starts once the link in that e-mail is opened. "
        "429 with `Retry-After` when too many requests come from one client address."
    ),
)
def subscribe(request, payload: SubscriptionIn):
    decision = ratelimit.check_newsletter(request)
    if not decision:
        raise ApiError(
            429, "rate_limited", ratelimit.refusal_message(decision),
            retry_after=decision.retry_after, headers=decision.headers,
        )
    newsletter.subscribe(payload.email, payload.language, source="api")
    return Status(202, {"message": _("If this address is not subscribed yet, we have sent it a link to confirm.")})
