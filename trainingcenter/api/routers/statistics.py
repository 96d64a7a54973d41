"""A program's participation statistics over JSON and CSV: full for its organisers, folded for everyone.

Staff: ``registrations.view_registration`` and a program you manage. Public:
any program that is not a draft; every group of fewer than 5 people is
folded into ``"other"`` so that no person can be singled out.
"""
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from ninja import Router

from trainingcenter.programs.models import Program
from trainingcenter.reports import statistics

from ..access import managed_program, require_perm
from ..auth import StaffToken
from ..errors import STAFF, answers
from ..schemas.base import SlugPath
from ..schemas.statistics import StatisticsOut

router = Router(tags=["statistics"])

CSV_TYPE = "text/csv"


@router.get(
    "/programs/{slug}/statistics",
    auth=StaffToken(),
    response=answers({200: StatisticsOut}, STAFF, 404),
    summary="A program's statistics (staff)",
    description=(
        "Needs registrations.view_registration and a program you manage. Every figure, nothing folded: "
        "registrations by country, country group, status, attendance mode, sector, gender, day; valid "
        "certificates, the mean feedback rating, and the attendance rate under the program's rule."
    ),
)
def program_statistics(request, slug: SlugPath):
    require_perm(request.auth, "registrations.view_registration")
    program = managed_program(request.auth, slug)
    return statistics.program_statistics(program)


def _public_program(slug):
    return get_object_or_404(Program.objects.public(), slug=slug)


@router.get(
    "/programs/{slug}/statistics/public",
    response=answers({200: StatisticsOut}, 404),
    summary="A program's public statistics",
    description=(
        "The same shape as the staff statistics, for any published program, with every group of fewer than "
        "5 people folded into `\"other\"` (and more groups folded when \"other\" would still be under 5), so "
        "that no person can be singled out. Drafts answer 404."
    ),
)
def public_program_statistics(request, slug: SlugPath):
    return statistics.public_program_statistics(_public_program(slug))


@router.get(
    "/programs/{slug}/statistics/public.csv",
    response=answers({200: None}, 404),
    openapi_extra={"responses": {200: {
        "description": "CSV, UTF-8: one line per figure (`breakdown`, `key`, `label`, `count`)",
        "content": {CSV_TYPE: {"schema": {"type": "string", "format": "binary"}}},
    }}},
    summary="A program's public statistics as CSV (open data)",
    description="The public statistics, folded the same way, as one CSV table.",
)
def public_program_statistics_csv(request, slug: SlugPath):
    program = _public_program(slug)
    body = statistics.statistics_csv(statistics.public_program_statistics(program))
    response = HttpResponse(body, content_type=f"{CSV_TYPE}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{program.slug}-statistics.csv"'
    return response
