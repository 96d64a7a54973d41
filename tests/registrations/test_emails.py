"""What the participant receives: language, parts, agenda, personal link, calendar file, reminders."""
import datetime as dt
import zoneinfo
from email import message_from_string

import icalendar
import pytest
from django.core import mail as django_mail
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from tests.factories import ProgramFactory, RegistrationFactory, SessionFactory
from tests.programs.admin_form_data import existing_program_data
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.meetings.models import OnlineMeeting
from trainingcenter.programs import services as program_services
from trainingcenter.registrations import emails, services, tasks
from trainingcenter.registrations.models import Registration, RegistrationEvent
from trainingcenter.registrations.services import RegistrationData, privacy
from trainingcenter.registrations.services.reminders import send_due_reminders

pytestmark = pytest.mark.django_db
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def data(**overrides):
    values = {
        "given_name": "Azamat", "family_name": "Nurlanov", "email": "azamat@example.org", "country": "KZ",
        "organization": "Astana Research Centre", "sector": "government", "consent": True,
    }
    values.update(overrides)
    return RegistrationData(**values)


@pytest.fixture
def two_day_program():
    program = ProgramFactory(
        title="Green Development Training", title_zh_hans="绿色发展培训",
        starts=dt.datetime(2031, 5, 10, 9, 0, tzinfo=SHANGHAI), ends=dt.datetime(2031, 5, 11, 17, 0, tzinfo=SHANGHAI),
        registration_closes=dt.datetime(2031, 5, 1, tzinfo=SHANGHAI), capacity_online=1,
    )
    SessionFactory(program=program, title="Opening remarks", starts=dt.datetime(2031, 5, 10, 9, 0, tzinfo=SHANGHAI),
                   ends=dt.datetime(2031, 5, 10, 9, 30, tzinfo=SHANGHAI))
    SessionFactory(program=program, title="Water and energy", starts=dt.datetime(2031, 5, 10, 10, 0, tzinfo=SHANGHAI),
                   ends=dt.datetime(2031, 5, 10, 11, 30, tzinfo=SHANGHAI))
    SessionFactory(program=program, title="Case study", starts=dt.datetime(2031, 5, 11, 14, 0, tzinfo=SHANGHAI),
                   ends=dt.datetime(2031, 5, 11, 16, 0, tzinfo=SHANGHAI))
    OnlineMeeting.objects.create(program=program, join_url="https://meet.example.org/green-room")
    return program


def sent_message(registration):
    """Deliver the queued mails and return the last one sent to this participant."""
    run_tasks()
    [message] = [m for m in django_mail.outbox if m.to == [registration.email]][-1:]
    return message


def email_tasks():
    return DBTaskResult.objects.filter(task_path="trainingcenter.registrations.tasks.send_registration_email")


def calendar_of(message):
    [(filename, content, mimetype)] = message.attachments
    assert (filename.endswith(".ics"), mimetype) == (True, "text/calendar")
    return icalendar.Calendar.from_ical(content)


def test_confirmation_has_text_html_agenda_link_and_calendar(two_day_program):
    registration = services.register(two_day_program, data())
    message = sent_message(registration)

    assert message.subject == "Registration confirmed: Green Development Training"
    [(html, html_type)] = message.alternatives
    assert html_type == "text/html"
    page = f"http://testserver/en/r/{registration.token}/"
    for body in (message.body, html):
        assert page in body
        assert "Your place is confirmed." in body
        assert "https://meet.example.org/green-room" in body  # confirmed online: may join
        # 09:00 in Beijing is 01:00 UTC.
        assert "09:00–09:30" in body and "01:00–01:30" in body
        assert "Asia/Shanghai" in body
    assert "Case study" in message.body

    events = calendar_of(message).walk("VEVENT")
    assert len(events) == 2  # one per program day
    first = events[0]
    assert first.decoded("dtstart") == dt.datetime(2031, 5, 10, 1, 0, tzinfo=dt.UTC)
    assert first.decoded("dtend") == dt.datetime(2031, 5, 10, 3, 30, tzinfo=dt.UTC)
    assert str(first["uid"]) == f"program-{two_day_program.pk}-registration-{registration.pk}-day-1@testserver"
    assert "https://meet.example.org/green-room" in str(first["description"])


