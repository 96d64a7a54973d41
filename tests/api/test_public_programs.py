import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import (
    FocusAreaFactory,
    PersonFactory,
    ProgramFactory,
    ProgramRoleFactory,
    SessionFactory,
    ThemeFactory,
)
from trainingcenter.programs.models import Program, ProgramRole

from .conftest import error_of

pytestmark = pytest.mark.django_db


def test_list_shows_public_programs_with_their_fields_and_hides_drafts(api):
    theme = ThemeFactory(slug="energy", name="Energy")
    program = ProgramFactory(slug="batteries", title="Powering the road", subtitle="Lithium-ion batteries")
    program.themes.add(theme)
    ProgramFactory(slug="secret-draft", status=Program.Status.DRAFT)

    response = api.get("/api/programs")

    assert response.status_code == 200
    items = response.json()
    assert [item["slug"] for item in items] == ["batteries"]
    item = items[0]
    assert item["title"] == "Powering the road"
    assert item["subtitle"] == "Lithium-ion batteries"
    assert item["status"] == "registration_open"
    assert item["mode"] == "online"
    assert item["time_zone"] == "Asia/Shanghai"
    assert item["themes"] == [{"slug": "energy", "name": "Energy"}]
    assert item["number"] == program.number
    parsed = dt.datetime.fromisoformat(item["starts"])
    assert parsed == program.starts and parsed.utcoffset() == dt.timedelta(0)
    assert item["registration_closes"].endswith(("Z", "+00:00"))


def test_list_filters_by_status_theme_and_year(api):
    energy = ThemeFactory(slug="energy")
    old = ProgramFactory(
        slug="old", status=Program.Status.COMPLETED, registration_opens=None, registration_closes=None,
        starts=dt.datetime(2021, 7, 6, 1, tzinfo=dt.UTC), ends=dt.datetime(2021, 7, 7, 9, tzinfo=dt.UTC),
    )
    old.themes.add(energy)
    ProgramFactory(slug="new")

    def slugs(**params):
        response = api.get("/api/programs", params)
        assert response.status_code == 200
        return [item["slug"] for item in response.json()]

    assert slugs(status="completed") == ["old"]
    assert slugs(theme="energy") == ["old"]
    assert slugs(year=2021) == ["old"]
    assert slugs(theme="no-such-theme") == []


def test_list_rejects_an_unknown_status_with_a_field_error(api):
    response = api.get("/api/programs", {"status": "bogus"})

    assert response.status_code == 400
    assert "status" in error_of(response)["fields"]


def test_detail_has_agenda_speakers_moderators_and_focus_areas(api):
    program = ProgramFactory(slug="decarbonisation", background="Why it matters", objectives="What we aim for",
                             venue="Beijing")
    speaker = PersonFactory(slug="li-wei", given_name="Wei", family_name="Li",
                            name_order="family_first")
    moderator = PersonFactory(slug="moderator-one")
    ProgramRoleFactory(program=program, person=moderator, role=ProgramRole.Role.MODERATOR)
    FocusAreaFactory(program=program, title="Industrial policy")
    SessionFactory(program=program, title="Opening", kind="opening_remarks", speakers=[speaker])

    response = api.get("/api/programs/decarbonisation")

    assert response.status_code == 200
    body = response.json()
    assert body["background"] == "Why it matters"
    assert body["objectives"] == "What we aim for"
    assert body["venue"] == "Beijing"
    assert body["focus_areas"] == ["Industrial policy"]
    assert [m["person"]["slug"] for m in body["moderators"]] == ["moderator-one"]
    session = body["sessions"][0]
    assert session["title"] == "Opening"
    assert session["kind"] == "opening_remarks"
    assert session["speakers"] == [{"slug": "li-wei", "name": "Li Wei"}]
    assert session["ends"] > session["starts"]


def test_detail_of_a_draft_or_unknown_program_is_a_json_404(api):
    ProgramFactory(slug="draft", status=Program.Status.DRAFT)

    for slug in ("draft", "no-such-program"):
        response = api.get(f"/api/programs/{slug}")
        assert response.status_code == 404
        assert error_of(response)["code"] == "not_found"


