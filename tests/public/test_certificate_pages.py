"""Anyone verifies a certificate by its code; a participant downloads their own behind their token."""
import io

import pytest
from pypdf import PdfReader

from tests.factories import RegistrationFactory
from tests.factories.certificates import CertificateFactory, attended, past_program
from tests.worker import run_tasks
from trainingcenter.certificates import codes, services

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("empty_cache")]


@pytest.fixture
def program():
    return past_program(title="Low-Carbon Development", title_ru="Низкоуглеродное развитие")


@pytest.fixture
def certificate(program):
    registration = RegistrationFactory(
        program=program, given_name="Elif", family_name="Yılmaz", organization="Grid Storage Solutions",
        country="TR", email="elif@example.org",
    )
    return CertificateFactory(registration=registration)


def unknown_code():
    body = "ABCDEFGHJKM"
    return body + codes.check_character(body)


def test_the_form_sends_a_typed_code_to_its_page(client, certificate):
    page = client.get("/en/certificates/verify/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Verify a certificate" in html and 'name="code"' in html
    assert "Content-Security-Policy" in page

    typed = " " + certificate.grouped_code.lower().replace("0", "o") + " "
    response = client.get("/en/certificates/verify/", {"code": typed})
    assert response.status_code == 302
    assert response["Location"] == f"/en/certificates/verify/{certificate.code}/"


@pytest.mark.parametrize(("typed", "message"), [
    ("K7QX-M2RP", "A certificate code has 12 characters"),
    ("K7QU-M2RP-9ZT4", "without I, L, O and U"),
])
def test_the_form_says_why_what_was_typed_is_not_a_code(client, typed, message):
    response = client.get("/en/certificates/verify/", {"code": typed})
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html and 'aria-invalid="true"' in html


def test_a_typo_is_told_apart_from_an_unknown_code(client, certificate):
    typo = ("1" if certificate.code[0] != "1" else "2") + certificate.code[1:]
    response = client.get("/en/certificates/verify/", {"code": typo})
    assert response.status_code == 400
    assert "This code has a typing mistake" in response.content.decode()


def test_a_valid_certificate_shows_name_program_dates_and_issue_date_only(client, certificate):
    response = client.get(f"/en/certificates/verify/{certificate.grouped_code.lower()}/")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Valid certificate" in html
    assert "Elif Yılmaz" in html and "Low-Carbon Development" in html
    assert "8–9 June 2026" in html
    assert certificate.grouped_code in html
    for private in ("elif@example.org", "Grid Storage Solutions", "Turkey", certificate.registration.token):
        assert private not in html
    assert '<meta name="robots" content="noindex">' in html


def test_a_revoked_certificate_says_so(client, certificate, staff_user):
    services.revoke_certificate(certificate, actor=staff_user, reason="Attendance recorded in error")
    response = client.get(f"/en/certificates/verify/{certificate.code}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "This certificate has been revoked" in html and "It is no longer valid." in html
    # Why it was revoked is the organisers' business.
    assert "Attendance recorded in error" not in html


def test_a_replaced_certificate_says_so(client, program, staff_user):
    registration = attended(program, given_name="Aigerm", family_name="Nurlanova")
    services.issue_certificates(program)
    run_tasks()
    old = registration.certificates.get()
    registration.given_name = "Aigerim"
    registration.save()
    new = services.reissue_certificate(old, actor=staff_user, reason="Name misspelt")

    html = client.get(f"/en/certificates/verify/{old.code}/").content.decode()
    assert "This certificate has been replaced" in html and "Aigerm Nurlanova" in html
    assert new.code not in html and new.grouped_code not in html
    assert "Aigerim Nurlanova" in client.get(f"/en/certificates/verify/{new.code}/").content.decode()


def test_an_unknown_code_answers_404_with_the_page(client):
    response = client.get(f"/en/certificates/verify/{unknown_code()}/")
    assert response.status_code == 404
    assert "No certificate has this code" in response.content.decode()


def test_the_page_speaks_the_visitors_language(client, certificate):
    response = client.get(f"/ru/certificates/verify/{certificate.code}/")
    assert response.status_code == 200
    assert "8–9 июня 2026 г." in response.content.decode()


def test_lookups_are_rate_limited_per_client_address(client, settings, certificate):
    settings.CERTIFICATE_VERIFY_RATE_LIMIT = "2/h"
    for _ in range(2):
        assert client.get(f"/en/certificates/verify/{certificate.code}/").status_code == 200

    refused = client.get(f"/en/certificates/verify/{unknown_code()}/")

    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 3600
    assert "Please try again in" in refused.content.decode()
    # Another address is not affected.
    assert client.get(f"/en/certificates/verify/{certificate.code}/", REMOTE_ADDR="203.0.113.9").status_code == 200


def test_the_participant_downloads_their_certificate_from_their_own_page(client, program):
    registration = attended(program, given_name="Айгерим", family_name="Нурланова", language="ru")
    services.issue_certificates(program)
    run_tasks()
    certificate = registration.certificates.get()

    page = client.get(registration.get_absolute_url())

    html = page.content.decode()
    assert 'id="certificate"' in html and "Your certificate" in html
    assert certificate.grouped_code in html
    url = f"/en/r/{registration.token}/certificate.pdf"
    assert url in html
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    assert response["Referrer-Policy"] == "no-referrer"
    assert "Айгерим Нурланова" in PdfReader(io.BytesIO(response.content)).pages[0].extract_text()


def test_no_certificate_no_section_and_no_download(client, program):
    registration = RegistrationFactory(program=program)
    assert 'id="certificate"' not in client.get(registration.get_absolute_url()).content.decode()
    assert client.get(f"/en/r/{registration.token}/certificate.pdf").status_code == 404
    assert client.get("/en/r/not-a-token-at-all-000000/certificate.pdf").status_code == 404


def test_a_revoked_certificate_is_no_longer_offered(client, program, staff_user):
    registration = attended(program)
    certificate = CertificateFactory(registration=registration)
    services.revoke_certificate(certificate, actor=staff_user, reason="Error")
    html = client.get(registration.get_absolute_url()).content.decode()
    assert "Your certificate has been revoked" in html
    assert client.get(f"/en/r/{registration.token}/certificate.pdf").status_code == 404
