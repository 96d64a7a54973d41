import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from tests.factories import PersonFactory, ProgramFactory, SessionFactory, ThemeFactory
from trainingcenter.api.schemas.programs import ProgramIn, ProgramPatch, SessionIn, SessionPatch
from trainingcenter.programs.models import Program

from .conftest import error_of

pytestmark = pytest.mark.django_db

CONTRACT_BODY = {
    "slug": "hydrogen-2030",
    "title": "Green hydrogen for industry",
    "starts": "2030-06-08T09:00:00+08:00",
    "ends": "2030-06-09T17:00:00+08:00",
    "time_zone": "Asia/Shanghai",
    "mode": "hybrid",
    "registration_opens": "2030-05-01T00:00:00Z",
    "registration_closes": "2030-06-06T18:00:00+08:00",
    "capacity_online": 300,
    "capacity_onsite": 40,
}


def test_create_program_with_the_contract_fields_answers_201(organiser_api, organiser):
    ThemeFactory(slug="hydrogen", name="Hydrogen")
    body = {**CONTRACT_BODY, "subtitle": "Cases from the region", "status": "registration_open",
            "requires_approval": True, "venue": "BTBU, Beijing", "number": 9, "themes": ["hydrogen"],
            "translations": {"zh-hans": {"title": "工业绿氢"}}}

    response = organiser_api.post("/api/programs", body)

    assert response.status_code == 201, response.content
    created = response.json()
    assert created["slug"] == "hydrogen-2030"
    assert created["starts"] in ("2030-06-08T01:00:00Z", "2030-06-08T01:00:00+00:00")
    assert created["themes"] == [{"slug": "hydrogen", "name": "Hydrogen"}]
    program = Program.objects.get(slug="hydrogen-2030")
    assert program.title_en == "Green hydrogen for industry"
    assert program.title_zh_hans == "工业绿氢"
    assert (program.capacity_online, program.capacity_onsite) == (300, 40)
    assert program.requires_approval and program.number == 9 and program.venue == "BTBU, Beijing"
    assert program.registration_closes == dt.datetime(2030, 6, 6, 10, tzinfo=dt.UTC)
    # The creator can manage what they created.
    assert list(program.organisers.all()) == [organiser]


def test_naive_times_are_read_in_the_programs_time_zone(admin_api):
    body = {**CONTRACT_BODY, "starts": "2030-06-08T09:00:00", "ends": "2030-06-08T17:00:00"}

    assert admin_api.post("/api/programs", body).status_code == 201

    assert Program.objects.get().starts == dt.datetime(2030, 6, 8, 1, tzinfo=dt.UTC)


def test_plain_dates_are_whole_days_in_the_programs_time_zone(admin_api):
    body = {**CONTRACT_BODY, "starts": "2030-06-08", "ends": "2030-06-09",
            "registration_opens": "2030-05-01", "registration_closes": "2030-06-06"}

    response = admin_api.post("/api/programs", body)

    assert response.status_code == 201, response.content
    program = Program.objects.get()
    shanghai = ZoneInfo("Asia/Shanghai")
    # From 00:00 on the first day to the last second of the last, in Beijing.
    assert program.starts == dt.datetime(2030, 6, 8, 0, 0, tzinfo=shanghai)
    assert program.ends == dt.datetime(2030, 6, 9, 23, 59, 59, tzinfo=shanghai)
    assert program.registration_opens == dt.datetime(2030, 5, 1, 0, 0, tzinfo=shanghai)
    assert program.registration_closes == dt.datetime(2030, 6, 6, 23, 59, 59, tzinfo=shanghai)
    assert response.json()["starts"] in ("2030-06-07T16:00:00Z", "2030-06-07T16:00:00+00:00")


