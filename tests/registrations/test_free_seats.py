"""Seats that come free for any reason go to the people waiting, in order, who are e-mailed."""
import pytest
from django.urls import reverse

from tests.factories import ProgramFactory
from tests.programs.admin_form_data import existing_program_data
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.programs import services as program_services
from trainingcenter.programs.models import Program
from trainingcenter.registrations import services
from trainingcenter.registrations.models import Registration
from trainingcenter.registrations.services import RegistrationData
from trainingcenter.registrations.tasks import periodic_housekeeping

pytestmark = pytest.mark.django_db
Status = Registration.Status


def person(n):
    return RegistrationData(
        given_name=f"Person{n}", family_name="Waiting", email=f"p{n}@example.org", country="KZ",
        organization="Institute", consent=True,
    )


def full_program_with_waitlist(waiting=3, **fields):
    program = ProgramFactory(capacity_online=2, **fields)
    people = [services.register(program, person(n)) for n in range(2 + waiting)]
    assert [p.status for p in people] == [Status.CONFIRMED] * 2 + [Status.WAITLISTED] * waiting
    run_tasks()
    OutgoingMail.objects.all().delete()
    return program, people


def statuses(people):
    """The current status of each, in registration order."""
    return [Registration.objects.get(pk=p.pk).status for p in people]


def test_capacity_raised_in_the_admin_promotes_and_newcomers_then_get_seats(client, centre_admin):
    program, people = full_program_with_waitlist(waiting=2)
    client.force_login(centre_admin)

    response = client.post(
        reverse("admin:programs_program_change", args=[program.pk]),
        existing_program_data(program, capacity_online="5"),
    )

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    assert statuses(people) == [Status.CONFIRMED] * 4
    newcomer = services.register(Program.objects.get(pk=program.pk), person(99))
    assert newcomer.status == Status.CONFIRMED


def test_unlimited_capacity_lets_everyone_in():
    program, people = full_program_with_waitlist(waiting=3)

    program_services.update_program(program, {"capacity_online": None}, actor=None)

    assert statuses(people) == [Status.CONFIRMED] * 5


def test_reopened_registration_fills_seats_freed_while_it_was_closed():
    program, people = full_program_with_waitlist(waiting=1)
    # Seats freed while nobody ran a promotion (e.g. data corrected by hand in the database).
    Registration.objects.filter(pk=people[0].pk).update(status=Status.CANCELLED)
    program_services.update_program(program, {"status": Program.Status.REGISTRATION_OPEN}, actor=None)

    assert statuses(people)[1:] == [Status.CONFIRMED, Status.CONFIRMED]


def test_the_periodic_task_is_a_safety_net_for_seats_nobody_filled():
    program, people = full_program_with_waitlist(waiting=2)
    # Capacity changed behind the services' back: only the periodic task can notice.
    Program.objects.filter(pk=program.pk).update(capacity_online=3)

    periodic_housekeeping.call()

    assert statuses(people) == [Status.CONFIRMED] * 3 + [Status.WAITLISTED]


def test_lowering_capacity_never_demotes_anyone():
    program, people = full_program_with_waitlist(waiting=1)

    program_services.update_program(program, {"capacity_online": 1}, actor=None)

    assert statuses(people) == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED]