def test_agenda_is_also_in_the_participants_own_time_zone(two_day_program):
    registration = services.register(two_day_program, data(time_zone="Asia/Almaty"))
    message = sent_message(registration)

    for body in (message.body, message.alternatives[0][0]):
        assert "times in Asia/Shanghai and in Asia/Almaty" in body
        # 09:00 in Beijing is 06:00 in Almaty (UTC+5).
        assert "09:00–09:30 (06:00–06:30 Asia/Almaty)" in body.replace("<span style=\"color: #5a6b78;\">", "") \
            .replace("</span>", "")
        assert "UTC" not in body.split("Agenda")[1].split("calendar")[0]


def test_agenda_in_the_program_zone_only_for_a_participant_in_that_zone(two_day_program):
    registration = services.register(two_day_program, data(time_zone="Asia/Shanghai"))
    message = sent_message(registration)

    assert "(times in Asia/Shanghai)" in message.body
    assert "09:00–09:30  Opening remarks" in message.body


@pytest.mark.parametrize("reported", ["", "Mars/Olympus_Mons", "../../etc/passwd", "x" * 64])
def test_an_unknown_time_zone_is_ignored_and_utc_shown(two_day_program, reported):
    registration = services.register(two_day_program, data(time_zone=reported))

    assert registration.time_zone == ""
    assert "times in Asia/Shanghai and in UTC" in sent_message(registration).body


def test_waitlisted_mail_gives_position_and_no_join_link(two_day_program):
    services.register(two_day_program, data(email="first@example.org"))
    waiting = services.register(two_day_program, data(email="second@example.org"))
    message = sent_message(waiting)

    assert "waiting list, number 1" in message.body
    assert "meet.example.org" not in message.body
    assert "meet.example.org" not in message.alternatives[0][0]
    assert message.attachments == []  # no place, no calendar event
    assert "Once your place is confirmed, you will receive a calendar file" in message.body


def test_chinese_participant_gets_chinese_mail_and_page_link(two_day_program):
    registration = services.register(two_day_program, data(language="zh-hans"))
    message = sent_message(registration)

    assert message.subject.endswith("绿色发展培训")
    assert f"/zh-hans/r/{registration.token}/" in message.body
    assert "您的名额已确认" in message.body


def test_cancellation_mail_has_no_agenda_and_no_link_to_change_or_cancel(two_day_program):
    registration = services.register(two_day_program, data())
    sent_message(registration)
    services.cancel_registration(registration)
    message = sent_message(registration)

    assert message.subject == "Registration cancelled: Green Development Training"
    for body in (message.body, message.alternatives[0][0]):
        assert "register again while registration is open" in body
        assert "Opening remarks" not in body
        assert registration.token not in body
        assert "change your details or cancel" not in body
    assert calendar_of(message)["method"] == "CANCEL"


def test_reminders_go_once_to_confirmed_participants_of_programs_starting_soon(settings):
    settings.REMINDER_LEAD_HOURS = 24
    now = timezone.now()
    soon = ProgramFactory(starts=now + dt.timedelta(hours=20), registration_closes=now + dt.timedelta(hours=1),
                          capacity_online=1)
    later = ProgramFactory(starts=now + dt.timedelta(days=3))
    confirmed = services.register(soon, data(email="soon@example.org"))
    waiting = services.register(soon, data(email="waiting@example.org"))
    services.register(later, data(email="later@example.org"))

    assert send_due_reminders(now=now) == 1
    assert send_due_reminders(now=now) == 0  # never twice
    run_tasks()

    reminders = OutgoingMail.objects.filter(subject__startswith="Starting soon")
    assert [m.to for m in reminders] == [confirmed.email]
    assert reminders.get().attachments[0]["mimetype"] == "text/calendar"
    confirmed.refresh_from_db()
    assert confirmed.reminder_sent_at == now
    assert confirmed.events.filter(action=RegistrationEvent.Action.REMINDER_SENT).exists()
    assert not Registration.objects.get(pk=waiting.pk).reminder_sent_at


def test_start_periodic_tasks_is_idempotent_and_the_task_reschedules_itself():
    from django_tasks_db.models import DBTaskResult

    from trainingcenter.registrations.tasks import periodic_housekeeping

    call_command("start_periodic_tasks")
    call_command("start_periodic_tasks")
    pending = DBTaskResult.objects.filter(task_path=periodic_housekeeping.module_path, status="READY")
    assert pending.count() == 1

    assert run_tasks() == 1
    [next_run] = pending.all()
    assert next_run.run_after > timezone.now() + dt.timedelta(minutes=4)
    call_command("start_periodic_tasks")
    assert pending.count() == 1


