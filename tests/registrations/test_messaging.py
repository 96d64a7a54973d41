"""Messages to participants: one personal e-mail each, sent in the background, to the chosen audience."""
import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories import CountryGroupFactory, ProgramFactory, RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from tests.worker import run_tasks
from trainingcenter.center.roles import CHECKIN_STAFF, PROGRAM_ORGANISER
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Message, Registration, RegistrationEvent
from trainingcenter.registrations.services import messaging

pytestmark = pytest.mark.django_db
Status = Registration.Status


def _personal_link(registration):
    with translation.override(registration.language):
        return "http://testserver" + reverse("registrations:participant", kwargs={"token": registration.token})


def _mails(message):
    return OutgoingMail.objects.filter(tag=f"message:{message.pk}").order_by("to")


def test_one_personal_mail_per_recipient_of_the_chosen_mode():
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=10)
    online = RegistrationFactory(program=program, given_name="Aigerim", family_name="Bekova",
                                 email="a@example.org", mode="online")
    online_zh = RegistrationFactory(program=program, given_name="小明", family_name="王", email="b@example.org",
                                    mode="online", language="zh-hans")
    RegistrationFactory(program=program, mode="onsite", email="onsite@example.org")
    organiser = StaffUserFactory(role=PROGRAM_ORGANISER)

    message = messaging.send_message(
        program, subject="Your link, {given_name}", body="Dear {full_name},\nyour page: {link}",
        modes=["online"], actor=organiser,
    )
    assert not _mails(message).exists(), "nothing is written before the task runs"
    run_tasks()

    mails = list(_mails(message))
    assert [mail.to for mail in mails] == ["a@example.org", "b@example.org"]
    assert mails[0].subject == "Your link, Aigerim"
    assert mails[0].body_text == f"Dear Aigerim Bekova,\nyour page: {_personal_link(online)}"
    assert "/zh-hans/r/" in mails[1].body_text
    assert _personal_link(online_zh) in mails[1].body_text
    assert _personal_link(online) in mails[0].body_html
    message.refresh_from_db()
    assert message.recipients_count == 2
    event = online.events.get(action=RegistrationEvent.Action.MESSAGE_SENT)
    assert event.actor == organiser


def test_by_default_cancelled_and_rejected_people_get_nothing():
    program = ProgramFactory()
    RegistrationFactory(program=program, email="in@example.org")
    RegistrationFactory(program=program, email="wait@example.org", status=Status.WAITLISTED)
    RegistrationFactory(program=program, email="gone@example.org", status=Status.CANCELLED)
    RegistrationFactory(program=program, email="no@example.org", status=Status.REJECTED)

    message = messaging.send_message(program, subject="News", body="Hello")
    run_tasks()

    assert [mail.to for mail in _mails(message)] == ["in@example.org", "wait@example.org"]


def test_filters_by_status_and_country():
    program = ProgramFactory()
    RegistrationFactory(program=program, email="kz@example.org", country="KZ", status=Status.WAITLISTED)
    RegistrationFactory(program=program, email="pk@example.org", country="PK", status=Status.CONFIRMED)
    RegistrationFactory(program=program, email="cn@example.org", country="CN", status=Status.WAITLISTED)

    message = messaging.send_message(program, subject="S", body="B", statuses=["waitlisted"], countries=["KZ", "PK"])
    run_tasks()

    assert [mail.to for mail in _mails(message)] == ["kz@example.org"]


def test_braces_and_unknown_placeholders_are_kept_as_written():
    program = ProgramFactory()
    RegistrationFactory(program=program, given_name="{link}", family_name="Smith")
    body = "Fees {xyz} in {} and {0} {given_name} {given_name"

    message = messaging.send_message(program, subject="Note {", body=body)
    run_tasks()

    [mail] = _mails(message)
    assert mail.body_text == "Fees {xyz} in {} and {0} {link} {given_name"
    assert mail.subject == "Note {"


def test_html_part_escapes_the_organisers_text():
    program = ProgramFactory()
    RegistrationFactory(program=program)

    message = messaging.send_message(program, subject="S", body="<script>alert(1)</script>")
    run_tasks()

    [mail] = _mails(message)
    assert "<script>" not in mail.body_html
    assert "&lt;script&gt;" in mail.body_html


def test_delivering_twice_sends_once():
    program = ProgramFactory()
    RegistrationFactory(program=program)
    message = messaging.send_message(program, subject="S", body="B")
    run_tasks()

    messaging.deliver(Message.objects.get(pk=message.pk))

    assert _mails(message).count() == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"subject": " ", "body": "B"}, "subject"), ({"subject": "S", "body": ""}, "body"),
     ({"subject": "S", "body": "B", "statuses": ["bogus"]}, "statuses"),
     ({"subject": "S", "body": "B", "countries": ["XX"]}, "countries")],
)
def test_bad_input_is_refused_with_a_reason(fields, field):
    program = ProgramFactory()

    with pytest.raises(messaging.MessagingError) as refused:
        messaging.send_message(program, **fields)

    assert refused.value.field == field
    assert not Message.objects.exists()


# --- the organisers' page --------------------------------------------------------------


def _url(program):
    return reverse("staff:message", kwargs={"slug": program.slug})


