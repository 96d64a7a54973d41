"""A participant on a phone asks for a visa invitation letter and gets it; another downloads and deletes their data.

Each runs in two languages at phone width (360 px), and the organiser's page
at desktop width. Pages are found by what they link to, not by their words,
so the tests hold once the catalogues carry the new strings. Screenshots go
to test-artifacts/screenshots/, the letter to test-artifacts/.
"""
import datetime as dt
import json

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import expect

from tests.browser.conftest import DESKTOP, SCREENSHOTS
from tests.factories import CenterFactory, ProgramFactory, QuestionFactory, RegistrationFactory, SessionFactory
from tests.factories.accounts import StaffUserFactory
from trainingcenter.center.roles import PROGRAM_ORGANISER
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration, VisaLetterRequest

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 780}
ARTIFACTS = SCREENSHOTS.parent


def shoot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)


def assert_fits(page):
    """Nothing sticks out sideways at phone width."""
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0, f"{page.url} is {overflow}px too wide"


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


def participant_url(live_server, registration, name="participant"):
    with translation.override(registration.language):
        return live_server.url + reverse(f"registrations:{name}", kwargs={"token": registration.token})


@pytest.fixture
def program(transactional_db):
    CenterFactory(
        name="BTBU-ECOSF Joint Training Center on Scientific, Technological and Economic Cooperation",
        name_zh_hans="北京工商大学——经济合作组织科学基金会联合培训中心", short_name="BTBU-ECOSF Joint Training Center",
        email="training@example.org",
    )
    starts = (timezone.now() + dt.timedelta(days=45)).replace(hour=1, minute=0, second=0, microsecond=0)
    program = ProgramFactory(
        title="Battery Energy Storage for Grids", title_zh_hans="电网电池储能", title_ru="Накопители энергии для сетей",
        mode=Program.Mode.HYBRID, capacity_onsite=1, capacity_online=50, venue="BTBU campus, Beijing",
        visa_letters_offered=True, personal_data_retention_days=90, starts=starts,
        ends=starts + dt.timedelta(days=1, hours=8),
    )
    SessionFactory(program=program, title="Grid services from battery storage", starts=starts,
                   ends=starts + dt.timedelta(hours=1))
    return program


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_onsite_participant_requests_and_downloads_a_visa_letter(page, live_server, program, language):
    registration = RegistrationFactory(
        program=program, mode=Registration.Mode.ONSITE, language=language, given_name="Aigerim",
        family_name="Zhumabayeva", organization="Institute of Physics and Technology", email="aigerim@example.org",
    )
    organiser = StaffUserFactory(username="beijing-organiser", role=PROGRAM_ORGANISER)
    program.organisers.add(organiser)
    page.set_viewport_size(PHONE)
    tag = f"visa-letter-{language}"

    page.goto(participant_url(live_server, registration))
    request_link = page.locator("#visa-letter a[href$='/visa-letter/']")
    expect(request_link).to_be_visible()
    assert_fits(page)
    page.locator("#visa-letter").scroll_into_view_if_needed()
    shoot(page, f"{tag}-1-offered")

    request_link.click()
    expect(page.locator("#id_passport_name")).to_be_visible()
    page.locator("#id_passport_name").fill("Айгерим Нурлановна ЖУМАБАЕВА")
    page.locator("#id_nationality").select_option("KZ")
    page.locator("#id_passport_number").fill("n 1234 5678")
    page.locator("#id_date_of_birth").fill("1990-05-17")
    # Sent without ticking the box: the page says so and keeps what was typed.
    page.locator("form.registration-form button[type=submit]").click()
    expect(page.locator(".errorlist").first).to_be_visible()
    expect(page.locator("#id_passport_name")).to_have_value("Айгерим Нурлановна ЖУМАБАЕВА")
    assert_fits(page)
    shoot(page, f"{tag}-2-form-error")
    page.locator("#id_confirm").check()
    page.locator("form.registration-form button[type=submit]").click()

    expect(page.locator("#visa-letter .badge-info")).to_be_visible()
    letter = VisaLetterRequest.objects.get(registration=registration)
    assert letter.passport_number == "N12345678" and letter.nationality.code == "KZ"
    assert "N12345678" not in page.content()
    shoot(page, f"{tag}-3-requested")

    # The organiser approves it on their page (desktop).
    organiser_page = page.context.new_page()
    organiser_page.set_viewport_size(DESKTOP)
    log_in(organiser_page, live_server, organiser)
    organiser_page.goto(live_server.url + reverse("staff:visa_letters", kwargs={"slug": program.slug}))
    expect(organiser_page.get_by_text("N12345678")).to_be_visible()
    shoot(organiser_page, f"{tag}-4-organiser")
    organiser_page.locator(f"#letter-{letter.pk} input[value='approve'] + input[type=submit]").click()
    expect(organiser_page.locator(f"#letter-{letter.pk} a[href$='letter.pdf']")).to_be_visible()
    shoot(organiser_page, f"{tag}-5-organiser-approved")
    organiser_page.close()

    page.goto(participant_url(live_server, registration))
    download_link = page.locator("#visa-letter a[href$='/visa-letter.pdf']")
    expect(download_link).to_be_visible()
    page.locator("#visa-letter").scroll_into_view_if_needed()
    assert_fits(page)
    shoot(page, f"{tag}-6-ready")
    page.set_viewport_size(DESKTOP)
    shoot(page, f"{tag}-6-ready")
    with page.expect_download() as download:
        download_link.click()
    path = ARTIFACTS / f"{tag}.pdf"
    download.value.save_as(str(path))
    assert path.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("language", ["en", "ru"])
