"""The registration services: window, modes, duplicates, seats, waitlist, approval, history."""
import datetime as dt
import zoneinfo

import pytest
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from tests.factories import ProgramFactory, QuestionFactory, RegistrationFactory
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.programs.models import Program
from trainingcenter.registrations import services
from trainingcenter.registrations.capacity import availability, waitlist_position
from trainingcenter.registrations.models import Question, Registration, RegistrationEvent
from trainingcenter.registrations.services import DuplicateRegistration, RegistrationData, RegistrationError

pytestmark = pytest.mark.django_db
Status = Registration.Status
SHANGHAI = zoneinfo.ZoneInfo("Asia/Shanghai")


def data(n=0, **overrides):
    values = {
        "given_name": f"Dilnoza{n}", "family_name": "Karimova", "email": f"person{n}@example.org",
        "country": "UZ", "organization": "Tashkent Institute", "sector": "academia", "consent": True,
    }
    values.update(overrides)
    return RegistrationData(**values)


def mails_to(email):
    """The e-mails the worker has put in the outbox for this address so far."""
    run_tasks()
    return list(OutgoingMail.objects.filter(to=email).order_by("pk"))


def email_tasks(registration):
    return DBTaskResult.objects.filter(
        task_path="trainingcenter.registrations.tasks.send_registration_email", args_kwargs__args__0=registration.pk
    )


def test_register_confirms_records_history_and_queues_mail_with_task(program):
    registration = services.register(program, data(email="Mixed.Case@Example.org"))

    assert registration.status == Status.CONFIRMED
    assert registration.email == "mixed.case@example.org"
    assert [e.action for e in registration.events.all()] == [RegistrationEvent.Action.REGISTERED]
    # The e-mail is a task committed with the registration; the worker renders it.
    assert [t.args_kwargs["args"] for t in email_tasks(registration)] == [[registration.pk, "confirmation"]]
    [mail] = mails_to("mixed.case@example.org")
    assert program.title in mail.subject
    assert DBTaskResult.objects.filter(args_kwargs__args=[mail.pk]).count() == 1


def _windowed_program():
    opens = dt.datetime(2031, 3, 1, 0, 0, tzinfo=SHANGHAI)
    closes = dt.datetime(2031, 3, 20, 0, 0, tzinfo=SHANGHAI)
    return ProgramFactory(
        registration_opens=opens, registration_closes=closes,
        starts=dt.datetime(2031, 4, 1, 9, tzinfo=SHANGHAI), ends=dt.datetime(2031, 4, 1, 17, tzinfo=SHANGHAI),
    )


def test_window_boundaries_follow_the_program_time_zone():
    program = _windowed_program()
    # Opening is midnight in Beijing, i.e. 16:00 UTC the day before.
    before = dt.datetime(2031, 2, 28, 23, 59, 59, tzinfo=SHANGHAI)
    with pytest.raises(RegistrationError) as refused:
        services.register(program, data(1), now=before)
    assert refused.value.code == "not_open"
    assert str(refused.value) == "Registration for this program is not open yet."

    assert services.register(program, data(2), now=before + dt.timedelta(seconds=1)).status == Status.CONFIRMED

    closing = dt.datetime(2031, 3, 20, 0, 0, tzinfo=SHANGHAI)
    assert services.register(program, data(3), now=closing - dt.timedelta(seconds=1)).status == Status.CONFIRMED
    with pytest.raises(RegistrationError) as closed:
        services.register(program, data(4), now=closing)
    assert closed.value.code == "closed"
    assert Registration.objects.filter(program=program).count() == 2


def test_staff_may_register_someone_outside_the_window(staff_user):
    program = _windowed_program()
    late = dt.datetime(2031, 3, 25, tzinfo=SHANGHAI)
    registration = services.register(program, data(), actor=staff_user, now=late)
    assert registration.status == Status.CONFIRMED
    assert registration.events.get().actor == staff_user


def test_mode_not_offered_and_consent_required(program):
    with pytest.raises(RegistrationError) as wrong_mode:
        services.register(program, data(mode="onsite"))
    assert wrong_mode.value.code == "mode_not_offered"
    with pytest.raises(RegistrationError) as no_consent:
        services.register(program, data(consent=False))
    assert no_consent.value.code == "consent_required"
    with pytest.raises(RegistrationError) as bad_country:
        services.register(program, data(country="XX"))
    assert (bad_country.value.code, bad_country.value.field) == ("invalid", "country")
    assert not Registration.objects.exists()