def test_mime_message_is_well_formed(two_day_program):
    registration = services.register(two_day_program, data())
    message = sent_message(registration).message()
    parsed = message_from_string(message.as_string())
    types = [part.get_content_type() for part in parsed.walk()]
    assert {"text/plain", "text/html", "text/calendar"} <= set(types)


# --- one subject and content per kind ----------------------------------------------------------


def _subjects_of_every_kind(program, language):
    """The subject of each kind (and of each answer a confirmation or promotion can bring), rendered."""
    confirmed = RegistrationFactory(program=program, language=language, email=f"confirmed-{language}@example.org")
    waiting = RegistrationFactory(program=program, language=language, status=Registration.Status.WAITLISTED,
                                  waitlisted_at=timezone.now(), email=f"waiting-{language}@example.org")
    pending = RegistrationFactory(program=program, language=language,
                                  status=Registration.Status.AWAITING_APPROVAL, email=f"pending-{language}@example.org")
    subjects = {kind: emails.render(confirmed, kind)[0] for kind in emails.KINDS}
    subjects["confirmation (waitlisted)"] = emails.render(waiting, "confirmation")[0]
    subjects["confirmation (awaiting approval)"] = emails.render(pending, "confirmation")[0]
    subjects["promoted (awaiting approval)"] = emails.render(pending, "promoted")[0]
    return subjects


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_every_kind_has_its_own_subject(two_day_program, language):
    subjects = _subjects_of_every_kind(two_day_program, language)

    assert len(set(subjects.values())) == len(subjects), subjects
    title = "绿色发展培训" if language == "zh-hans" else "Green Development Training"
    assert all(subject.endswith(title) for subject in subjects.values())


def test_a_rejection_quotes_the_reason_and_offers_no_change_or_cancel(two_day_program, staff_user):
    registration = services.register(two_day_program, data())
    sent_message(registration)
    reason = "We can only take participants from ECO member states this time <sorry>."

    services.reject_registration(registration, actor=staff_user, reason=reason)
    message = sent_message(registration)
    [(html, _type)] = message.alternatives

    assert message.subject == "Registration not accepted: Green Development Training"
    assert "could not accept your registration" in message.body
    assert f"The organisers' reason:\n{reason}" in message.body
    assert "We can only take participants from ECO member states this time &lt;sorry&gt;." in html
    for body in (message.body, html):
        assert "cancel" not in body.lower().replace("cancelled", "")
        assert registration.token not in body
        assert "Opening remarks" not in body  # no agenda for a registration that has ended
    assert calendar_of(message)["method"] == "CANCEL"


def test_a_rejection_without_a_reason_says_so_plainly(two_day_program, staff_user):
    registration = services.register(two_day_program, data())
    services.reject_registration(registration, actor=staff_user)
    message = sent_message(registration)

    assert message.subject.startswith("Registration not accepted")
    assert "reason" not in message.body
    assert "http://testserver/en/programs/" in message.body  # where to look for another program


def test_the_reason_travels_in_the_history_not_in_the_task(two_day_program, staff_user):
    registration = services.register(two_day_program, data())
    services.reject_registration(registration, actor=staff_user, reason="Too late, sorry")

    [task] = [t for t in email_tasks() if t.args_kwargs["args"][1] == "rejected"]
    assert "Too late" not in str(task.args_kwargs)
    assert "Too late, sorry" in sent_message(registration).body


def test_too_long_a_reason_is_refused_and_nothing_changes(two_day_program, staff_user):
    registration = services.register(two_day_program, data())

    with pytest.raises(services.RegistrationError) as refused:
        services.reject_registration(registration, actor=staff_user, reason="x" * 501)

    assert (refused.value.code, refused.value.field) == ("invalid", "reason")
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CONFIRMED


def test_a_waitlisted_confirmation_says_what_to_do_next(two_day_program):
    services.register(two_day_program, data(email="first@example.org"))
    waiting = services.register(two_day_program, data(email="second@example.org"))
    message = sent_message(waiting)

    assert message.subject == "You are on the waiting list: Green Development Training"
    assert "You need not do anything now" in message.body
    assert "change your details or cancel" in message.body  # still active: the page is theirs to use