def test_content_language_from_query_or_accept_language_falls_back_to_english(api):
    ProgramFactory(slug="p", title_en="Low carbon", title_zh_hans="低碳发展", subtitle_en="English only")

    by_query = api.get("/api/programs/p", {"lang": "zh-hans"}).json()
    by_header = api.get("/api/programs/p", headers={"Accept-Language": "zh-CN,zh;q=0.9"}).json()
    default = api.get("/api/programs/p").json()

    assert by_query["title"] == "低碳发展"
    assert by_query["subtitle"] == "English only"
    assert by_header["title"] == "低碳发展"
    assert default["title"] == "Low carbon"


def test_person_names_follow_the_requests_language(api):
    program = ProgramFactory(slug="p")
    person = PersonFactory(slug="zhu-fahua", given_name="Fahua", family_name="Zhu", name_order="family_first",
                           native_name="朱法华", display_name_zh_hans="朱法华", display_name_ru="Чжу Фахуа")
    SessionFactory(program=program, speakers=[person])

    def speaker(lang):
        return api.get("/api/programs/p", {"lang": lang}).json()["sessions"][0]["speakers"][0]["name"]

    assert [speaker(lang) for lang in ("en", "zh-hans", "ru")] == ["Zhu Fahua", "朱法华", "Чжу Фахуа"]
    chinese = api.get("/api/people/zhu-fahua", {"lang": "zh-hans"}).json()
    assert (chinese["name"], chinese["given_name"], chinese["family_name"]) == ("朱法华", "Fahua", "Zhu")


def _program_with_sessions(slug, count):
    program = ProgramFactory(slug=slug)
    program.themes.add(ThemeFactory(), ThemeFactory())
    FocusAreaFactory.create_batch(2, program=program)
    for index in range(count):
        speakers = PersonFactory.create_batch(2)
        SessionFactory(program=program, starts=program.starts + dt.timedelta(hours=index % 8), speakers=speakers)
        ProgramRoleFactory(program=program, person=speakers[0], role=ProgramRole.Role.MODERATOR)
    return program


def test_program_detail_costs_the_same_queries_for_1_or_30_sessions(api):
    _program_with_sessions("small", 1)
    _program_with_sessions("large", 30)

    with CaptureQueriesContext(connection) as small:
        assert api.get("/api/programs/small").status_code == 200
    with CaptureQueriesContext(connection) as large:
        response = api.get("/api/programs/large")
    assert response.status_code == 200
    assert len(response.json()["sessions"]) == 30
    assert len(large.captured_queries) == len(small.captured_queries)


def test_program_list_costs_the_same_queries_for_1_or_10_programs(api):
    ProgramFactory().themes.add(ThemeFactory())
    with CaptureQueriesContext(connection) as one:
        api.get("/api/programs")
    for _ in range(9):
        ProgramFactory().themes.add(ThemeFactory())
    with CaptureQueriesContext(connection) as ten:
        response = api.get("/api/programs")
    assert len(response.json()) == 10
    assert len(ten.captured_queries) == len(one.captured_queries)


def test_person_shows_profile_and_sessions_in_public_programs_only(api):
    person = PersonFactory(slug="ana", given_name="Ana", family_name="Lopez", bionote_en="Studies batteries.",
                           bionote_zh_hans="研究电池。", country="PK")
    public = ProgramFactory(title="Public one")
    draft = ProgramFactory(status=Program.Status.DRAFT)
    SessionFactory(program=public, title="Battery lecture", speakers=[person])
    SessionFactory(program=draft, title="Hidden lecture", speakers=[person])

    response = api.get("/api/people/ana")
    chinese = api.get("/api/people/ana", {"lang": "zh-hans"}).json()

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == "Ana Lopez"
    assert body["country"] == "PK"
    assert body["bionote"] == "Studies batteries."
    assert [s["title"] for s in body["sessions"]] == ["Battery lecture"]
    assert body["sessions"][0]["program"]["title"] == "Public one"
    assert chinese["bionote"] == "研究电池。"


def test_unknown_person_is_a_json_404(api):
    response = api.get("/api/people/nobody")

    assert response.status_code == 404
    assert error_of(response)["code"] == "not_found"