def test_a_one_day_program_can_be_given_as_one_date(admin_api):
    body = {**CONTRACT_BODY, "starts": "2030-06-08", "ends": "2030-06-08", "time_zone": "Asia/Almaty"}
    del body["registration_closes"]

    assert admin_api.post("/api/programs", body).status_code == 201

    program = Program.objects.get()
    assert program.ends - program.starts == dt.timedelta(hours=23, minutes=59, seconds=59)
    assert program.starts.astimezone(ZoneInfo("Asia/Almaty")).time() == dt.time(0, 0)


def test_a_plain_date_in_a_change_is_read_in_the_programs_zone_or_its_new_one(admin_api):
    ProgramFactory(slug="p", time_zone="Europe/Moscow", starts=dt.datetime(2030, 6, 8, 6, tzinfo=dt.UTC),
                   ends=dt.datetime(2030, 6, 8, 14, tzinfo=dt.UTC), registration_opens=None,
                   registration_closes=None)

    kept_zone = admin_api.patch("/api/programs/p", {"ends": "2030-06-10"})
    assert kept_zone.status_code == 200, kept_zone.content
    assert Program.objects.get().ends == dt.datetime(2030, 6, 10, 23, 59, 59, tzinfo=ZoneInfo("Europe/Moscow"))

    new_zone = admin_api.patch("/api/programs/p", {"time_zone": "Asia/Tashkent", "starts": "2030-06-09"})
    assert new_zone.status_code == 200, new_zone.content
    assert Program.objects.get().starts == dt.datetime(2030, 6, 9, tzinfo=ZoneInfo("Asia/Tashkent"))


@pytest.mark.parametrize("value", ["2030-02-30", "2030-6-8", "08.06.2030"])
def test_a_date_that_is_not_one_is_refused_with_the_iso_hint(admin_api, value):
    response = admin_api.post("/api/programs", {**CONTRACT_BODY, "ends": value}, headers={"Accept-Language": "en"})

    assert response.status_code == 400
    assert error_of(response)["fields"]["ends"] == [
        "Please give a date and time in ISO 8601, e.g. 2026-06-08T09:00:00+08:00."
    ]


def test_an_agenda_item_needs_its_times_not_only_a_date(admin_api):
    ProgramFactory(slug="p")

    response = admin_api.post("/api/programs/p/sessions", {"title": "T", "starts": "2030-06-08",
                                                          "ends": "2030-06-08T10:00:00"},
                              headers={"Accept-Language": "en"})

    assert response.status_code == 400
    assert error_of(response)["fields"]["starts"] == [
        "Please give the time as well as the date, e.g. 2026-06-08T09:00:00+08:00."
    ]


def test_openapi_says_what_a_plain_date_means(client):
    components = client.get("/api/openapi.json").json()["components"]["schemas"]

    for schema in ("ProgramIn", "ProgramPatch"):
        starts = components[schema]["properties"]["starts"]
        ends = components[schema]["properties"]["ends"]
        assert {"type": "string", "format": "date"} in starts["anyOf"]
        assert "00:00 that day in the program's time zone" in starts["description"]
        assert "23:59:59" in ends["description"]
        assert "23:59:59" in components[schema]["properties"]["registration_closes"]["description"]
    assert components["SessionIn"]["properties"]["starts"]["format"] == "date-time"


def test_duplicate_slug_is_409(admin_api):
    ProgramFactory(slug="hydrogen-2030")

    response = admin_api.post("/api/programs", CONTRACT_BODY)

    assert response.status_code == 409
    assert error_of(response)["code"] == "duplicate"
    assert Program.objects.count() == 1


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"time_zone": "Mars/Olympus"}, "time_zone"),
        ({"ends": "2030-06-07T09:00:00+08:00"}, "ends"),
        ({"mode": "telepathy"}, "mode"),
        ({"starts": "next tuesday"}, "starts"),
        ({"capacity_online": -1}, "capacity_online"),
        ({"registration_closes": "2030-04-01T00:00:00Z"}, "registration_closes"),
        ({"themes": ["no-such-theme"]}, "themes"),
        ({"slug": "not a slug!"}, "slug"),
        ({"title": "x" * 251}, "title"),
        ({"colour": "blue"}, "colour"),
    ],
)
def test_invalid_program_is_400_with_the_field_named(admin_api, changes, field):
    response = admin_api.post("/api/programs", {**CONTRACT_BODY, **changes})

    assert response.status_code == 400, response.content
    error = error_of(response)
    assert error["code"] == "invalid"
    assert field in error["fields"]
    assert not Program.objects.exists()


