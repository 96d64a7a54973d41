"""The demo's generated participants: the seeds' headlines, clearly marked, loaded once."""
import pytest

from trainingcenter.center.models import CountryGroup
from trainingcenter.demo.generated import is_generated
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration
from trainingcenter.reports import statistics

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(run_load_demo):
    run_load_demo()


def eco_count(stats):
    eco = CountryGroup.objects.get(slug="eco-member-states").name
    return next(item["count"] for item in stats["by_country_group"] if item["group"] == eco)


def test_second_program_over_200_from_about_20_countries_mostly_eco(demo):
    stats = statistics.program_statistics(Program.objects.get(slug="2021-low-carbon-nev"))
    assert stats["participants"] > 200
    assert stats["countries"] == 20
    assert eco_count(stats) > stats["registrations"] / 2
    assert {item["mode"] for item in stats["by_mode"]} == {"onsite", "online"}
    assert 0.7 < stats["attendance"]["rate"] < 0.95


def test_fifth_program_over_100_from_20_countries(demo):
    stats = statistics.program_statistics(Program.objects.get(slug="2022-industrial-decarbonization"))
    assert stats["participants"] > 100
    assert stats["countries"] == 20
    assert eco_count(stats) > stats["registrations"] / 2
    assert stats["by_mode"] == [{"mode": "online", "count": stats["registrations"]}]
    assert 0.6 < stats["attendance"]["rate"] < 0.95


def test_generated_people_are_marked_and_loaded_once(demo, run_load_demo):
    generated = Registration.objects.filter(email__endswith="@generated.example")
    before = generated.count()
    assert before > 300
    assert all(is_generated(email) for email in generated.values_list("email", flat=True))
    assert not generated.exclude(given_name="Generated").exists()
    # The registration days lie before each program, not at the moment of loading.
    assert not generated.filter(created_at__gte=Program.objects.get(slug="2021-low-carbon-nev").starts,
                                program__slug="2021-low-carbon-nev").exists()
    run_load_demo()
    assert generated.count() == before
