"""Browser tests: Playwright's sync API driving Debian's Chromium against live_server.

Browsers are never downloaded: Chromium comes from the system package.
Screenshots go to test-artifacts/screenshots/ (git-ignored) for people to look at.
"""
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 375, "height": 812}
# A viewer far from Beijing, with no daylight saving time: local times are predictable.
VIEWER_TIME_ZONE = "Europe/Moscow"


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian's chromium is not installed (make test installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server, transactional_db):
    context = browser.new_context(viewport=DESKTOP, timezone_id=VIEWER_TIME_ZONE, locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def screenshot():
    """Save a full-page screenshot at desktop and mobile widths."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(page, name):
        for label, size in (("1280", DESKTOP), ("375", MOBILE)):
            page.set_viewport_size(size)
            page.screenshot(path=str(SCREENSHOTS / f"{name}-{label}.png"), full_page=True)
        page.set_viewport_size(DESKTOP)

    return take
