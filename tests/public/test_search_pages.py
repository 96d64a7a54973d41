"""The search page: grouped results, highlights escaped, filters, the header's search box."""
import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.programs import ProgramFactory
from tests.factories.search import make_archive

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive():
    return make_archive()


def test_results_are_grouped_by_kind_with_highlights(client, archive):
    page = client.get("/en/search/", {"q": '"electric buses"'})
    assert page.status_code == 200
    html = page.content.decode()
    assert 'id="group-program"' in html and 'id="group-session"' in html
    assert html.index('id="group-program"') < html.index('id="group-session"')
    assert "<mark>Electric buses</mark> in Almaty" in html
    assert 'href="/en/programs/buses-2026/#agenda-heading"' in html


def test_chinese_page_finds_chinese_without_spaces(client, archive):
    html = client.get("/zh-hans/search/", {"q": "锂电池"}).content.decode()
    assert "<mark>锂电池</mark>储能技术" in html


def test_russian_page(client, archive):
    html = client.get("/ru/search/", {"q": "декарбонизация"}).content.decode()
    assert 'id="group-takeaway"' in html
    assert "<mark>Декарбонизация</mark>" in html


def test_markup_in_content_and_query_is_escaped(client, db):
    ProgramFactory(title="<img src=x onerror=alert(1)> Solar")
    html = client.get("/en/search/", {"q": "<img solar"}).content.decode()
    assert "<img src=x" not in html
    assert "<mark>&lt;img</mark> src=x onerror=alert(1)&gt; <mark>Solar</mark>" in html


def test_filters_are_offered_and_applied(client, archive):
    page = client.get("/en/search/", {"q": "electric", "theme": "batteries"})
    assert "Nothing matches" in page.content.decode()
    html = client.get("/en/search/", {"q": "batteries", "group": "eco", "kind": "program"}).content.decode()
    assert 'value="eco" selected' in html
    assert "Lithium-ion" in html


def test_nonsense_filters_do_not_break_the_page(client, archive):
    page = client.get("/en/search/", {"q": "x\x00y", "year": "99999", "kind": "<b>", "group": "%"})
    assert page.status_code == 200


def test_empty_page_shows_only_the_form(client, db):
    html = client.get("/en/search/").content.decode()
    assert 'id="search-q"' in html
    assert "result-count" not in html


def test_header_has_a_search_box_and_the_archive_link(client, db):
    html = client.get("/en/").content.decode()
    with translation.override("en"):
        assert f'action="{reverse("search:search")}"' in html
        assert f'href="{reverse("search:archive")}"' in html


def test_search_is_a_constant_number_of_queries(client, archive, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        client.get("/en/search/", {"q": "batteries"})


def test_each_kind_shows_its_best_few_and_links_to_the_rest(client, db):
    for n in range(10):
        ProgramFactory(title=f"Geothermal heat {n}")
    html = client.get("/en/search/", {"q": "geothermal"}).content.decode()
    assert html.count('class="search-hit search-hit-program"') == 8
    assert 'href="?q=geothermal&amp;kind=program"' in html
    html = client.get("/en/search/", {"q": "geothermal", "kind": "program"}).content.decode()
    assert html.count('class="search-hit search-hit-program"') == 10
