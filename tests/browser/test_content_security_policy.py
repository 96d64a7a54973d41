"""Every kind of page works in Chromium under the Content-Security-Policy.

Each page is opened with a watcher that records what the browser refuses: the
``securitypolicyviolation`` events (an init script listens for them before any
page script runs), console messages about the policy, and uncaught page errors
(a script broken by the policy usually shows up as one). A test fails on any of
them, and also checks that the page's scripts and styles really did their work.
"""
import io
import re

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, RequestFactory
from playwright.sync_api import expect

from tests.factories import ProgramFactory, RegistrationFactory
from tests.factories.accounts import StaffUserFactory
from tests.factories.showcase import showcase_site
from trainingcenter.center.roles import PROGRAM_ORGANISER
from trainingcenter.core.csp import ContentSecurityPolicyMiddleware, build_policy
from trainingcenter.public.views import center as center_views

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  const violation = {
    directive: event.effectiveDirective || event.violatedDirective,
    blocked: event.blockedURI,
    source: event.sourceFile,
    line: event.lineNumber,
    sample: event.sample,
    page: document.location.href,
  };
  (window.__cspViolations = window.__cspViolations || []).push(violation);
  if (window.reportCspViolation) window.reportCspViolation(violation);
}, true);
"""
POLICY_WORDS = re.compile(r"content[- ]security[- ]policy|securitypolicyviolation", re.I)


class Watcher:
    """What the browser refused or broke on the pages of one test."""

    def __init__(self, page):
        self.page = page
        self.violations = []
        self.console = []
        self.errors = []
        page.expose_function("reportCspViolation", self._on_violation)
        page.add_init_script(RECORD_VIOLATIONS)
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.errors.append(f"{page.url}: {error}"))

    def _on_violation(self, violation):
        self.violations.append(violation)

    def _on_console(self, message):
        if POLICY_WORDS.search(message.text):
            self.console.append(f"{message.type} on {self.page.url}: {message.text}")

    def open(self, url, status=200):
        """Open a page, check its status and that it came with the policy."""
        response = self.page.goto(url)
        assert response.status == status, url
        header = response.header_value("content-security-policy")
        assert header, f"no Content-Security-Policy on {url}"
        assert "script-src 'self'" in header
        assert "unsafe-inline" not in header.split("script-src", 1)[1].split(";", 1)[0]
        return response

    def problems(self):
        # Let late work finish (Swagger renders after fetching the schema), then
        # a round trip delivers any reportCspViolation call still on its way.
        self.page.wait_for_timeout(300)
        self.page.evaluate("1")
        return {"violations": self.violations, "console": self.console, "page errors": self.errors}

    def assert_clean(self):
        problems = self.problems()
        assert not any(problems.values()), problems


@pytest.fixture
def watch(page):
    return Watcher(page)


@pytest.fixture
def site(transactional_db):
    return showcase_site()


def log_in(page, live_server, user):
    """Give the browser a session for ``user`` without going through the login form."""
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}])


def test_the_watcher_sees_a_violation(page, live_server, site, watch):
    """A page with an inline script, under the site's policy: the watcher must catch it."""
    url = f"{live_server.url}/en/inline-script-probe/"
    page.route(url, lambda route: route.fulfill(
        status=200,
        content_type="text/html",
        headers={"Content-Security-Policy": build_policy(settings.CONTENT_SECURITY_POLICY)},
        body="<!doctype html><p style='color:red'>probe</p><script>document.title = 'ran'</script>",
    ))
    page.goto(url)
    problems = watch.problems()
    assert page.title() != "ran"
    assert {v["directive"] for v in problems["violations"]} >= {"script-src-elem", "style-src-attr"}
    assert problems["console"], "Chromium reports refusals on the console as well"


def test_visitor_pages(page, live_server, site, watch, screenshot):
    base = live_server.url
    watch.open(f"{base}/en/")
    expect(page.locator(".program-card h3").first).to_have_text("Pathways for Industrial Decarbonization")
    # site.css applied: the hero is laid out by it, not the browser's defaults.
    assert page.evaluate("getComputedStyle(document.querySelector('.skip-link')).position") == "absolute"
    screenshot(page, "csp-home")

    watch.open(f"{base}/en/about/")
    expect(page.locator(".country-group")).to_contain_text("Kazakhstan")

    watch.open(f"{base}/en/programs/")
    expect(page.locator(".program-card")).to_have_count(2)
    page.get_by_label("Status").select_option("completed")
    page.get_by_role("button", name="Filter").click()
    expect(page.locator(".program-card")).to_have_count(1)

    watch.open(f"{base}/en/programs/{site.program.slug}/")
    # local-time.js ran: the viewer's own time is beside the program's.
    expect(page.locator(".session .viewer-time").first).to_contain_text("04:00–04:45")
    screenshot(page, "csp-program")

    watch.open(f"{base}/en/people/{site.speaker.slug}/")
    expect(page.locator(".person-sessions")).to_contain_text("Carbon markets for heavy industry")

    watch.open(f"{base}/en/programs/no-such-program/", status=404)
    expect(page.get_by_role("link", name="Go to the home page")).to_be_visible()
    watch.assert_clean()


