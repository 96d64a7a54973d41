"""The participant's page shows their check-in code (inline SVG QR) and offers their badge behind their token."""
import io
import re

import pytest
from django.utils import timezone
from pypdf import PdfReader

from tests.factories import ProgramFactory, RegistrationFactory
from trainingcenter.programs.models import Program
from trainingcenter.registrations.checkin_codes import matrix
from trainingcenter.registrations.models import Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def program():
    return ProgramFactory(title="Green Hydrogen", mode=Program.Mode.HYBRID, capacity_onsite=10)


def test_a_confirmed_onsite_participant_sees_the_qr_code_and_downloads_the_badge(client, program):
    registration = RegistrationFactory(program=program, mode="onsite", given_name="Zarina", family_name="Akhmetova")
    code = registration.checkin_code

    page = client.get(registration.get_absolute_url())

    html = page.content.decode()
    assert "Your check-in code" in html
    assert f"{code[:4]}-{code[4:8]}-{code[8:]}" in html
    [svg] = re.findall(r"<svg\b.*?</svg>", html, re.S)
    assert 'class="checkin-qr"' in svg and 'role="img"' in svg
    assert " style=" not in svg  # the page's CSP allows no inline style
    # The drawing is the code's symbol: one 1x1 run per dark module, a viewBox of 29 modules.
    assert 'viewBox="0 0 29 29"' in svg
    dark = sum(int(width) for width in re.findall(r"h(\d+)v1", svg))
    assert dark == sum(sum(row) for row in matrix(code))
    badge_url = f"/en/r/{registration.token}/badge.pdf"
    assert badge_url in html

    response = client.get(badge_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Referrer-Policy"] == "no-referrer"
    assert "no-store" in response["Cache-Control"]
    text = PdfReader(io.BytesIO(response.content)).pages[0].extract_text()
    assert "Zarina" in text and "Akhmetova" in text and "Green Hydrogen" in text


@pytest.mark.parametrize(("mode", "status"), [
    ("online", Registration.Status.CONFIRMED),
    ("onsite", Registration.Status.WAITLISTED),
    ("onsite", Registration.Status.AWAITING_APPROVAL),
    ("onsite", Registration.Status.CANCELLED),
])
def test_no_code_and_no_badge_without_a_confirmed_onsite_place(client, program, mode, status):
    registration = RegistrationFactory(program=program, mode=mode, status=status, waitlisted_at=timezone.now())

    html = client.get(registration.get_absolute_url()).content.decode()

    assert "Your check-in code" not in html
    assert registration.checkin_code not in html
    assert client.get(f"/en/r/{registration.token}/badge.pdf").status_code == 404


def test_an_unknown_token_has_no_badge(client):
    assert client.get("/en/r/not-a-real-token-at-all-0123456789/badge.pdf").status_code == 404
