"""Certificates over JSON: staff issue, list, download and revoke them; anyone verifies a code.

Staff operations need a token, a program the user manages, and
``registrations.change_registration`` to issue or revoke
(``registrations.view_registration`` to read), as on the organisers' page.
Codes are accepted with or without hyphens, in any letter case.
"""
from django.http import HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import Field as NinjaField
from ninja import Path, Query, Router, Status

from trainingcenter.certificates import codes, services, verification
from trainingcenter.certificates import pdf as certificate_pdf
from trainingcenter.certificates.models import Certificate
from trainingcenter.core import ratelimit

from ..access import managed_program, require_perm
from ..auth import StaffToken
from ..errors import BODY, STAFF, ApiError, answers
from ..schemas.base import QueryInput, SlugPath
from ..schemas.certificates import (
    CertificateList,
    CertificateOut,
    CertificateStatusLiteral,
    IssueRunOut,
    RevokeIn,
    VerificationOut,
)

router = Router(tags=["certificates"])

CodePath = Path(..., max_length=40, description="The code, e.g. K7QX-M2RP-9ZT4 (hyphens and case do not matter)")


def _run_out(run):
    return {
        "run_id": run.pk, "total": run.total, "issued": run.issued, "skipped": run.skipped, "failed": run.failed,
        "finished": run.is_finished, "started_at": run.started_at, "finished_at": run.finished_at,
    }


def _item(request, certificate):
    return {
        "code": certificate.code,
        "grouped_code": certificate.grouped_code,
        "status": certificate.status,
        "kind": certificate.kind,
        "language": certificate.language,
        "name": certificate.name,
        "email": certificate.registration.email,
        "registration_id": certificate.registration_id,
        "program_title": certificate.program_title,
        "issued_at": certificate.issued_at,
        "issued_by_hand": bool(certificate.manual_reason),
        "manual_reason": certificate.manual_reason,
        "revoked_at": certificate.revoked_at,
        "revoked_reason": certificate.revoked_reason,
        "replaced_by": certificate.replaced_by.code if certificate.replaced_by_id else None,
        "pdf_url": request.build_absolute_uri(reverse("api:certificate_pdf", kwargs={"code": certificate.code})),
    }


def _staff_certificate(user, code, permission):
    """The certificate with this code, for staff who manage its program: 404 unknown, 403 not theirs."""
    require_perm(user, permission)
    certificate = (
        Certificate.objects.select_related("registration", "program", "replaced_by")
        .filter(code=codes.clean(code)).first()
    )
    if certificate is None:
        raise ApiError(404, "not_found", _("No certificate has this code."))
    managed_program(user, certificate.program.slug)
    return certificate


@router.post(
    "/programs/{slug}/certificates",
    auth=StaffToken(),
    response=answers({200: IssueRunOut, 202: IssueRunOut}, STAFF, 404),
    summary="Issue certificates to everyone who attended (staff)",
    description=(
        "Needs registrations.change_registration and a program you manage. Every registration whose attendance "
        "result is \"attended\" (after organisers' decisions) and that holds no valid certificate gets one, in "
        "its participant's language, with an e-mail linking to it. The work runs in the background: 202 with "
        "the run's figures; follow it with GET /programs/{slug}/certificates/run. 200 when it finished at once "
        "(nothing to issue). While a run is under way, asking again answers that run. Calling this again later "
        "issues only the missing ones."
    ),
)
def issue(request, slug: SlugPath):
    require_perm(request.auth, "registrations.change_registration")
    program = managed_program(request.auth, slug)
    run = services.issue_certificates(program, actor=request.auth)
    return Status(200 if run.is_finished else 202, _run_out(run))


@router.get(
    "/programs/{slug}/certificates/run",
    auth=StaffToken(),
    response=answers({200: IssueRunOut}, STAFF, 404),
    summary="The latest issuing run's progress (staff)",
    description="Needs registrations.view_registration and a program you manage; 404 when none was started.",
)
def latest_run(request, slug: SlugPath):
    require_perm(request.auth, "registrations.view_registration")
    program = managed_program(request.auth, slug)
    run = services.latest_run(program)
    if run is None:
        raise ApiError(404, "not_found", _("No certificates were issued for this program yet."))
    return _run_out(run)


