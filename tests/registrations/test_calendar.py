"""Calendar files: events only with a place, cancellations and updates that calendars accept, alarms, web links."""
import datetime as dt
import zoneinfo
from urllib.parse import parse_qs, urlsplit

import icalendar
import pytest
from django.core import mail as django_mail

from tests.factories import ProgramFactory, RegistrationFactory, SessionFactory
from tests.worker import run_tasks
from trainingcenter.meetings.models import OnlineMeeting
from trainingcenter.programs.models import Program
from trainingcenter.registrations import emails, services
from trainingcenter.registrations.calendar import (
    google_calendar_url,
    outlook_calendar_url,
    program_days,
    web_calendar_links,
)
from trainingcenter.registrations.models import Registration
from trainingcenter.registrations.services import RegistrationData
from trainingcenter.registrations.services.calendars import participant_calendar_file

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")
Status = Registration.Status


def data(email="azamat@example.org", **overrides):
    values = {
        "given_name": "Azamat", "family_name": "Nurlanov", "email": email, "country": "KZ",
        "organization": "Astana Research Centre", "sector": "government", "consent": True,
    }
    values.update(overrides)
    return RegistrationData(**values)


@pytest.fixture
def program():
    """Two days in Beijing, online and onsite, one online seat."""
    program = ProgramFactory(
        title="Green Development Training", mode=Program.Mode.HYBRID, venue="BTBU, Beijing",
        starts=dt.datetime(2031, 5, 10, 9, 0, tzinfo=SHANGHAI), ends=dt.datetime(2031, 5, 11, 17, 0, tzinfo=SHANGHAI),
        registration_closes=dt.datetime(2031, 5, 1, tzinfo=SHANGHAI), capacity_online=1, capacity_onsite=10,
    )
    SessionFactory(program=program, title="Opening remarks", starts=dt.datetime(2031, 5, 10, 9, 0, tzinfo=SHANGHAI),
                   ends=dt.datetime(2031, 5, 10, 11, 30, tzinfo=SHANGHAI))
    SessionFactory(program=program, title="Case study", starts=dt.datetime(2031, 5, 11, 14, 0, tzinfo=SHANGHAI),
                   ends=dt.datetime(2031, 5, 11, 16, 0, tzinfo=SHANGHAI))
    OnlineMeeting.objects.create(program=program, join_url="https://meet.example.org/green-room")
    return program


def last_mail(registration):
    run_tasks()
    return [m for m in django_mail.outbox if m.to == [registration.email]][-1]


def calendar_of(message):
    """The parsed calendar file of a sent e-mail, or None when it has none."""
    files = [content for _name, content, mimetype in message.attachments if mimetype == "text/calendar"]
    return icalendar.Calendar.from_ical(files[0]) if files else None


def events(calendar):
    return calendar.walk("VEVENT")


def uids(calendar):
    return [str(event["uid"]) for event in events(calendar)]


def sequences(calendar):
    return {int(event["sequence"]) for event in events(calendar)}


def test_a_confirmed_place_gets_one_event_per_day_with_alarms(program):
    registration = services.register(program, data())
    calendar = calendar_of(last_mail(registration))

    assert calendar["method"] == "PUBLISH"
    first, second = events(calendar)
    assert sequences(calendar) == {0}
    assert str(first["status"]) == "CONFIRMED"
    assert first.decoded("dtstart") == dt.datetime(2031, 5, 10, 1, 0, tzinfo=dt.UTC)
    assert str(first["uid"]) == f"program-{program.pk}-registration-{registration.pk}-day-1@testserver"
    assert str(first["location"]) == "https://meet.example.org/green-room"  # online: where they go is the link
    # A day's notice and an hour's before the first day; an hour's before the next.
    assert [alarm.decoded("trigger") for alarm in first.walk("VALARM")] == [
        -dt.timedelta(days=1), -dt.timedelta(hours=1),
    ]
    assert [alarm.decoded("trigger") for alarm in second.walk("VALARM")] == [-dt.timedelta(hours=1)]
    assert all(str(alarm["action"]) == "DISPLAY" for alarm in first.walk("VALARM"))
    assert "mailto:training@localhost" in str(first["organizer"])


@pytest.mark.parametrize("lose_place", ["cancel", "reject"])
def test_cancelling_or_rejecting_sends_a_cancellation_of_the_same_events(program, staff_user, lose_place):
    registration = services.register(program, data())
    confirmation = calendar_of(last_mail(registration))

    if lose_place == "cancel":
        services.cancel_registration(registration)
    else:
        services.reject_registration(registration, actor=staff_user, reason="Full with speakers")
    cancellation = calendar_of(last_mail(registration))

    assert cancellation["method"] == "CANCEL"
    assert uids(cancellation) == uids(confirmation)
    assert min(sequences(cancellation)) > max(sequences(confirmation))
    assert {str(event["status"]) for event in events(cancellation)} == {"CANCELLED"}
    assert all(not event.walk("VALARM") for event in events(cancellation))
    assert "mailto:azamat@example.org" in str(events(cancellation)[0]["attendee"])


def test_a_mode_change_sends_an_update_with_a_higher_sequence(program):
    registration = services.register(program, data())
    before = calendar_of(last_mail(registration))

    services.change_mode(registration, "onsite")
    after = calendar_of(last_mail(registration))

    assert after["method"] == "PUBLISH"
    assert uids(after) == uids(before)
    assert min(sequences(after)) > max(sequences(before))
    assert str(events(after)[0]["location"]) == "BTBU, Beijing"


