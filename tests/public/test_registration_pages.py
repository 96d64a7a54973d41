"""The public registration pages as a participant uses them, through the Django test client."""
import datetime as dt

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories import ProgramFactory, QuestionFactory, RegistrationFactory, SessionFactory
from tests.factories.meetings import OnlineMeetingFactory
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Answer, Question, Registration

from .registration_post import valid_post

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache_and_english():
    """Rate-limit counters and the thread's active language must not leak in from other tests."""
    cache.clear()
    with translation.override("en"):
        yield
    cache.clear()


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


def test_register_confirmed(client):
    program = ProgramFactory(capacity_online=10)
    question = QuestionFactory(program=program, kind=Question.Kind.YES_NO, required=True)
    response = client.post(register_url(program), valid_post(**{f"question_{question.pk}": "yes"}))
    assert response.status_code == 200
    registration = Registration.objects.get()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.email == "aigerim.n@example.org"
    assert Answer.objects.get(registration=registration).value == "yes"
    html = response.content.decode()
    assert "Your online place is confirmed." in html
    assert registration.get_absolute_url() in html
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert '<meta name="robots" content="noindex, nofollow">' in html


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
    response = client.post(register_url(program), valid_post())
    assert Registration.objects.get(email="aigerim.n@example.org").status == Registration.Status.WAITLISTED
    assert "you are number 2 on the waiting list" in response.content.decode()


def test_register_awaiting_approval(client):
    program = ProgramFactory(requires_approval=True)
    response = client.post(register_url(program), valid_post())
    assert Registration.objects.get().status == Registration.Status.AWAITING_APPROVAL
    assert "Awaiting approval" in response.content.decode()


def test_duplicate_registration_gives_a_clear_message_and_no_second_row(client):
    program = ProgramFactory()
    existing = RegistrationFactory(program=program, email="aigerim.n@example.org", given_name="Existing-Person")
    response = client.post(register_url(program), valid_post(email="AIGERIM.N@example.org"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "You are already registered" in html
    assert "we have e-mailed the link to your registration again" in html
    assert existing.token not in html and "Existing-Person" not in html
    assert Registration.objects.filter(program=program).count() == 1


def test_honeypot_pretends_success_and_saves_nothing(client):
    program = ProgramFactory()
    response = client.post(register_url(program), valid_post(website="http://buy-things.example"))
    assert response.status_code == 200
    assert "We have received your registration" in response.content.decode()
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
        assert response.status_code == 200
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
    assert reverse("registrations:calendar", args=[registration.token]) in html
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


def test_change_mode_and_details(client):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5)
    registration = RegistrationFactory(program=program)
    url = reverse("registrations:edit", args=[registration.token])
    assert client.get(url).status_code == 200

    response = client.post(url, {"action": "mode", "mode": "onsite"})
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.mode == Registration.Mode.ONSITE

    details = {"action": "details", "given_name": "Dilnoza", "family_name": "Karimova", "country": "UZ",
               "organization": "Hydromet", "position": "", "sector": "government", "gender": "", "language": "ru"}
    assert client.post(url, details).status_code == 302
    registration.refresh_from_db()
    assert (registration.given_name, registration.country.code, registration.language) == ("Dilnoza", "UZ", "ru")

    response = client.post(url, {**details, "country": "XX"})
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.country.code == "UZ"


def test_saving_without_changes_says_so_and_records_nothing(client):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5)
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONLINE)
    url = reverse("registrations:edit", args=[registration.token])
    events = registration.events.count()

    response = client.post(url, {"action": "mode", "mode": "online"}, follow=True)

    assert "Nothing has changed" in response.content.decode()
    assert "is updated" not in response.content.decode()
    assert registration.events.count() == events


def test_details_saved_unchanged_say_so_and_a_new_browser_zone_is_kept(client):
    registration = RegistrationFactory(time_zone="Asia/Almaty", language="en", gender="", position="")
    url = reverse("registrations:edit", args=[registration.token])
    same = {
        "action": "details", "given_name": registration.given_name, "family_name": registration.family_name,
        "country": registration.country.code, "organization": registration.organization, "position": "",
        "sector": registration.sector, "gender": "", "language": "en", "time_zone": "Asia/Almaty",
    }

    unchanged = client.post(url, same, follow=True).content.decode()
    client.post(url, {**same, "time_zone": "Europe/Istanbul"})

    assert "Nothing has changed" in unchanged
    registration.refresh_from_db()
    assert registration.time_zone == "Europe/Istanbul"


def test_mode_cannot_be_changed_in_a_single_mode_program(client):
    registration = RegistrationFactory()
    url = reverse("registrations:edit", args=[registration.token])
    response = client.post(url, {"action": "mode", "mode": "onsite"})
    assert response.status_code == 400
    registration.refresh_from_db()
    assert registration.mode == Registration.Mode.ONLINE


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
