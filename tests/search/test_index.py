"""The index follows the data: saves, deletions, drafts, translations, and a rebuild from scratch."""
import pytest
from django.core.management import call_command
from django.db import connection

from tests.factories.programs import PersonFactory, ProgramFactory, SessionFactory, TakeawayFactory, ThemeFactory
from tests.factories.search import make_archive
from trainingcenter.programs import services as program_services
from trainingcenter.programs.models import Program
from trainingcenter.search import services
from trainingcenter.search.models import SearchEntry
from trainingcenter.search.queries import search

pytestmark = pytest.mark.django_db


def rows(kind, object_id):
    return {entry.language: entry for entry in SearchEntry.objects.filter(kind=kind, object_id=object_id)}


def test_a_program_gets_one_row_per_translated_language():
    program = ProgramFactory(number=None, title="Hydrogen", title_zh_hans="氢能", summary="Fuel cells.")
    entries = rows("program", program.pk)
    assert set(entries) == {"en", "zh-hans"}  # nothing in Russian: the English row serves
    assert entries["zh-hans"].title == "氢能"
    assert "Fuel cells." in entries["zh-hans"].body  # untranslated fields fall back to English
    assert entries["en"].url == f"/en/programs/{program.slug}/"
    assert entries["zh-hans"].url == f"/zh-hans/programs/{program.slug}/"


def test_changes_through_the_services_reach_the_index(staff_user):
    program = ProgramFactory(title="Hydrogen")
    program_services.update_program(program, {"title": "Green hydrogen"}, actor=staff_user)
    assert rows("program", program.pk)["en"].title == "Green hydrogen"
    assert search("green hydrogen", "en").count == 1


def test_themes_and_year_are_copied_to_sessions_and_kept_current():
    program = ProgramFactory()
    session = SessionFactory(program=program, title="Grid storage")
    theme = ThemeFactory(slug="storage")
    program.themes.add(theme)
    entry = rows("session", session.pk)["en"]
    assert entry.themes == f"|{theme.pk}|"
    assert entry.year == program.starts.year
    assert entry.program_id == program.pk


def test_a_program_made_draft_leaves_the_index_with_its_parts():
    program = ProgramFactory(title="Carbon markets")
    session = SessionFactory(program=program)
    TakeawayFactory(program=program, text="Prices matter")
    program.status = Program.Status.DRAFT
    program.save()
    assert not SearchEntry.objects.filter(program_id=program.pk).exists()
    assert not rows("session", session.pk)


def test_deletions_leave_the_index_and_the_full_text_table():
    program = ProgramFactory(title="Offshore wind")
    session = SessionFactory(program=program, title="Turbine foundations")
    session.delete()
    assert not rows("session", session.pk)
    assert search("turbine", "en").count == 0
    takeaway = TakeawayFactory(program=program, text="Floating platforms")
    takeaway.delete()
    assert search("floating", "en").count == 0
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_entry_fts WHERE search_entry_fts MATCH '\"turbine\"'")
            assert cursor.fetchone()[0] == 0


def test_speakers_are_indexed_with_their_sessions():
    person = PersonFactory(given_name="Aigerim", family_name="Bekova")
    session = SessionFactory(title="Solar in the steppe", speakers=[person])
    assert "Aigerim Bekova" in rows("session", session.pk)["en"].body
    assert rows("person", person.pk)["en"].title == "Aigerim Bekova"


def test_people_without_a_public_program_are_not_indexed():
    person = PersonFactory()
    assert not rows("person", person.pk)


def test_rebuild_command_writes_everything_again():
    archive = make_archive()
    before = sorted(SearchEntry.objects.values_list("kind", "object_id", "language", "title", "body"))
    with services.paused():
        ProgramFactory(title="Written while paused")
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    after = sorted(SearchEntry.objects.values_list("kind", "object_id", "language", "title", "body"))
    assert set(before) <= set(after)
    assert search("paused", "en").count == 1
    assert search("锂电池", "zh-hans").hits[0].object_id == archive["battery"].pk


def test_nightly_rebuild_runs_and_schedules_exactly_one_next_run(tasks_runner):
    from trainingcenter.search.tasks import _pending, refresh_search_index, schedule_refresh  # noqa: PLC0415

    program = ProgramFactory(title="Tidal power")
    SearchEntry.objects.all().delete()
    call_command("rebuild_search_index", "--kind", "news", "--schedule", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    assert _pending().count() == 1
    assert not schedule_refresh()
    counts = refresh_search_index.call()
    assert counts["program"] >= 1
    assert rows("program", program.pk)
    assert _pending().count() == 1
