"""Registrations over JSON: anyone may register; staff list, export and reject them and register on others' behalf.

The public answer never carries the participant's token: their personal link
goes by e-mail only, so that knowing someone's address is not enough to take
over their registration. Staff (with a token) do get it, to pass it on.
"""
from typing import Annotated

from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import Body, Path, Query, Router, Status
from ninja import Field as NinjaField

from trainingcenter.core import ratelimit
from trainingcenter.programs.models import Program
from trainingcenter.registrations import capacity, exports, services
from trainingcenter.registrations.models import Registration

from ..access import managed_program, require_perm
from ..auth import OptionalStaffToken, StaffToken
from ..errors import BODY, STAFF, ApiError, answers, validate_body
from ..schemas.base import Input, QueryInput, SlugPath, checked_in_view
from ..schemas.registrations import (
    ModeLiteral,
    RegistrationIn,
    RegistrationList,
    RegistrationOut,
    RegistrationResult,
    StatusLiteral,
)

router = Router(tags=["registrations"])

# Refusals that are about the request's data, field by field, answer 400; the
# others are well-formed requests the program's rules turn down (422).
FIELD_CODES = {"invalid", "consent_required"}
CONFLICT_CODES = {"duplicate"}


def status_message(registration, position):
    if registration.status == Registration.Status.WAITLISTED:
        return _(
            "The program is full for this attendance mode: you are number %(position)d on the waiting list. "
            "We have sent the details to your e-mail address."
        ) % {"position": position or 0}
    if registration.status == Registration.Status.AWAITING_APPROVAL:
        return _(
            "Thank you for registering. The organisers review each registration; "
            "we will e-mail you their decision."
        )
    return _("You are registered. We have sent a confirmation to your e-mail address.")


def _refusal(error):
    fields = {error.field: [str(error.message)]} if error.field else None
    if error.code in CONFLICT_CODES:
        return ApiError(409, error.code, error.message, fields)
    if error.code in FIELD_CODES:
        return ApiError(400, "invalid", error.message, fields)
    return ApiError(422, error.code, error.message, fields)


def _mode_for(program, payload):
    if payload.mode:
        return payload.mode
    offered = program.offered_modes
    if len(offered) == 1:
        return str(offered[0])
    message = _("Please choose onsite or online.")
    raise ApiError(400, "invalid", message, {"mode": [message]})


@router.post(
    "/programs/{slug}/registrations",
    auth=OptionalStaffToken(),
    response=answers({201: RegistrationResult}, BODY, 401, 403, 404, 409, 422, 429),
    summary="Register for a program",
    description=(
        "Public: the same fields as the registration form. 201 with the status. An e-mail already "
        "registered gets the answer a new registration would get (the link is e-mailed to it again), "
        "so the answer never tells whether someone is registered; 422 when the program's rules refuse "
        "(`not_open`, `closed`, `mode_not_offered`, `invalid_answer`...); 400 for invalid fields; "
        "429 when rate limited. The program is looked at before the fields: an unknown program is 404 "
        "and a closed one 422 `closed` (or `not_open`) whatever the body holds. `country` is the ISO "
        "3166-1 alpha-2 code (KZ); a country's name is refused with a message giving its code. "
        "With a staff token (registrations.add_registration, a program you "
        "manage) you register someone on their behalf, also outside the registration window, and "
        "get their personal link back, and 409 `duplicate` for an e-mail already registered."
    ),
)
def register(request, slug: SlugPath, payload: Body[checked_in_view(RegistrationIn)]):
    actor = request.auth if getattr(request.auth, "is_staff", False) else None
    program = get_object_or_404(Program.objects.public() if actor is None else Program.objects.all(), slug=slug)
    if actor is not None:
        require_perm(actor, "registrations.add_registration")
        program = managed_program(actor, slug)
    else:
        # Whether the program takes registrations at all is told before
        # anything about the fields: no one should correct a form in vain.
        try:
            services.check_window(program)
        except services.RegistrationError as error:
            raise _refusal(error) from None
    payload = validate_body(RegistrationIn, payload, request)
    if actor is None:
        decision = ratelimit.check_registration(request, payload.email)
        if not decision:
            raise ApiError(
                429, "rate_limited", ratelimit.refusal_message(decision),
                retry_after=decision.retry_after, headers=decision.headers,
            )
    data = services.RegistrationData(
        given_name=payload.given_name,
        family_name=payload.family_name,
        email=payload.email,
        country=payload.country,
        organization=payload.organization,
        position=payload.position,
        sector=payload.sector,
        gender=payload.gender,
        mode=_mode_for(program, payload),
        language=payload.language or _request_language(),
        time_zone=payload.time_zone,
        consent=payload.consent,
        answers=payload.answers_dict(),
    )
    try:
        registration = services.register(program, data, actor=actor)
    except services.DuplicateRegistration as error:
        if actor is not None:
            raise _refusal(error) from None
        return Status(201, _answer_as_if_new(program, data.mode))
    except services.RegistrationError as error:
        raise _refusal(error) from None
    position = capacity.waitlist_position(registration)
    result = {
        "status": registration.status,
        "waitlist_position": position,
        "message": status_message(registration, position),
    }
    if actor is not None:
        result.update(
            id=registration.pk,
            token=registration.token,
            url=request.build_absolute_uri(registration.get_absolute_url()),
        )
    return Status(201, result)


