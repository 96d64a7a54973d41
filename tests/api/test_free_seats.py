"""Seats freed through the API go to the people waiting (see tests/registrations/test_free_seats.py)."""
import datetime as dt

import pytest
from django.utils import timezone

from tests.registrations.test_free_seats import full_program_with_waitlist, statuses
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.registrations.models import Registration

pytestmark = pytest.mark.django_db
Status = Registration.Status


def test_capacity_raised_through_the_api_promotes_the_first_in_line(admin_api):
    program, people = full_program_with_waitlist(waiting=3)

    response = admin_api.patch(f"/api/programs/{program.slug}", {"capacity_online": 4})

    assert response.status_code == 200, response.content
    assert statuses(people) == [Status.CONFIRMED] * 4 + [Status.WAITLISTED]
    run_tasks()
    promoted_mail = OutgoingMail.objects.filter(tag__endswith=":promoted")
    assert sorted(m.to for m in promoted_mail) == ["p2@example.org", "p3@example.org"]


def test_a_new_program_saved_with_waiting_rows_elsewhere_touches_nothing(admin_api):
    program, people = full_program_with_waitlist(waiting=1)
    start = timezone.now() + dt.timedelta(days=30)

    response = admin_api.post("/api/programs", {
        "slug": "another", "title": "Another", "starts": start.isoformat(),
        "ends": (start + dt.timedelta(hours=3)).isoformat(), "capacity_online": 50,
    })

    assert response.status_code == 201, response.content
    assert statuses(people) == [Status.CONFIRMED, Status.CONFIRMED, Status.WAITLISTED]
