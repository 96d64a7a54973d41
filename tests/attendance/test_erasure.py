"""A participant's erasure reaches Zoom's reports: their name and address go, their minutes stay."""
import pytest

from tests.factories import RegistrationFactory
from tests.factories.attendance import ZoomAttendeeFactory
from trainingcenter.attendance.models import ZoomAttendee
from trainingcenter.registrations.services import privacy

pytestmark = pytest.mark.django_db


def test_erasing_a_participant_forgets_how_zoom_named_them_but_keeps_the_link():
    registration = RegistrationFactory(email="farida@example.org", given_name="Farida")
    attendee = ZoomAttendeeFactory(program=registration.program, registration=registration,
                                   key="email:farida@example.org", display_name="Farida A.", email="farida@example.org")
    stranger = ZoomAttendeeFactory(program=registration.program, display_name="Guest host")

    privacy.erase_personal_data(registration)
    privacy.erase_personal_data(registration)

    attendee.refresh_from_db()
    assert (attendee.display_name, attendee.email, attendee.key) == ("", "", f"erased:{attendee.pk}")
    assert attendee.registration_id == registration.pk  # the minutes still count in the figures
    assert not ZoomAttendee.objects.filter(key__contains="farida").exists()
    stranger.refresh_from_db()
    assert stranger.display_name == "Guest host"
