"""Capacity under real concurrency: many threads, each with its own database connection.

Runs on SQLite (file database, IMMEDIATE transactions) and on PostgreSQL
(row lock on the program): ``bin/with-postgres .venv/bin/pytest tests/registrations/test_concurrency.py``.
"""

import pytest

from tests.concurrency import race
from tests.factories import ProgramFactory
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.registrations import services
from trainingcenter.registrations.capacity import waitlist_position
from trainingcenter.registrations.models import Registration
from trainingcenter.registrations.services import DuplicateRegistration, RegistrationData

pytestmark = pytest.mark.django_db(transaction=True)
Status = Registration.Status


def data(email):
    return RegistrationData(
        given_name="Parallel", family_name="Person", email=email, country="KZ",
        organization="Almaty University", sector="academia", consent=True,
    )


def test_sixty_threads_never_oversell_ten_seats():
    program = ProgramFactory(capacity_online=10)
    attempts = 60

    results, errors = race([
        (lambda n=n: services.register(program, data(f"racer{n}@example.org"))) for n in range(attempts)
    ])

    assert errors == []
    rows = Registration.objects.filter(program=program)
    assert rows.count() == attempts  # none lost
    assert rows.filter(status=Status.CONFIRMED).count() == 10
    assert rows.filter(status=Status.WAITLISTED).count() == attempts - 10
    assert rows.values("email").distinct().count() == attempts
    assert sorted(r.status for r in results) == sorted(r.status for r in rows)
    # Waiting list positions are 1..50 without gaps or ties, as each person is told.
    waiting = rows.filter(status=Status.WAITLISTED)
    assert sorted(waitlist_position(r) for r in waiting) == list(range(1, attempts - 10 + 1))
    run_tasks()
    assert OutgoingMail.objects.count() == attempts  # one confirmation each


def test_twenty_threads_with_one_email_make_one_registration():
    program = ProgramFactory(capacity_online=10)

    results, errors = race([
        (lambda: services.register(program, data("Same.Person@example.org"))) for _ in range(20)
    ])

    assert Registration.objects.filter(program=program).count() == 1
    only = Registration.objects.get(program=program)
    assert [r for r in results if r is not None] == [only]
    assert len(errors) == 19
    assert all(isinstance(e, DuplicateRegistration) and e.existing == only for e in errors)


def test_cancellations_racing_registrations_never_exceed_capacity():
    program = ProgramFactory(capacity_online=10)
    holders = [services.register(program, data(f"holder{n}@example.org")) for n in range(10)]
    waiting = [services.register(program, data(f"waiting{n}@example.org")) for n in range(5)]
    assert {r.status for r in waiting} == {Status.WAITLISTED}
    seen = []

    def seats_taken():
        return Registration.objects.filter(program=program).holding_seats().count()

    def cancel(registration):
        services.cancel_registration(registration)
        seen.append(seats_taken())

    def register(n):
        services.register(program, data(f"newcomer{n}@example.org"))
        seen.append(seats_taken())

    jobs = [(lambda r=r: cancel(r)) for r in holders[:8]]
    jobs += [(lambda n=n: register(n)) for n in range(30)]
    _results, errors = race(jobs)

    assert errors == []
    assert max(seen) <= 10
    rows = Registration.objects.filter(program=program)
    assert rows.count() == 10 + 5 + 30
    assert rows.filter(status=Status.CANCELLED).count() == 8
    # Every freed seat was taken again: nobody waits while a seat is empty.
    assert rows.filter(status=Status.CONFIRMED).count() == 10
    # The five who waited first were promoted before any newcomer could be.
    for registration in waiting:
        registration.refresh_from_db()
        assert registration.status == Status.CONFIRMED
