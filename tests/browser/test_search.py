"""A visitor searches from the header in English and Chinese, filters, and opens the archive."""
import datetime as dt

import pytest
from django.utils import timezone

from tests.factories.programs import SessionFactory
from tests.factories.search import make_archive
from trainingcenter.programs.models import Program
from trainingcenter.reports.models import Report

pytestmark = pytest.mark.django_db(transaction=True)


def test_search_from_the_header_then_filter(page, live_server, screenshot):
    make_archive()
    page.goto(f"{live_server.url}/en/")
    page.get_by_role("search").get_by_label("Search").fill("electric buses")
    page.get_by_role("search").get_by_role("button", name="Search").click()
    page.wait_for_url("**/en/search/?q=electric+buses")
    assert page.get_by_role("heading", name="Programs").is_visible()
    assert page.get_by_role("heading", name="Sessions").is_visible()
    marks = page.locator(".search-hit mark").all_inner_texts()
    assert "Electric" in marks and "buses" in marks
    screenshot(page, "search-results")

    page.select_option("#search-kind", "session")
    page.locator(".search-form").get_by_role("button", name="Search").click()
    page.wait_for_url("**kind=session**")
    assert page.locator(".search-hit").count() == 1
    page.get_by_role("link", name="Electric buses in Almaty").click()
    page.wait_for_url("**/en/programs/buses-2026/#agenda-heading")


def test_chinese_search_without_spaces_and_the_archive(page, live_server, screenshot):
    archive = make_archive()
    battery = archive["battery"]
    Program.objects.filter(pk=battery.pk).update(recording_url="https://video.example.org/batteries")
    SessionFactory(program=battery, title="Cell chemistry", slides_url="https://slides.example.org/cells.pdf",
                   recording_url="https://video.example.org/cells", starts=battery.starts,
                   ends=battery.starts + dt.timedelta(hours=1))
    Report.objects.create(program=battery, status=Report.Status.PUBLISHED, published_at=timezone.now())
    page.goto(f"{live_server.url}/zh-hans/search/?q=锂电池")
    assert page.locator(".search-hit-program mark").first.inner_text() == "锂电池"
    screenshot(page, "search-results-zh-hans")
    page.goto(f"{live_server.url}/en/archive/")
    assert page.get_by_role("heading", name="Lithium-ion batteries for storage").is_visible()
    assert page.get_by_role("link", name="Report", exact=True).get_attribute("href") == (
        f"/en/programs/{battery.slug}/report/"
    )
    page.get_by_text("Slides and recordings of 1 session").click()
    assert page.get_by_role("link", name="Slides").is_visible()
    screenshot(page, "archive")