class CertificateFilters(QueryInput):
    status: CertificateStatusLiteral | None = None
    limit: int = NinjaField(1000, ge=1, le=10_000)
    offset: int = NinjaField(0, ge=0, le=10_000_000)


@router.get(
    "/programs/{slug}/certificates",
    auth=StaffToken(),
    response=answers({200: CertificateList}, 400, STAFF, 404),
    summary="A program's certificates (staff)",
    description=(
        "Needs registrations.view_registration and a program you manage. Every certificate issued, valid, "
        "revoked or replaced, by name; `count` is the total before limit/offset. `pdf_url` serves the PDF with "
        "the same token."
    ),
)
def list_certificates(request, slug: SlugPath, filters: Query[CertificateFilters]):
    require_perm(request.auth, "registrations.view_registration")
    program = managed_program(request.auth, slug)
    certificates = (
        Certificate.objects.filter(program=program).select_related("registration", "replaced_by")
        .order_by("name", "issued_at", "pk")
    )
    if filters.status:
        certificates = certificates.filter(status=filters.status)
    count = certificates.count()
    page = certificates[filters.offset : filters.offset + filters.limit]
    return {"count": count, "items": [_item(request, certificate) for certificate in page]}


@router.get(
    "/certificates/{code}/pdf",
    auth=StaffToken(),
    response=answers({200: None}, STAFF, 404),
    url_name="certificate_pdf",
    openapi_extra={"responses": {200: {
        "description": "The certificate's PDF, as its participant got it",
        "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}},
    }}},
    summary="A certificate's PDF (staff)",
    description="Needs registrations.view_registration and the certificate's program among yours.",
)
def certificate_pdf_file(request, code: str = CodePath):
    certificate = _staff_certificate(request.auth, code, "registrations.view_registration")
    response = HttpResponse(services.pdf_bytes(certificate), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{certificate_pdf.filename(certificate)}"'
    response["Cache-Control"] = "private, no-store"
    return response


@router.post(
    "/certificates/{code}/revoke",
    auth=StaffToken(),
    response=answers({200: CertificateOut}, BODY, STAFF, 404, 409),
    summary="Revoke a certificate (staff)",
    description=(
        "Needs registrations.change_registration and the certificate's program among yours. The code then "
        "answers `revoked` to anyone who verifies it. `reason` is kept in the certificate's history and never "
        "shown publicly. 409 `not_valid` when it is already revoked or replaced."
    ),
)
def revoke(request, payload: RevokeIn, code: str = CodePath):
    certificate = _staff_certificate(request.auth, code, "registrations.change_registration")
    try:
        certificate = services.revoke_certificate(certificate, actor=request.auth, reason=payload.reason)
    except services.CertificateError as error:
        if error.field:
            raise ApiError(400, "invalid", error.message, {error.field: [error.message]}) from None
        raise ApiError(409, error.code, error.message) from None
    return _item(request, certificate)


@router.get(
    "/certificates/{code}",
    response=answers({200: VerificationOut}, 404, 429),
    summary="Verify a certificate (public)",
    description=(
        "Anyone may ask. 200 with `status` (`valid`, `revoked` or `replaced`) and what the certificate says: "
        "the name, the program, its dates and the day it was issued; nothing else about the person. 404 for a "
        "code no certificate has (`not_found`), or that cannot be one (`malformed`: wrong length or characters, "
        "or a typing mistake caught by the check character). Rate-limited per client address, with the "
        "verification page: 429 with Retry-After."
    ),
)
def verify(request, code: str = CodePath):
    decision = ratelimit.check_certificate_verification(request)
    if not decision:
        raise ApiError(
            429, "rate_limited", ratelimit.refusal_message(decision),
            retry_after=decision.retry_after, headers=decision.headers,
        )
    result = verification.verify(code)
    if result.state == verification.MALFORMED:
        raise ApiError(404, "malformed", _("This is not a certificate code: please check it."), reason=result.problem)
    if not result.found:
        raise ApiError(404, "not_found", _("No certificate has this code."))
    return {
        "status": result.state, "name": result.name, "program": result.program,
        "starts_on": result.starts_on, "ends_on": result.ends_on, "issued_on": result.issued_on,
    }
