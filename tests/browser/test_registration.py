"""A participant registers in a real browser, with keyboard and mouse, and opens their own page."""
import datetime as dt

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import VIEWER_TIME_ZONE
from tests.factories import ProgramFactory, SessionFactory
from tests.factories.meetings import OnlineMeetingFactory
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration

pytestmark = pytest.mark.browser


@pytest.fixture
def program(transactional_db):
    program = ProgramFactory(
        title="Climate-Resilient Water Management",
        subtitle="Tools for river basins in Central Asia",
        mode=Program.Mode.HYBRID,
        capacity_online=50,
        capacity_onsite=2,
        venue="BTBU campus, Beijing",
    )
    first = program.starts.replace(hour=1, minute=0, second=0)  # 09:00 in Beijing
    SessionFactory(program=program, kind="opening_remarks", title="Opening remarks",
                   starts=first, ends=first + dt.timedelta(minutes=30))
    SessionFactory(program=program, title="Glacier melt and water supply",
                   starts=first + dt.timedelta(minutes=30), ends=first + dt.timedelta(hours=2))
    SessionFactory(program=program, kind="case_study", title="A basin council in practice",
                   starts=first + dt.timedelta(days=1), ends=first + dt.timedelta(days=1, hours=1))
    OnlineMeetingFactory(program=program, join_url="https://meet.example.org/water-2026")
    return program


def test_register_with_keyboard_and_mouse_then_open_own_page(page, live_server, program, screenshot):
    page.goto(f"{live_server.url}/en/programs/{program.slug}/")
    page.get_by_role("link", name="Register", exact=True).click()
    expect(page.get_by_role("heading", name="Register", exact=True)).to_be_visible()

    page.get_by_label("Given name").click()
    page.keyboard.type("Aigerim")
    page.keyboard.press("Tab")
    page.keyboard.type("Nurlanovna")
    page.locator("#id_email").fill("aigerim@example.org")
    # The filter box narrows the country list; one match is chosen for the person.
    page.get_by_placeholder("Type to filter the list of countries").fill("kazak")
    expect(page.locator("#id_country")).to_have_value("KZ")
    page.get_by_label("Organisation").fill("Institute of Water Problems")
    page.get_by_label("Position").fill("Hydrologist")
    page.get_by_label("Sector").select_option("academia")
    page.get_by_role("radio", name="Online").check()
    honeypot = page.locator("#id_website").bounding_box()
    assert honeypot["x"] + honeypot["width"] <= 0, "the honeypot field must be off screen"
    screenshot(page, "registration-form")

    page.get_by_role("button", name="Register").click()
    # Forgot the consent: the page says so and keeps everything typed.
    expect(page.get_by_text("Please agree to the privacy notice to register.")).to_be_visible()
    expect(page.get_by_label("Given name")).to_have_value("Aigerim")
    screenshot(page, "registration-form-error")

    page.locator("#id_consent").check()
    page.get_by_role("button", name="Register").click()
    # Answered with a redirect to the participant's own page, with a one-time thank-you.
    expect(page.get_by_role("heading", name="My registration")).to_be_visible()
    expect(page.get_by_text("Thank you for registering.")).to_be_visible()
    expect(page.get_by_text("Your online place is confirmed.")).to_be_visible()
    screenshot(page, "registration-answer")
    registration = Registration.objects.get(email="aigerim@example.org")
    assert registration.status == Registration.Status.CONFIRMED
    assert registration.country.code == "KZ"
    assert registration.time_zone == VIEWER_TIME_ZONE  # reported by the browser, for the e-mails
    assert page.url.endswith(registration.get_absolute_url())

    # Reloading the answer fetches the page again; it does not send the form again.
    page.reload()
    expect(page.get_by_role("heading", name="My registration")).to_be_visible()
    expect(page.get_by_text("Thank you for registering.")).to_have_count(0)
    assert Registration.objects.filter(email="aigerim@example.org").count() == 1

    expect(page.get_by_role("link", name="Join online")).to_have_attribute("href", "https://meet.example.org/water-2026")
    expect(page.get_by_text("Glacier melt and water supply")).to_be_visible()
    # The viewer is in Moscow: local-time.js adds their time beside Beijing's 09:00.
    expect(page.locator(".agenda .viewer-time").first).to_contain_text("04:00–04:30")
    screenshot(page, "registration-participant")

    # One form for the mode and the details: both choices are applied by its one button.
    page.get_by_role("link", name="Change attendance mode or details").click()
    page.get_by_role("radio", name="Onsite").check()
    page.get_by_label("Organisation").fill("Kazakh Institute of Water")
    screenshot(page, "registration-edit")
    page.get_by_role("button", name="Save my changes").click()
    expect(page.get_by_text("Attendance changed: Onsite instead of Online.")).to_be_visible()
    expect(page.get_by_text("Your details are updated: Organisation.")).to_be_visible()
    screenshot(page, "registration-edit-done")
    registration.refresh_from_db()
    assert (registration.mode, registration.organization) == ("onsite", "Kazakh Institute of Water")

    page.get_by_role("link", name="Cancel my registration").click()
    page.get_by_label("Yes, cancel my registration").check()
    page.get_by_role("button", name="Cancel my registration").click()
    expect(page.get_by_text("This registration is cancelled.")).to_be_visible()
    expect(page.get_by_role("link", name="Join online")).to_have_count(0)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED
