"""The public registration pages as a participant uses them, through the Django test client."""
import datetime as dt
import json
import re
import time

import pytest
from django.core import mail
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import ProgramFactory, QuestionFactory, RegistrationFactory, SessionFactory
from tests.factories.meetings import OnlineMeetingFactory
from tests.worker import run_tasks
from trainingcenter.core import formtiming
from trainingcenter.programs.models import Program
from trainingcenter.registrations import services
from trainingcenter.registrations.models import Answer, Question, Registration

from .registration_post import valid_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english(empty_cache):
    """Rate-limit counters (``empty_cache``) and the thread's active language must not leak in from other tests."""
    with translation.override("en"):
        yield


def register_url(program, language="en"):
    return f"/{language}/programs/{program.slug}/register/"


def test_form_page_shows_the_form(client):
    program = ProgramFactory(title="Water and Climate")
    response = client.get(register_url(program))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Water and Climate" in html
    for name in ("given_name", "family_name", "email", "country", "organization", "position", "sector",
                 "gender", "consent", "website"):
        assert f'name="{name}"' in html
    assert 'href="#privacy"' in html and 'id="privacy"' in html
    assert "For statistics only" in html


@pytest.mark.parametrize("status", [Program.Status.DRAFT])
def test_draft_and_unknown_programs_are_404(client, status):
    assert client.get(register_url(ProgramFactory(status=status))).status_code == 404
    assert client.get("/en/programs/no-such-program/register/").status_code == 404


def test_not_yet_open_shows_the_opening_date_and_no_form(client):
    opens = timezone.now() + dt.timedelta(days=3)
    program = ProgramFactory(registration_opens=opens.replace(hour=1, minute=30, second=0, microsecond=0))
    response = client.get(register_url(program))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Registration opens on" in html
    assert "9:30" in html and "Asia/Shanghai" in html  # 01:30 UTC is 09:30 in Beijing
    assert 'name="given_name"' not in html


def test_closed_registration_refuses_a_post(client):
    program = ProgramFactory(registration_closes=timezone.now() - dt.timedelta(hours=1))
    response = client.post(register_url(program), valid_post())
    assert response.status_code == 400
    assert "Registration closed on" in response.content.decode()
    assert Registration.objects.count() == 0


