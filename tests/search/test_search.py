"""Real searches in English, Chinese and Russian over content made by factories, on either database."""
import pytest

from tests.factories.search import make_archive
from trainingcenter.search.queries import highlight, search, terms_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return make_archive()


def kinds_and_titles(results):
    return [(hit.kind, hit.title) for hit in results.hits]


def test_chinese_without_spaces_finds_the_translated_program(archive):
    results = search("锂电池", "zh-hans")
    assert ("program", "锂电池储能技术") in kinds_and_titles(results)


def test_two_chinese_characters_fall_back_and_are_found(archive):
    results = search("电池", "zh-hans")
    assert results.hits[0].title == "锂电池储能技术"
    assert "<mark>电池</mark>" in results.hits[0].title_html


def test_english_phrase_finds_program_and_session_grouped_by_kind(archive):
    results = search('"electric buses"', "en")
    assert {(hit.kind, hit.object_id) for hit in results.hits} >= {("program", archive["buses"].pk)}
    assert [group.kind for group in results.groups] == ["program", "session"]
    session = results.groups[1].hits[0]
    assert session.title == "Electric buses in Almaty"
    assert session.url == "/en/programs/buses-2026/#agenda-heading"


def test_russian_finds_program_and_takeaway(archive):
    results = search("декарбонизация", "ru")
    assert {hit.kind for hit in results.hits} == {"program", "takeaway"}
    assert all(hit.language == "ru" for hit in results.hits)
    assert all(hit.url.startswith("/ru/") for hit in results.hits)


def test_russian_is_case_insensitive(archive):
    assert search("ДЕКАРБОНИЗАЦИЯ", "ru").count == 2


def test_page_language_first_then_english_fallback_once_per_object(archive):
    results = search("batteries", "zh-hans")
    keys = [(hit.kind, hit.object_id) for hit in results.hits]
    assert len(keys) == len(set(keys))
    program = next(hit for hit in results.hits if hit.kind == "program")
    # Its Chinese text does not say "batteries": the English row stands in.
    assert program.language == "en"
    # The person's Chinese row carries the untranslated bionote: it matches, and is chosen.
    person = next(hit for hit in results.hits if hit.kind == "person")
    assert (person.language, person.title) == ("zh-hans", "朱法华")


def test_ranking_puts_title_matches_first(archive):
    results = search("lithium", "en")
    assert results.hits[0].title == "Lithium-ion batteries for storage"


def test_every_term_must_match(archive):
    assert search("electric almaty", "en").count == 1
    assert search("electric nowhere", "en").count == 0


def test_drafts_are_not_found(archive):
    assert "Secret lithium plans" not in [hit.title for hit in search("lithium plans", "en").hits]
    assert search("secret", "en").count == 0


def test_filters_by_theme_year_and_country_group(archive):
    assert {hit.object_id for hit in search("batteries", "en", kinds=["program"]).hits} == {archive["battery"].pk}
    assert search("electric", "en", theme_id=archive["batteries"].pk).count == 0
    assert search("electric", "en", year=archive["buses"].starts.year).count >= 1
    assert search("electric", "en", year=1999).count == 0
    in_eco = search("batteries", "en", country_group="eco")
    assert in_eco.count >= 1
    assert all(hit.object_id != archive["buses"].pk for hit in in_eco.hits if hit.kind == "program")
    assert search("electric", "en", country_group="eco").count == 0


def test_highlights_escape_the_text_first():
    html = highlight('<script>alert("x")</script> electric & buses', ["electric", "script"])
    assert "<script>" not in html
    assert html.startswith("&lt;<mark>script</mark>&gt;")
    assert "<mark>electric</mark> &amp; buses" in html


def test_stored_markup_is_dropped_and_snippets_escaped(archive):
    hit = search("almaty winter", "en").hits[0]
    assert "<b>" not in hit.body
    assert "<mark>winter</mark>" in hit.snippet_html


def test_wildcards_in_terms_are_literal(archive):
    assert search("%%", "en").count == 0
    assert search("_", "en").count == 0


def test_terms():
    assert terms_of('  "electric  buses" lithium lithium ') == ["electric buses", "lithium"]
    assert terms_of("") == []
    assert search("   ", "en").count == 0


def test_count_is_exact_beyond_the_rows_read(db, monkeypatch):
    from trainingcenter.search import queries  # noqa: PLC0415

    monkeypatch.setattr(queries, "ROW_LIMIT", 3)
    from tests.factories.programs import ProgramFactory  # noqa: PLC0415

    for n in range(5):
        ProgramFactory(title=f"Geothermal heat {n}", title_ru=f"Геотермальное тепло {n}")
    results = search("geothermal", "ru")
    assert results.truncated and results.count == 5 and len(results.hits) <= 3