def test_missing_required_fields_are_listed(admin_api):
    response = admin_api.post("/api/programs", {"title": "Only a title"})

    assert response.status_code == 400
    assert {"slug", "starts", "ends"} <= set(error_of(response)["fields"])


def test_field_errors_are_readable_sentences(admin_api):
    response = admin_api.post("/api/programs", {**CONTRACT_BODY, "slug": None, "starts": "soon"},
                              headers={"Accept-Language": "en"})

    fields = error_of(response)["fields"]
    assert fields["slug"] == ["This field cannot be null."]
    assert fields["starts"] == ["Please give a date and time in ISO 8601, e.g. 2026-06-08T09:00:00+08:00."]


@pytest.mark.parametrize("body", ["{not json", "", "[1, 2]", "null", '"text"', "\xff\xfe"])
def test_malformed_body_is_400_json(admin_api, body):
    response = admin_api.post("/api/programs", body)

    assert response.status_code == 400
    assert error_of(response)["code"] in {"malformed", "invalid"}


def test_form_encoded_body_is_refused_as_unsupported(admin_api):
    response = admin_api.post("/api/programs", "slug=x&title=y", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 415
    assert error_of(response)["code"] == "unsupported_media_type"


def test_staff_without_the_add_permission_gets_403(api, checkin_staff):
    response = api.as_user(checkin_staff).post("/api/programs", CONTRACT_BODY)

    assert response.status_code == 403
    assert error_of(response)["code"] == "forbidden"


def test_organiser_updates_own_program_but_not_anothers(organiser_api, organiser):
    own = ProgramFactory(slug="own")
    own.organisers.add(organiser)
    ProgramFactory(slug="someone-elses", title="Untouched")

    ok = organiser_api.patch("/api/programs/own", {"title": "Renamed", "capacity_online": 12})
    refused = organiser_api.patch("/api/programs/someone-elses", {"title": "Hijacked"})

    assert ok.status_code == 200, ok.content
    assert ok.json()["title"] == "Renamed"
    own.refresh_from_db()
    assert (own.title, own.capacity_online) == ("Renamed", 12)
    assert refused.status_code == 403
    assert Program.objects.get(slug="someone-elses").title == "Untouched"


def test_patch_only_changes_the_fields_sent_and_checks_the_result(admin_api):
    program = ProgramFactory(slug="p", subtitle="Keep me")

    bad = admin_api.patch("/api/programs/p", {"ends": (program.starts - dt.timedelta(hours=1)).isoformat()})
    good = admin_api.patch("/api/programs/p", {"status": "registration_closed"})

    assert bad.status_code == 400 and "ends" in error_of(bad)["fields"]
    assert good.status_code == 200
    program.refresh_from_db()
    assert (program.status, program.subtitle) == ("registration_closed", "Keep me")


def test_patch_to_a_taken_slug_is_409_and_unknown_program_is_404(admin_api):
    ProgramFactory(slug="a")
    ProgramFactory(slug="b")

    assert admin_api.patch("/api/programs/a", {"slug": "b"}).status_code == 409
    assert admin_api.patch("/api/programs/nope", {"title": "x"}).status_code == 404


def test_sessions_are_created_and_changed_on_own_programs(organiser_api, organiser):
    program = ProgramFactory(slug="own", starts=dt.datetime(2030, 6, 8, 1, tzinfo=dt.UTC),
                             ends=dt.datetime(2030, 6, 8, 9, tzinfo=dt.UTC))
    program.organisers.add(organiser)
    PersonFactory(slug="speaker-a", given_name="Aida", family_name="Karimova")

    created = organiser_api.post("/api/programs/own/sessions", {
        "kind": "lecture", "title": "Batteries", "starts": "2030-06-08T10:00:00",
        "ends": "2030-06-08T11:00:00", "speakers": ["speaker-a"],
    })

    assert created.status_code == 201, created.content
    session = created.json()
    assert session["starts"] in ("2030-06-08T02:00:00Z", "2030-06-08T02:00:00+00:00")
    assert session["speakers"] == [{"slug": "speaker-a", "name": "Aida Karimova"}]

    changed = organiser_api.patch(f"/api/programs/own/sessions/{session['id']}", {"title": "Battery recycling",
                                                                                   "speakers": []})
    assert changed.status_code == 200
    assert changed.json()["title"] == "Battery recycling" and changed.json()["speakers"] == []

    detail = organiser_api.get("/api/programs/own").json()
    assert [s["title"] for s in detail["sessions"]] == ["Battery recycling"]


def test_session_errors(organiser_api, organiser):
    own = ProgramFactory(slug="own")
    own.organisers.add(organiser)
    other = SessionFactory(program=ProgramFactory(slug="other"))
    body = {"title": "T", "starts": "2030-06-08T10:00:00Z", "ends": "2030-06-08T09:00:00Z"}

    backwards = organiser_api.post("/api/programs/own/sessions", body)
    unknown_speaker = organiser_api.post("/api/programs/own/sessions", {
        **body, "ends": "2030-06-08T11:00:00Z", "speakers": ["ghost"]})
    elsewhere = organiser_api.post("/api/programs/other/sessions", {**body, "ends": "2030-06-08T11:00:00Z"})
    wrong_program = organiser_api.patch(f"/api/programs/own/sessions/{other.pk}", {"title": "x"})

    assert backwards.status_code == 400 and "ends" in error_of(backwards)["fields"]
    assert unknown_speaker.status_code == 400 and "speakers" in error_of(unknown_speaker)["fields"]
    assert elsewhere.status_code == 403
    assert wrong_program.status_code == 404
    assert own.sessions.count() == 0


@pytest.mark.parametrize(
    ("method", "path", "body", "expected"),
    [
        ("get", "/api/programs?year=99999999999999999999", None, 400),
        ("get", "/api/programs?theme=%00", None, 400),
        ("get", "/api/programs/a%00b", None, 404),
        ("get", "/api/people/%00", None, 404),
        ("patch", "/api/programs/p", {"starts": "0001-01-01T00:00:00+01:00"}, 400),
        ("patch", "/api/programs/p", {"title": "a\x00b"}, 400),
        ("patch", "/api/programs/p", {"number": 10**30}, 400),
        ("patch", "/api/programs/p/sessions/99999999999999999999", {"title": "x"}, 404),
    ],
)
def test_edge_input_gets_a_clear_answer_not_a_server_error(admin_api, method, path, body, expected):
    """Inputs that PostgreSQL or the calendar cannot hold are refused before any query."""
    ProgramFactory(slug="p")

    response = admin_api.get(path) if method == "get" else admin_api.patch(path, body)

    assert response.status_code == expected
    assert "error" in response.json()


def test_organiser_sees_own_draft_but_not_others(api, organiser_api, organiser):
    own = ProgramFactory(slug="own-draft", status=Program.Status.DRAFT)
    own.organisers.add(organiser)
    ProgramFactory(slug="other-draft", status=Program.Status.DRAFT)

    assert organiser_api.get("/api/programs/own-draft").status_code == 200
    assert organiser_api.get("/api/programs/other-draft").status_code == 404
    assert api.get("/api/programs/own-draft").status_code == 404


SESSION_BODY = {"title": "Batteries", "starts": "2030-06-08T10:00:00Z", "ends": "2030-06-08T11:00:00Z"}


def test_null_urls_of_a_new_session_are_stored_as_no_url(admin_api):
    ProgramFactory(slug="p")

    response = admin_api.post("/api/programs/p/sessions", {
        **SESSION_BODY, "slides_url": None, "recording_url": None, "abstract": None, "speakers": None,
    })

    assert response.status_code == 201, response.content
    assert (response.json()["slides_url"], response.json()["recording_url"]) == ("", "")


def test_null_clears_optional_text_lists_and_translations_of_a_program(admin_api):
    program = ProgramFactory(slug="p", subtitle="Old", recording_url="https://example.org/rec", venue="Beijing")
    program.themes.add(ThemeFactory(slug="energy"))
    program.title_ru = "Русское название"
    program.save()

    response = admin_api.patch("/api/programs/p", {
        "recording_url": None, "subtitle": None, "venue": None, "themes": None, "capacity_online": None,
        "translations": {"ru": {"title": None}},
    })

    assert response.status_code == 200, response.content
    program.refresh_from_db()
    assert (program.recording_url, program.subtitle, program.venue, program.title_ru) == ("", "", "", "")
    assert program.capacity_online is None
    assert not program.themes.exists()


def test_null_clears_the_urls_and_speakers_of_a_session(admin_api):
    session = SessionFactory(program=ProgramFactory(slug="p"), slides_url="https://example.org/s",
                             recording_url="https://example.org/r", speakers=[PersonFactory()])

    response = admin_api.patch(f"/api/programs/p/sessions/{session.pk}",
                               {"slides_url": None, "recording_url": None, "speakers": None})

    assert response.status_code == 200, response.content
    session.refresh_from_db()
    assert (session.slides_url, session.recording_url) == ("", "")
    assert not session.speakers.exists()


@pytest.mark.parametrize("field", ["slug", "title", "starts", "ends", "time_zone", "mode", "status",
                                   "requires_approval", "translations"])
def test_null_for_a_value_a_program_must_keep_is_refused_by_name(admin_api, field):
    ProgramFactory(slug="p", title="Kept")

    response = admin_api.patch("/api/programs/p", {field: None})

    assert response.status_code == 400, response.content
    assert error_of(response)["fields"] == {field: ["This field cannot be null."]}
    assert Program.objects.get(slug="p").title == "Kept"


def _every_field(*schemas):
    return [pytest.param(schema, name, id=f"{schema.__name__}.{name}") for schema in schemas
            for name in schema.model_fields]


@pytest.mark.parametrize(("schema", "field"), _every_field(ProgramIn, ProgramPatch))
def test_null_in_any_program_field_is_never_a_server_error(admin_api, schema, field):
    ProgramFactory(slug="p")
    body = {**CONTRACT_BODY, field: None}

    response = (admin_api.post("/api/programs", body) if schema is ProgramIn
                else admin_api.patch("/api/programs/p", {field: None}))

    assert response.status_code in {200, 201, 400}, (field, response.status_code, response.content[:300])


@pytest.mark.parametrize(("schema", "field"), _every_field(SessionIn, SessionPatch))
def test_null_in_any_session_field_is_never_a_server_error(admin_api, schema, field):
    session = SessionFactory(program=ProgramFactory(slug="p"))

    response = (admin_api.post("/api/programs/p/sessions", {**SESSION_BODY, field: None}) if schema is SessionIn
                else admin_api.patch(f"/api/programs/p/sessions/{session.pk}", {field: None}))

    assert response.status_code in {200, 201, 400}, (field, response.status_code, response.content[:300])


@pytest.mark.parametrize(
    ("field", "value"),
    [("starts", 0), ("capacity_online", "12"), ("requires_approval", 1), ("number", 1.5), ("title", 5)],
)
def test_body_values_of_the_wrong_json_type_are_refused_not_converted(admin_api, field, value):
    """A number is not a date (1970-01-01), "12" is not a number, 1 is not true."""
    ProgramFactory(slug="p")

    response = admin_api.patch("/api/programs/p", {field: value})

    assert response.status_code == 400, response.content
    assert field in error_of(response)["fields"]
