"""An employer checks a certificate on a phone: typed from paper, valid, revoked, a typo, unknown."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, SCREENSHOTS
from tests.factories import RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from tests.factories.certificates import CertificateFactory, past_program
from trainingcenter.certificates import codes, services

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("empty_cache")]

PHONE = {"width": 360, "height": 740}


def snap(page, name, size="360"):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{size}.png"), full_page=True)


def assert_fits_the_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px screen"


@pytest.fixture
def certificate(transactional_db):
    program = past_program(title="Pathways for Industrial Decarbonization in the Belt and Road Countries")
    registration = RegistrationFactory(program=program, given_name="Muhammad Abdullah", family_name="Al-Rashidi",
                                       email="m.rashidi@example.org", organization="Ministry of Energy")
    return CertificateFactory(registration=registration)


def test_verifying_a_certificate_on_a_phone(page, live_server, certificate):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/en/certificates/verify/")
    expect(page.get_by_role("heading", name="Verify a certificate", level=1)).to_be_visible()
    assert_fits_the_phone(page)
    snap(page, "certificate-verify-form")

    # Typed from paper: small letters, spaces instead of hyphens, an O for a zero.
    typed = " ".join(certificate.grouped_code.lower().split("-")).replace("0", "o")
    page.get_by_label("Code printed on the certificate").fill(typed)
    page.get_by_role("button", name="Verify").click()

    expect(page.get_by_role("heading", name="Valid certificate")).to_be_visible()
    assert page.url.endswith(f"/en/certificates/verify/{certificate.code}/")
    facts = page.locator(".verdict-facts")
    expect(facts).to_contain_text("Muhammad Abdullah Al-Rashidi")
    expect(facts).to_contain_text("Pathways for Industrial Decarbonization in the Belt and Road Countries")
    expect(facts).to_contain_text("8–9 June 2026")
    expect(page.locator(".verdict-code")).to_contain_text(certificate.grouped_code)
    body = page.locator("main").inner_text() if page.locator("main").count() else page.inner_text("body")
    assert "m.rashidi@example.org" not in body and "Ministry of Energy" not in body
    assert_fits_the_phone(page)
    snap(page, "certificate-valid")
    page.set_viewport_size(DESKTOP)
    snap(page, "certificate-valid", "1280")
    page.set_viewport_size(PHONE)

    # The organisers revoke it: the same code now says so.
    services.revoke_certificate(certificate, actor=StaffUserFactory(), reason="Recorded in error")
    page.reload()
    expect(page.get_by_role("heading", name="This certificate has been revoked")).to_be_visible()
    expect(page.get_by_text("It is no longer valid.")).to_be_visible()
    assert "Recorded in error" not in page.inner_text("body")
    assert_fits_the_phone(page)
    snap(page, "certificate-revoked")


def test_a_typo_and_an_unknown_code_on_a_phone(page, live_server, certificate):
    page.set_viewport_size(PHONE)
    page.goto(f"{live_server.url}/en/certificates/verify/")
    swapped = certificate.code[1] + certificate.code[0] + certificate.code[2:]
    if swapped == certificate.code:
        swapped = ("1" if certificate.code[0] != "1" else "2") + certificate.code[1:]
    field = page.get_by_label("Code printed on the certificate")
    field.fill(codes.grouped(swapped))
    field.press("Enter")
    expect(page.get_by_text("This code has a typing mistake")).to_be_visible()
    expect(field).to_have_attribute("aria-invalid", "true")
    expect(field).to_have_value(codes.grouped(swapped))
    assert_fits_the_phone(page)
    snap(page, "certificate-typo")

    body = "ABCDEFGHJKM"
    unknown = body + codes.check_character(body)
    page.get_by_label("Code printed on the certificate").fill(unknown)
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", name="No certificate has this code")).to_be_visible()
    assert_fits_the_phone(page)
    snap(page, "certificate-unknown")