def test_preview_shows_the_count_and_the_first_message_then_send_delivers(client, organiser):
    program = ProgramFactory()
    program.organisers.add(organiser)
    group = CountryGroupFactory(name="ECO member states", countries=["KZ", "PK"])
    first = RegistrationFactory(program=program, given_name="Aigerim", country="KZ", email="kz@example.org")
    RegistrationFactory(program=program, country="PK", email="pk@example.org")
    RegistrationFactory(program=program, country="CN", email="cn@example.org")
    client.force_login(organiser)
    form = {"subject": "Welcome", "body": "Hello {given_name}, see {link}", "country_group": group.pk}

    preview = client.post(_url(program), {**form, "preview": "1"})

    page = preview.content.decode()
    assert preview.status_code == 200
    assert preview.context["recipients"] == 2
    assert "Hello Aigerim, see " + _personal_link(first) in page
    assert not Message.objects.exists()

    sent = client.post(_url(program), {**form, "send": "1"})

    assert sent.status_code == 302
    message = Message.objects.get()
    assert message.countries == ["KZ", "PK"]
    assert message.created_by == organiser
    run_tasks()
    assert sorted(_mails(message).values_list("to", flat=True)) == ["kz@example.org", "pk@example.org"]


def test_no_matching_recipient_is_explained_and_nothing_sent(client, organiser):
    program = ProgramFactory()
    program.organisers.add(organiser)
    RegistrationFactory(program=program, country="KZ")
    client.force_login(organiser)

    response = client.post(_url(program), {"subject": "S", "body": "B", "countries": ["KZ"], "statuses": ["rejected"],
                                           "send": "1"})

    assert response.status_code == 200
    assert "No participant matches" in response.content.decode()
    assert not Message.objects.exists()


def test_checkin_staff_cannot_message(client):
    checkin = StaffUserFactory(role=CHECKIN_STAFF)
    program = ProgramFactory()
    program.organisers.add(checkin)
    RegistrationFactory(program=program)
    client.force_login(checkin)

    response = client.post(_url(program), {"subject": "S", "body": "B", "send": "1"})

    assert response.status_code == 403
    assert not Message.objects.exists()


# --- in each participant's language ------------------------------------------------------


RU = {"ru": {"subject": "Новости, {given_name}", "body": "Здравствуйте, {full_name}!"}}


def test_each_participant_gets_their_language_and_english_is_the_fallback():
    program = ProgramFactory()
    RegistrationFactory(program=program, email="en@example.org", given_name="Ann", family_name="Lee", language="en")
    RegistrationFactory(program=program, email="ru@example.org", given_name="Олег", family_name="Иванов",
                        language="ru")
    RegistrationFactory(program=program, email="zh@example.org", given_name="小明", family_name="王",
                        language="zh-hans")

    message = messaging.send_message(program, subject="News, {given_name}", body="Hello {full_name}!", translations=RU)
    run_tasks()

    mails = {mail.to: mail for mail in _mails(message)}
    assert (mails["ru@example.org"].subject, mails["ru@example.org"].body_text) == (
        "Новости, Олег", "Здравствуйте, Олег Иванов!",
    )
    assert (mails["en@example.org"].subject, mails["en@example.org"].body_text) == ("News, Ann", "Hello Ann Lee!")
    # No Chinese version was written: English it is.
    assert mails["zh@example.org"].subject == "News, 小明"
    ru = Registration.objects.get(email="ru@example.org")
    assert ru.events.get(action=RegistrationEvent.Action.MESSAGE_SENT).note == "Новости, {given_name}"
    assert Message.objects.get().translations == {"ru": {"subject": "Новости, {given_name}",
                                                          "body": "Здравствуйте, {full_name}!"}}


def test_a_language_left_blank_is_left_out_and_half_a_translation_refused():
    program = ProgramFactory()

    blank = messaging.send_message(program, subject="S", body="B", translations={"ru": {"subject": " ", "body": ""}})
    assert blank.translations == {}

    with pytest.raises(messaging.MessagingError) as half:
        messaging.send_message(program, subject="S", body="B", translations={"zh-hans": {"subject": "主题"}})
    assert half.value.field == "body_zh_hans"

    with pytest.raises(messaging.MessagingError) as unknown:
        messaging.send_message(program, subject="S", body="B", translations={"de": {"subject": "S", "body": "B"}})
    assert unknown.value.field == "translations"


def test_preview_counts_who_gets_which_version_and_writes_nothing():
    program = ProgramFactory()
    for n, language in enumerate(["en", "ru", "ru", "zh-hans"]):
        RegistrationFactory(program=program, email=f"p{n}@example.org", language=language, given_name=f"P{n}")

    versions = messaging.preview(program, subject="Hi {given_name}", body="B", translations=RU)

    assert [(v["language"], v["count"]) for v in versions] == [("en", 2), ("ru", 2)]
    assert (versions[0]["to"], versions[0]["subject"]) == ("p0@example.org", "Hi P0")
    assert (versions[1]["to"], versions[1]["subject"]) == ("p1@example.org", "Новости, P1")
    assert not Message.objects.exists()


def test_a_version_nobody_reads_is_previewed_as_written():
    program = ProgramFactory()
    RegistrationFactory(program=program, language="en")

    versions = messaging.preview(program, subject="S", body="B", translations=RU)

    assert versions[1] == {
        "language": "ru", "name": "Russian", "count": 0, "to": None,
        "subject": "Новости, {given_name}", "text": "Здравствуйте, {full_name}!",
    }
