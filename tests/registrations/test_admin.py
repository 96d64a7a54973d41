"""The registrations admin: actions go through the services; organisers see only their programs."""
import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from tests.factories import ProgramFactory, RegistrationFactory
from tests.worker import run_tasks
from trainingcenter.mailer.models import OutgoingMail
from trainingcenter.programs.models import Program
from trainingcenter.registrations import services
from trainingcenter.registrations.models import Registration, RegistrationEvent

pytestmark = pytest.mark.django_db
Status = Registration.Status
CHANGELIST = "admin:registrations_registration_changelist"


def _act(client, action, registrations, **extra):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [r.pk for r in registrations], **extra},
        follow=True,
    )


def _texts(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def test_approve_action_confirms_and_records_who_approved(client, organiser):
    program = ProgramFactory(requires_approval=True)
    program.organisers.add(organiser)
    waiting = RegistrationFactory(program=program, status=Status.AWAITING_APPROVAL)
    client.force_login(organiser)

    response = _act(client, "approve", [waiting])

    assert response.status_code == 200
    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED
    event = waiting.events.get(action=RegistrationEvent.Action.APPROVED)
    assert event.actor == organiser
    assert "1 registration approved." in _texts(response)


def test_confirming_from_a_full_waiting_list_explains_and_changes_nothing(client, organiser):
    program = ProgramFactory(capacity_online=1)
    program.organisers.add(organiser)
    RegistrationFactory(program=program, status=Status.CONFIRMED)
    waiting = RegistrationFactory(program=program, status=Status.WAITLISTED)
    client.force_login(organiser)

    response = _act(client, "confirm", [waiting])

    assert response.status_code == 200
    waiting.refresh_from_db()
    assert waiting.status == Status.WAITLISTED
    [text] = _texts(response)
    assert waiting.full_name in text
    assert "no free seat" in text


def test_confirm_action_moves_a_waitlisted_person_in_when_a_seat_is_free(client, organiser):
    program = ProgramFactory(capacity_online=2)
    program.organisers.add(organiser)
    RegistrationFactory(program=program, status=Status.CONFIRMED)
    waiting = RegistrationFactory(program=program, status=Status.WAITLISTED)
    client.force_login(organiser)

    _act(client, "confirm", [waiting])

    waiting.refresh_from_db()
    assert waiting.status == Status.CONFIRMED


def test_one_refusal_does_not_undo_the_others(client, organiser):
    program = ProgramFactory(requires_approval=True)
    program.organisers.add(organiser)
    awaiting = RegistrationFactory(program=program, status=Status.AWAITING_APPROVAL)
    already = RegistrationFactory(program=program, status=Status.CONFIRMED)
    client.force_login(organiser)

    response = _act(client, "approve", [awaiting, already])

    awaiting.refresh_from_db()
    assert awaiting.status == Status.CONFIRMED
    texts = _texts(response)
    assert "1 registration approved." in texts
    assert any(already.full_name in text and "not changed" in text for text in texts)


def test_move_to_waitlist_gives_the_seat_to_the_next_in_line(client, organiser):
    program = ProgramFactory(capacity_online=1)
    program.organisers.add(organiser)
    seated = RegistrationFactory(program=program, status=Status.CONFIRMED)
    next_in_line = RegistrationFactory(program=program, status=Status.WAITLISTED)
    client.force_login(organiser)

    _act(client, "move_to_waitlist", [seated])

    seated.refresh_from_db()
    next_in_line.refresh_from_db()
    assert seated.status == Status.WAITLISTED
    assert next_in_line.status == Status.CONFIRMED


def test_switch_to_onsite(client, organiser):
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5, capacity_online=5)
    program.organisers.add(organiser)
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONLINE)
    client.force_login(organiser)

    _act(client, "switch_to_onsite", [registration])

    registration.refresh_from_db()
    assert registration.mode == Registration.Mode.ONSITE
    assert registration.status == Status.CONFIRMED


def test_switch_to_a_mode_the_program_does_not_offer_is_refused_politely(client, organiser):
    program = ProgramFactory(mode=Program.Mode.ONLINE)
    program.organisers.add(organiser)
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONLINE)
    client.force_login(organiser)

    response = _act(client, "switch_to_onsite", [registration])

    assert response.status_code == 200
    registration.refresh_from_db()
    assert registration.mode == Registration.Mode.ONLINE
    assert any("cannot be attended" in text for text in _texts(response))


def test_reject_asks_first_then_rejects_with_the_reason_for_the_participant(client, organiser):
    program = ProgramFactory()
    program.organisers.add(organiser)
    registration = RegistrationFactory(program=program)
    client.force_login(organiser)

    asking = client.post(reverse(CHANGELIST), {"action": "reject", "_selected_action": [registration.pk]})
    assert asking.status_code == 200
    assert "Yes, reject" in asking.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED

    assert 'name="reason"' in asking.content.decode()

    _act(client, "reject", [registration], confirmed="yes", reason="  Not in the target group ")

    registration.refresh_from_db()
    assert registration.status == Status.REJECTED
    assert registration.events.get(action=RegistrationEvent.Action.REJECTED).note == "Not in the target group"
    run_tasks()
    [mail] = OutgoingMail.objects.filter(to=registration.email, subject__startswith="Registration not accepted")
    assert "Not in the target group" in mail.body_text


