"""The statistics pages in Chromium, over the demo data: charts, tables and the map, on a phone and a desktop."""
import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.factories.accounts import StaffUserFactory
from trainingcenter.center.roles import CENTRE_ADMIN
from trainingcenter.demo.services import load_demo_content

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 780}
SECOND = "2021-low-carbon-nev"


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


def fits(page):
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


@pytest.fixture
def refused(page):
    messages = []
    page.on("console", lambda message: messages.append(message.text)
            if "Content Security Policy" in message.text else None)
    return messages


def test_public_statistics_page(page, live_server, screenshot, refused):
    load_demo_content()
    page.goto(f"{live_server.url}/en/statistics/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Statistics")
    world = page.locator("#stat-map svg")
    expect(world).to_be_visible()
    assert world.locator("path").count() > 150
    # Pakistan is filled (not the grey of "no one") and has its own accessible title.
    assert page.locator("#stat-map svg path:has(title)").count() >= 10
    expect(page.locator("#stat-map table")).to_contain_text("Pakistan")
    # The map's compact paths draw each country where it lies: Pakistan spans about 61-77°E
    # and 24-37°N, which the map's equirectangular view box puts at these units.
    box = page.locator("#stat-map svg path:has(title:text-matches('^Pakistan'))").evaluate(
        "path => { const b = path.getBBox(); return [b.x, b.y, b.x + b.width, b.y + b.height]; }")
    expected = [(61 + 180) / 0.36, (84 - 37) / 0.36, (77 + 180) / 0.36, (84 - 24) / 0.36]
    assert all(abs(got - want) < 5 for got, want in zip(box, expected, strict=True)), (box, expected)
    expect(page.locator("#stat-by-country-group table")).to_contain_text("ECO member states")
    page.select_option("#stat-year", "2021")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("2021")
    screenshot(page, "statistics-public")
    page.set_viewport_size(PHONE)
    assert fits(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    assert refused == []


def test_organiser_statistics_page(page, live_server, screenshot, refused):
    load_demo_content()
    log_in(page, live_server, StaffUserFactory(username="stats-admin", role=CENTRE_ADMIN))
    page.goto(f"{live_server.url}/en/staff/programs/{SECOND}/registrations/")
    page.get_by_role("link", name="Statistics", exact=True).click()
    expect(page.locator("#stat-map svg")).to_be_visible()
    expect(page.locator(".tc-stat-totals")).to_contain_text("Attendance rate")
    expect(page.locator("#stat-by-mode table")).to_contain_text("Onsite")
    screenshot(page, "statistics-organiser")
    page.set_viewport_size(PHONE)
    assert fits(page)
    assert refused == []