def test_duplicate_resends_link_to_existing_and_creates_nothing(program):
    first = services.register(program, data(email="same@example.org"))

    with pytest.raises(DuplicateRegistration) as duplicate:
        services.register(program, data(email=" SAME@example.org ", given_name="Other"))

    assert duplicate.value.code == "duplicate"
    assert duplicate.value.existing == first
    assert Registration.objects.filter(program=program).count() == 1
    confirmation, resent = mails_to("same@example.org")
    assert "link to your registration" in resent.subject
    assert first.token in resent.body_text
    assert first.events.filter(action=RegistrationEvent.Action.LINK_RESENT).count() == 1


def test_cancelled_person_may_register_again(program):
    first = services.register(program, data(email="again@example.org"))
    services.cancel_registration(first)
    second = services.register(program, data(email="again@example.org"))
    assert second.pk != first.pk and second.status == Status.CONFIRMED


def test_full_mode_waitlists_with_positions_in_order():
    program = ProgramFactory(capacity_online=2)
    confirmed = [services.register(program, data(n)) for n in range(2)]
    waiting = [services.register(program, data(n)) for n in range(2, 5)]

    assert {r.status for r in confirmed} == {Status.CONFIRMED}
    assert [r.status for r in waiting] == [Status.WAITLISTED] * 3
    assert [waitlist_position(r) for r in waiting] == [1, 2, 3]
    assert waitlist_position(confirmed[0]) is None
    seats = availability(program)["online"]
    assert (seats.capacity, seats.taken, seats.left, seats.waitlisted, seats.full) == (2, 2, 0, 3, True)
    assert "number 2" in mails_to(waiting[1].email)[0].body_text


def test_unlimited_capacity_never_waitlists():
    program = ProgramFactory(capacity_online=None)
    assert {services.register(program, data(n)).status for n in range(15)} == {Status.CONFIRMED}
    assert availability(program)["online"].left is None


def test_approval_flow_holds_the_seat(staff_user):
    program = ProgramFactory(capacity_online=1, requires_approval=True)
    pending = services.register(program, data(1))
    second = services.register(program, data(2))
    assert pending.status == Status.AWAITING_APPROVAL
    assert second.status == Status.WAITLISTED  # the seat is held while organisers decide

    approved = services.approve_registration(pending, actor=staff_user)
    assert approved.status == Status.CONFIRMED
    assert "approved" in mails_to(pending.email)[-1].subject
    with pytest.raises(RegistrationError) as again:
        services.approve_registration(approved, actor=staff_user)
    assert again.value.code == "not_allowed"

    services.reject_registration(approved, actor=staff_user, reason="Not in the target group")
    second.refresh_from_db()
    # The next in line gets the seat, still subject to approval.
    assert second.status == Status.AWAITING_APPROVAL
    rejection = approved.events.get(action=RegistrationEvent.Action.REJECTED)
    assert (rejection.actor, rejection.note) == (staff_user, "Not in the target group")
    assert "Not in the target group" in mails_to(approved.email)[-1].body_text


def test_cancel_promotes_first_waitlisted_of_the_same_mode_only():
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=1, capacity_online=1, venue="BTBU campus")
    onsite = services.register(program, data(1, mode="onsite"))
    services.register(program, data(2, mode="online"))
    online_waiting = services.register(program, data(3, mode="online"))
    onsite_first = services.register(program, data(4, mode="onsite"))
    onsite_second = services.register(program, data(5, mode="onsite"))

    cancelled = services.cancel_registration(onsite)

    assert cancelled.status == Status.CANCELLED
    for registration in (online_waiting, onsite_first, onsite_second):
        registration.refresh_from_db()
    assert onsite_first.status == Status.CONFIRMED
    assert (online_waiting.status, onsite_second.status) == (Status.WAITLISTED, Status.WAITLISTED)
    assert waitlist_position(onsite_second) == 1
    assert "place is now yours" in mails_to(onsite_first.email)[-1].subject.lower()
    assert onsite_first.events.last().action == RegistrationEvent.Action.PROMOTED
    # Cancelling twice changes nothing and sends nothing more.
    count = len(mails_to(cancelled.email))
    services.cancel_registration(cancelled)
    assert len(mails_to(cancelled.email)) == count