def test_a_task_that_renders_twice_gives_the_same_sequence_and_a_change_of_times_a_higher_one(program):
    registration = services.register(program, data())
    run_tasks()
    registration.refresh_from_db()

    def sequence_now():
        _subject, _text, _html, attachments = emails.render(registration, "reminder")
        return sequences(icalendar.Calendar.from_ical(attachments[0][1]))

    first = sequence_now()
    assert sequence_now() == first

    session = program.sessions.get(title="Opening remarks")
    session.starts += dt.timedelta(hours=1)
    session.save()
    moved = sequence_now()

    assert min(moved) > max(first)
    assert sequence_now() == moved


def test_waitlisted_and_awaiting_approval_get_no_event_until_they_have_a_place(program):
    services.register(program, data("first@example.org"))
    waiting = services.register(program, data("second@example.org"))
    assert waiting.status == Status.WAITLISTED
    assert calendar_of(last_mail(waiting)) is None

    pending = RegistrationFactory(program=program, mode="onsite", status=Status.AWAITING_APPROVAL)
    assert participant_calendar_file(pending) is None

    services.cancel_registration(Registration.objects.get(email="first@example.org"))
    promotion = calendar_of(last_mail(waiting))

    assert promotion["method"] == "PUBLISH"
    assert len(events(promotion)) == 2


def test_moved_to_the_waiting_list_cancels_and_promoted_again_updates(program, staff_user):
    registration = services.register(program, data())
    confirmation = calendar_of(last_mail(registration))

    services.move_to_waitlist(registration, actor=staff_user)
    cancellation = calendar_of(last_mail(registration))
    services.confirm_registration(registration, actor=staff_user)
    again = calendar_of(last_mail(registration))

    assert (cancellation["method"], again["method"]) == ("CANCEL", "PUBLISH")
    assert uids(confirmation) == uids(cancellation) == uids(again)
    assert max(sequences(confirmation)) < min(sequences(cancellation)) < min(sequences(again))


def test_someone_who_never_had_a_place_gets_no_cancellation(program):
    services.register(program, data("first@example.org"))
    waiting = services.register(program, data("second@example.org"))
    services.cancel_registration(waiting)

    assert calendar_of(last_mail(waiting)) is None


def test_uids_are_per_registration_and_days_without_sessions_use_program_hours():
    program = ProgramFactory(
        starts=dt.datetime(2031, 6, 1, 9, 0, tzinfo=SHANGHAI), ends=dt.datetime(2031, 6, 3, 17, 0, tzinfo=SHANGHAI),
        mode=Program.Mode.ONSITE, capacity_onsite=10, venue="BTBU, Beijing",
    )
    one, two = (RegistrationFactory(program=program, mode="onsite") for _ in range(2))

    first = icalendar.Calendar.from_ical(participant_calendar_file(one).ics)
    again = icalendar.Calendar.from_ical(participant_calendar_file(one).ics)
    other = icalendar.Calendar.from_ical(participant_calendar_file(two).ics)

    assert uids(first) == uids(again)
    assert not set(uids(first)) & set(uids(other))
    assert len(events(first)) == 3
    assert events(first)[2].decoded("dtstart") == dt.datetime(2031, 6, 3, 1, 0, tzinfo=dt.UTC)
    assert events(first)[2].decoded("dtend") == dt.datetime(2031, 6, 3, 9, 0, tzinfo=dt.UTC)
    assert str(events(first)[0]["location"]) == "BTBU, Beijing"


# --- links to web calendars ----------------------------------------------------------------


def query(url):
    parts = urlsplit(url)
    values = {key: value[0] for key, value in parse_qs(parts.query).items()}
    return f"{parts.scheme}://{parts.netloc}{parts.path}", values


def test_google_and_outlook_links_carry_the_title_and_utc_times():
    starts = dt.datetime(2031, 5, 10, 9, 0, tzinfo=SHANGHAI)
    ends = dt.datetime(2031, 5, 10, 11, 30, tzinfo=SHANGHAI)
    event = {"title": "Green & Clean: day 1", "starts": starts, "ends": ends, "details": "Agenda\nhttps://x.org/p",
             "location": "BTBU, Beijing"}

    google, google_query = query(google_calendar_url(**event))
    outlook, outlook_query = query(outlook_calendar_url(**event))

    assert google == "https://calendar.google.com/calendar/render"
    assert google_query == {
        "action": "TEMPLATE", "text": "Green & Clean: day 1", "dates": "20310510T010000Z/20310510T033000Z",
        "details": "Agenda\nhttps://x.org/p", "location": "BTBU, Beijing",
    }
    assert outlook == "https://outlook.live.com/calendar/0/deeplink/compose"
    assert outlook_query["subject"] == "Green & Clean: day 1"
    assert (outlook_query["startdt"], outlook_query["enddt"]) == ("2031-05-10T01:00:00Z", "2031-05-10T03:30:00Z")
    assert (outlook_query["body"], outlook_query["location"]) == ("Agenda\nhttps://x.org/p", "BTBU, Beijing")


def test_web_calendar_links_per_day_keep_the_participants_secrets_out(program):
    registration = RegistrationFactory(program=program, mode="online")

    links = web_calendar_links(registration, program_days(program))

    assert [link["number"] for link in links] == [1, 2]
    _google, second = query(links[1]["google"])
    assert second["text"] == "Green Development Training (day 2 of 2)"
    assert second["dates"] == "20310511T060000Z/20310511T080000Z"
    assert "14:00–16:00 (Asia/Shanghai) Case study" in second["details"]
    _outlook, outlook = query(links[0]["outlook"])
    assert (outlook["startdt"], outlook["enddt"]) == ("2031-05-10T01:00:00Z", "2031-05-10T03:30:00Z")
    for link in links:
        for url in (link["google"], link["outlook"]):
            assert registration.token not in url
            assert "meet.example.org" not in url
