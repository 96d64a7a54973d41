"""The organisers' overview of one program's registrations, its message page, and who may open which staff page."""
import pytest
from django.urls import reverse

from tests.factories import ProgramFactory, RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from tests.worker import run_tasks
from trainingcenter.center.roles import CENTRE_ADMIN, CHECKIN_STAFF
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Message, Registration

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _overview(program):
    return reverse("staff:program_registrations", kwargs={"slug": program.slug})


def test_counts_per_mode_and_status_against_capacity(client, organiser):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=3, capacity_online=10)
    program.organisers.add(organiser)
    for _n in range(3):
        RegistrationFactory(program=program, mode="onsite", country="PK")
    RegistrationFactory(program=program, mode="onsite", status=Status.WAITLISTED, country="PK")
    RegistrationFactory(program=program, mode="online", country="KZ")
    RegistrationFactory(program=program, mode="online", status=Status.AWAITING_APPROVAL, country="KZ")
    RegistrationFactory(program=program, mode="online", status=Status.CANCELLED, country="CN")
    RegistrationFactory()  # another program's: not counted
    client.force_login(organiser)

    response = client.get(_overview(program))

    assert response.status_code == 200
    rows = {row["mode"]: row for row in response.context["mode_rows"]}
    assert (rows["onsite"]["capacity"], rows["onsite"]["taken"], rows["onsite"]["left"]) == (3, 3, 0)
    assert rows["onsite"]["full"] and rows["onsite"]["waitlisted"] == 1 and rows["onsite"]["percent"] == 100
    assert (rows["online"]["capacity"], rows["online"]["taken"], rows["online"]["left"]) == (10, 2, 8)
    assert rows["online"]["confirmed"] == 1 and rows["online"]["awaiting"] == 1 and rows["online"]["cancelled"] == 1
    statuses = {row["status"]: row["count"] for row in response.context["status_rows"]}
    assert statuses == {"confirmed": 4, "waitlisted": 1, "awaiting_approval": 1, "cancelled": 1, "rejected": 0}
    assert response.context["total"] == 7
    # Cancelled people no longer count for the countries taking part.
    assert [(c["code"], c["count"]) for c in response.context["top_countries"]] == [("PK", 4), ("KZ", 2)]
    page = response.content.decode()
    assert "Pakistan" in page
    assert f"program__id__exact={program.pk}" in page
    assert reverse("staff:export", kwargs={"slug": program.slug}) in page


def test_program_without_limit_shows_no_limit(client, organiser):
    program = ProgramFactory(capacity_online=None)
    program.organisers.add(organiser)
    RegistrationFactory(program=program)
    client.force_login(organiser)

    response = client.get(_overview(program))

    [row] = response.context["mode_rows"]
    assert row["capacity"] is None and row["left"] is None
    assert "no limit" in response.content.decode()


def test_anonymous_and_non_staff_are_sent_to_the_login(client, django_user_model):
    program = ProgramFactory()

    assert reverse("admin:login") in client.get(_overview(program))["Location"]
    client.force_login(django_user_model.objects.create_user("visitor", "v@example.org", "a-long-test-password"))
    response = client.get(_overview(program))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_another_programs_page_is_not_found(client, organiser):
    other = ProgramFactory()
    client.force_login(organiser)

    assert client.get(_overview(other)).status_code == 404
    assert client.get(reverse("staff:export", kwargs={"slug": other.slug})).status_code == 404
    assert client.get(reverse("staff:message", kwargs={"slug": other.slug})).status_code == 404


def test_checkin_staff_see_the_figures_but_not_the_export_or_message_forms(client):
    checkin = StaffUserFactory(role=CHECKIN_STAFF)
    program = ProgramFactory()
    program.organisers.add(checkin)
    client.force_login(checkin)

    response = client.get(_overview(program))

    assert response.status_code == 200
    page = response.content.decode()
    assert reverse("staff:export", kwargs={"slug": program.slug}) not in page
    assert reverse("staff:message", kwargs={"slug": program.slug}) not in page
    assert client.get(reverse("staff:message", kwargs={"slug": program.slug})).status_code == 403