def test_change_mode_keeps_a_free_seat_and_hands_the_old_one_on():
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=1, capacity_online=1)
    mover = services.register(program, data(1, mode="online"))
    waiting_online = services.register(program, data(2, mode="online"))

    moved = services.change_mode(mover, "onsite")

    assert (moved.mode, moved.status) == ("onsite", Status.CONFIRMED)
    waiting_online.refresh_from_db()
    assert waiting_online.status == Status.CONFIRMED
    # Back to online, where nothing is free now: the end of the waiting list.
    back = services.change_mode(moved, "online")
    assert (back.mode, back.status, waitlist_position(back)) == ("online", Status.WAITLISTED, 1)
    assert [e.action for e in back.events.all()] == [
        RegistrationEvent.Action.REGISTERED, RegistrationEvent.Action.MODE_CHANGED,
        RegistrationEvent.Action.MODE_CHANGED,
    ]
    with pytest.raises(RegistrationError) as wrong:
        services.change_mode(back, "carrier-pigeon")
    assert wrong.value.code == "mode_not_offered"


def test_staff_confirm_needs_a_free_seat_and_move_to_waitlist_hands_it_on(staff_user):
    program = ProgramFactory(capacity_online=1)
    holder = services.register(program, data(1))
    waiting = services.register(program, data(2))
    with pytest.raises(RegistrationError) as full:
        services.confirm_registration(waiting, actor=staff_user)
    assert full.value.code == "full"

    services.move_to_waitlist(holder, actor=staff_user)
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    assert (holder.status, waitlist_position(holder)) == (Status.WAITLISTED, 1)


def test_extra_questions_are_checked_and_saved(program):
    required = QuestionFactory(program=program, label="Your field of work", required=True)
    choice = QuestionFactory(program=program, kind=Question.Kind.CHOICE, choices="Water\nEnergy\n")
    yes_no = QuestionFactory(program=program, kind=Question.Kind.YES_NO)

    with pytest.raises(RegistrationError) as missing:
        services.register(program, data(1, answers={}))
    assert missing.value.code == "invalid_answer"
    assert "Your field of work" in str(missing.value)
    with pytest.raises(RegistrationError) as bad_choice:
        services.register(program, data(1, answers={required.pk: "Hydrology", choice.pk: "Wind"}))
    assert bad_choice.value.code == "invalid_answer"

    registration = services.register(
        program, data(1, answers={required.pk: "Hydrology", str(choice.pk): "Energy", yes_no.pk: "yes"})
    )
    assert dict(registration.answers.values_list("question__pk", "value")) == {
        required.pk: "Hydrology", choice.pk: "Energy", yes_no.pk: "yes",
    }


def test_update_details_records_which_fields_changed_not_their_values(program):
    registration = services.register(program, data())
    updated = services.update_details(registration, {"organization": "New Institute", "sector": "government"})
    assert (updated.organization, updated.sector) == ("New Institute", "government")
    event = updated.events.last()
    assert event.action == RegistrationEvent.Action.DETAILS_CHANGED
    assert "organization" in event.note and "New Institute" not in event.note
    with pytest.raises(RegistrationError) as invalid:
        services.update_details(registration, {"sector": "pirates"})
    assert (invalid.value.code, invalid.value.field) == ("invalid", "sector")
    with pytest.raises(RegistrationError):
        services.update_details(registration, {"email": "other@example.org"})


def test_mail_and_task_roll_back_with_the_registration(program):
    with pytest.raises(RuntimeError), transaction.atomic():
        registration = services.register(program, data())
        assert email_tasks(registration).count() == 1
        raise RuntimeError("the caller's transaction fails later")

    # The mail itself is only rendered later by the task, so the task is what must be gone.
    assert not Registration.objects.exists()
    assert not DBTaskResult.objects.exists()


def test_factory_registrations_count_against_capacity():
    program = ProgramFactory(capacity_online=1)
    RegistrationFactory(program=program)
    assert services.register(program, data()).status == Status.WAITLISTED
