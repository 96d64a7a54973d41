"""The check-in page on a phone (360 × 740) in real Chromium: search and tap, a scanned code, the camera,
the offline queue; and the organisers' live list with undo.

Headless Chromium has no camera; one test gives it a fake one that films a QR
code (Chromium's --use-file-for-fake-video-capture, a Y4M file made here), so
the page's real camera path reads it (jsQR: Chromium on Linux has no
BarcodeDetector). The other tests feed decoded text to the function the camera
path calls, ``window.checkinPage.decoded``.
"""
import datetime as dt

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone
from PIL import Image
from playwright.sync_api import expect

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, SCREENSHOTS
from tests.factories import ProgramFactory, RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from trainingcenter.attendance.models import CheckIn
from trainingcenter.attendance.services import checkins
from trainingcenter.center.roles import CHECKIN_STAFF, PROGRAM_ORGANISER
from trainingcenter.programs.models import Program
from trainingcenter.registrations.checkin_codes import matrix
from trainingcenter.registrations.models import Registration

pytestmark = pytest.mark.browser
PHONE = {"width": 360, "height": 740}
RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  (window.__cspViolations = window.__cspViolations || []).push(event.effectiveDirective + " " + event.blockedURI);
}, true);
"""


@pytest.fixture
def program(transactional_db):
    now = timezone.now().replace(microsecond=0)
    return ProgramFactory(
        title="Lithium-ion Battery Recycling", mode=Program.Mode.HYBRID, capacity_onsite=40,
        status=Program.Status.RUNNING, starts=now - dt.timedelta(hours=2), ends=now + dt.timedelta(hours=30),
        registration_opens=now - dt.timedelta(days=20), registration_closes=now - dt.timedelta(days=1),
    )


@pytest.fixture
def people(program):
    other = ProgramFactory(title="New Energy Vehicles")
    return {
        "dilnoza": RegistrationFactory(program=program, mode="onsite", given_name="Dilnoza", family_name="Karimova",
                                       organization="Tashkent State Technical University", country="UZ"),
        "jose": RegistrationFactory(program=program, mode="onsite", given_name="José", family_name="Álvarez",
                                    organization="Universidad de Chile", country="CL"),
        "alena": RegistrationFactory(program=program, mode="onsite", given_name="Алёна", family_name="Смирнова",
                                     organization="Казахский национальный университет", country="KZ"),
        "waiting": RegistrationFactory(program=program, mode="onsite", given_name="Rustam", family_name="Karimov",
                                       status=Registration.Status.WAITLISTED, waitlisted_at=timezone.now()),
        "cancelled": RegistrationFactory(program=program, mode="onsite", given_name="Aziz", family_name="Nurmatov",
                                         status=Registration.Status.CANCELLED),
        "elsewhere": RegistrationFactory(program=other, mode="onsite", given_name="Arman", family_name="Seitkali"),
    }


@pytest.fixture
def door_staff(program):
    user = StaffUserFactory(username="door", role=CHECKIN_STAFF)
    program.organisers.add(user)
    return user


def sign_in(context, live_server, user):
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


def phone_context(browser, live_server, user, **options):
    context = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, timezone_id="Asia/Shanghai", locale="en-GB", **options,
    )
    context.add_init_script(RECORD_VIOLATIONS)
    sign_in(context, live_server, user)
    return context


@pytest.fixture
def phone(browser, live_server, door_staff):
    context = phone_context(browser, live_server, door_staff)
    page = context.new_page()
    page.set_default_timeout(15_000)
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.errors = errors
    yield page
    context.close()


def shot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def open_checkin(page, live_server, program):
    page.goto(f"{live_server.url}/en/staff/programs/{program.slug}/checkin/")
    expect(page.get_by_role("button", name="Scan with the camera")).to_be_visible()


def assert_clean(page):
    assert page.evaluate("window.__cspViolations || []") == []
    assert page.errors == []
    # Nothing wider than the phone: no sideways scrolling at the door.
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def answer(page):
    return page.locator("#ci-answer")


def test_search_by_name_and_tap_to_check_in(phone, live_server, program, people):
    open_checkin(phone, live_server, program)
    shot(phone, "checkin-phone-start")

    phone.get_by_label("Name, e-mail, organisation or code").fill("karim")
    results = phone.locator("#ci-results li")
    # Both Karimova (onsite, confirmed) and Karimov (waiting); the confirmed one first, with a button.
    expect(results).to_have_count(2)
    expect(results.first).to_contain_text("Dilnoza Karimova")
    expect(results.nth(1)).to_contain_text("Waitlisted")
    expect(results.nth(1).get_by_role("button")).to_have_count(0)
    shot(phone, "checkin-phone-search")

    phone.get_by_role("button", name="Check in: Dilnoza Karimova").click()

    expect(answer(phone)).to_have_class("ci-answer ci-success ci-flash")
    expect(answer(phone)).to_contain_text("Checked in: Dilnoza Karimova")
    expect(results.first).to_contain_text("Checked in at ")
    expect(phone.locator("#ci-checked-in")).to_have_text("1")
    shot(phone, "checkin-phone-checked-in")
    row = CheckIn.objects.get()
    assert row.registration == people["dilnoza"]

    # Accents and case do not matter; Cyrillic is found too.
    phone.get_by_label("Name, e-mail, organisation or code").fill("jose alvarez")
    expect(results.first).to_contain_text("José Álvarez")
    phone.get_by_label("Name, e-mail, organisation or code").fill("алена")
    expect(results.first).to_contain_text("Алёна Смирнова")
    assert_clean(phone)


def test_scanned_codes_get_clear_distinct_answers(phone, live_server, program, people):
    open_checkin(phone, live_server, program)
    decoded = "code => window.checkinPage.decoded(code)"

    phone.evaluate(decoded, people["dilnoza"].checkin_code)
    expect(answer(phone)).to_contain_text("Checked in: Dilnoza Karimova")
    expect(answer(phone)).to_have_attribute("data-status", "success")

    phone.evaluate(decoded, people["elsewhere"].checkin_code)
    expect(answer(phone)).to_contain_text("This code is for another program: New Energy Vehicles")
    expect(answer(phone)).to_have_attribute("data-status", "error")
    shot(phone, "checkin-phone-other-program")

    phone.evaluate(decoded, people["cancelled"].checkin_code)
    expect(answer(phone)).to_contain_text("Registration cancelled: Aziz Nurmatov")
    phone.evaluate(decoded, people["waiting"].checkin_code)
    expect(answer(phone)).to_contain_text("On the waiting list, no place: Rustam Karimov")
    phone.evaluate(decoded, "HTTPS://EXAMPLE.ORG/NOT-A-BADGE")
    expect(answer(phone)).to_contain_text("Unknown code")

    phone.evaluate(decoded, people["dilnoza"].checkin_code)
    local = timezone.localtime(CheckIn.objects.get().checked_in_at, program.tz)
    expect(answer(phone)).to_contain_text(f"Already checked in at {local:%H:%M}")
    expect(answer(phone)).to_have_attribute("data-status", "warning")
    shot(phone, "checkin-phone-already")
    expect(phone.locator("#ci-log li")).to_have_count(6)
    assert CheckIn.objects.count() == 1
    assert_clean(phone)


def test_scans_made_offline_are_queued_and_sent_once_when_the_network_is_back(phone, live_server, program, people):
    open_checkin(phone, live_server, program)
    decoded = "code => window.checkinPage.decoded(code)"

    phone.context.set_offline(True)
    phone.evaluate(decoded, people["dilnoza"].checkin_code)
    phone.evaluate(decoded, people["jose"].checkin_code)

    expect(phone.locator("#ci-offline")).to_be_visible()
    expect(answer(phone)).to_contain_text("Saved on this phone")
    expect(phone.locator("#ci-queue-title")).to_have_text("Scans waiting to be sent: 2")
    expect(phone.locator("#ci-queue-list li")).to_have_count(2)
    assert len(phone.evaluate("window.checkinPage.queue()")) == 2
    assert CheckIn.objects.count() == 0
    shot(phone, "checkin-phone-offline-queue")

    phone.context.set_offline(False)

    expect(phone.locator("#ci-queue")).to_be_hidden()
    expect(phone.locator("#ci-offline")).to_be_hidden()
    expect(phone.locator("#ci-log")).to_contain_text("Checked in: Dilnoza Karimova")
    expect(phone.locator("#ci-log")).to_contain_text("Checked in: José Álvarez")
    expect(phone.locator("#ci-checked-in")).to_have_text("2")
    shot(phone, "checkin-phone-queue-sent")
    assert phone.evaluate("window.checkinPage.queue()") == []
    assert sorted(CheckIn.objects.values_list("registration__given_name", flat=True)) == ["Dilnoza", "José"]
    # A later retry finds nothing left to send.
    phone.evaluate("window.checkinPage.flush()")
    assert CheckIn.objects.count() == 2
    assert_clean(phone)


def test_a_scan_whose_answer_was_lost_is_sent_again_and_counted_once(phone, live_server, program, people):
    open_checkin(phone, live_server, program)
    scan_url = f"{live_server.url}/en/staff/programs/{program.slug}/checkin/scan/"
    delivered = []

    def reaches_the_server_but_the_answer_is_lost(route):
        delivered.append(route.fetch().status)
        route.abort("connectionreset")

    phone.route(scan_url, reaches_the_server_but_the_answer_is_lost)
    phone.evaluate("code => window.checkinPage.decoded(code)", people["alena"].checkin_code)
    expect(answer(phone)).to_contain_text("Saved on this phone")
    assert delivered == [200]
    assert CheckIn.objects.count() == 1  # the server did check her in

    phone.unroute(scan_url)
    phone.evaluate("window.checkinPage.flush()")

    # The same scan again (same client_key): the server knows it and says what it did.
    expect(answer(phone)).to_contain_text("Checked in: Алёна Смирнова")
    expect(answer(phone)).to_have_attribute("data-status", "success")
    expect(phone.locator("#ci-queue")).to_be_hidden()
    row = CheckIn.objects.get()
    assert row.registration == people["alena"]
    assert row.client_key
    assert_clean(phone)


def qr_video(path, code, size=(640, 480), module=10, frames=15):
    """A few seconds of a Y4M video filming the QR code of ``code`` on a white page, as a phone camera would."""
    width, height = size
    image = Image.new("L", size, 235)
    rows = matrix(code)
    left, top = (width - len(rows) * module) // 2, (height - len(rows) * module) // 2
    for y, row in enumerate(rows):
        for x, dark in enumerate(row):
            if dark:
                image.paste(16, (left + x * module, top + y * module, left + (x + 1) * module, top + (y + 1) * module))
    luma = image.tobytes()
    chroma = bytes([128]) * (width // 2 * height // 2)
    with open(path, "wb") as video:
        video.write(f"YUV4MPEG2 W{width} H{height} F5:1 Ip A1:1 C420jpeg\n".encode())
        for _frame in range(frames):
            video.write(b"FRAME\n" + luma + chroma + chroma)


def test_the_camera_reads_a_badge(browser, live_server, program, people, door_staff, tmp_path):
    video = tmp_path / "badge.y4m"
    qr_video(video, people["jose"].checkin_code)
    camera_browser = browser.browser_type.launch(executable_path=CHROMIUM, args=[
        *CHROMIUM_ARGS, "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ])
    try:
        context = phone_context(camera_browser, live_server, door_staff, permissions=["camera"])
        page = context.new_page()
        page.set_default_timeout(20_000)
        open_checkin(page, live_server, program)

        page.get_by_role("button", name="Scan with the camera").click()

        expect(page.locator("#ci-video-box")).to_be_visible()
        expect(answer(page)).to_contain_text("Checked in: José Álvarez")
        shot(page, "checkin-phone-camera")
        assert CheckIn.objects.get().registration == people["jose"]
        # The badge stays in front of the camera: it is read once, not again and again.
        page.wait_for_timeout(1500)
        expect(page.locator("#ci-log li")).to_have_count(1)
        page.get_by_role("button", name="Stop the camera").click()
        expect(page.locator("#ci-video-box")).to_be_hidden()
        assert page.evaluate("window.__cspViolations || []") == []
        context.close()
    finally:
        camera_browser.close()


def test_organisers_watch_the_list_fill_and_undo_a_check_in(browser, live_server, program, people):
    organiser = StaffUserFactory(username="lead", role=PROGRAM_ORGANISER)
    program.organisers.add(organiser)
    checkins.check_in(program, people["dilnoza"].checkin_code)
    context = browser.new_context(viewport={"width": 1280, "height": 900}, timezone_id="Asia/Shanghai")
    context.add_init_script(RECORD_VIOLATIONS)
    sign_in(context, live_server, organiser)
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.goto(f"{live_server.url}/en/staff/programs/{program.slug}/checkins/")
    expect(page.locator("#checked-in")).to_contain_text("Dilnoza Karimova")
    expect(page.locator(".tc-checkin-counts")).to_contain_text("of 3 expected onsite")

    # Someone is checked in at the door: the list shows it without a reload.
    checkins.check_in(program, people["jose"].checkin_code)
    expect(page.locator("#checked-in")).to_contain_text("José Álvarez", timeout=12_000)
    expect(page.locator(".tc-big")).to_have_text("2")
    page.screenshot(path=str(SCREENSHOTS / "checkin-list-live.png"), full_page=True)

    page.locator("#checked-in tr", has_text="José Álvarez").get_by_role("link", name="Undo").click()
    expect(page.get_by_text("Undo the check-in of")).to_be_visible()
    page.get_by_role("button", name="Yes, undo the check-in").click()

    expect(page.get_by_text("The check-in of José Álvarez")).to_be_visible()
    expect(page.locator("#checked-in")).not_to_contain_text("José Álvarez")
    assert list(CheckIn.objects.values_list("registration__given_name", flat=True)) == ["Dilnoza"]
    assert page.evaluate("window.__cspViolations || []") == []
    context.close()


def test_the_participant_sees_their_qr_code_and_it_reads_back_as_their_code(browser, live_server, program, people):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True, locale="en-GB")
    context.add_init_script(RECORD_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    registration = people["alena"]
    page.goto(f"{live_server.url}{registration.get_absolute_url()}")

    section = page.locator("#checkin-code")
    expect(section.get_by_role("heading", name="Your check-in code")).to_be_visible()
    qr = section.get_by_role("img", name="QR code for check-in")
    expect(qr).to_be_visible()
    box = qr.bounding_box()
    assert box["width"] >= 180 and box["width"] == box["height"]
    expect(section.get_by_role("link", name="Download my badge (PDF)")).to_be_visible()
    section.scroll_into_view_if_needed()
    page.screenshot(path=str(SCREENSHOTS / "checkin-participant-page.png"), full_page=True)
    # What a phone at the door would read from this screen: the page's own QR code, decoded by the same jsQR.
    page.add_script_tag(url=f"{live_server.url}/static/organiser/vendor/jsqr/jsQR.js")
    read = page.evaluate("""async () => {
        const svg = document.querySelector('#checkin-code svg');
        const image = new Image();
        const markup = new XMLSerializer().serializeToString(svg);
        image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(markup);
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = canvas.height = 290;
        const context = canvas.getContext('2d');
        context.drawImage(image, 0, 0, 290, 290);
        const found = jsQR(context.getImageData(0, 0, 290, 290).data, 290, 290);
        return found && found.data;
    }""")
    assert read == registration.checkin_code
    assert page.evaluate("window.__cspViolations || []") == []
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    context.close()
