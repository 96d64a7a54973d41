import csv
import datetime as dt
import io

import pytest
from django.core.cache import cache
from django.utils import timezone

from tests.factories import ProgramFactory, QuestionFactory, RegistrationFactory
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Question, Registration, RegistrationEvent

from .conftest import error_of

pytestmark = pytest.mark.django_db


def person(**overrides):
    body = {
        "given_name": "Aigerim", "family_name": "Bekova", "email": "aigerim@example.org", "country": "KZ",
        "organization": "Kazakh Energy Institute", "position": "Researcher", "sector": "academia",
        "mode": "online", "language": "ru", "consent": True,
    }
    body.update(overrides)
    return body


def url(program):
    return f"/api/programs/{program.slug}/registrations"


@pytest.mark.parametrize(("sent", "kept"), [("Asia/Tashkent", "Asia/Tashkent"), ("Nowhere/Special", "")])
def test_the_participants_time_zone_is_kept_when_known(api, sent, kept):
    program = ProgramFactory(capacity_online=5)

    response = api.post(url(program), person(time_zone=sent))

    assert response.status_code == 201, response.content
    assert Registration.objects.get(program=program).time_zone == kept


def test_public_registration_is_confirmed_without_revealing_the_token(api):
    program = ProgramFactory(capacity_online=5)

    response = api.post(url(program), person(email="Aigerim@Example.org"))

    assert response.status_code == 201, response.content
    body = response.json()
    assert body["status"] == "confirmed"
    assert body["waitlist_position"] is None
    assert body["message"]
    registration = Registration.objects.get(program=program)
    assert registration.email == "aigerim@example.org"
    assert (registration.country.code, registration.language, registration.mode) == ("KZ", "ru", "online")
    assert registration.token not in response.content.decode()
    assert body.get("token") is None


def test_full_program_waitlists_with_the_position(api):
    program = ProgramFactory(capacity_online=1)
    RegistrationFactory(program=program)
    api.post(url(program), person(email="first@example.org"))

    response = api.post(url(program), person(email="second@example.org"))

    assert response.status_code == 201
    assert response.json()["status"] == "waitlisted"
    assert response.json()["waitlist_position"] == 2


def test_program_with_approval_answers_awaiting_approval(api):
    program = ProgramFactory(requires_approval=True)

    response = api.post(url(program), person())

    assert response.status_code == 201
    assert response.json()["status"] == "awaiting_approval"


def test_second_registration_with_the_same_email_answers_like_a_new_one(api):
    # The public answer must not tell that the address is registered (tests/public has the details).
    program = ProgramFactory()
    first = api.post(url(program), person())
    assert first.status_code == 201

    response = api.post(url(program), person(email=" AIGERIM@example.org", given_name="Other"))

    assert response.status_code == 201
    assert response.json() == first.json()
    assert program.registrations.count() == 1


@pytest.mark.parametrize(
    ("program_kwargs", "code"),
    [
        ({"registration_closes": timezone.now() - dt.timedelta(hours=1),
          "registration_opens": timezone.now() - dt.timedelta(days=3)}, "closed"),
        ({"registration_opens": timezone.now() + dt.timedelta(days=1)}, "not_open"),
        ({"status": Program.Status.REGISTRATION_CLOSED}, "closed"),
    ],
)
def test_outside_the_window_is_422(api, program_kwargs, code):
    program = ProgramFactory(**program_kwargs)

    response = api.post(url(program), person())

    assert response.status_code == 422
    assert error_of(response)["code"] == code
    assert not program.registrations.exists()


def test_mode_not_offered_is_422_and_missing_mode_uses_the_only_one(api):
    program = ProgramFactory(mode=Program.Mode.ONLINE)

    refused = api.post(url(program), person(mode="onsite"))
    body = person(email="implicit@example.org")
    del body["mode"]
    implicit = api.post(url(program), body)

    assert refused.status_code == 422 and error_of(refused)["code"] == "mode_not_offered"
    assert implicit.status_code == 201
    assert Registration.objects.get(email="implicit@example.org").mode == "online"


def test_hybrid_program_needs_a_mode(api):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=10)
    body = person()
    del body["mode"]

    response = api.post(url(program), body)

    assert response.status_code == 400
    assert "mode" in error_of(response)["fields"]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"country": "XX"}, "country"),
        ({"country": "Kazakhstan"}, "country"),
        ({"email": "not-an-address"}, "email"),
        ({"consent": False}, "consent"),
        ({"sector": "aliens"}, "sector"),
        ({"given_name": "   "}, "given_name"),
        ({"given_name": "x" * 101}, "given_name"),
        ({"language": "fr"}, "language"),
        ({"answers": {"abc": "x"}}, "answers"),
        ({"website": "spam"}, "website"),
    ],
)
def test_invalid_fields_are_400_with_the_field_named(api, changes, field):
    program = ProgramFactory()

    response = api.post(url(program), person(**changes))

    assert response.status_code == 400, response.content
    error = error_of(response)
    assert error["code"] == "invalid"
    assert field in error["fields"]
    assert not program.registrations.exists()