def test_register_confirmed_lands_on_the_participants_own_page(client):
    program = ProgramFactory(capacity_online=10)
    question = QuestionFactory(program=program, kind=Question.Kind.YES_NO, required=True)
    response = client.post(register_url(program), valid_post(**{f"question_{question.pk}": "yes"}))
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.email == "aigerim.n@example.org"
    assert Answer.objects.get(registration=registration).value == "yes"
    # 303 to the token page; the redirect carries the token, so it is as private as the page.
    assert response.status_code == 303
    assert response["Location"] == registration.get_absolute_url()
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response.headers["Cache-Control"]

    page = client.get(response["Location"])
    html = page.content.decode()
    assert "Thank you for registering." in html
    assert "Your online place is confirmed." in html
    assert page.headers["Referrer-Policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_reloading_after_registering_does_not_register_again(client):
    program = ProgramFactory(capacity_online=10)
    response = client.post(register_url(program), valid_post())
    assert response.status_code == 303

    # A reload repeats the GET the browser was sent to, not the POST.
    first = client.get(response["Location"]).content.decode()
    reloaded = client.get(response["Location"]).content.decode()

    assert Registration.objects.count() == 1
    assert registration_events(Registration.objects.get()) == ["registered"]
    # The thank-you is said once; the page itself stays.
    assert "Thank you for registering." in first
    assert "Thank you for registering." not in reloaded
    assert "Your online place is confirmed." in reloaded


def registration_events(registration):
    return list(registration.events.values_list("action", flat=True))


def test_an_organisers_help_text_is_shown_as_text_not_markup(client):
    program = ProgramFactory()
    QuestionFactory(program=program, help_text='<script>alert("x")</script><b>bold</b>')

    html = client.get(register_url(program)).content.decode()

    assert "<script>alert" not in html and "<b>bold</b>" not in html
    assert "&lt;script&gt;alert" in html


def test_register_keeps_the_time_zone_the_browser_reported(client):
    program = ProgramFactory(capacity_online=10)
    client.post(register_url(program), valid_post(time_zone="America/Sao_Paulo"))
    assert Registration.objects.get().time_zone == "America/Sao_Paulo"


def test_register_waitlisted_with_position(client):
    program = ProgramFactory(capacity_online=1)
    RegistrationFactory(program=program)
    RegistrationFactory(program=program, status=Registration.Status.WAITLISTED, waitlisted_at=timezone.now())
    response = client.post(register_url(program), valid_post(), follow=True)
    assert Registration.objects.get(email="aigerim.n@example.org").status == Registration.Status.WAITLISTED
    assert "you are number 2 on the waiting list" in response.content.decode()


def test_register_awaiting_approval(client):
    program = ProgramFactory(requires_approval=True)
    response = client.post(register_url(program), valid_post(), follow=True)
    assert Registration.objects.get().status == Registration.Status.AWAITING_APPROVAL
    assert "Awaiting approval" in response.content.decode()


def test_duplicate_registration_says_check_your_email_and_mails_the_link(client):
    program = ProgramFactory()
    existing = RegistrationFactory(program=program, email="aigerim.n@example.org", given_name="Existing-Person")
    response = client.post(register_url(program), valid_post(email="AIGERIM.N@example.org"))
    assert response.status_code == 303
    assert response["Location"] == reverse("registrations:register_received", args=[program.slug])

    html = client.get(response["Location"]).content.decode()
    assert "Please check your e-mail" in html
    assert "already registered" not in html
    assert existing.token not in html and "Existing-Person" not in html
    assert Registration.objects.filter(program=program).count() == 1
    # The owner of the address gets the link to their registration.
    run_tasks()
    [message] = [m for m in mail.outbox if m.to == ["aigerim.n@example.org"]]
    assert existing.token in message.body


def test_duplicate_answer_is_the_same_as_for_an_address_nobody_registered(client):
    """Known or unknown, the answer that is not a new registration is one and the same."""
    program = ProgramFactory()
    RegistrationFactory(program=program, email="known@example.org")

    known = client.post(register_url(program), valid_post(email="known@example.org"))
    # Caught by the honeypot: an address nobody registered, and nothing is saved.
    unknown = client.post(register_url(program), valid_post(email="nobody@example.org",
                                                            website="http://buy-things.example"))

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"]) == (
        303, reverse("registrations:register_received", args=[program.slug]))
    assert known.content == unknown.content
    assert Registration.objects.filter(email="nobody@example.org").count() == 0
    page = client.get(known["Location"])
    assert page.status_code == 200 and "Please check your e-mail" in page.content.decode()


def test_honeypot_pretends_success_and_saves_nothing(client):
    program = ProgramFactory()
    response = client.post(register_url(program), valid_post(website="http://buy-things.example"), follow=True)
    assert response.redirect_chain == [(reverse("registrations:register_received", args=[program.slug]), 303)]
    assert "Please check your e-mail" in response.content.decode()
    assert Registration.objects.count() == 0


def test_invalid_input_keeps_what_was_typed(client):
    program = ProgramFactory()
    response = client.post(register_url(program), valid_post(email="nope", organization="Tashkent <Institute>"))
    html = response.content.decode()
    assert response.status_code == 400
    assert 'value="Tashkent &lt;Institute&gt;"' in html
    assert Registration.objects.count() == 0


def test_empty_post_names_the_missing_fields(client):
    response = client.post(register_url(ProgramFactory()), {})
    assert response.status_code == 400
    assert response.content.decode().count("This field is required.") >= 6


def test_rate_limit_third_post_is_refused(client, settings):
    settings.REGISTRATION_RATE_LIMIT = "2/h"
    program = ProgramFactory()
    for n in range(2):
        response = client.post(register_url(program), valid_post(email=f"person{n}@example.org"))
        assert response.status_code == 303
    response = client.post(register_url(program), valid_post(email="third@example.org", given_name="Third"))
    assert response.status_code == 429
    # The clock hour is the window, so the wait is at most an hour and never zero.
    assert 1 <= int(response["Retry-After"]) <= 3600
    html = response.content.decode()
    assert "Please send the form again in" in html
    assert 'value="Third"' in html
    assert Registration.objects.count() == 2


RATE_LIMIT_MESSAGE = (
    "Too many registrations have been sent from your connection or for this e-mail address. "
    "Please send the form again in %(wait)s, after %(time)s; what you entered is kept below."
)