def test_centre_admin_reaches_every_program_and_the_index_lists_them(client):
    admin_user = StaffUserFactory(role=CENTRE_ADMIN)
    program = ProgramFactory(title="Green technology training")
    client.force_login(admin_user)

    assert client.get(_overview(program)).status_code == 200
    index = client.get(reverse("staff:index")).content.decode()
    assert "Green technology training" in index


def test_index_lists_only_the_organisers_programs(client, organiser):
    mine = ProgramFactory(title="My program")
    mine.organisers.add(organiser)
    ProgramFactory(title="Someone else's program")
    client.force_login(organiser)

    page = client.get(reverse("staff:index")).content.decode()

    assert "My program" in page
    assert "Someone else" not in page


def test_pages_are_translated(client, organiser):
    program = ProgramFactory()
    program.organisers.add(organiser)
    client.force_login(organiser)

    page = client.get(_overview(program).replace("/en/", "/zh-hans/", 1)).content.decode()

    assert "按状态" in page


# --- messages in several languages ----------------------------------------------------------


def _message_url(program):
    return reverse("staff:message", kwargs={"slug": program.slug})


def test_the_message_form_has_english_required_and_the_other_languages_optional(client, organiser):
    program = ProgramFactory()
    program.organisers.add(organiser)
    client.force_login(organiser)

    page = client.get(_message_url(program)).content.decode()

    for name in ("subject", "body", "subject_ru", "body_ru", "subject_zh_hans", "body_zh_hans"):
        assert f'name="{name}"' in page
    assert "Subject (English)" in page and "Message (Russian)" in page
    assert 'name="subject_ru"' in client.get(_overview(program)).content.decode()


def test_the_preview_shows_each_version_with_its_recipients_then_sends_them(client, organiser):
    program = ProgramFactory()
    program.organisers.add(organiser)
    RegistrationFactory(program=program, email="en@example.org", given_name="Ann", language="en")
    RegistrationFactory(program=program, email="ru@example.org", given_name="Олег", language="ru")
    RegistrationFactory(program=program, email="zh@example.org", given_name="小明", language="zh-hans")
    client.force_login(organiser)
    form = {"subject": "News", "body": "Hello {given_name}", "subject_ru": "Новости", "body_ru": "Привет, {given_name}"}

    preview = client.post(_message_url(program), {**form, "preview": "1"})

    assert preview.status_code == 200
    assert preview.context["recipients"] == 3
    versions = {v["language"]: v for v in preview.context["preview"]}
    assert (versions["en"]["count"], versions["ru"]["count"]) == (2, 1)
    page = preview.content.decode()
    assert "English: 2 participants" in page and "Russian: 1 participant" in page
    assert "Hello Ann" in page and "Привет, Олег" in page
    assert not Message.objects.exists()

    assert client.post(_message_url(program), {**form, "send": "1"}).status_code == 302
    run_tasks()
    bodies = dict(OutgoingMail.objects.filter(tag__startswith="message:").values_list("to", "body_text"))
    assert bodies == {"en@example.org": "Hello Ann", "ru@example.org": "Привет, Олег", "zh@example.org": "Hello 小明"}


def test_half_a_translation_is_pointed_out_and_nothing_is_lost(client, organiser):
    program = ProgramFactory()
    program.organisers.add(organiser)
    RegistrationFactory(program=program)
    client.force_login(organiser)

    response = client.post(_message_url(program), {"subject": "News", "body": "Hello", "subject_zh_hans": "新闻",
                                                   "send": "1"})

    assert response.status_code == 200
    assert response.context["form"].errors["body_zh_hans"]
    assert "新闻" in response.content.decode()
    assert not Message.objects.exists()