@pytest.mark.parametrize("key", ["²", "١", "-1", "1.5", "12345678901"])
def test_answers_keyed_by_anything_but_a_plain_number_are_400(api, key):
    program = ProgramFactory()

    response = api.post(url(program), person(answers={key: "yes"}))

    assert response.status_code == 400, response.content
    assert not program.registrations.exists()


def test_missing_fields_and_malformed_json_are_400(api):
    program = ProgramFactory()

    missing = api.post(url(program), {"email": "a@example.org"})
    malformed = api.post(url(program), '{"given_name": ')

    assert missing.status_code == 400
    assert {"given_name", "family_name", "country", "organization", "consent"} <= set(error_of(missing)["fields"])
    assert malformed.status_code == 400 and error_of(malformed)["code"] == "malformed"


def test_unknown_or_draft_program_is_404(api):
    draft = ProgramFactory(status=Program.Status.DRAFT)

    assert api.post("/api/programs/no-such-program/registrations", person()).status_code == 404
    assert api.post(url(draft), person()).status_code == 404


# A body wrong in every field it can be: what a client's bug or a fuzzer sends.
EVERYTHING_WRONG = {"given_name": "", "email": "nope", "country": "Atlantis", "consent": "yes",
                    "sector": 7, "unknown_field": True}


def test_an_unknown_program_is_404_before_the_fields_are_read(api):
    draft = ProgramFactory(status=Program.Status.DRAFT)

    for path in ("/api/programs/no-such-program/registrations", url(draft)):
        for body in (EVERYTHING_WRONG, {}, [], None):
            response = api.post(path, body)

            assert response.status_code == 404, (path, body, response.content)
            assert error_of(response)["code"] == "not_found"


@pytest.mark.parametrize(
    ("program_kwargs", "code"),
    [
        ({"status": Program.Status.REGISTRATION_CLOSED}, "closed"),
        ({"registration_closes": timezone.now() - dt.timedelta(hours=1),
          "registration_opens": timezone.now() - dt.timedelta(days=3)}, "closed"),
        ({"registration_opens": timezone.now() + dt.timedelta(days=1)}, "not_open"),
    ],
)
def test_a_closed_program_is_422_before_the_fields_are_read(api, program_kwargs, code):
    program = ProgramFactory(**program_kwargs)

    response = api.post(url(program), EVERYTHING_WRONG)

    assert response.status_code == 422, response.content
    error = error_of(response)
    assert error["code"] == code
    assert "fields" not in error


def test_an_open_program_names_every_wrong_field(api):
    program = ProgramFactory()

    response = api.post(url(program), EVERYTHING_WRONG, headers={"Accept-Language": "en"})

    assert response.status_code == 400
    fields = error_of(response)["fields"]
    assert {"given_name", "family_name", "country", "organization", "consent", "sector",
            "unknown_field"} <= set(fields)
    assert fields["unknown_field"] == ["Unknown field."]


def test_null_in_a_registration_field_is_named_as_null(api):
    program = ProgramFactory()

    response = api.post(url(program), person(given_name=None), headers={"Accept-Language": "en"})

    assert response.status_code == 400
    assert error_of(response)["fields"]["given_name"] == ["This field cannot be null."]


def test_staff_registering_outside_the_window_still_get_field_errors(api, organiser):
    program = ProgramFactory(status=Program.Status.REGISTRATION_CLOSED)
    program.organisers.add(organiser)

    response = api.as_user(organiser).post(url(program), person(country="Atlantis"))

    assert response.status_code == 400
    assert "country" in error_of(response)["fields"]


@pytest.mark.parametrize(("sent", "code", "language"), [
    ("Kazakhstan", "KZ", "en"), ("china", "CN", "en"), ("Kazakhstan", "KZ", "ru"),
])
def test_a_country_name_is_answered_with_its_iso_code(api, sent, code, language):
    program = ProgramFactory()

    response = api.post(url(program), person(country=sent), headers={"Accept-Language": language})

    assert response.status_code == 400
    [message] = error_of(response)["fields"]["country"]
    assert code in message and sent in message
    if language == "en":
        assert message == f"Please give the country's ISO code, e.g. {code} for {sent}."
    assert not program.registrations.exists()


def test_an_unknown_country_is_asked_for_from_the_list(api):
    response = api.post(url(ProgramFactory()), person(country="Atlantis"), headers={"Accept-Language": "en"})

    assert error_of(response)["fields"]["country"] == ["Please choose a country from the list."]


