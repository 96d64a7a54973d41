"""Every write to the search index: index some objects of a kind, a program with all it contains, or rebuild.

Callers (receivers, the management command, the nightly task) name objects by
kind and id; the kind's function in ``documents`` decides what is public and
what each language's row says.
"""
import contextlib
import threading

from django.db import connection, transaction

from trainingcenter.programs.models import Person, Session, Takeaway
from trainingcenter.reports.models import Report

from .documents import KINDS, LANGUAGES
from .models import SearchEntry

BATCH = 500


def _bar(values):
    return "|" + "|".join(str(value) for value in sorted(values)) + "|" if values else ""


def _entries(document):
    english = document.texts.get("en")
    for language in LANGUAGES:
        title, body, url = document.texts[language]
        if language != "en" and (title, body) == english[:2]:
            continue  # nothing translated: the English row serves this language too
        yield SearchEntry(
            kind=document.kind, object_id=document.object_id, language=language,
            title=title or english[0], body=body, url=url, themes=_bar(document.theme_ids),
            country_groups=_bar(document.country_groups), year=document.year, program_id=document.program_id,
        )


def index(kind, ids):
    """Bring the rows of these objects up to date: written again if public, removed otherwise."""
    ids = list(ids)
    if not ids:
        return 0
    entries = [entry for document in KINDS[kind].documents(ids) for entry in _entries(document)]
    with transaction.atomic():
        SearchEntry.objects.filter(kind=kind, object_id__in=ids).delete()
        SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
    return len(entries)


def remove(kind, ids):
    SearchEntry.objects.filter(kind=kind, object_id__in=list(ids)).delete()


def index_program(program_id):
    """A program and what takes its year, themes and visibility from it: sessions, takeaways, people."""
    index("program", [program_id])
    index("session", Session.objects.filter(program_id=program_id).values_list("pk", flat=True))
    index("takeaway", Takeaway.objects.filter(program_id=program_id).values_list("pk", flat=True))
    people = set(Person.objects.filter(roles__program_id=program_id).values_list("pk", flat=True))
    people |= set(Person.objects.filter(sessions__program_id=program_id).values_list("pk", flat=True))
    index("person", people)
    index("report", Report.objects.filter(program_id=program_id).values_list("pk", flat=True))


def rebuild(kinds=None):
    """Write the whole index again, in one transaction; returns rows per kind."""
    counts = {}
    with transaction.atomic():
        for name, kind_ in KINDS.items():
            if kinds and name not in kinds:
                continue
            SearchEntry.objects.filter(kind=name).delete()
            entries = [entry for document in kind_.documents(None) for entry in _entries(document)]
            SearchEntry.objects.bulk_create(entries, batch_size=BATCH)
            counts[name] = len(entries)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # fresh statistics for the planner after a bulk write
            cursor.execute("ANALYZE search_searchentry")
    return counts


_state = threading.local()


def active():
    """Whether receivers keep the index current (not inside ``paused()``)."""
    return not getattr(_state, "paused", False)


@contextlib.contextmanager
def paused():
    """Bulk loads: no indexing per save; call ``rebuild()`` afterwards."""
    before = getattr(_state, "paused", False)
    _state.paused = True
    try:
        yield
    finally:
        _state.paused = before