def _answer_as_if_new(program, mode):
    """The public answer to an address already registered: what a newcomer would be told right now.

    The public API must not confirm that someone is registered. A new
    registration's answer is 201 with the status it got, its place on the
    waiting list and a sentence ending "we have sent ... to your e-mail
    address"; anything else for a duplicate (the former 409 ``duplicate``, or
    a status of its own such as "received") would tell a prober the address
    is taken. So the duplicate gets the very answer a new registration in the
    same mode would get at this moment: the status and waiting-list place
    forecast from the seats (``capacity.newcomer_outcome``, figures the
    program page shows anyway) and the same sentence. The registration's owner
    gets the link to it by e-mail (``services.register`` re-sends it, at most
    every few minutes), which is where the truth about it is.

    Not hidden, because it cannot be: a new registration takes a seat, so the
    program's public seat counts move and a duplicate's do not; and the
    owner is e-mailed either way, so probing with someone's address is never
    silent. Staff with a token still get 409 ``duplicate``: they may see the
    registrations anyway.
    """
    status, position = capacity.newcomer_outcome(program, mode)
    # An unsaved registration only carries the status for the shared sentence.
    return {"status": status, "waitlist_position": position,
            "message": status_message(Registration(status=status), position)}


def _request_language():
    language = translation.get_language() or "en"
    try:
        return translation.get_supported_language_variant(language)
    except LookupError:
        return "en"


class RegistrationFilters(QueryInput):
    status: StatusLiteral | None = None
    mode: ModeLiteral | None = None
    country: str | None = NinjaField(None, max_length=2, description="ISO alpha-2")
    q: str | None = NinjaField(None, max_length=200, description="Search names, e-mail, organisation")
    limit: int = NinjaField(100, ge=1, le=1000)
    offset: int = NinjaField(0, ge=0, le=10_000_000)


def _with_waitlist_positions(program, registrations):
    """Set ``waitlist_position`` on each waitlisted row, with one query for the whole page."""
    if not any(r.status == Registration.Status.WAITLISTED for r in registrations):
        return registrations
    positions = {}
    counters = {}
    queue = (
        Registration.objects.filter(program=program, status=Registration.Status.WAITLISTED)
        .order_by("mode", "waitlisted_at", "pk")
        .values_list("pk", "mode")
    )
    for pk, mode in queue:
        counters[mode] = counters.get(mode, 0) + 1
        positions[pk] = counters[mode]
    for registration in registrations:
        registration.waitlist_position = positions.get(registration.pk)
    return registrations


@router.get(
    "/programs/{slug}/registrations",
    auth=StaffToken(),
    response=answers({200: RegistrationList}, 400, STAFF, 404),
    summary="List a program's registrations (staff)",
    description=(
        "Needs registrations.view_registration and a program you manage. "
        "`count` is the total before limit/offset."
    ),
)
def list_registrations(request, slug: SlugPath, filters: Query[RegistrationFilters]):
    require_perm(request.auth, "registrations.view_registration")
    program = managed_program(request.auth, slug)
    registrations = _filtered(program, filters)
    count = registrations.count()
    page = list(registrations.order_by("created_at", "pk")[filters.offset : filters.offset + filters.limit])
    return {"count": count, "items": _with_waitlist_positions(program, page)}


