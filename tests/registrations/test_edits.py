"""services.edits: a participant's details and mode from one form, both or neither."""
import pytest

from tests.factories import ProgramFactory, RegistrationFactory
from trainingcenter.programs.models import Program
from trainingcenter.registrations import services
from trainingcenter.registrations.models import Registration

pytestmark = pytest.mark.django_db


def details_of(registration, **changes):
    values = {name: getattr(registration, name) for name in services.DETAIL_FIELDS}
    values["country"] = registration.country.code
    values.update(changes)
    return values


def test_mode_and_details_together_and_what_changed():
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=1)
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONLINE)

    edit = services.edits.edit_registration(
        registration, details=details_of(registration, organization="Hydromet", time_zone="Asia/Almaty"),
        mode="onsite",
    )

    assert edit.mode_changed and not edit.status_changed
    assert edit.details == ("organization", "time_zone")
    registration.refresh_from_db()
    assert (registration.mode, registration.organization) == ("onsite", "Hydromet")


def test_nothing_changed_is_said_and_not_recorded():
    registration = RegistrationFactory()
    edit = services.edits.edit_registration(registration, details=details_of(registration), mode="online")
    assert not edit.changed
    assert registration.events.count() == 0


def test_a_refused_detail_saves_no_mode_either():
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=5)
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONLINE)

    with pytest.raises(services.RegistrationError):
        services.edits.edit_registration(registration, details=details_of(registration, country="XX"), mode="onsite")

    registration.refresh_from_db()
    assert registration.mode == "online"
    assert registration.events.count() == 0


def test_moving_into_a_full_mode_waits_there():
    program = ProgramFactory(mode=Program.Mode.HYBRID, capacity_onsite=1)
    RegistrationFactory(program=program, mode=Registration.Mode.ONSITE)
    registration = RegistrationFactory(program=program, mode=Registration.Mode.ONLINE)

    edit = services.edits.edit_registration(registration, details=details_of(registration), mode="onsite")

    assert edit.status_changed and edit.registration.status == Registration.Status.WAITLISTED
