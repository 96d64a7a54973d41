"""Program services tell the apps above when times change (``signals.schedule_changed``), and only then."""
import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import ProgramFactory, SessionFactory
from trainingcenter.programs import services
from trainingcenter.programs.models import Session
from trainingcenter.programs.signals import schedule_changed

from .admin_form_data import existing_program_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def heard():
    """The programs each ``schedule_changed`` was sent for, in order."""
    programs = []

    def listener(sender, program, **kwargs):
        programs.append(program.pk)

    schedule_changed.connect(listener, dispatch_uid="test-listener")
    yield programs
    schedule_changed.disconnect(dispatch_uid="test-listener")


def unchanged_session_row(program, **changes):
    """The program page's agenda row of its one session, times as stored (in the program's zone)."""
    session = program.sessions.get()
    starts, ends = (timezone.localtime(value, program.tz) for value in (session.starts, session.ends))
    row = {
        "sessions-0-id": str(session.pk), "sessions-0-program": str(program.pk),
        "sessions-0-kind": session.kind, "sessions-0-title_en": session.title_en,
        "sessions-0-starts_0": f"{starts:%Y-%m-%d}", "sessions-0-starts_1": f"{starts:%H:%M:%S}",
        "sessions-0-ends_0": f"{ends:%Y-%m-%d}", "sessions-0-ends_1": f"{ends:%H:%M:%S}",
    }
    row.update({f"sessions-0-{name}": value for name, value in changes.items()})
    return row


@pytest.fixture
def program():
    program = ProgramFactory()
    SessionFactory(program=program, title="Opening")
    return program


def test_moving_the_program_or_a_session_is_heard_once(program, heard):
    services.update_program(program, {"ends": program.ends + dt.timedelta(hours=1)}, actor=None)
    session = program.sessions.get()
    services.update_session(session, {"ends": session.ends + dt.timedelta(minutes=15)}, actor=None)

    assert heard == [program.pk, program.pk]


def test_adding_and_removing_sessions_is_heard(program, heard):
    added = services.create_session(
        program, {"title": "Lecture", "starts": program.starts, "ends": program.starts + dt.timedelta(hours=1)},
        actor=None,
    )
    services.delete_sessions([added], actor=None)

    assert heard == [program.pk, program.pk]
    assert not Session.objects.filter(pk=added.pk).exists()


def test_other_changes_are_not_heard(program, heard):
    services.update_program(program, {"title": "A new title", "capacity_online": 50}, actor=None)
    services.update_session(program.sessions.get(), {"title": "Welcome"}, actor=None)
    services.create_program(
        {"slug": "new", "title": "New", "starts": program.starts, "ends": program.ends}, actor=None,
    )

    assert heard == []


def test_the_admin_saves_the_agenda_through_the_services(client, superuser, program, heard):
    session = program.sessions.get()
    data = existing_program_data(program, title_en=program.title)
    data.update({
        "sessions-0-id": str(session.pk), "sessions-0-program": str(program.pk), "sessions-0-DELETE": "on",
        "sessions-0-kind": session.kind, "sessions-0-title_en": session.title_en,
        "sessions-0-starts_0": "2031-01-01", "sessions-0-starts_1": "09:00",
        "sessions-0-ends_0": "2031-01-01", "sessions-0-ends_1": "10:00",
    })
    client.force_login(superuser)

    response = client.post(reverse("admin:programs_program_change", args=[program.pk]), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert not program.sessions.exists()
    assert heard == [program.pk]


def test_the_admin_deletes_sessions_through_the_services(client, superuser, program, heard):
    session = program.sessions.get()
    client.force_login(superuser)

    response = client.post(reverse("admin:programs_session_delete", args=[session.pk]), {"post": "yes"})

    assert response.status_code == 302
    assert heard == [program.pk]


def test_an_unchanged_program_saved_in_the_admin_is_not_heard(client, superuser, program, heard):
    data = existing_program_data(program, title_en="Renamed")
    data.update(unchanged_session_row(program, title_en="Renamed session"))
    client.force_login(superuser)

    response = client.post(reverse("admin:programs_program_change", args=[program.pk]), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    assert program.sessions.get().title == "Renamed session"
    assert heard == []


def test_questions_and_answers_are_edited_on_the_program_page(client, superuser, program):
    data = existing_program_data(program, title_en=program.title)
    data.update(unchanged_session_row(program))
    data.update({
        "faqs-TOTAL_FORMS": "1", "faqs-0-question_en": "Do I need a visa?", "faqs-0-question_zh_hans": "需要签证吗？",
        "faqs-0-answer_en": "No.", "faqs-0-order": "1",
        "contact_name_en": "Program office", "contact_email": "office@example.org",
    })
    client.force_login(superuser)

    response = client.post(reverse("admin:programs_program_change", args=[program.pk]), data)

    assert response.status_code == 302, response.content.decode()[:2000]
    program.refresh_from_db()
    [faq] = program.faqs.all()
    assert (faq.question_en, faq.question_zh_hans, faq.answer_en) == ("Do I need a visa?", "需要签证吗？", "No.")
    assert (program.contact_name_en, program.contact_email) == ("Program office", "office@example.org")