def test_rate_limit_message_in_chinese(client, settings):
    settings.REGISTRATION_RATE_LIMIT = "1/h"
    program = ProgramFactory()
    client.post(register_url(program, "zh-hans"), valid_post(email="one@example.org"))
    response = client.post(register_url(program, "zh-hans"), valid_post(email="two@example.org"))
    assert response.status_code == 429
    with translation.override("zh-hans"):
        expected = translation.gettext(RATE_LIMIT_MESSAGE).split("%(wait)s")[0]
    assert expected != RATE_LIMIT_MESSAGE.split("%(wait)s")[0]
    assert expected in response.content.decode()


# --- the participant's own page -------------------------------------------------------------


def participant_html(client, registration):
    response = client.get(registration.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def test_join_link_only_for_confirmed_online_participants(client):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5)
    OnlineMeetingFactory(program=program, join_url="https://meet.example.org/room-42")
    confirmed_online = RegistrationFactory(program=program)
    assert "https://meet.example.org/room-42" in participant_html(client, confirmed_online)

    for registration in [
        RegistrationFactory(program=program, status=Registration.Status.WAITLISTED, waitlisted_at=timezone.now()),
        RegistrationFactory(program=program, status=Registration.Status.CANCELLED),
        RegistrationFactory(program=program, status=Registration.Status.AWAITING_APPROVAL),
        RegistrationFactory(program=program, mode=Registration.Mode.ONSITE),
    ]:
        assert "room-42" not in participant_html(client, registration), registration.status


def test_pending_personal_link_is_announced(client):
    from tests.factories.meetings import ZoomMeetingFactory

    program = ProgramFactory()
    ZoomMeetingFactory(program=program)
    registration = RegistrationFactory(program=program, join_link_state=Registration.JoinLinkState.PENDING)
    assert "it will follow by e-mail" in participant_html(client, registration)


def test_participant_page_shows_status_agenda_in_program_time_and_headers(client):
    program = ProgramFactory()
    start = program.starts.replace(hour=1, minute=0)  # 09:00 in Beijing
    SessionFactory(program=program, title="Opening of the program", starts=start, ends=start + dt.timedelta(hours=1))
    registration = RegistrationFactory(program=program, status=Registration.Status.WAITLISTED,
                                       waitlisted_at=timezone.now())
    response = client.get(registration.get_absolute_url())
    html = response.content.decode()
    assert "you are number 1 on the waiting list" in html
    assert "Opening of the program" in html
    assert ">09:00–09:45</time>" in html or ">09:00–10:00</time>" in html and "data-local" in html
    # Waitlisted: no place yet, so nothing to put in a calendar (see calendar.holds_place).
    assert reverse("registrations:calendar", args=[registration.token]) not in html
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response.headers["Cache-Control"]
    assert '<meta name="robots" content="noindex, nofollow">' in html