def test_participant_downloads_then_deletes_their_data(page, live_server, program, language):
    question = QuestionFactory(program=program, label="Dietary needs?")
    registration = RegistrationFactory(
        program=program, mode=Registration.Mode.ONSITE, language=language, given_name="Dilnoza",
        family_name="Karimova", email="dilnoza@example.org", country="UZ", gender="female",
    )
    registration.answers.create(question=question, value="Vegetarian")
    waiting = RegistrationFactory(program=program, mode=Registration.Mode.ONSITE, status=Registration.Status.WAITLISTED,
                                  waitlisted_at=timezone.now(), email="next@example.org")
    page.set_viewport_size(PHONE)
    tag = f"my-data-{language}"
    own_page = participant_url(live_server, registration)

    page.goto(own_page)
    expect(page.locator("#my-data")).to_be_visible()
    page.locator("#my-data").scroll_into_view_if_needed()
    assert_fits(page)
    shoot(page, f"{tag}-1-page")

    with page.expect_download() as download:
        page.locator("#my-data a[href$='/my-data.json']").click()
    data = json.loads(download.value.path().read_text(encoding="utf-8"))
    assert data["registration"]["email"] == "dilnoza@example.org"
    assert data["answers"] == [{"question": "Dietary needs?", "answer": "Vegetarian"}]

    page.locator("#my-data a[href$='/erase/']").click()
    expect(page.locator("#id_confirm")).to_be_visible()
    assert_fits(page)
    shoot(page, f"{tag}-2-confirm")
    page.locator("form button[type=submit]").click()  # not ticked: nothing happens but a message
    expect(page.locator(".errorlist").first).to_be_visible()
    registration.refresh_from_db()
    assert not registration.is_erased

    page.locator("#id_confirm").check()
    page.locator("form button[type=submit]").click()
    expect(page.locator("h1")).to_be_visible()
    assert page.url.endswith(reverse("registrations:erased").split("/", 2)[2])
    assert_fits(page)
    shoot(page, f"{tag}-3-erased")

    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert registration.is_erased and registration.given_name == "(erased)"
    assert (registration.country.code, registration.gender) == ("UZ", "female")
    assert waiting.status == Registration.Status.CONFIRMED
    assert page.goto(own_page).status == 404
