"""Programs, agenda and people over JSON: public reading, staff writing.

Reading is open to anyone and shows what the public pages show (drafts are
404). Writing needs a staff token, the Django model permission for the change
and, for an existing program, that the user manages it.
"""

import contextlib

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils import translation
from ninja import Field, Query, Router, Status

from trainingcenter.programs import queries, services
from trainingcenter.programs.models import Program, Session

from ..access import managed_program, require_perm
from ..auth import OptionalStaffToken, StaffToken
from ..errors import BODY, STAFF, ApiError, answers
from ..schemas.base import QueryInput, SlugPath
from ..schemas.programs import (
    PersonOut,
    ProgramDetailOut,
    ProgramIn,
    ProgramOut,
    ProgramPatch,
    SessionIn,
    SessionOut,
    SessionPatch,
    StatusLiteral,
)

router = Router(tags=["programs"])
staff_token = StaffToken()

LANG_DOC = "Content language (en, zh-hans, ru); otherwise Accept-Language; English where a translation is missing."


def use_content_language(lang=None):
    """Activate the language asked for with ?lang=, if it is one we serve.

    Without ?lang= the LocaleMiddleware has already chosen one from
    Accept-Language. The activation lasts to the end of this request (the
    middleware sets it again for the next one), so the response's content,
    serialised after the view returns, comes out in that language too.
    """
    if lang:
        with contextlib.suppress(LookupError):
            translation.activate(translation.get_supported_language_variant(lang))
    return translation.get_language()


# --- public -------------------------------------------------------------------------------


class ProgramFilters(QueryInput):
    status: StatusLiteral | None = None
    theme: str | None = Field(None, max_length=100, description="Theme slug")
    year: int | None = Field(None, ge=1900, le=2200)
    lang: str | None = Field(None, max_length=20, description=LANG_DOC)


@router.get(
    "/programs", response=answers({200: list[ProgramOut]}, 400), summary="Public programs", description=LANG_DOC
)
def list_programs(request, filters: Query[ProgramFilters]):
    use_content_language(filters.lang)
    # The same filters as the program list page; the API's are validated by its schema.
    chosen = queries.ProgramFilters(status=filters.status or "", theme=filters.theme or "", year=filters.year)
    return chosen.apply(Program.objects.public()).prefetch_related("themes").order_by("-starts", "pk").distinct()


@router.get(
    "/programs/{slug}", response=answers({200: ProgramDetailOut}, 401, 404), auth=OptionalStaffToken(),
    summary="One program with its agenda",
    description=LANG_DOC + " Drafts are 404, except with the token of staff who manage the program.",
)
def get_program(request, slug: SlugPath, lang: str | None = None):
    use_content_language(lang)
    staff = request.auth if getattr(request.auth, "is_staff", False) else None
    return queries.program_for_page(slug, staff)


@router.get(
    "/people/{slug}", response=answers({200: PersonOut}, 404), summary="A resource person", description=LANG_DOC
)
def get_person(request, slug: SlugPath, lang: str | None = None):
    use_content_language(lang)
    return queries.person_for_page(slug)


# --- staff --------------------------------------------------------------------------------


def _with_agenda(program):
    """The program reloaded as the detail endpoint shows it (drafts included: staff asked)."""
    return queries.with_agenda(Program.objects.all()).get(pk=program.pk)


@router.post(
    "/programs", auth=staff_token, response=answers({201: ProgramDetailOut}, BODY, STAFF, 409),
    summary="Create a program (staff)",
    description="Needs programs.add_program. The caller becomes an organiser of the program. 409 if the slug is taken.",
)
def create_program(request, payload: ProgramIn):
    require_perm(request.auth, "programs.add_program")
    try:
        program = services.create_program(payload.model_dump(exclude_unset=True), actor=request.auth)
    except services.SlugTaken as taken:
        raise ApiError(409, "duplicate", taken.message, {"slug": [taken.message]}) from None
    return Status(201, _with_agenda(program))


@router.patch(
    "/programs/{slug}", auth=staff_token, response=answers({200: ProgramDetailOut}, BODY, STAFF, 404, 409),
    summary="Change a program (staff)", description="Needs programs.change_program and a program you manage.",
)
def update_program(request, slug: SlugPath, payload: ProgramPatch):
    require_perm(request.auth, "programs.change_program")
    program = managed_program(request.auth, slug)
    try:
        services.update_program(program, payload.model_dump(exclude_unset=True), actor=request.auth)
    except services.SlugTaken as taken:
        raise ApiError(409, "duplicate", taken.message, {"slug": [taken.message]}) from None
    return _with_agenda(program)


def _session_out(session):
    return Session.objects.prefetch_related("speakers").get(pk=session.pk)


@router.post(
    "/programs/{slug}/sessions", auth=staff_token, response=answers({201: SessionOut}, BODY, STAFF, 404),
    summary="Add an agenda item (staff)", description="Needs programs.add_session and a program you manage.",
)
def create_session(request, slug: SlugPath, payload: SessionIn):
    require_perm(request.auth, "programs.add_session")
    program = managed_program(request.auth, slug)
    session = services.create_session(program, payload.model_dump(exclude_unset=True), actor=request.auth)
    return Status(201, _session_out(session))


@router.patch(
    "/programs/{slug}/sessions/{session_id}", auth=staff_token, response=answers({200: SessionOut}, BODY, STAFF, 404),
    summary="Change an agenda item (staff)", description="Needs programs.change_session and a program you manage.",
)
def update_session(request, slug: SlugPath, session_id: int, payload: SessionPatch):
    if not 0 < session_id < 2**63:
        raise Http404
    require_perm(request.auth, "programs.change_session")
    program = managed_program(request.auth, slug)
    session = get_object_or_404(Session.objects.select_related("program"), pk=session_id, program=program)
    services.update_session(session, payload.model_dump(exclude_unset=True), actor=request.auth)
    return _session_out(session)