def test_too_long_a_reason_is_shown_again_not_cut(client, organiser):
    program = ProgramFactory()
    program.organisers.add(organiser)
    registration = RegistrationFactory(program=program)
    client.force_login(organiser)
    reason = "x" * (services.REASON_MAX_LENGTH + 1)

    response = _act(client, "reject", [registration], confirmed="yes", reason=reason)

    assert response.status_code == 200
    assert reason in response.content.decode()
    assert "at most 500 characters" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Status.CONFIRMED


def test_cancel_action_promotes_the_first_waiting(client, organiser):
    program = ProgramFactory(capacity_online=1)
    program.organisers.add(organiser)
    seated = RegistrationFactory(program=program)
    waiting = RegistrationFactory(program=program, status=Status.WAITLISTED)
    client.force_login(organiser)

    _act(client, "cancel", [seated])

    seated.refresh_from_db()
    waiting.refresh_from_db()
    assert seated.status == Status.CANCELLED
    assert waiting.status == Status.CONFIRMED


def test_organiser_sees_only_their_programs_registrations(client, organiser):
    mine = ProgramFactory()
    mine.organisers.add(organiser)
    RegistrationFactory(program=mine, given_name="Visible")
    other = RegistrationFactory(given_name="Hidden")
    client.force_login(organiser)

    page = client.get(reverse(CHANGELIST)).content.decode()
    assert "Visible" in page
    assert "Hidden" not in page

    response = client.get(reverse("admin:registrations_registration_change", args=[other.pk]))
    assert response.status_code in (302, 404)
    assert "Hidden" not in response.content.decode()


def test_an_organiser_cannot_act_on_another_programs_registration(client, organiser):
    other = RegistrationFactory(status=Status.CONFIRMED)
    client.force_login(organiser)

    _act(client, "cancel", [other])

    other.refresh_from_db()
    assert other.status == Status.CONFIRMED


def test_search_finds_by_organisation(client, staff_user):
    RegistrationFactory(organization="Kazakh National University", given_name="Found")
    RegistrationFactory(organization="Somewhere else", given_name="Skipped")
    client.force_login(staff_user)

    page = client.get(reverse(CHANGELIST), {"q": "Kazakh"}).content.decode()

    assert "Found" in page
    assert "Skipped" not in page


def test_registrations_cannot_be_added_or_deleted_by_hand(client, staff_user):
    registration = RegistrationFactory()
    client.force_login(staff_user)

    assert client.get(reverse("admin:registrations_registration_add")).status_code == 403
    assert client.get(reverse("admin:registrations_registration_delete", args=[registration.pk])).status_code == 403


def test_status_is_read_only_and_details_change_through_the_service(client, organiser):
    program = ProgramFactory()
    program.organisers.add(organiser)
    registration = RegistrationFactory(program=program, organization="Old Institute")
    client.force_login(organiser)
    url = reverse("admin:registrations_registration_change", args=[registration.pk])

    page = client.get(url).content.decode()
    assert 'name="status"' not in page
    assert 'name="organization"' in page

    data = {
        "given_name": registration.given_name, "family_name": registration.family_name,
        "country": "KZ", "organization": "New Institute", "position": registration.position,
        "sector": registration.sector, "gender": "", "language": "en",
        "status": Status.CANCELLED,  # ignored: not a field of the form
    }
    for prefix in ("answers", "events"):
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    response = client.post(url, data)

    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.organization == "New Institute"
    assert registration.status == Status.CONFIRMED
    assert registration.events.get(action=RegistrationEvent.Action.DETAILS_CHANGED).note == "organization"


def test_change_page_shows_history(client, staff_user):
    registration = RegistrationFactory()
    RegistrationEvent.objects.create(
        registration=registration, action=RegistrationEvent.Action.REGISTERED, to_status=Status.CONFIRMED
    )
    client.force_login(staff_user)

    page = client.get(reverse("admin:registrations_registration_change", args=[registration.pk])).content.decode()

    assert "History" in page
    assert "Registered" in page


def test_check_in_staff_see_details_but_not_the_token_or_join_link(client, checkin_staff):
    registration = RegistrationFactory(join_url="https://zoom.example.org/w/personal")
    registration.program.organisers.add(checkin_staff)  # staff see the programs they are assigned to
    client.force_login(checkin_staff)

    response = client.get(reverse("admin:registrations_registration_change", args=[registration.pk]))

    page = response.content.decode()
    assert response.status_code == 200
    assert registration.email in page
    assert registration.token not in page
    assert "zoom.example.org" not in page


def test_country_filter_offers_only_countries_people_registered_from(client, staff_user):
    RegistrationFactory(country="KZ")
    RegistrationFactory(country="PK")
    client.force_login(staff_user)

    page = client.get(reverse(CHANGELIST)).content.decode()
    filtered = client.get(reverse(CHANGELIST), {"country": "KZ"})

    assert "?country=KZ" in page and "?country=PK" in page
    assert "?country=AQ" not in page  # Antarctica: nobody registered from there
    assert [r.country.code for r in filtered.context["cl"].result_list] == ["KZ"]


def test_changelist_filtered_by_program_links_to_the_overview(client, staff_user):
    program = ProgramFactory()
    RegistrationFactory(program=program)
    client.force_login(staff_user)

    page = client.get(reverse(CHANGELIST), {"program__id__exact": program.pk}).content.decode()

    assert reverse("staff:program_registrations", kwargs={"slug": program.slug}) in page