def test_wrong_token_is_a_plain_404(client):
    registration = RegistrationFactory()
    wrong = registration.token[:-1] + ("A" if registration.token[-1] != "A" else "B")
    for url in (f"/en/r/{wrong}/", f"/en/r/{registration.token[:12]}/", "/en/r/x/", f"/en/r/{wrong}/calendar.ics",
                f"/en/r/{wrong}/cancel/", f"/en/r/{wrong}/edit/"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert registration.given_name not in response.content.decode()


def test_calendar_download(client):
    program = ProgramFactory(title="Climate Finance")
    registration = RegistrationFactory(program=program)
    response = client.get(reverse("registrations:calendar", args=[registration.token]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert f'filename="{program.slug}.ics"' in response["Content-Disposition"]
    body = response.content.decode()
    assert body.startswith("BEGIN:VCALENDAR") and "Climate Finance" in body
    assert "METHOD:PUBLISH" in body and "BEGIN:VALARM" in body


def test_calendar_download_after_cancelling_removes_the_events_and_without_a_place_is_404(client):
    registration = RegistrationFactory()
    calendar = reverse("registrations:calendar", args=[registration.token])
    added = client.get(calendar).content.decode()
    services.cancel_registration(registration)

    removed = client.get(calendar).content.decode()

    assert "METHOD:CANCEL" in removed and "STATUS:CANCELLED" in removed
    uid = next(line for line in added.splitlines() if line.startswith("UID:"))
    assert uid in removed
    assert "SEQUENCE:1" in removed and "SEQUENCE:0" in added
    never = RegistrationFactory(status=Registration.Status.WAITLISTED, waitlisted_at=timezone.now())
    assert client.get(reverse("registrations:calendar", args=[never.token])).status_code == 404


def test_participant_page_offers_google_and_outlook_beside_the_file(client):
    program = ProgramFactory(
        title="Climate Finance", starts=dt.datetime(2031, 5, 10, 1, 0, tzinfo=dt.UTC),
        ends=dt.datetime(2031, 5, 10, 9, 0, tzinfo=dt.UTC),
    )
    registration = RegistrationFactory(program=program)

    html = participant_html(client, registration)

    assert reverse("registrations:calendar", args=[registration.token]) in html
    assert ("https://calendar.google.com/calendar/render?action=TEMPLATE&amp;text=Climate%20Finance"
            "&amp;dates=20310510T010000Z%2F20310510T090000Z") in html
    assert "https://outlook.live.com/calendar/0/deeplink/compose?" in html
    assert "startdt=2031-05-10T01%3A00%3A00Z&amp;enddt=2031-05-10T09%3A00%3A00Z" in html
    assert "Add to Google Calendar" in html and "Add to Outlook" in html
    assert " style=" not in html.split("<body", 1)[1] and "<script>" not in html


def test_cancel_frees_the_seat_for_the_first_waitlisted(client):
    program = ProgramFactory(capacity_online=1)
    registration = RegistrationFactory(program=program)
    waiting = RegistrationFactory(program=program, status=Registration.Status.WAITLISTED, waitlisted_at=timezone.now())
    url = reverse("registrations:cancel", args=[registration.token])

    page = client.get(url)
    assert page.status_code == 200 and "Yes, cancel my registration" in page.content.decode()
    refused = client.post(url, {})
    assert refused.status_code == 400
    assert "Please tick the box to confirm that you want to cancel." in refused.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED

    response = client.post(url, {"confirm": "on"}, follow=True)
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert waiting.status == Registration.Status.CONFIRMED
    html = response.content.decode()
    assert "Your registration is cancelled." in html
    assert "This registration is cancelled." in html


def edit_post(registration, **overrides):
    """The edit form as the page shows it for ``registration``, with some fields changed."""
    data = {
        "given_name": registration.given_name, "family_name": registration.family_name,
        "country": registration.country.code, "organization": registration.organization,
        "position": registration.position, "sector": registration.sector, "gender": registration.gender,
        "language": registration.language, "time_zone": registration.time_zone, "mode": registration.mode,
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_edit_page_is_one_form_with_one_button(client):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5)
    registration = RegistrationFactory(program=program)
    html = client.get(reverse("registrations:edit", args=[registration.token])).content.decode()
    assert html.count("<form") == 1
    assert html.count('type="submit"') == 1
    assert 'name="mode"' in html and 'name="given_name"' in html
    assert 'name="action"' not in html


def test_one_submit_changes_mode_and_details_and_says_what_changed(client):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5)
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONLINE)
    url = reverse("registrations:edit", args=[registration.token])

    response = client.post(url, edit_post(registration, mode="onsite", given_name="Dilnoza", organization="Hydromet"))

    assert response.status_code == 303
    assert response["Location"] == registration.get_absolute_url()
    registration.refresh_from_db()
    assert (registration.mode, registration.given_name, registration.organization) == ("onsite", "Dilnoza", "Hydromet")
    assert registration.status == Registration.Status.CONFIRMED
    assert set(registration_events(registration)) == {"mode_changed", "details_changed"}
    html = client.get(response["Location"]).content.decode()
    assert "Attendance changed: Onsite instead of Online." in html
    assert "Your details are updated: Given name, Organisation." in html


def test_a_mode_chosen_with_an_invalid_detail_is_kept_and_nothing_is_saved(client):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5)
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONLINE, given_name="Aigerim")
    url = reverse("registrations:edit", args=[registration.token])

    response = client.post(url, edit_post(registration, mode="onsite", given_name="Dilnoza", country="XX"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing has been saved yet." in html
    assert 'value="Dilnoza"' in html
    assert re.search(r'<input type="radio" name="mode" value="onsite"[^>]*checked', html)
    registration.refresh_from_db()
    assert (registration.mode, registration.given_name) == ("online", "Aigerim")
    assert registration_events(registration) == []


def test_moving_to_a_full_mode_says_where_one_waits(client):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=1)
    RegistrationFactory(program=program, mode=Registration.Mode.ONSITE)
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONLINE)
    url = reverse("registrations:edit", args=[registration.token])

    response = client.post(url, edit_post(registration, mode="onsite"), follow=True)

    registration.refresh_from_db()
    assert registration.status == Registration.Status.WAITLISTED
    html = response.content.decode()
    assert "Attendance changed: Onsite instead of Online." in html
    assert "you are number 1 on its waiting list" in html


