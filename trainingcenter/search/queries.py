"""Searching the index: one function, ``search``, the same answers on SQLite and PostgreSQL.

Terms of three characters or more go through the full-text structure (FTS5
trigram MATCH on SQLite, ILIKE served by pg_trgm GIN indexes on PostgreSQL),
so Chinese needs no spaces between words; shorter terms (电池, "EV") fall back
to LIKE / ILIKE over the rows the other terms left. Every term must match the
title or the text. Rows in the page's language come first, English rows stand
in for objects not translated. Highlighting happens here, in Python, for
both databases: the text is escaped first and only our <mark> is markup.
"""
import re
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .documents import KINDS

MAX_QUERY = 200
MAX_TERMS = 8
MIN_FULL_TEXT = 3  # the trigram structures need three characters
ROW_LIMIT = 400  # rows read per search, before folding languages; enough for the first pages of every kind
SNIPPET = 180
TERM = re.compile(r'"([^"]+)"|(\S+)')


def terms_of(query):
    """The terms of a query: words, or "quoted phrases"; at most MAX_TERMS, duplicates dropped."""
    found = []
    for phrase, word in TERM.findall((query or "")[:MAX_QUERY]):
        term = " ".join((phrase or word).split()).strip("\"'")
        if term and term.casefold() not in {t.casefold() for t in found}:
            found.append(term)
    return found[:MAX_TERMS]


@dataclass
class Hit:
    kind: str
    object_id: int
    language: str
    title: str
    body: str
    url: str
    year: int | None
    terms: list = field(repr=False, default_factory=list)

    @property
    def title_html(self):
        return highlight(self.title, self.terms)

    @property
    def snippet_html(self):
        return highlight(excerpt(self.body, self.terms), self.terms)

    @property
    def path(self):
        return self.url


@dataclass
class Group:
    kind: str
    label: object
    hits: list
    limit: int | None = None

    @property
    def shown(self):
        return self.hits[: self.limit] if self.limit else self.hits

    @property
    def more(self):
        return len(self.hits) > len(self.shown)


@dataclass
class Results:
    query: str
    terms: list
    count: int
    hits: list
    truncated: bool = False
    per_group: int | None = None  # hits shown per kind on the page

    @property
    def groups(self):
        by_kind = {}
        for hit in self.hits:
            by_kind.setdefault(hit.kind, []).append(hit)
        return [
            Group(name, kind.label, by_kind[name], self.per_group) for name, kind in KINDS.items() if name in by_kind
        ]


def _pattern(terms):
    return re.compile("|".join(re.escape(term) for term in sorted(terms, key=len, reverse=True)), re.IGNORECASE)


def highlight(text, terms):
    """``text`` escaped, with each match of a term wrapped in <mark>."""
    if not terms or not text:
        return escape(text or "")
    out, last = [], 0
    for match in _pattern(terms).finditer(text):
        out.append(escape(text[last:match.start()]))
        out.append(f"<mark>{escape(match.group())}</mark>")
        last = match.end()
    out.append(escape(text[last:]))
    return mark_safe("".join(out))  # noqa: S308 - every piece above is escaped