def test_register_and_open_own_page(page, live_server, site, watch, screenshot):
    watch.open(f"{live_server.url}/en/programs/{site.program.slug}/register/")
    page.get_by_label("Given name").fill("Aigerim")
    page.get_by_label("Family name").fill("Nurlanovna")
    page.locator("#id_email").fill("aigerim@example.org")
    # country-filter.js ran: its filter box narrows the list and picks the one match.
    page.get_by_placeholder("Type to filter the list of countries").fill("kazak")
    expect(page.locator("#id_country")).to_have_value("KZ")
    page.get_by_label("Organisation").fill("Institute of Water Problems")
    page.get_by_label("Position").fill("Hydrologist")
    page.get_by_label("Sector").select_option("academia")
    page.get_by_role("radio", name="Online").check()
    page.locator("#id_consent").check()
    # browser-time-zone.js ran: the hidden field carries the viewer's zone.
    assert page.locator("input[data-browser-time-zone]").first.input_value() == "Europe/Moscow"
    honeypot = page.locator("#id_website").bounding_box()
    assert honeypot["x"] + honeypot["width"] <= 0, "registration.css keeps the honeypot off screen"
    screenshot(page, "csp-registration-form")

    # The answer is a 303 to the participant's own page.
    with page.expect_navigation() as navigation:
        page.get_by_role("button", name="Register").click()
    assert "script-src 'self'" in navigation.value.header_value("content-security-policy")
    expect(page.get_by_text("Your online place is confirmed.")).to_be_visible()
    expect(page.get_by_role("heading", name="My registration")).to_be_visible()
    expect(page.locator(".agenda .viewer-time").first).to_be_visible()
    screenshot(page, "csp-participant")
    watch.assert_clean()


def test_organiser_registrations_page(page, live_server, watch, screenshot, transactional_db):
    # The role groups come from a data migration, which transactional tests flush away.
    call_command("sync_roles", stdout=io.StringIO())
    organiser = StaffUserFactory(username="program-organiser", role=PROGRAM_ORGANISER)
    program = ProgramFactory(title="Battery recycling", capacity_online=4)
    program.organisers.add(organiser)
    for _n in range(3):
        RegistrationFactory(program=program)
    log_in(page, live_server, organiser)

    watch.open(f"{live_server.url}/en/staff/programs/{program.slug}/registrations/")
    expect(page.get_by_role("heading", name="Seats per attendance mode")).to_be_visible()
    # The bar is drawn without a style attribute: an SVG rect 75 % as wide as its box.
    bar = page.locator("#mode-online svg.tc-bar")
    expect(bar).to_have_attribute("aria-label", "75% filled")
    box, fill = bar.bounding_box(), bar.locator("rect").bounding_box()
    assert fill["width"] == pytest.approx(0.75 * box["width"], abs=1)
    assert bar.locator("rect").evaluate("rect => getComputedStyle(rect).fill") == "rgb(31, 95, 74)"
    # organiser.css applied: the two tables side by side are a grid.
    assert page.evaluate("getComputedStyle(document.querySelector('.tc-grid')).display") == "grid"
    screenshot(page, "csp-organiser-registrations")
    watch.assert_clean()


def test_admin_pages(page, live_server, site, superuser, watch, screenshot):
    RegistrationFactory(program=site.program)
    log_in(page, live_server, superuser)
    base = f"{live_server.url}/en/admin"

    watch.open(f"{base}/")
    # admin-site.css applied: the centre's colours.
    assert page.evaluate("getComputedStyle(document.documentElement).getPropertyValue('--primary').trim()") == "#1f5f4a"
    screenshot(page, "csp-admin-index")

    watch.open(f"{base}/programs/program/{site.program.pk}/change/")
    # SelectFilter2.js ran: the organisers' list became the two-box chooser.
    expect(page.locator("#id_organisers_filter")).to_be_visible()
    # Collapsed fieldsets and the inlines' "add another" links are the admin's scripts at work.
    expect(page.get_by_role("link", name=re.compile("Add another"))).not_to_have_count(0)
    # The autocomplete (select2) on a speaker's row opens and searches.
    page.locator(".field-person .select2-selection").first.click()
    expect(page.locator(".select2-results__option").first).to_be_visible()
    page.keyboard.press("Escape")
    screenshot(page, "csp-admin-program-change")

    watch.open(f"{base}/programs/program/add/")
    # prepopulate.js ran: the slug follows the title.
    page.locator("#id_title_en").press_sequentially("Green hydrogen in practice")
    expect(page.locator("#id_slug")).to_have_value("green-hydrogen-in-practice")

    watch.open(f"{base}/registrations/registration/")
    expect(page.locator("#result_list tbody tr")).to_have_count(1)
    screenshot(page, "csp-admin-registrations")
    watch.assert_clean()


def test_api_docs(page, live_server, transactional_db, watch, screenshot):
    watch.open(f"{live_server.url}/api/docs")
    # ninja's swagger-ui-init.js ran and Swagger UI drew the schema it fetched.
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Training Center API")
    expect(page.locator(".opblock").first).to_be_visible()
    # Open GET /api/programs and run it: Swagger's fetch to our own origin is allowed.
    page.locator(".opblock-summary").first.click()
    page.get_by_role("button", name="Try it out").click()
    page.get_by_role("button", name="Execute").click()
    expect(page.locator(".live-responses-table tbody .response-col_status").first).to_have_text("200")
    screenshot(page, "csp-api-docs")
    watch.assert_clean()


def test_server_error_page_keeps_its_style(page, live_server, transactional_db, watch, screenshot):
    """The 500 page's inline <style> is allowed by its hash: served with the site's real header, it is styled."""
    response = ContentSecurityPolicyMiddleware(center_views.server_error)(RequestFactory().get("/en/"))
    url = f"{live_server.url}/en/server-error-probe/"
    page.route(url, lambda route: route.fulfill(
        status=500,
        content_type=response["Content-Type"],
        headers={"Content-Security-Policy": response["Content-Security-Policy"]},
        body=response.content,
    ))
    watch.open(url, status=500)
    assert page.evaluate("getComputedStyle(document.querySelector('.code')).fontWeight") == "700"
    screenshot(page, "csp-server-error")
    watch.assert_clean()