def test_refused_mode_change_saves_no_detail_either(client, monkeypatch):
    from trainingcenter.registrations import services

    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5)
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONLINE, given_name="Aigerim")
    url = reverse("registrations:edit", args=[registration.token])

    def refuse(*args, **kwargs):
        raise services.RegistrationError("mode_not_offered", "This program cannot be attended that way.",
                                         field="mode")

    monkeypatch.setattr(services.edits, "change_mode", refuse)
    response = client.post(url, edit_post(registration, mode="onsite", given_name="Dilnoza"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "This program cannot be attended that way." in html and 'value="Dilnoza"' in html
    registration.refresh_from_db()
    assert (registration.mode, registration.given_name) == ("online", "Aigerim")


def test_saving_without_changes_says_so_and_records_nothing(client):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5)
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONLINE)
    url = reverse("registrations:edit", args=[registration.token])

    response = client.post(url, edit_post(registration), follow=True)

    assert "Nothing has changed" in response.content.decode()
    assert "is updated" not in response.content.decode()
    assert registration_events(registration) == []


def test_details_saved_unchanged_say_so_and_a_new_browser_zone_is_kept(client):
    registration = RegistrationFactory(time_zone="Asia/Almaty", language="en", gender="", position="")
    url = reverse("registrations:edit", args=[registration.token])

    unchanged = client.post(url, edit_post(registration), follow=True).content.decode()
    client.post(url, edit_post(registration, time_zone="Europe/Istanbul"))

    assert "Nothing has changed" in unchanged
    registration.refresh_from_db()
    assert registration.time_zone == "Europe/Istanbul"


def test_mode_cannot_be_changed_in_a_single_mode_program(client):
    registration = RegistrationFactory()
    url = reverse("registrations:edit", args=[registration.token])
    assert 'name="mode"' not in client.get(url).content.decode()

    response = client.post(url, edit_post(registration, mode="onsite", organization="Hydromet"))

    assert response.status_code == 303
    registration.refresh_from_db()
    assert (registration.mode, registration.organization) == (Registration.Mode.ONLINE, "Hydromet")


def test_a_cancelled_registration_cannot_be_edited(client):
    registration = RegistrationFactory(status=Registration.Status.CANCELLED, given_name="Aigerim")
    url = reverse("registrations:edit", args=[registration.token])
    response = client.post(url, edit_post(registration, given_name="Dilnoza"))
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.given_name == "Aigerim"


# --- the program page's registration box ----------------------------------------------------


def render_box(program):
    return Template("{% load registration_tags %}{% registration_box program %}").render(Context({"program": program}))


def test_box_shows_places_left_and_register_button():
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_online=10, capacity_onsite=2)
    RegistrationFactory(program=program)
    RegistrationFactory(program=program, mode=Registration.Mode.ONSITE)
    RegistrationFactory(program=program, mode=Registration.Mode.ONSITE)
    html = render_box(program)
    assert "9 places left" in html
    assert "full — you can join the waiting list" in html
    assert reverse("registrations:register", args=[program.slug]) in html


def test_box_before_opening_has_no_button():
    program = ProgramFactory(registration_opens=timezone.now() + dt.timedelta(days=2))
    html = render_box(program)
    assert "Registration opens on" in html
    assert reverse("registrations:register", args=[program.slug]) not in html


@pytest.mark.parametrize(("language", "opens_text", "open_text"), [
    ("zh-hans", "报名将于", "报名开放至"),
    ("ru", "Регистрация откроется", "Регистрация открыта до"),
])
def test_box_states_the_window_in_the_page_language(language, opens_text, open_text):
    not_yet = ProgramFactory(registration_opens=timezone.now() + dt.timedelta(days=2))
    open_now = ProgramFactory()
    with translation.override(language):
        assert opens_text in render_box(not_yet)
        assert open_text in render_box(open_now)


@pytest.mark.parametrize("count", [1, 6])
def test_box_query_count_does_not_grow(django_assert_num_queries, count):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_online=10, capacity_onsite=10)
    RegistrationFactory.create_batch(count, program=program)
    RegistrationFactory.create_batch(count, program=program, mode=Registration.Mode.ONSITE)
    with django_assert_num_queries(1):
        render_box(program)


