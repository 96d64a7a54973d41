"""Personal join links: Zoom registrants made in the background, static links shown at display time."""
import datetime as dt

import pytest
from django.core import mail
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from tests.factories import OnlineMeetingFactory, RegistrationFactory, ZoomMeetingFactory
from trainingcenter.meetings import zoom
from trainingcenter.registrations import join_link_rules, services
from trainingcenter.registrations.models import Registration, RegistrationEvent
from trainingcenter.registrations.services import join_links
from trainingcenter.registrations.services.zoom_registrants import MAX_ATTEMPTS

pytestmark = pytest.mark.django_db

State = Registration.JoinLinkState


def zoom_registration(**kwargs):
    meeting = ZoomMeetingFactory()
    return RegistrationFactory(program=meeting.program, **kwargs)


def digits(zoom_id):
    return "".join(ch for ch in zoom_id if ch.isdigit())


def history(registration):
    return list(registration.events.values_list("action", flat=True))


def release(registration, **changes):
    """What the registration services do when a participant stops being confirmed online."""
    with transaction.atomic():
        for name, value in changes.items():
            setattr(registration, name, value)
        registration.save()
        join_links.on_released(registration)


def test_confirmed_online_participant_gets_a_personal_zoom_link(fake_zoom, tasks, confirm):
    registration = confirm(zoom_registration(email="amina@example.org", language="zh-hans"))
    assert registration.join_link_state == State.PENDING
    assert join_link_rules.join_url_for(registration) == ""
    assert join_link_rules.join_link_pending(registration)

    tasks.run_due()

    registration.refresh_from_db()
    zoom_id = digits(registration.program.online_meeting.zoom_id)
    stored = fake_zoom.registrants("meetings", zoom_id)["amina@example.org"]
    assert registration.join_link_state == State.READY
    assert registration.join_url == stored["join_url"]
    assert registration.zoom_registrant_id == stored["registrant_id"]
    assert join_link_rules.join_url_for(registration) == stored["join_url"]
    assert not join_link_rules.join_link_pending(registration)
    assert history(registration) == [RegistrationEvent.Action.JOIN_LINK_READY]
    # Zoom's language field and its meeting id without the spaces organisers type.
    assert fake_zoom.requests_to("POST", f"/meetings/{zoom_id}/registrants")[0].body["language"] == "zh-CN"

    [message] = [m for m in mail.outbox if m.to == ["amina@example.org"]]
    assert stored["join_url"] in message.body
    assert registration.program.title in message.subject


def test_link_email_is_in_the_participants_language(fake_zoom, tasks, confirm):
    confirm(zoom_registration(email="ivan@example.org", language="ru"))
    tasks.run_due()

    [message] = mail.outbox
    title = Registration.objects.get(email="ivan@example.org").program.title
    with translation.override("ru"):
        expected = gettext("Your join link: %(title)s") % {"title": title}
    assert not message.subject.startswith("Your join link")
    assert message.subject == expected
    assert 'lang="ru"' in message.alternatives[0][0]


def test_a_registration_with_a_link_is_never_registered_again(fake_zoom, tasks, confirm):
    registration = confirm(zoom_registration())
    tasks.run_due()
    registration.refresh_from_db()

    # A second confirmation (e.g. staff re-saving) and a stray task do nothing.
    confirm(registration)
    from trainingcenter.registrations.tasks import add_zoom_registrant

    add_zoom_registrant.enqueue(registration.pk)
    tasks.run_due()

    assert len(fake_zoom.requests_to("POST", "/registrants")) == 1


def test_rate_limit_requeues_the_task_after_retry_after_and_then_succeeds(fake_zoom, tasks, confirm):
    registration = confirm(zoom_registration())
    # No token is cached yet, so both 429s answer the OAuth call.
    fake_zoom.rate_limit_next(2, retry_after=120)
    before = timezone.now()

    tasks.run_due()

    [retry] = tasks.delayed("add_zoom_registrant")
    assert retry.run_after >= before + dt.timedelta(seconds=120)
    assert retry.args_kwargs["kwargs"] == {"attempt": 2}
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.join_link_state == State.PENDING

    tasks.bring_forward()
    tasks.run_due()
    tasks.bring_forward()
    tasks.run_due()

    registration.refresh_from_db()
    assert registration.join_link_state == State.READY
    assert registration.join_url