def test_answers_as_a_list_or_an_object_are_saved(api):
    program = ProgramFactory()
    topic = QuestionFactory(program=program, label="Your topic?", required=True)
    visa = QuestionFactory(program=program, label="Need a visa letter?", kind=Question.Kind.YES_NO)

    as_list = api.post(url(program), person(answers=[{"question": topic.pk, "value": "Batteries"},
                                                     {"question": visa.pk, "value": True}]))
    as_object = api.post(url(program), person(email="b@example.org", answers={str(topic.pk): "Solar"}))

    assert as_list.status_code == 201, as_list.content
    assert as_object.status_code == 201, as_object.content
    first = Registration.objects.get(email="aigerim@example.org")
    assert {a.question_id: a.value for a in first.answers.all()} == {topic.pk: "Batteries", visa.pk: "yes"}
    assert Registration.objects.get(email="b@example.org").answers.get().value == "Solar"


def test_missing_required_or_invalid_answer_is_422(api):
    program = ProgramFactory()
    topic = QuestionFactory(program=program, required=True)
    choice = QuestionFactory(program=program, kind=Question.Kind.CHOICE, choices="Wind\nSolar")

    missing = api.post(url(program), person())
    wrong = api.post(url(program), person(answers={str(topic.pk): "x", str(choice.pk): "Coal"}))

    assert missing.status_code == 422 and error_of(missing)["code"] == "invalid_answer"
    assert wrong.status_code == 422 and error_of(wrong)["code"] == "invalid_answer"


def test_rate_limit_per_address_answers_429(api, settings):
    cache.clear()
    settings.REGISTRATION_RATE_LIMIT = "2/h"
    program = ProgramFactory()

    responses = [api.post(url(program), person(email=f"p{i}@example.org")) for i in range(3)]

    assert [r.status_code for r in responses] == [201, 201, 429]
    refused = responses[2]
    assert 1 <= int(refused["Retry-After"]) <= 3600
    assert refused.json()["error"]["retry_after"] == int(refused["Retry-After"])
    assert "try again in" in refused.json()["error"]["message"]
    assert program.registrations.count() == 2


def test_a_delegation_behind_one_address_is_not_locked_out(api, settings):
    """The per-address limit is generous; the strict one counts each e-mail address."""
    cache.clear()
    settings.REGISTRATION_RATE_LIMIT = ""
    settings.REGISTRATION_RATE_LIMIT_PER_EMAIL = "2/h"
    settings.REGISTRATION_RATE_LIMIT_PER_ADDRESS = "200/h"
    program = ProgramFactory(capacity_online=100)

    colleagues = [api.post(url(program), person(email=f"colleague{i}@ministry.example.org")) for i in range(25)]

    assert {r.status_code for r in colleagues} == {201}
    again = [api.post(url(program), person(email="colleague0@ministry.example.org")) for _ in range(2)]
    assert again[-1].status_code == 429


def test_staff_registers_someone_outside_the_window_and_gets_their_link(api, organiser):
    program = ProgramFactory(status=Program.Status.REGISTRATION_CLOSED)
    program.organisers.add(organiser)

    response = api.as_user(organiser).post(url(program), person())

    assert response.status_code == 201, response.content
    body = response.json()
    registration = Registration.objects.get(program=program)
    assert body["token"] == registration.token
    assert body["url"].endswith(registration.get_absolute_url())
    assert registration.events.get().actor == organiser


def test_staff_cannot_register_people_in_programs_they_do_not_manage(api, organiser):
    program = ProgramFactory(status=Program.Status.REGISTRATION_CLOSED)

    response = api.as_user(organiser).post(url(program), person())

    assert response.status_code == 403
    assert not program.registrations.exists()


# --- staff list and export -------------------------------------------------------------------


@pytest.fixture
def listed_program(organiser):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=1)
    program.organisers.add(organiser)
    RegistrationFactory(program=program, given_name="Aliya", email="aliya@example.org", country="KZ")
    RegistrationFactory(program=program, given_name="Bilal", email="bilal@example.org", country="PK", mode="onsite")
    now = timezone.now()
    RegistrationFactory(program=program, given_name="Chen", email="chen@example.org", country="CN", mode="onsite",
                        status=Registration.Status.WAITLISTED, waitlisted_at=now)
    RegistrationFactory(program=program, given_name="Dana", email="dana@example.org", country="KZ", mode="onsite",
                        status=Registration.Status.WAITLISTED, waitlisted_at=now + dt.timedelta(seconds=1))
    RegistrationFactory(given_name="Elsewhere")
    return program