def excerpt(text, terms, width=SNIPPET):
    """About ``width`` characters of ``text`` around its first match (its start when the match is the title's)."""
    text = " ".join((text or "").split())
    if len(text) <= width:
        return text
    match = _pattern(terms).search(text) if terms else None
    start = max(0, (match.start() if match else 0) - width // 3)
    piece = text[start:start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(text) else "")


def _like(term):
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _filters(language, kinds, theme_id, year, country_group):
    sql, params = ["e.language IN (%s, %s)"], [language, "en"]
    if kinds:
        sql.append("e.kind IN (" + ", ".join(["%s"] * len(kinds)) + ")")
        params += list(kinds)
    if theme_id is not None:
        sql.append("e.themes LIKE %s")
        params.append(f"%|{int(theme_id)}|%")
    if year is not None:
        sql.append("e.year = %s")
        params.append(int(year))
    if country_group:
        sql.append("e.country_groups LIKE %s ESCAPE '\\'")
        params.append("%|" + _like(country_group).strip("%") + "|%")
    return sql, params


# The SQLite builder answers (columns, "FROM ... WHERE ..." part, its parameters, ORDER BY part, its parameters).


def _sqlite(terms, where, params):
    long_terms = [term for term in terms if len(term) >= MIN_FULL_TEXT]
    short = [term for term in terms if len(term) < MIN_FULL_TEXT]
    columns = "e.kind, e.object_id, e.language, e.title, e.body, e.url, e.year"
    where, params = list(where), list(params)
    for term in short:
        where.append("(e.title LIKE %s ESCAPE '\\' OR e.body LIKE %s ESCAPE '\\')")
        params += [_like(term)] * 2
    if long_terms:
        match = " ".join('"' + term.replace('"', '""') + '"' for term in long_terms)
        # Only fixed fragments are put together; every value is a parameter.
        source = (
            "search_entry_fts JOIN search_searchentry e ON e.id = search_entry_fts.rowid "
            f"WHERE search_entry_fts MATCH %s AND {' AND '.join(where)}"
        )
        # The title weighs ten times the text.
        return columns, source, [match, *params], "bm25(search_entry_fts, 10.0, 1.0), e.id", []
    title_hits = " + ".join(["(e.title LIKE %s ESCAPE '\\')"] * len(short))
    source = f"search_searchentry e WHERE {' AND '.join(where)}"
    return columns, source, params, f"({title_hits}) DESC, e.id", [_like(term) for term in short]


def _postgresql(terms, where, params):
    """One statement: the matches are read once (a CTE used twice is materialised), then ranked and counted."""
    where, params = list(where), list(params)
    for term in terms:
        where.append("(e.title ILIKE %s OR e.body ILIKE %s)")
        params += [_like(term)] * 2
    title_hits = " + ".join(["(e.title ILIKE %s)::int"] * len(terms))
    rank_params = [*[_like(term) for term in terms], " ".join(terms)]
    sql = (
        "WITH found AS (SELECT e.id, e.kind, e.object_id, e.language, e.title, e.body, e.url, e.year, "  # noqa: S608
        f"({title_hits}) AS in_title, similarity(e.title, %s) AS close "
        f"FROM search_searchentry e WHERE {' AND '.join(where)}) "
        "SELECT kind, object_id, language, title, body, url, year, "
        "(SELECT COUNT(*) FROM (SELECT DISTINCT kind, object_id FROM found) AS objects) "
        "FROM found ORDER BY in_title DESC, close DESC, id LIMIT %s"
    )
    return sql, [*rank_params, *params, ROW_LIMIT]


def search(query, language="en", *, kinds=None, theme_id=None, year=None, country_group=None):
    """Everything public that matches every term of ``query``, best first, one hit per object.

    Each object is answered in ``language`` when it has a row in it, else in English.
    """
    terms = terms_of(query)
    if not terms:
        return Results(query=query or "", terms=[], count=0, hits=[])
    where, params = _filters(language, kinds, theme_id, year, country_group)
    if connection.vendor == "postgresql":
        indexed = all(len(term) >= MIN_FULL_TEXT for term in terms)
        if indexed:
            # The planner under-prices ILIKE on long multi-byte text and reads the whole table (or the
            # language index) instead of the trigram indexes: measured 80-150 ms against 10-30 ms over
            # the bench archive. Every term has trigrams here, so the GIN indexes always apply.
            where[0] = "(e.language || '') IN (%s, %s)"
        sql, params = _postgresql(terms, where, params)
        with transaction.atomic(), connection.cursor() as cursor:
            if indexed:
                cursor.execute("SET LOCAL enable_seqscan = off")
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        count = rows[0][-1] if rows else 0
        return _results(query, terms, language, [row[:-1] for row in rows], count)
    columns, source, params, order, order_params = _sqlite(terms, where, params)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {columns} FROM {source} ORDER BY {order} LIMIT %s",  # noqa: S608 - fixed fragments only
            [*params, *order_params, ROW_LIMIT],
        )
        rows = cursor.fetchall()
        count = None
        if len(rows) >= ROW_LIMIT:  # more than we read: count them all, each object once
            cursor.execute(
                f"SELECT COUNT(*) FROM (SELECT DISTINCT e.kind, e.object_id FROM {source}) AS found",  # noqa: S608
                params,
            )
            count = cursor.fetchone()[0]
    return _results(query, terms, language, rows, count)


def _results(query, terms, language, rows, count):
    chosen, order = {}, []
    for kind, object_id, row_language, title, body, url, row_year in rows:
        key = (kind, object_id)
        if key not in chosen:
            order.append(key)
        elif row_language != language:
            continue  # keep the row in the page's language
        chosen[key] = Hit(kind, object_id, row_language, title, body, url, row_year, terms)
    hits = [chosen[key] for key in order]
    count = len(hits) if count is None else count
    return Results(query=query, terms=terms, count=count, hits=hits, truncated=count > len(hits))


def search_with_filters(query, language, *, kind="", theme="", year=None, country_group=""):
    """``search`` with the filters as pages and the API take them: kind name, theme and group slugs, a year.

    An unknown theme or kind finds nothing rather than everything.
    """
    from trainingcenter.programs.models import Theme  # noqa: PLC0415 - keep the module light for the bench

    theme_id = None
    if theme:
        theme_id = Theme.objects.filter(slug=theme).values_list("pk", flat=True).first() or -1
    kinds = [kind] if kind else None
    return search(query, language, kinds=kinds, theme_id=theme_id, year=year, country_group=country_group or None)


def filter_options():
    """Kinds, themes, years and country groups for the search form."""
    from trainingcenter.center.models import CountryGroup  # noqa: PLC0415
    from trainingcenter.programs import queries as program_queries  # noqa: PLC0415

    options = program_queries.filter_options()
    return {
        "kinds": [(name, kind.label) for name, kind in KINDS.items()],
        "themes": options["themes"],
        "years": options["years"],
        "country_groups": CountryGroup.objects.order_by("name"),
    }
