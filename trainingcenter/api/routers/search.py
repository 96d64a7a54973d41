"""One search over programs, sessions, takeaways, people and news: GET /api/search."""
from typing import Literal

from ninja import Field, Query, Router, Schema

from trainingcenter.search.documents import KINDS
from trainingcenter.search.queries import MAX_QUERY, search_with_filters

from ..errors import answers
from ..schemas.base import QueryInput
from .programs import LANG_DOC, use_content_language

router = Router(tags=["search"])

KindLiteral = Literal[tuple(KINDS)]
MAX_LIMIT = 100


class SearchFilters(QueryInput):
    q: str = Field("", max_length=MAX_QUERY, description="Words or \"quoted phrases\"; every one must match.")
    lang: str | None = Field(None, max_length=20, description=LANG_DOC)
    kind: KindLiteral | None = None
    theme: str | None = Field(None, max_length=100, description="Theme slug")
    year: int | None = Field(None, ge=1900, le=2200)
    country_group: str | None = Field(None, max_length=100, description="Country group slug, e.g. eco")
    limit: int = Field(50, ge=1, le=MAX_LIMIT)


class SearchItemOut(Schema):
    kind: str = Field(description="program, session, takeaway, person or news")
    title: str
    url: str = Field(description="The page, in the answer's language")
    language: str = Field(description="The language of this text: the one asked for, else English")
    year: int | None
    title_html: str = Field(description="The title, escaped, with matches in <mark>")
    snippet_html: str = Field(description="Part of the text around the first match, escaped, with matches in <mark>")


class SearchOut(Schema):
    count: int = Field(description="Matching things (each once, whatever its languages)")
    items: list[SearchItemOut]


@router.get(
    "/search", response=answers({200: SearchOut}, 400), summary="Search everything public",
    description=(
        "Programs, sessions, key takeaways, people and news in English, Chinese and Russian; Chinese needs no "
        "spaces. Best matches first, each thing once, in the language asked for where translated. "
        + LANG_DOC
    ),
)
def search(request, filters: Query[SearchFilters]):
    language = use_content_language(filters.lang)
    results = search_with_filters(
        filters.q, language if language in {"en", "zh-hans", "ru"} else "en", kind=filters.kind or "",
        theme=filters.theme or "", year=filters.year, country_group=filters.country_group or "",
    )
    items = [
        {
            "kind": hit.kind, "title": hit.title, "url": request.build_absolute_uri(hit.url),
            "language": hit.language, "year": hit.year, "title_html": str(hit.title_html),
            "snippet_html": str(hit.snippet_html),
        }
        for hit in results.hits[: filters.limit]
    ]
    return {"count": results.count, "items": items}
