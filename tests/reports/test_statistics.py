"""Statistics against hand-built data: the numbers, the folding of small groups, and constant query counts."""
import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ProgramFactory, RegistrationFactory, ThemeFactory
from tests.factories.center import CountryGroupFactory
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration
from trainingcenter.reports import charts, statistics

pytestmark = pytest.mark.django_db

Status, Mode, Sector = Registration.Status, Registration.Mode, Registration.Sector


def register(program, count, **fields):
    for _ in range(count):
        RegistrationFactory(program=program, **fields)


@pytest.fixture
def eco():
    return CountryGroupFactory(slug="eco", name="ECO member states",
                               countries=["AF", "AZ", "IR", "KZ", "KG", "PK", "TJ", "TR", "TM", "UZ"])


@pytest.fixture
def program(eco):
    program = ProgramFactory(slug="low-carbon")
    register(program, 6, country="KZ", mode=Mode.ONLINE, sector=Sector.GOVERNMENT, gender="female")
    register(program, 5, country="PK", mode=Mode.ONSITE, sector=Sector.ACADEMIA)
    register(program, 2, country="CN", mode=Mode.ONSITE, sector=Sector.INDUSTRY, gender="male")
    register(program, 1, country="DE", mode=Mode.ONLINE, sector=Sector.ACADEMIA)
    register(program, 3, country="KZ", mode=Mode.ONLINE, sector=Sector.ACADEMIA, status=Status.WAITLISTED)
    register(program, 2, country="TR", mode=Mode.ONLINE, sector=Sector.NGO, status=Status.CANCELLED)
    register(program, 1, country="UZ", mode=Mode.ONLINE, sector=Sector.NGO, status=Status.REJECTED)
    return program


def as_dict(items, key):
    return {item[key]: item["count"] for item in items}


def test_program_figures(program):
    stats = statistics.program_statistics(program)
    # Active: 6 + 5 + 2 + 1 + 3 waitlisted; the cancelled and rejected ones are out.
    assert stats["registrations"] == 17
    assert stats["participants"] == 14
    assert stats["countries"] == 4
    assert as_dict(stats["by_country"], "country") == {"KZ": 9, "PK": 5, "CN": 2, "DE": 1}
    assert stats["by_country"][0] == {"country": "KZ", "count": 9}
    assert as_dict(stats["by_status"], "status") == {
        "confirmed": 14, "waitlisted": 3, "cancelled": 2, "rejected": 1,
    }
    assert as_dict(stats["by_mode"], "mode") == {"online": 10, "onsite": 7}
    assert as_dict(stats["by_sector"], "sector") == {"government": 6, "academia": 9, "industry": 2}
    assert as_dict(stats["by_gender"], "gender") == {"female": 6, "male": 2, "": 9}
    assert stats["by_country_group"] == [{"group": "ECO member states", "slug": "eco", "count": 14}]
    assert stats["outside_country_groups"] == 3
    assert sum(item["count"] for item in stats["over_time"]) == 17
    assert stats["certificates"] in (0, None)  # None until the certificates app has its table
    assert stats["feedback"] == {"mean_rating": None, "ratings": 0}
    assert stats["attendance"]["confirmed"] == 14


def test_several_groups_are_counted_each(program, eco):
    CountryGroupFactory(slug="asia", name="Asia", countries=["CN", "KZ"])
    stats = statistics.program_statistics(program, attendance=False)
    assert as_dict(stats["by_country_group"], "group") == {"Asia": 11, "ECO member states": 14}
    assert stats["outside_country_groups"] == 1


def test_public_figures_fold_groups_under_five(program):
    stats = statistics.public_program_statistics(program)
    assert stats["registrations"] == 17
    # CN (2) and DE (1) make "other" (3), still under 5: PK (5), the smallest left, joins it.
    assert stats["by_country"] == [{"country": "KZ", "count": 9}, {"country": "other", "count": 8}]
    assert as_dict(stats["by_status"], "status") == {"confirmed": 14, "other": 6}
    # Industry (2) alone in "other" is too few: government (6), the smallest left, joins it.
    assert as_dict(stats["by_sector"], "sector") == {"academia": 9, "other": 8}
    # Not given is left out; male (2) alone would single people out, so female joins "other".
    assert stats["by_gender"] == [{"gender": "other", "count": 8}]
    assert stats["outside_country_groups"] is None
    assert stats["certificates"] is None
    for name in ("by_country", "by_status", "by_mode", "by_sector", "by_gender", "by_country_group", "over_time"):
        assert all(item["count"] >= statistics.MIN_GROUP_SIZE for item in stats[name]), name


@pytest.mark.parametrize(("counts", "folded"), [
    ([5, 5, 4], [5, 5, 4]),          # "other" 4 < 5: the smallest kept group (5) joins → 5, 9
    ([9, 1], [10]),
    ([7, 6, 5], [7, 6, 5]),
    ([], []),
    ([3], [3]),                      # fewer than 5 in all: one "other", nothing to single out beside it
    ([6, 0], [6]),
])
def test_fold_small(counts, folded):
    items = [{"key": f"k{index}", "count": count} for index, count in enumerate(counts)]
    result = statistics.fold_small(items, "key")
    assert sum(item["count"] for item in result) == sum(folded)
    others = [item for item in result if item["key"] == "other"]
    assert all(item["count"] >= 5 for item in result) or (len(result) == 1 and others)
    assert len(others) <= 1
    if others:
        assert result[-1]["key"] == "other"