def test_zoom_server_errors_keep_the_participant_confirmed_and_pending_until_zoom_is_back(
    fake_zoom, tasks, confirm
):
    registration = confirm(zoom_registration())
    fake_zoom.down()

    for _ in range(3):
        tasks.run_due()
        tasks.bring_forward()

    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.join_link_state == State.PENDING
    assert join_link_rules.join_link_pending(registration)
    assert len(tasks.delayed("add_zoom_registrant")) == 1

    fake_zoom.up()
    tasks.run_due()

    registration.refresh_from_db()
    assert registration.join_link_state == State.READY
    assert join_link_rules.join_url_for(registration) == registration.join_url != ""


def test_retries_end_in_failure_after_the_last_attempt(fake_zoom, tasks, confirm):
    registration = confirm(zoom_registration())
    fake_zoom.fail_next(MAX_ATTEMPTS + 5, status=502)

    for _ in range(MAX_ATTEMPTS + 2):
        tasks.run_due()
        tasks.bring_forward()

    registration.refresh_from_db()
    assert registration.join_link_state == State.FAILED
    assert registration.status == Registration.Status.CONFIRMED
    assert tasks.queued("add_zoom_registrant") == []
    assert history(registration) == [RegistrationEvent.Action.JOIN_LINK_FAILED]
    assert len(fake_zoom.requests) == MAX_ATTEMPTS


def test_permanent_refusal_fails_at_once_with_history_for_staff(fake_zoom, tasks, confirm):
    fake_zoom.refuse("host@example.org", code=3027)
    registration = confirm(zoom_registration(email="host@example.org"))

    tasks.run_due()

    registration.refresh_from_db()
    assert registration.join_link_state == State.FAILED
    event = registration.events.get()
    assert event.action == RegistrationEvent.Action.JOIN_LINK_FAILED
    assert "3027" in event.note
    assert tasks.queued() == []
    assert join_link_rules.join_url_for(registration) == ""
    assert mail.outbox == []


def test_failed_link_can_be_retried_by_staff(fake_zoom, tasks, confirm):
    fake_zoom.refuse("host@example.org")
    registration = confirm(zoom_registration(email="host@example.org"))
    tasks.run_due()
    fake_zoom.state.refused.clear()

    registration.refresh_from_db()
    with transaction.atomic():
        assert join_links.retry_join_link(registration)
    tasks.run_due()

    registration.refresh_from_db()
    assert registration.join_link_state == State.READY


def test_without_zoom_credentials_the_link_fails_with_a_clear_note(tasks, confirm, settings):
    settings.ZOOM_ACCOUNT_ID = ""
    registration = confirm(zoom_registration())

    assert registration.join_link_state == State.FAILED
    assert "Zoom is not configured" in registration.events.get().note
    assert tasks.queued() == []


def test_cancelling_removes_the_zoom_registrant_and_hides_the_link(fake_zoom, tasks, confirm):
    registration = confirm(zoom_registration(email="leaving@example.org"))
    tasks.run_due()
    registration.refresh_from_db()
    registrant_id = registration.zoom_registrant_id

    release(registration, status=Registration.Status.CANCELLED)

    registration.refresh_from_db()
    assert registration.join_url == "" and registration.zoom_registrant_id == ""
    assert registration.join_link_state == State.NONE
    assert join_link_rules.join_url_for(registration) == ""

    tasks.run_due()

    zoom_id = digits(registration.program.online_meeting.zoom_id)
    [put] = fake_zoom.requests_to("PUT", f"/meetings/{zoom_id}/registrants/status")
    assert put.body == {"action": "cancel", "registrants": [{"id": registrant_id, "email": "leaving@example.org"}]}
    assert fake_zoom.registrants("meetings", zoom_id) == {}


def test_cancel_is_retried_while_zoom_is_down(fake_zoom, tasks, confirm):
    registration = confirm(zoom_registration())
    tasks.run_due()
    registration.refresh_from_db()
    release(registration, mode=Registration.Mode.ONSITE)
    fake_zoom.down()

    tasks.run_due()
    assert len(tasks.delayed("remove_zoom_registrant")) == 1

    fake_zoom.up()
    tasks.bring_forward()
    tasks.run_due()
    assert len(fake_zoom.cancelled) == 1


def test_released_before_the_task_runs_means_no_zoom_call(fake_zoom, tasks, confirm):
    registration = confirm(zoom_registration())
    release(registration, status=Registration.Status.WAITLISTED)

    tasks.run_due()

    assert fake_zoom.requests == []
    registration.refresh_from_db()
    assert registration.join_link_state == State.NONE


