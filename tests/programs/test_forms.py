import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import ProgramFactory, SessionFactory
from trainingcenter.programs.models import Program

from .admin_form_data import existing_program_data, program_form_data

pytestmark = pytest.mark.django_db

UTC = dt.UTC
BEIJING_9AM = dt.datetime(2022, 6, 8, 1, 0, tzinfo=UTC)


def beijing_program(**fields):
    """The 5th program's first day: 9:00 to 17:00 in Beijing, no registration window."""
    fields = {
        "time_zone": "Asia/Shanghai",
        "starts": BEIJING_9AM,
        "ends": BEIJING_9AM + dt.timedelta(hours=8),
        "registration_opens": None,
        "registration_closes": None,
        **fields,
    }
    return ProgramFactory(**fields)


def test_times_typed_for_a_beijing_program_are_stored_in_utc(client, superuser):
    client.force_login(superuser)

    response = client.post(reverse("admin:programs_program_add"), program_form_data())

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    program = Program.objects.get(slug="green-hydrogen-for-industry")
    assert program.starts == dt.datetime(2022, 6, 8, 1, 0, tzinfo=UTC)
    assert program.ends == dt.datetime(2022, 6, 9, 9, 30, tzinfo=UTC)
    assert program.registration_opens == dt.datetime(2022, 5, 1, 0, 0, tzinfo=UTC)
    assert program.registration_closes == dt.datetime(2022, 6, 6, 10, 0, tzinfo=UTC)


def test_the_chosen_time_zone_is_the_one_applied(client, superuser):
    client.force_login(superuser)

    client.post(
        reverse("admin:programs_program_add"),
        program_form_data(time_zone="Europe/Moscow", starts_0="2022-06-08", starts_1="09:00"),
    )

    program = Program.objects.get(slug="green-hydrogen-for-industry")
    assert program.starts == dt.datetime(2022, 6, 8, 6, 0, tzinfo=UTC)


def test_the_change_page_shows_stored_times_in_the_program_time_zone(client, superuser):
    program = beijing_program(ends=dt.datetime(2022, 6, 9, 9, 30, tzinfo=UTC))
    client.force_login(superuser)

    response = client.get(reverse("admin:programs_program_change", args=[program.pk]))

    html = response.content.decode()
    assert 'name="starts_1" value="09:00:00"' in html
    assert 'name="ends_1" value="17:30:00"' in html
    assert "Asia/Shanghai" in str(response.context["adminform"].form.fields["starts"].help_text)


def test_saving_an_unchanged_program_keeps_its_times(client, superuser):
    program = beijing_program()
    client.force_login(superuser)

    response = client.post(
        reverse("admin:programs_program_change", args=[program.pk]), existing_program_data(program)
    )

    assert response.status_code == 302, response.context and response.context["adminform"].form.errors
    program.refresh_from_db()
    assert program.starts == BEIJING_9AM


def test_an_end_before_the_start_in_local_time_is_refused_with_a_message(client, superuser):
    client.force_login(superuser)

    response = client.post(
        reverse("admin:programs_program_add"),
        program_form_data(ends_0="2022-06-08", ends_1="08:00"),
    )

    assert response.status_code == 200
    assert "The program must end after it starts." in response.context["adminform"].form.errors["ends"]
    assert not Program.objects.exists()


def test_agenda_rows_on_the_program_page_use_the_program_time_zone(client, superuser):
    program = beijing_program()
    client.force_login(superuser)
    data = existing_program_data(program)
    data.update(
        {
            "sessions-TOTAL_FORMS": "1",
            "sessions-0-kind": "lecture",
            "sessions-0-title_en": "Pathways to net zero",
            "sessions-0-starts_0": "2022-06-08",
            "sessions-0-starts_1": "10:00",
            "sessions-0-ends_0": "2022-06-08",
            "sessions-0-ends_1": "10:45",
        }
    )

    response = client.post(reverse("admin:programs_program_change", args=[program.pk]), data)

    assert response.status_code == 302
    session = program.sessions.get()
    assert session.starts == dt.datetime(2022, 6, 8, 2, 0, tzinfo=UTC)
    assert session.ends == dt.datetime(2022, 6, 8, 2, 45, tzinfo=UTC)


def test_a_session_page_shows_and_reads_times_in_its_program_time_zone(client, superuser):
    session = SessionFactory(
        program=beijing_program(), starts=BEIJING_9AM, ends=BEIJING_9AM + dt.timedelta(minutes=30)
    )
    client.force_login(superuser)
    url = reverse("admin:programs_session_change", args=[session.pk])

    shown = client.get(url).content.decode()
    response = client.post(
        url,
        {
            "program": session.program.pk,
            "kind": "lecture",
            "title_en": session.title,
            "starts_0": "2022-06-08",
            "starts_1": "11:00",
            "ends_0": "2022-06-08",
            "ends_1": "11:30",
        },
    )

    assert 'name="starts_1" value="09:00:00"' in shown
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.starts == dt.datetime(2022, 6, 8, 3, 0, tzinfo=UTC)
