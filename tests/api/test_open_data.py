"""Open data: a program's facts, agenda and people as CSV, safe in spreadsheets."""
import csv
import datetime as dt
import io

import pytest

from tests.factories.programs import PersonFactory, ProgramFactory, ProgramRoleFactory, SessionFactory
from trainingcenter.programs.models import Program, ProgramRole

pytestmark = pytest.mark.django_db


def table(answer):
    assert answer.status_code == 200
    assert answer["Content-Type"] == "text/csv; charset=utf-8"
    text = answer.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


@pytest.fixture
def program():
    program = ProgramFactory(slug="storage", title="Storage", title_zh_hans="储能")
    speaker = PersonFactory(given_name="=HYPERLINK(\"http://evil\")", family_name="Khan", country="PK")
    SessionFactory(program=program, title="@SUM(A1)", title_zh_hans="电池", speakers=[speaker],
                   starts=program.starts, ends=program.starts + dt.timedelta(hours=1))
    ProgramRoleFactory(program=program, person=PersonFactory(family_name="Li"), role=ProgramRole.Role.MODERATOR)
    return program


def test_agenda_csv(client, program):
    rows = table(client.get("/api/programs/storage/agenda.csv"))
    assert len(rows) == 1
    assert rows[0]["title"] == "'@SUM(A1)"  # never a formula
    assert rows[0]["speakers"].startswith("'=HYPERLINK")
    assert rows[0]["day"] == "1"
    assert rows[0]["starts_local"].endswith("+08:00") and rows[0]["starts_utc"].endswith("+00:00")
    assert table(client.get("/api/programs/storage/agenda.csv", {"lang": "zh-hans"}))[0]["title"] == "电池"


def test_people_csv(client, program):
    rows = table(client.get("/api/programs/storage/people.csv"))
    assert [(row["role"], row["country"]) for row in rows] == [("moderator", ""), ("speaker", "PK")]
    assert rows[1]["url"].startswith("http://testserver/en/people/")


def test_facts_csv(client, program):
    facts = {row["field"]: row["value"] for row in table(client.get("/api/programs/storage/facts.csv"))}
    assert facts["title"] == "Storage" and facts["slug"] == "storage"


def test_drafts_and_unknown_programs_are_404(client):
    ProgramFactory(slug="secret", status=Program.Status.DRAFT)
    for path in ("/api/programs/secret/agenda.csv", "/api/programs/nothing/people.csv"):
        answer = client.get(path)
        assert answer.status_code == 404
        assert answer.json()["error"]["code"] == "not_found"