def test_token_pages_keep_the_token_from_other_sites(client):
    registration = RegistrationFactory()
    participant = client.get(registration.get_absolute_url())
    assert participant.headers["Referrer-Policy"] == "no-referrer"
    assert participant.headers["X-Robots-Tag"] == "noindex, nofollow"
    # Pages with a form must send an Origin with the POST (CSRF), so they allow same-origin referrers only.
    for name in ("cancel", "edit"):
        response = client.get(reverse(f"registrations:{name}", args=[registration.token]))
        assert response.headers["Referrer-Policy"] == "same-origin"
        assert '<meta name="robots" content="noindex, nofollow">' in response.content.decode()


def test_registration_form_itself_is_indexable(client):
    response = client.get(register_url(ProgramFactory()))
    assert "noindex" not in response.content.decode()
    assert "X-Robots-Tag" not in response.headers


# --- the minimum form-fill time --------------------------------------------------------------


def shown_at_of(html):
    return re.search(r'name="shown_at" value="([^"]+)"', html).group(1)


def test_a_form_sent_back_too_fast_is_shown_again_gently_with_everything_kept(client, settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    program = ProgramFactory()
    token = shown_at_of(client.get(register_url(program)).content.decode())

    response = client.post(register_url(program), valid_post(shown_at=token, given_name="Quick"))

    assert response.status_code == 400
    html = response.content.decode()
    assert "That was quicker than we expected." in html
    assert 'value="Quick"' in html and 'value="Aigerim.N@example.org"' in html
    # The same token again, so that sending again a moment later passes.
    assert shown_at_of(html) == token
    assert Registration.objects.count() == 0


def test_a_form_filled_in_at_a_human_pace_registers(client, settings):
    settings.FORM_MIN_FILL_SECONDS = 3
    program = ProgramFactory()
    token = formtiming.issue("registration", clock=lambda: time.time() - 20)

    response = client.post(register_url(program), valid_post(shown_at=token))

    assert response.status_code == 303
    assert Registration.objects.count() == 1


@pytest.mark.parametrize("token", [None, "forged:token", formtiming.issue("lost-link", clock=lambda: 0)])
def test_a_missing_or_foreign_fill_time_gets_a_fresh_one(client, settings, token):
    settings.FORM_MIN_FILL_SECONDS = 3
    program = ProgramFactory()

    response = client.post(register_url(program), valid_post(shown_at=token))

    assert response.status_code == 400
    html = response.content.decode()
    assert "Please check what you entered below and send the form again." in html
    assert formtiming.check(shown_at_of(html), "registration", min_seconds=0)
    assert Registration.objects.count() == 0


# --- the public API does not tell who is registered -------------------------------------------


def api_register(client, program, email, **extra):
    body = {"given_name": "Aigerim", "family_name": "Bekova", "email": email, "country": "KZ",
            "organization": "Kazakh Energy Institute", "sector": "academia", "consent": True, "mode": "online"}
    return client.post(f"/api/programs/{program.slug}/registrations", json.dumps(body),
                       content_type="application/json", **extra)


@pytest.mark.parametrize("capacity", [None, 1])
def test_api_answers_a_known_address_as_it_answers_an_unknown_one(client, capacity):
    program = ProgramFactory(capacity_online=capacity)
    RegistrationFactory(program=program, email="known@example.org")
    if capacity:
        RegistrationFactory(program=program, status=Registration.Status.WAITLISTED, waitlisted_at=timezone.now())

    known = api_register(client, program, "known@example.org")
    unknown = api_register(client, program, "nobody@example.org")

    assert known.status_code == unknown.status_code == 201
    assert known.json() == unknown.json()
    assert known.json()["status"] == ("waitlisted" if capacity else "confirmed")
    assert "already" not in known.content.decode()
    assert Registration.objects.filter(program=program, email="known@example.org").count() == 1
    run_tasks()
    assert any(m.to == ["known@example.org"] and "link to your registration" in m.subject.lower()
               for m in mail.outbox)


def test_api_with_a_staff_token_still_hears_of_the_duplicate(client, centre_admin):
    from trainingcenter.center.services import create_api_token

    program = ProgramFactory()
    RegistrationFactory(program=program, email="known@example.org")
    token = create_api_token(centre_admin, name="test")

    response = api_register(client, program, "known@example.org", headers={"Authorization": f"Bearer {token}"})

    assert response.status_code == 409
    assert response.json()["error"]["code"] == "duplicate"