def test_the_join_link_mail_and_the_reminder_say_what_to_do(two_day_program):
    registration = services.register(two_day_program, data())
    run_tasks()
    registration.refresh_from_db()

    _subject, join_text, _html, _files = emails.render(registration, "join_link")
    _subject, reminder_text, _html, _files = emails.render(registration, "reminder")

    assert "Please do not share it" in join_text
    assert "Please join with your personal link below a few minutes before the start." in reminder_text


# --- new times: an update e-mail with the calendar, for each confirmed participant ----------------


def calendar_sequences(message):
    [content] = [content for _name, content, mimetype in message.attachments if mimetype == "text/calendar"]
    return {int(event["sequence"]) for event in icalendar.Calendar.from_ical(content).walk("VEVENT")}


def mails_to(registration):
    return [m for m in django_mail.outbox if m.to == [registration.email]]


def new_times_mails(registration):
    return [m for m in mails_to(registration) if m.subject.startswith("New times:")]


def tasks_named(name):
    return DBTaskResult.objects.filter(task_path=f"trainingcenter.registrations.tasks.{name}")


@pytest.fixture
def participants(two_day_program):
    """Two confirmed participants (each with their confirmation and calendar), one waiting, one cancelled."""
    two_day_program.capacity_online = 2
    two_day_program.save()
    confirmed = [services.register(two_day_program, data(email=f"p{n}@example.org")) for n in (1, 2)]
    waiting = services.register(two_day_program, data(email="waiting@example.org"))
    cancelled = services.register(two_day_program, data(email="gone@example.org"))
    run_tasks()
    services.cancel_registration(cancelled)
    run_tasks()
    for registration in (*confirmed, waiting, cancelled):
        registration.refresh_from_db()
    assert waiting.status == Registration.Status.WAITLISTED
    return {"confirmed": confirmed, "waiting": waiting, "cancelled": cancelled}


def move_first_session(program, minutes=30):
    session = program.sessions.order_by("starts").first()
    shift = dt.timedelta(minutes=minutes)
    return program_services.update_session(
        session, {"starts": session.starts + shift, "ends": session.ends + shift}, actor=None,
    )


def test_moving_a_session_sends_each_confirmed_participant_one_update_with_a_higher_sequence(
    two_day_program, participants,
):
    before = {r.pk: calendar_sequences(mails_to(r)[0]) for r in participants["confirmed"]}
    django_mail.outbox.clear()

    move_first_session(two_day_program)
    run_tasks()

    for registration in participants["confirmed"]:
        [update] = new_times_mails(registration)
        assert update.subject == "New times: Green Development Training"
        assert "The organisers have changed the program's times." in update.body
        assert "09:30–10:00 (01:30–02:00 UTC)  Opening remarks" in update.body
        assert min(calendar_sequences(update)) > max(before[registration.pk])
        [html] = [body for body, mimetype in update.alternatives if mimetype == "text/html"]
        assert "09:30–10:00" in html
    for registration in (participants["waiting"], participants["cancelled"]):
        assert mails_to(registration) == []


def test_the_change_only_queues_a_task_the_worker_fans_out(two_day_program, participants):
    before = OutgoingMail.objects.count()

    move_first_session(two_day_program)

    # In the organiser's request: one task, no e-mail rendered.
    assert tasks_named("announce_schedule_change").filter(status="READY").count() == 1
    assert not tasks_named("send_schedule_update").exists()
    assert OutgoingMail.objects.count() == before


def test_running_the_tasks_twice_or_hearing_of_the_change_twice_sends_one_update(two_day_program, participants):
    django_mail.outbox.clear()
    move_first_session(two_day_program)
    # The same change announced again (a retried task, or the admin saving program and agenda separately).
    tasks.announce_schedule_change.enqueue(two_day_program.pk)
    run_tasks()
    for registration in participants["confirmed"]:
        tasks.send_schedule_update.enqueue(registration.pk)
        tasks.announce_schedule_change.enqueue(two_day_program.pk)
    run_tasks()

    for registration in participants["confirmed"]:
        assert len(new_times_mails(registration)) == 1


