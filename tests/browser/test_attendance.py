"""An organiser's attendance pages in Chromium: upload a Zoom report, link a person, decide; phone and desktop."""
import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import expect

from tests.factories import RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from tests.factories.attendance import DAY_ONE, DAY_TWO, CheckInFactory, beijing, finished_program, meeting_report
from trainingcenter.center.roles import PROGRAM_ORGANISER
from trainingcenter.programs.models import Program

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 780}


def log_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


def fits(page):
    """Nothing wider than the window: no sideways scrolling."""
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_organiser_imports_links_and_decides(page, live_server, screenshot, tmp_path):
    refused = []
    page.on("console", lambda message: refused.append(message.text) if "Content Security Policy" in message.text
            else None)
    program = finished_program(mode=Program.Mode.HYBRID, title="Low-carbon development 2026")
    organiser = StaffUserFactory(role=PROGRAM_ORGANISER)
    program.organisers.add(organiser)
    RegistrationFactory(program=program, given_name="Amina", family_name="Karimova", email="amina@example.org")
    RegistrationFactory(program=program, given_name="Bolat", family_name="Sadykov", email="bolat@example.org")
    RegistrationFactory(program=program, given_name="Wei", family_name="Wang", email="wei@example.cn")
    dana = RegistrationFactory(program=program, given_name="Dana", family_name="Omarova", mode="onsite",
                               email="dana@example.org")
    for day in (DAY_ONE, DAY_TWO):
        CheckInFactory(registration=dana, day=day.date())
    report = tmp_path / "participants_85120001234.csv"
    report.write_bytes(meeting_report([
        ("Amina Karimova", "amina@example.org", beijing(1, 8, 55), beijing(1, 10, 20)),
        ("Amina Karimova", "amina@example.org", beijing(1, 10, 25), beijing(1, 12, 5)),
        ("Amina's iPhone", "", beijing(1, 9, 30), beijing(1, 11)),
        ("Wang Wei (王伟)", "", beijing(1, 9), beijing(1, 11, 30)),
        ("Bolat's laptop", "", beijing(1, 9), beijing(1, 12)),
        ("Zoom Room 3", "", beijing(1, 8, 50), beijing(1, 12, 10)),
    ], bom=True))
    log_in(page, live_server, organiser)

    page.goto(f"{live_server.url}/en/staff/programs/{program.slug}/registrations/")
    page.get_by_role("link", name="Attendance", exact=True).click()
    page.get_by_role("link", name="Import Zoom reports").click()
    expect(page.get_by_label("Times in the file are in")).to_have_value("Asia/Shanghai")
    page.get_by_label("Zoom participant report (CSV)").set_input_files(str(report))
    page.get_by_role("button", name="Import").click()
    expect(page.locator(".messagelist")).to_contain_text("Read 6 rows of people connected: 3 matched")
    expect(page.locator("#content-main table")).to_contain_text("participants_85120001234.csv")
    assert fits(page.set_viewport_size(PHONE) or page)
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, "attendance-import")

    page.get_by_role("link", name="3 people not matched").first.click()
    laptop = page.locator("article", has_text="Bolat's laptop")
    laptop.get_by_label("Registration", exact=True).select_option(label="Bolat Sadykov <bolat@example.org>")
    laptop.get_by_role("button", name="Link").click()
    expect(page.locator(".messagelist")).to_contain_text("Bolat's laptop is now counted for Bolat Sadykov")
    page.locator("article", has_text="Zoom Room 3").get_by_role("button", name="Ignore").click()
    expect(page.locator("#unmatched-heading")).to_contain_text("1 person not matched")
    page.set_viewport_size(PHONE)
    assert fits(page)
    screenshot(page, "attendance-people")

    page.get_by_role("link", name="Attendance results").click()
    amina = page.locator("tr", has_text="amina@example.org")
    expect(amina).to_contain_text("attended 175 of 360 minutes (48%; 75% needed)")
    expect(page.locator("tr", has_text="dana@example.org")).to_contain_text("checked in on 2 of 2 days")
    amina.get_by_text("Decide").click()
    amina.get_by_label("Attended", exact=True).check()
    amina.get_by_label("Reason (kept in the history)").fill("Followed day two from the recording, with the tutor")
    amina.get_by_role("button", name="Save").click()
    expect(page.locator(".messagelist")).to_contain_text("counts as attended")
    expect(page.locator("tr", has_text="amina@example.org")).to_contain_text(
        "decided by an organiser: Followed day two from the recording"
    )
    page.set_viewport_size(PHONE)
    assert fits(page)
    screenshot(page, "attendance-results")
    assert not refused