def test_fold_small_joins_the_smallest_when_other_is_too_small():
    items = [{"c": "KZ", "count": 9}, {"c": "PK", "count": 5}, {"c": "CN", "count": 2}]
    assert statistics.fold_small(items, "c") == [{"c": "KZ", "count": 9}, {"c": "other", "count": 7}]


def test_fold_keeps_a_series_in_order():
    items = [{"year": 2023, "count": 200}, {"year": 2024, "count": 3}, {"year": 2025, "count": 100},
             {"year": 2026, "count": 4}]
    assert statistics.fold_small(items, "year", ordered=True) == [
        {"year": 2023, "count": 200}, {"year": 2025, "count": 100}, {"year": "other", "count": 7},
    ]


def test_centre_by_year_and_theme(eco):
    energy = ThemeFactory(slug="energy", name="New energy")
    first = ProgramFactory(starts=dt.datetime(2023, 5, 10, 1, tzinfo=dt.UTC),
                           ends=dt.datetime(2023, 5, 12, 9, tzinfo=dt.UTC),
                           registration_opens=None, registration_closes=None, status=Program.Status.COMPLETED)
    first.themes.add(energy)
    second = ProgramFactory(status=Program.Status.COMPLETED)
    draft = ProgramFactory(status=Program.Status.DRAFT)
    register(first, 7, country="IR")
    register(second, 4, country="AZ")
    register(draft, 3, country="AZ")
    stats = statistics.centre_statistics()
    assert stats["programs"] == 2
    assert stats["registrations"] == 11
    assert as_dict(stats["by_year"], "year") == {2023: 7, second.starts.year: 4}
    assert stats["by_theme"] == [{"theme": "New energy", "slug": "energy", "count": 7}]
    assert as_dict(stats["by_country_group"], "group") == {"ECO member states": 11}
    assert statistics.centre_statistics(year=2023)["registrations"] == 7
    assert statistics.centre_statistics(theme="energy")["registrations"] == 7
    public = statistics.public_centre_statistics()
    # AZ (4) alone would be too few in "other", so IR joins it: nothing but the total is left.
    assert public["by_country"] == [{"country": "other", "count": 11}]


def count_queries(function):
    with CaptureQueriesContext(connection) as context:
        function()
    return len(context)


def test_query_count_does_not_grow_with_registrations(program, django_assert_num_queries):
    few = count_queries(lambda: statistics.program_statistics(program, attendance=False))
    register(program, 40, country="AF")
    register(program, 30, country="BR", mode=Mode.ONSITE, status=Status.WAITLISTED)
    with django_assert_num_queries(few):
        statistics.program_statistics(program, attendance=False)
    centre = count_queries(statistics.centre_statistics)
    register(ProgramFactory(status=Program.Status.COMPLETED), 25, country="IR")
    with django_assert_num_queries(centre):
        statistics.centre_statistics()
    with django_assert_num_queries(centre):
        statistics.public_centre_statistics()


def test_labels():
    assert statistics.label("country", "KZ") == "Kazakhstan"
    assert statistics.label("mode", "onsite") == "Onsite"
    assert statistics.label("status", "waitlisted") == "Waitlisted"
    assert statistics.label("gender", "") == "Not given"
    assert "Other" in statistics.label("country", "other")


def test_csv_has_every_figure(program):
    text = statistics.statistics_csv(statistics.public_program_statistics(program))
    lines = text.splitlines()
    assert lines[0] == "breakdown,key,label,count"
    assert "total,registrations,,17" in lines
    assert "by_country,KZ,Kazakhstan,9" in lines
    assert "by_country,CN,China,2" not in lines


def test_charts_are_svg_with_titles_and_no_style(program):
    stats = statistics.program_statistics(program)
    sections = charts.statistics_sections(stats)
    ids = [section["id"] for section in sections]
    assert {"over-time", "by-status", "by-mode", "by-country", "by-country-group", "by-sector"} <= set(ids)
    country = next(section for section in sections if section["id"] == "by-country")
    assert country["rows"][0] == ("Kazakhstan", 9)
    svg = str(country["chart"])
    assert svg.startswith("<svg") and 'role="img"' in svg and "<title" in svg and "Kazakhstan" in svg
    world = charts.participants_map(stats)
    markup = str(world["chart"])
    assert "<title>Kazakhstan: 9</title>" in markup
    for section in [*sections, world]:
        assert "style=" not in str(section["chart"])
        assert "<script" not in str(section["chart"])


def test_chart_text_is_escaped():
    svg = str(charts.horizontal_bars([("<b>&", 3)], "Title <x>"))
    assert "&lt;b&gt;&amp;" in svg and "Title &lt;x&gt;" in svg


def test_map_buckets():
    assert charts.map_buckets(0) == []
    assert charts.map_buckets(1) == [1]
    assert charts.map_buckets(100) == [20, 40, 60, 80, 100]