def test_a_second_change_sends_a_second_update_even_back_to_the_first_times(two_day_program, participants):
    [first, _second] = participants["confirmed"]
    django_mail.outbox.clear()

    move_first_session(two_day_program, minutes=30)
    run_tasks()
    move_first_session(two_day_program, minutes=-30)
    run_tasks()

    moved, back = new_times_mails(first)
    assert min(calendar_sequences(back)) > max(calendar_sequences(moved))
    assert "09:00–09:30" in back.body


def test_moving_a_program_without_agenda_sends_the_update(participants):
    program = ProgramFactory(
        title="No agenda yet", starts=dt.datetime(2031, 6, 1, 9, 0, tzinfo=SHANGHAI),
        ends=dt.datetime(2031, 6, 1, 12, 0, tzinfo=SHANGHAI),
        registration_closes=dt.datetime(2031, 5, 30, tzinfo=SHANGHAI),
    )
    registration = services.register(program, data(email="early@example.org"))
    run_tasks()
    django_mail.outbox.clear()

    program_services.update_program(program, {"ends": dt.datetime(2031, 6, 1, 13, 0)}, actor=None)
    run_tasks()

    [update] = new_times_mails(registration)
    assert "09:00–13:00" in update.body


def test_changes_that_leave_the_times_alone_send_nothing(two_day_program, participants):
    django_mail.outbox.clear()

    program_services.update_program(two_day_program, {"title": "Green Development Training 2031"}, actor=None)
    session = two_day_program.sessions.first()
    program_services.update_session(session, {"title": "Welcome"}, actor=None)
    run_tasks()

    assert not tasks_named("announce_schedule_change").exists()
    assert all(new_times_mails(r) == [] for r in participants["confirmed"])


def test_participants_whose_data_was_erased_get_nothing(two_day_program, participants):
    [kept, erased] = participants["confirmed"]
    privacy.erase_personal_data(erased)
    run_tasks()
    django_mail.outbox.clear()

    move_first_session(two_day_program)
    run_tasks()

    # The erased participant's seat went to the person waiting, who now hears of the change too.
    promoted = participants["waiting"]
    promoted.refresh_from_db()
    assert promoted.status == Registration.Status.CONFIRMED
    assert len(new_times_mails(kept)) == len(new_times_mails(promoted)) == 1
    updates = [m for m in django_mail.outbox if m.subject.startswith("New times:")]
    assert sorted(m.to[0] for m in updates) == sorted([kept.email, promoted.email])


def test_an_organiser_moving_sessions_and_the_program_in_the_admin_sends_one_update_each(
    client, superuser, two_day_program, participants,
):
    django_mail.outbox.clear()
    sessions = list(two_day_program.sessions.order_by("starts"))
    data_ = existing_program_data(two_day_program, title_en=two_day_program.title)
    data_["ends_1"] = "18:00:00"  # the program ends an hour later...
    for index, session in enumerate(sessions):
        local_start = timezone.localtime(session.starts, SHANGHAI)
        local_end = timezone.localtime(session.ends, SHANGHAI)
        if index == 0:  # ...and its first session starts half an hour later.
            local_start += dt.timedelta(minutes=30)
            local_end += dt.timedelta(minutes=30)
        row = f"sessions-{index}"
        data_.update({
            f"{row}-id": str(session.pk), f"{row}-program": str(two_day_program.pk),
            f"{row}-kind": session.kind, f"{row}-title_en": session.title_en,
            f"{row}-starts_0": f"{local_start:%Y-%m-%d}", f"{row}-starts_1": f"{local_start:%H:%M}",
            f"{row}-ends_0": f"{local_end:%Y-%m-%d}", f"{row}-ends_1": f"{local_end:%H:%M}",
        })
    client.force_login(superuser)

    response = client.post(f"/en/admin/programs/program/{two_day_program.pk}/change/", data_)
    assert response.status_code == 302, response.content.decode()[:3000]
    run_tasks()

    assert two_day_program.sessions.order_by("starts").first().starts == sessions[0].starts + dt.timedelta(minutes=30)
    for registration in participants["confirmed"]:
        [update] = new_times_mails(registration)
        assert "09:30–10:00" in update.body


# --- the check-in code: QR code and text for confirmed onsite participants ----------------------