def test_staff_list_filters_and_counts(organiser_api, listed_program):
    def names(**params):
        response = organiser_api.get(url(listed_program), params)
        assert response.status_code == 200, response.content
        body = response.json()
        return body["count"], [item["given_name"] for item in body["items"]]

    assert names() == (4, ["Aliya", "Bilal", "Chen", "Dana"])
    assert names(status="confirmed") == (2, ["Aliya", "Bilal"])
    assert names(mode="onsite", country="kz") == (1, ["Dana"])
    assert names(q="bilal@") == (1, ["Bilal"])
    assert names(limit=2, offset=1) == (4, ["Bilal", "Chen"])


def test_staff_list_items_carry_the_details_and_waitlist_positions(organiser_api, listed_program):
    items = organiser_api.get(url(listed_program), {"status": "waitlisted"}).json()["items"]

    assert [(i["given_name"], i["waitlist_position"]) for i in items] == [("Chen", 1), ("Dana", 2)]
    item = items[0]
    assert item["email"] == "chen@example.org"
    assert {"id", "family_name", "country", "organization", "position", "sector", "mode", "language",
            "status", "created_at"} <= set(item)


def test_staff_list_refuses_anonymous_bad_filters_and_other_programs(api, organiser_api, listed_program):
    other = ProgramFactory()

    assert api.get(url(listed_program)).status_code == 401
    assert organiser_api.get(url(listed_program), {"status": "maybe"}).status_code == 400
    assert organiser_api.get(url(listed_program), {"limit": 0}).status_code == 400
    assert organiser_api.get(url(other)).status_code == 403
    assert organiser_api.get("/api/programs/nope/registrations").status_code == 404


def test_staff_export_csv_with_chosen_columns(organiser_api, listed_program):
    response = organiser_api.get(url(listed_program) + "/export.csv", {"status": "confirmed",
                                                                     "columns": "given_name,email"})

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows == [["Given name", "E-mail"], ["Aliya", "aliya@example.org"], ["Bilal", "bilal@example.org"]]


def test_staff_export_needs_a_token(api, listed_program):
    assert api.get(url(listed_program) + "/export.csv").status_code == 401


@pytest.mark.parametrize("extension", ["csv", "xlsx"])
def test_check_in_staff_may_list_but_not_export(api, listed_program, checkin_staff, extension):
    listed_program.organisers.add(checkin_staff)  # staff see the programs they are assigned to
    checkin_api = api.as_user(checkin_staff)

    assert checkin_api.get(url(listed_program)).status_code == 200
    assert checkin_api.get(url(listed_program) + f"/export.{extension}").status_code == 403


# --- rejecting ----------------------------------------------------------------------------------


def reject_url(registration):
    return f"{url(registration.program)}/{registration.pk}/reject"


def test_staff_reject_with_a_reason_the_participant_reads(organiser_api, organiser):
    program = ProgramFactory()
    program.organisers.add(organiser)
    registration = RegistrationFactory(program=program)

    response = organiser_api.post(reject_url(registration), {"reason": "  Only for ECO member states.  "})

    assert response.status_code == 200, response.content
    assert (response.json()["id"], response.json()["status"]) == (registration.pk, "rejected")
    event = registration.events.get(action=RegistrationEvent.Action.REJECTED)
    assert (event.note, event.actor) == ("Only for ECO member states.", organiser)
    run_tasks()
    [mail] = OutgoingMail.objects.filter(to=registration.email)
    assert mail.subject.startswith("Registration not accepted")
    assert "Only for ECO member states." in mail.body_text


@pytest.mark.parametrize("body", [{}, ""])
def test_the_reason_is_optional(organiser_api, organiser, body):
    program = ProgramFactory()
    program.organisers.add(organiser)
    registration = RegistrationFactory(program=program)

    response = organiser_api.post(reject_url(registration), body)

    assert response.status_code == 200, response.content
    assert registration.events.get(action=RegistrationEvent.Action.REJECTED).note == ""


def test_rejecting_is_refused_when_it_cannot_be_done(api, organiser_api, organiser, checkin_staff):
    program = ProgramFactory()
    program.organisers.add(organiser, checkin_staff)
    registration = RegistrationFactory(program=program)
    others = RegistrationFactory()  # a program the organiser does not manage

    assert api.post(reject_url(registration), {}).status_code == 401
    assert api.as_user(checkin_staff).post(reject_url(registration), {}).status_code == 403
    assert organiser_api.post(reject_url(others), {}).status_code == 403
    assert organiser_api.post(f"{url(program)}/{others.pk}/reject", {}).status_code == 404
    too_long = organiser_api.post(reject_url(registration), {"reason": "x" * 501})
    assert (too_long.status_code, list(error_of(too_long)["fields"])) == (400, ["reason"])
    assert organiser_api.post(reject_url(registration), {"because": "no"}).status_code == 400
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED

    assert organiser_api.post(reject_url(registration), {}).status_code == 200
    again = organiser_api.post(reject_url(registration), {"reason": "Twice"})
    assert (again.status_code, error_of(again)["code"]) == (422, "not_allowed")
