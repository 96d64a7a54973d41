"""The statistics API's contract: GET /api/programs/{slug}/statistics (staff), .../statistics/public and .csv."""
import pytest

from tests.api.conftest import error_of
from tests.factories import ProgramFactory, RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from tests.factories.center import CountryGroupFactory
from trainingcenter.center.roles import CHECKIN_STAFF, PROGRAM_ORGANISER
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration

pytestmark = pytest.mark.django_db

CONTRACT = ("registrations", "countries", "by_country", "by_country_group", "by_mode", "by_status", "by_sector")


@pytest.fixture
def program(organiser):
    CountryGroupFactory(slug="eco", name="ECO member states", countries=["KZ", "PK", "IR", "TR"])
    program = ProgramFactory(slug="new-energy", status=Program.Status.COMPLETED)
    program.organisers.add(organiser)
    for country, count, mode in (("KZ", 7, "online"), ("PK", 5, "onsite"), ("IR", 2, "online"), ("DE", 1, "online")):
        for _ in range(count):
            RegistrationFactory(program=program, country=country, mode=mode)
    RegistrationFactory(program=program, country="TR", status=Registration.Status.CANCELLED)
    return program


def url(program, suffix=""):
    return f"/api/programs/{program.slug}/statistics{suffix}"


def test_staff_statistics_contract(organiser_api, program):
    response = organiser_api.get(url(program))
    assert response.status_code == 200
    body = response.json()
    assert set(CONTRACT) <= set(body)
    assert body["registrations"] == 15
    assert body["countries"] == 4
    assert body["by_country"] == [
        {"country": "KZ", "count": 7}, {"country": "PK", "count": 5},
        {"country": "IR", "count": 2}, {"country": "DE", "count": 1},
    ]
    assert body["by_country_group"] == [{"group": "ECO member states", "count": 14}]
    assert {item["mode"]: item["count"] for item in body["by_mode"]} == {"online": 10, "onsite": 5}
    assert {item["status"]: item["count"] for item in body["by_status"]} == {"confirmed": 15, "cancelled": 1}
    assert body["by_sector"] == [{"sector": "academia", "count": 15}]
    assert body["attendance"]["confirmed"] == 15


def test_public_statistics_fold_groups_under_five(api, program):
    response = api.get(url(program, "/public"))
    assert response.status_code == 200
    body = response.json()
    assert set(CONTRACT) <= set(body)
    assert body["registrations"] == 15
    assert body["countries"] == 4
    # IR (2) and DE (1) make 3, too few: PK (5) joins "other".
    assert body["by_country"] == [{"country": "KZ", "count": 7}, {"country": "other", "count": 8}]
    # One cancelled registration alone would be singled out: confirmed joins "other" too.
    assert body["by_status"] == [{"status": "other", "count": 16}]
    for name in ("by_country", "by_country_group", "by_mode", "by_status", "by_sector", "by_gender", "over_time"):
        assert all(item["count"] >= 5 for item in body[name]), name


def test_public_csv(api, program):
    response = api.get(url(program, "/public.csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    text = response.content.decode()
    assert text.splitlines()[0] == "breakdown,key,label,count"
    assert "by_country,KZ,Kazakhstan,7" in text
    assert "IR" not in text and "Iran" not in text


def test_staff_statistics_need_a_token_and_a_managed_program(api, program):
    assert api.get(url(program)).status_code == 401
    checkin = api.as_user(StaffUserFactory(username="door", role=CHECKIN_STAFF))
    assert error_of(checkin.get(url(program)))["code"] == "forbidden"


def test_unknown_and_draft_programs_answer_404(api, organiser_api):
    draft = ProgramFactory(status=Program.Status.DRAFT)
    assert error_of(api.get(f"/api/programs/{draft.slug}/statistics/public"))["code"] == "not_found"
    assert api.get(f"/api/programs/{draft.slug}/statistics/public.csv").status_code == 404
    assert organiser_api.get("/api/programs/nothing-here/statistics").status_code == 404


def test_another_organisers_program_is_forbidden(api, program):
    stranger = StaffUserFactory(username="other-organiser", role=PROGRAM_ORGANISER)
    response = api.as_user(stranger).get(url(program))
    assert response.status_code == 403


def test_operations_are_in_the_schema(client):
    schema = client.get("/api/openapi.json").json()
    paths = schema["paths"]
    assert "get" in paths["/api/programs/{slug}/statistics"]
    assert "get" in paths["/api/programs/{slug}/statistics/public"]
    assert "text/csv" in paths["/api/programs/{slug}/statistics/public.csv"]["get"]["responses"]["200"]["content"]
