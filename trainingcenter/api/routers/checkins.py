"""Onsite check-in over JSON (staff): the code on a participant's badge, scanned by a device at the door.

The same service as the check-in page (``attendance.services.checkins``): the
database's unique constraint decides when two devices scan one badge at once,
and a scan sent twice with the same ``client_key`` is counted once.
"""
import datetime as dt

from ninja import Router, Status

from trainingcenter.attendance.services import checkins
from trainingcenter.attendance.services.checkins import Status as Outcome

from ..access import managed_program, require_perm
from ..auth import StaffToken
from ..errors import BODY, STAFF, ApiError, answers
from ..schemas.base import SlugPath
from ..schemas.checkins import CheckInIn, CheckInOut

router = Router(tags=["check-in"])

CHECK_IN_PERMISSION = "attendance.add_checkin"
# The registration holds no confirmed onsite place: its state conflicts with a check-in.
CONFLICTS = {Outcome.CANCELLED, Outcome.REJECTED, Outcome.WAITLISTED, Outcome.AWAITING_APPROVAL, Outcome.ONLINE_ONLY}


def _refusal(outcome):
    if outcome.status == Outcome.UNKNOWN_CODE:
        return ApiError(404, str(outcome.status), outcome.message)
    extra = {}
    if outcome.name:
        extra["name"] = outcome.name
    if outcome.other_program is not None:
        extra["program"] = {"slug": outcome.other_program.slug, "title": outcome.other_program.title}
    status = 409 if outcome.status in CONFLICTS else 422
    return ApiError(status, str(outcome.status), outcome.message, **extra)


@router.post(
    "/programs/{slug}/checkins",
    auth=StaffToken(),
    response=answers({201: CheckInOut, 200: CheckInOut}, BODY, STAFF, 404, 409, 422),
    summary="Check a participant in at the venue (staff)",
    description=(
        "Needs attendance.add_checkin (check-in staff, organisers) and a program you are assigned to. "
        "`code` is what the participant's QR code holds (`checkin_code` in the registrations list). "
        "201 `checked_in` the first time on that day; 200 `already_checked_in` after that, with the first "
        "check-in's time, and nothing changes. Refusals, with `error.code`: 404 `unknown_code` (also a program "
        "that does not exist: `not_found`); 409 when the registration holds no confirmed onsite place: "
        "`cancelled`, `rejected`, `waitlisted`, `awaiting_approval`, `online_only` (with `error.name`); 422 "
        "`other_program` (the code is another program's: `error.program` has its slug and title, `error.name` "
        "the name on the badge), `not_a_program_day`, `future_day` (the day is not one of the program's days "
        "in its time zone, or has not come yet)."
    ),
)
def check_in(request, slug: SlugPath, payload: CheckInIn):
    require_perm(request.auth, CHECK_IN_PERMISSION)
    program = managed_program(request.auth, slug)
    outcome = checkins.check_in(
        program, payload.code, day=payload.day, actor=request.auth, client_key=payload.client_key,
    )
    if not outcome.present:
        raise _refusal(outcome)
    registration = outcome.registration
    body = {
        "status": str(outcome.status),
        "message": outcome.message,
        "registration_id": registration.pk,
        "name": outcome.name,
        "organization": registration.organization,
        "day": outcome.day,
        "checked_in_at": outcome.check_in.checked_in_at.astimezone(dt.UTC),
        "same_scan": outcome.same_scan,
    }
    return Status(201 if outcome.status == Outcome.CHECKED_IN else 200, body)