class RejectIn(Input):
    reason: str = NinjaField(
        "", max_length=services.REASON_MAX_LENGTH,
        description="Optional, written for the participant: the e-mail that tells them quotes it; kept in the history",
    )


@router.post(
    "/programs/{slug}/registrations/{registration_id}/reject",
    auth=StaffToken(),
    response=answers({200: RegistrationOut}, BODY, STAFF, 404, 422),
    summary="Reject a registration (staff)",
    description=(
        "Needs registrations.change_registration and a program you manage. The participant is told by "
        "e-mail, with the `reason` if given, and their seat goes to the next person waiting. 422 `not_allowed` "
        "when the registration is already cancelled or rejected. The body may be left out."
    ),
)
def reject(request, slug: SlugPath, registration_id: Annotated[int, Path(..., ge=1, le=2**31 - 1)],
           payload: RejectIn | None = None):
    require_perm(request.auth, "registrations.change_registration")
    program = managed_program(request.auth, slug)
    registration = get_object_or_404(Registration, program=program, pk=registration_id)
    try:
        registration = services.reject_registration(
            registration, actor=request.auth, reason=payload.reason if payload else "",
        )
    except services.RegistrationError as error:
        raise _refusal(error) from None
    return registration


def _filtered(program, filters):
    registrations = Registration.objects.filter(program=program)
    if filters.status:
        registrations = registrations.filter(status=filters.status)
    if filters.mode:
        registrations = registrations.filter(mode=filters.mode)
    if filters.country:
        registrations = registrations.filter(country=filters.country.upper())
    if filters.q and filters.q.strip():
        for word in filters.q.split()[:5]:
            registrations = registrations.filter(
                Q(given_name__icontains=word) | Q(family_name__icontains=word)
                | Q(email__icontains=word) | Q(organization__icontains=word)
            )
    return registrations


class ExportFilters(RegistrationFilters):
    columns: str | None = NinjaField(
        None, max_length=2000,
        description="Comma-separated column keys (given_name, email, country, question_<id>...); default: the usual",
    )


CSV_TYPE = "text/csv"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file_answer(content_type, description):
    """The 200 of an export, documented as the file it is (ninja only describes JSON bodies)."""
    return {
        "responses": {
            200: {
                "description": description,
                "content": {content_type: {"schema": {"type": "string", "format": "binary"}}},
            }
        }
    }


def _export(request, slug, filters, extension, content_type, render):
    # As on the staff pages: a full export (answers included) is for those who
    # manage registrations, not for check-in staff who only look people up.
    require_perm(request.auth, "registrations.change_registration")
    program = managed_program(request.auth, slug)
    # Only this program's columns: a question id of another program, or a
    # number no database can hold, is skipped rather than looked up.
    available = {key for key, _label in exports.available_columns(program)}
    asked = [key.strip() for key in (filters.columns or "").split(",") if key.strip() in available]
    columns = asked or list(exports.DEFAULT_COLUMNS)
    registrations = _filtered(program, filters).order_by("created_at", "pk")
    response = HttpResponse(render(registrations, columns), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{program.slug}-registrations.{extension}"'
    return response


@router.get(
    "/programs/{slug}/registrations/export.csv", auth=StaffToken(),
    response=answers({200: None}, 400, STAFF, 404), openapi_extra=_file_answer(CSV_TYPE, "CSV, UTF-8"),
    summary="Export a program's registrations as CSV (staff)",
    description="The same filters as the list, without limit/offset; cells are safe against formula injection.",
)
def export_csv(request, slug: SlugPath, filters: Query[ExportFilters]):
    return _export(request, slug, filters, "csv", f"{CSV_TYPE}; charset=utf-8", exports.registrations_csv)


@router.get(
    "/programs/{slug}/registrations/export.xlsx", auth=StaffToken(),
    response=answers({200: None}, 400, STAFF, 404), openapi_extra=_file_answer(XLSX_TYPE, "An Excel workbook"),
    summary="Export a program's registrations as XLSX (staff)",
    description="The same filters as the list, without limit/offset.",
)
def export_xlsx(request, slug: SlugPath, filters: Query[ExportFilters]):
    return _export(request, slug, filters, "xlsx", XLSX_TYPE, exports.registrations_xlsx)
