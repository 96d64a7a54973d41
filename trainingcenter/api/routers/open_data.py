"""Open data as CSV: a public program's facts, agenda and people (the same as the JSON of GET /programs/{slug}).

Public statistics are at /programs/{slug}/statistics/public and .../public.csv (the statistics router).
"""
from django.http import HttpResponse
from ninja import Router

from trainingcenter.programs import queries
from trainingcenter.search import open_data

from ..errors import answers
from ..schemas.base import SlugPath
from .programs import LANG_DOC, use_content_language

router = Router(tags=["open data"])

CSV_TYPE = "text/csv"


def _documented(what, columns):
    return {
        "response": answers({200: None}, 404),
        "openapi_extra": {"responses": {200: {
            "description": f"CSV, UTF-8 with a byte order mark: {what}; columns "
            + ", ".join(f"`{column}`" for column in columns),
            "content": {CSV_TYPE: {"schema": {"type": "string", "format": "binary"}}},
        }}},
    }


def _csv_response(body, filename):
    response = HttpResponse(body, content_type=f"{CSV_TYPE}; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _program(slug, lang):
    use_content_language(lang)
    return queries.program_for_page(slug)  # drafts are 404


@router.get(
    "/programs/{slug}/facts.csv", **_documented("one line per fact", open_data.FACTS_COLUMNS),
    summary="A program's facts as CSV (open data)", description=LANG_DOC,
)
def program_facts_csv(request, slug: SlugPath, lang: str | None = None):
    program = _program(slug, lang)
    return _csv_response(open_data.facts_csv(program, request.build_absolute_uri), f"{program.slug}-facts.csv")


@router.get(
    "/programs/{slug}/agenda.csv", **_documented("one line per session", open_data.AGENDA_COLUMNS),
    summary="A program's agenda as CSV (open data)",
    description="Times in the program's own time zone and in UTC, ISO 8601. " + LANG_DOC,
)
def program_agenda_csv(request, slug: SlugPath, lang: str | None = None):
    program = _program(slug, lang)
    return _csv_response(open_data.agenda_csv(program), f"{program.slug}-agenda.csv")


@router.get(
    "/programs/{slug}/people.csv", **_documented("one line per person and role", open_data.PEOPLE_COLUMNS),
    summary="A program's people as CSV (open data)",
    description="Officials, moderators and speakers with their public profile. " + LANG_DOC,
)
def program_people_csv(request, slug: SlugPath, lang: str | None = None):
    program = _program(slug, lang)
    return _csv_response(open_data.people_csv(program, request.build_absolute_uri), f"{program.slug}-people.csv")