def test_zoom_answering_after_the_registration_was_released_takes_the_registrant_back_out(
    fake_zoom, tasks, confirm, monkeypatch
):
    """The participant cancels while the request to Zoom is under way: the late link is never stored or shown."""
    registration = confirm(zoom_registration(email="late@example.org"))
    real_add = zoom.ZoomClient.add_registrant

    def add_then_cancel_meanwhile(self, *args, **kwargs):
        answer = real_add(self, *args, **kwargs)
        services.cancel_registration(Registration.objects.get(pk=registration.pk))
        return answer

    monkeypatch.setattr(zoom.ZoomClient, "add_registrant", add_then_cancel_meanwhile)
    tasks.run_due()

    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
    assert (registration.join_url, registration.zoom_registrant_id) == ("", "")
    assert join_link_rules.join_url_for(registration) == ""
    # The registrant Zoom created while we waited is cancelled again, so its link stops working.
    assert len(fake_zoom.cancelled) == 1
    assert all("late@example.org" not in meeting for meeting in fake_zoom.state.registrants.values())
    assert RegistrationEvent.Action.JOIN_LINK_READY not in history(registration)


@pytest.mark.parametrize(
    "changes",
    [
        {"status": Registration.Status.WAITLISTED},
        {"status": Registration.Status.AWAITING_APPROVAL},
        {"mode": Registration.Mode.ONSITE},
    ],
)
def test_waitlisted_or_onsite_never_reach_zoom_and_see_no_link(fake_zoom, tasks, confirm, changes):
    registration = confirm(zoom_registration(**changes))

    tasks.run_due()

    assert fake_zoom.requests == []
    assert registration.join_link_state == State.NONE
    assert join_link_rules.join_url_for(registration) == ""
    assert not join_link_rules.join_link_pending(registration)


def test_rolled_back_confirmation_queues_no_zoom_task(fake_zoom, tasks):
    registration = zoom_registration()

    with pytest.raises(RuntimeError), transaction.atomic():
        join_links.on_confirmed(registration)
        raise RuntimeError("the registration failed after all")

    tasks.run_due()
    assert fake_zoom.requests == []


class TestStaticProvider:
    URL = "https://meet.example.org/room-42"

    def registration(self, **kwargs):
        meeting = OnlineMeetingFactory(join_url=self.URL)
        return RegistrationFactory(program=meeting.program, **kwargs)

    def test_confirmed_online_participant_sees_the_static_link(self, tasks, confirm):
        registration = confirm(self.registration())

        assert join_link_rules.join_url_for(registration) == self.URL
        assert registration.join_url == ""  # read from the meeting, not copied
        assert registration.join_link_state == State.NONE
        assert tasks.queued() == []

    @pytest.mark.parametrize(
        "changes",
        [
            {"status": Registration.Status.WAITLISTED},
            {"status": Registration.Status.CANCELLED},
            {"status": Registration.Status.REJECTED},
            {"status": Registration.Status.AWAITING_APPROVAL},
            {"mode": Registration.Mode.ONSITE},
        ],
    )
    def test_nobody_else_sees_it(self, changes):
        assert join_link_rules.join_url_for(self.registration(**changes)) == ""

    def test_a_corrected_link_reaches_everyone_at_once(self, confirm):
        registration = confirm(self.registration())
        meeting = registration.program.online_meeting
        meeting.join_url = "https://meet.example.org/new-room"
        meeting.save()

        registration = Registration.objects.get(pk=registration.pk)
        assert join_link_rules.join_url_for(registration) == "https://meet.example.org/new-room"


def test_program_without_online_meeting_gives_no_link(confirm):
    registration = confirm(RegistrationFactory())
    assert join_link_rules.join_url_for(registration) == ""
    assert registration.join_link_state == State.NONE


def test_through_the_registration_services_register_then_cancel(fake_zoom, tasks):
    """The real services call on_confirmed / on_released in their transactions."""
    from trainingcenter.registrations import services

    program = ZoomMeetingFactory().program
    registration = services.register(program, services.RegistrationData(
        given_name="Dilnoza", family_name="Karimova", email="dilnoza@example.org", country="UZ",
        organization="Tashkent Institute", sector="academia", mode="online", consent=True,
    ))
    assert registration.status == Registration.Status.CONFIRMED
    tasks.run_due()
    registration.refresh_from_db()
    assert registration.join_link_state == State.READY
    assert join_link_rules.join_url_for(registration).startswith("https://zoom.example/")

    services.cancel_registration(registration)
    tasks.run_due()

    registration.refresh_from_db()
    assert join_link_rules.join_url_for(registration) == ""
    assert registration.join_url == ""
    assert len(fake_zoom.cancelled) == 1