@pytest.fixture
def onsite_program():
    """A program held in Beijing with one onsite seat and online places."""
    return ProgramFactory(
        title="Battery Recycling Workshop", mode="hybrid", capacity_onsite=1, capacity_online=5,
        venue="BTBU campus, Beijing",
        starts=dt.datetime(2031, 6, 2, 9, 0, tzinfo=SHANGHAI), ends=dt.datetime(2031, 6, 3, 17, 0, tzinfo=SHANGHAI),
        registration_closes=dt.datetime(2031, 5, 20, tzinfo=SHANGHAI),
    )


def inline_images(message):
    """The images shown inside the HTML part: {Content-ID: (bytes, type)}, from the message as sent."""
    found = {}
    for part in message.message().walk():
        if part.get_content_maintype() == "image" and part["Content-ID"]:
            found[part["Content-ID"].strip("<>")] = (part.get_payload(decode=True), part.get_content_type())
    return found


def grouped(code):
    return f"{code[:4]}-{code[4:8]}-{code[8:]}"


def test_a_confirmed_onsite_participant_gets_the_check_in_qr_code_inline_and_the_code_as_text(onsite_program):
    registration = services.register(onsite_program, data(mode="onsite"))
    assert registration.status == Registration.Status.CONFIRMED
    message = sent_message(registration)
    html = message.alternatives[0][0]

    code = grouped(registration.checkin_code)
    assert f"Your check-in code: {code}" in message.body
    assert code in html
    images = inline_images(message)
    [(content_id, (png, mimetype))] = images.items()
    assert f'src="cid:{content_id}"' in html
    assert mimetype == "image/png" and png.startswith(b"\x89PNG\r\n\x1a\n")
    # Inline, beside the HTML: not one more file in the list of attachments, where the calendar file is.
    assert [mimetype for _name, _content, mimetype in message.attachments] == ["text/calendar"]
    assert "data:image" not in html
    stored = OutgoingMail.objects.get(to=registration.email)
    assert [item.get("content_id") for item in stored.attachments] == [None, content_id]


def test_the_qr_code_holds_the_check_in_code(onsite_program):
    import io

    from PIL import Image

    from trainingcenter.registrations.checkin_codes import matrix

    registration = services.register(onsite_program, data(mode="onsite"))
    [(png, _type)] = inline_images(sent_message(registration)).values()

    image = Image.open(io.BytesIO(png)).convert("1")
    # 21 modules and a quiet zone of 4 on each side (a version-1 symbol), 8 pixels a module.
    assert image.size == (29 * 8, 29 * 8)
    modules = [[image.getpixel((x * 8 + 4, y * 8 + 4)) == 0 for x in range(29)] for y in range(29)]
    assert modules == matrix(registration.checkin_code)


def test_online_and_waitlisted_participants_get_no_check_in_code(onsite_program):
    online = services.register(onsite_program, data(email="online@example.org", mode="online"))
    services.register(onsite_program, data(email="seated@example.org", mode="onsite"))
    waiting = services.register(onsite_program, data(email="waiting@example.org", mode="onsite"))
    assert waiting.status == Registration.Status.WAITLISTED
    run_tasks()

    for registration in (online, waiting):
        [message] = [m for m in django_mail.outbox if m.to == [registration.email]]
        assert inline_images(message) == {}
        assert "check-in code" not in message.body
        assert grouped(registration.checkin_code) not in message.body
        assert "cid:" not in message.alternatives[0][0]


def test_the_reminder_carries_the_check_in_code_too(onsite_program):
    registration = services.register(onsite_program, data(mode="onsite"))
    run_tasks()
    django_mail.outbox.clear()

    emails.queue_now(Registration.objects.get(pk=registration.pk), "reminder")
    run_tasks()

    [reminder] = django_mail.outbox
    assert reminder.subject.startswith("Starting soon")
    assert grouped(registration.checkin_code) in reminder.body
    assert len(inline_images(reminder)) == 1


def test_a_cancellation_carries_no_check_in_code(onsite_program):
    registration = services.register(onsite_program, data(mode="onsite"))
    run_tasks()
    django_mail.outbox.clear()

    services.cancel_registration(registration)
    run_tasks()

    [cancelled] = [m for m in django_mail.outbox if m.to == [registration.email]]
    assert inline_images(cancelled) == {}
    assert grouped(registration.checkin_code) not in cancelled.body
