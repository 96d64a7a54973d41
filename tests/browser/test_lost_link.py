"""A participant who lost their link gets it by e-mail, on a phone, in English and in Russian."""
import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.conftest import SCREENSHOTS
from tests.factories import ProgramFactory, RegistrationFactory
from tests.worker import run_tasks

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}


def snap(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-360.png"), full_page=True)


def assert_fits_the_phone(page):
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width}px wide on a {PHONE['width']}px screen"


def test_lost_link_on_a_phone_in_english(page, live_server, settings, transactional_db):
    # The minimum fill time is on, as in production; set long, so the first send surely counts as too quick.
    settings.FORM_MIN_FILL_SECONDS = 600
    water = ProgramFactory(title="Climate-Resilient Water Management")
    energy = ProgramFactory(title="New Energy Vehicles")
    first = RegistrationFactory(program=water, email="aigerim@example.org")
    second = RegistrationFactory(program=energy, email="aigerim@example.org")
    page.set_viewport_size(PHONE)

    page.goto(f"{live_server.url}/en/programs/{water.slug}/")
    link = page.get_by_role("link", name="Already registered? Get the link to your registration")
    link.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "lost-link-program-box-360.png"))
    link.click()
    expect(page.get_by_role("heading", name="Lost the link to your registration?")).to_be_visible()
    assert_fits_the_phone(page)
    snap(page, "lost-link-en")

    page.get_by_label("E-mail").fill("Aigerim@example.org")
    page.get_by_label("E-mail").press("Enter")
    expect(page.get_by_text("That was quicker than we expected.")).to_be_visible()
    expect(page.get_by_label("E-mail")).to_have_value("Aigerim@example.org")
    snap(page, "lost-link-too-fast-en")

    # A person's pace from now on: the same form, sent again, passes.
    settings.FORM_MIN_FILL_SECONDS = 1
    page.wait_for_timeout(1100)
    page.get_by_role("button", name="Send me my links").click()
    expect(page.get_by_role("heading", name="Please check your e-mail")).to_be_visible()
    expect(page.get_by_text("If there are registrations with this e-mail address")).to_be_visible()
    assert page.url.endswith("/en/registrations/lost-link/sent/")
    assert_fits_the_phone(page)
    snap(page, "lost-link-sent-en")

    run_tasks()
    [message] = mail.outbox
    links = re.findall(r"http://testserver(/en/r/[^/\s]+/)", message.body)
    assert sorted(links) == sorted([first.get_absolute_url(), second.get_absolute_url()])
    page.goto(live_server.url + links[0])
    expect(page.get_by_role("heading", name="My registration")).to_be_visible()


def test_lost_link_on_a_phone_in_russian_for_an_unknown_address(page, live_server, transactional_db):
    RegistrationFactory(email="ivan@example.org", language="ru")
    page.set_viewport_size(PHONE)

    page.goto(f"{live_server.url}/ru/registrations/lost-link/")
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    # The form works from the keyboard alone.
    page.locator("#id_email").focus()
    page.keyboard.type("nobody@example.org")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/ru/registrations/lost-link/sent/$"))
    assert_fits_the_phone(page)
    snap(page, "lost-link-sent-ru")

    # The same answer as for a known address, and no mail for this one.
    page.goto(f"{live_server.url}/ru/registrations/lost-link/")
    snap(page, "lost-link-ru")
    page.locator("#id_email").fill("ivan@example.org")
    page.locator("#id_email").press("Enter")
    expect(page).to_have_url(re.compile(r"/ru/registrations/lost-link/sent/$"))
    run_tasks()
    assert [m.to for m in mail.outbox] == [["ivan@example.org"]]
    assert "/ru/r/" in mail.outbox[0].body
