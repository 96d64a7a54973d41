"""The centre's public statistics page: aggregates only, small groups folded, by year and theme, with the map."""
import datetime as dt
import re

import pytest

from tests.factories import ProgramFactory, RegistrationFactory, ThemeFactory
from tests.factories.center import CountryGroupFactory
from tests.factories.certificates import CertificateFactory
from trainingcenter.programs.models import Program

pytestmark = pytest.mark.django_db

URL = "/en/statistics/"


def past_program(year, **kwargs):
    return ProgramFactory(
        starts=dt.datetime(year, 6, 8, 6, tzinfo=dt.UTC), ends=dt.datetime(year, 6, 9, 8, tzinfo=dt.UTC),
        registration_opens=None, registration_closes=None, status=Program.Status.COMPLETED, **kwargs,
    )


@pytest.fixture
def centre():
    CountryGroupFactory(slug="eco", name="ECO member states", countries=["KZ", "PK", "IR"])
    energy = ThemeFactory(slug="new-energy", name="New energy")
    first = past_program(2021)
    first.themes.add(energy)
    second = past_program(2022)
    for program, country, count in ((first, "KZ", 12), (first, "PK", 6), (first, "DE", 2),
                                     (second, "IR", 8), (second, "KZ", 5), (second, "FR", 1), (second, "BR", 1)):
        for _ in range(count):
            RegistrationFactory(program=program, country=country)
    draft = ProgramFactory(status=Program.Status.DRAFT)
    RegistrationFactory(program=draft, country="US")
    return first, second


def row(html, label, count):
    return re.search(rf'<th scope="row">{re.escape(label)}</th><td class="tc-stat-num">{count}</td>', html)


def test_page_shows_aggregates_with_small_groups_folded(client, centre):
    response = client.get(URL)
    assert response.status_code == 200
    html = response.content.decode()
    assert row(html, "Kazakhstan", 17)
    assert row(html, "Iran", 8)
    # Germany (2), France (1), Brazil (1): 4 in "other" is still too few, so Pakistan (6), the smallest left,
    # joins them.
    article = html.split('<article class="tc-statistics">')[1]
    for country in ("Pakistan", "Germany", "France", "Brazil"):
        assert country not in article
    assert row(html, "Other (groups under 5 people)", 10)
    assert row(html, "ECO member states", 31)
    assert "<title>Kazakhstan: 17</title>" in html
    assert "United States" not in html  # drafts do not count


def test_every_number_in_a_table_is_at_least_five(client, centre):
    html = client.get(URL).content.decode()
    counts = [int(count) for count in re.findall(r'<td class="tc-stat-num">(\d+)</td>', html)]
    assert counts and min(counts) >= 5


def test_filter_by_year_and_theme(client, centre):
    html = client.get(URL, {"year": 2022}).content.decode()
    assert row(html, "Iran", 8) and not row(html, "Kazakhstan", 17)
    html = client.get(URL, {"theme": "new-energy"}).content.decode()
    assert row(html, "Kazakhstan", 12) and not row(html, "Iran", 8)
    # Nonsense is ignored, never an error.
    assert client.get(URL, {"year": "x", "theme": "<script>"}).status_code == 200


def test_csp_clean_and_accessible_markup(client, centre):
    response = client.get(URL)
    main = response.content.decode().split('<article class="tc-statistics">')[1].split("</article>")[0]
    assert "style=" not in main and "<style" not in main and "<script" not in main
    assert 'role="img"' in main and "aria-labelledby=" in main
    assert "Content-Security-Policy" in response.headers


@pytest.mark.parametrize("language", ["zh-hans", "ru"])
def test_page_in_other_languages(client, centre, language):
    assert client.get(f"/{language}/statistics/").status_code == 200


def test_query_count_does_not_grow(client, centre, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as first:
        client.get(URL)
    for _ in range(40):
        RegistrationFactory(program=centre[1], country="TR")
    with django_assert_max_num_queries(len(first)):
        client.get(URL)


def test_a_count_too_small_to_show_says_so_instead_of_none(client, centre):
    first, _second = centre
    def totals():
        html = client.get(URL).content.decode()
        return re.sub(r"\s+", " ", html.split('class="tc-stat-totals"')[1].split("</dl>")[0])

    for registration in first.registrations.all()[:2]:
        CertificateFactory(registration=registration)
    assert "<dt>Certificates</dt><dd>fewer than 5</dd>" in totals()
    assert "None" not in totals()

    for registration in first.registrations.all()[2:5]:
        CertificateFactory(registration=registration)
    assert "<dt>Certificates</dt><dd>5</dd>" in totals()
