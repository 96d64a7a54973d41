"""A program's report in a browser: contents that lead to the sections, charts, bionotes, the PDF link;
at desktop and phone width, in English and Chinese, with no Content-Security-Policy violation."""
import pytest
from playwright.sync_api import expect

from tests.factories.reports import report_program

pytestmark = pytest.mark.browser


@pytest.fixture
def published(transactional_db):
    program, _report, people = report_program()
    return program, people


def test_report_page(page, live_server, published, screenshot):
    program, people = published
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.goto(f"{live_server.url}/en/programs/{program.slug}/report/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Pathways for Industrial Decarbonization")
    contents = page.get_by_role("navigation", name="Contents")
    contents.get_by_role("link", name="Coal power in transition").click()
    assert "#section-" in page.url
    expect(page.get_by_role("heading", level=2, name="Coal power in transition")).to_be_in_viewport()
    expect(page.locator("#participation svg").first).to_be_visible()
    expect(page.get_by_role("heading", name=people["zhu"].full_name)).to_be_visible()
    expect(page.get_by_role("link", name="Download the report (PDF)")).to_have_attribute(
        "href", f"/en/programs/{program.slug}/report.pdf")
    assert not [error for error in errors if "Content Security Policy" in error or "Refused" in error]
    screenshot(page, "report-en")

    page.goto(f"{live_server.url}/zh-hans/programs/{program.slug}/report/")
    expect(page.get_by_role("heading", level=1)).to_have_text("工业脱碳路径")
    expect(page.get_by_text("100余人参加了培训。")).to_be_visible()
    screenshot(page, "report-zh-hans")
    assert not [error for error in errors if "Content Security Policy" in error or "Refused" in error]


def test_draft_report_is_not_found_for_visitors(page, live_server, transactional_db):
    program, _report, _people = report_program(published=False)
    response = page.goto(f"{live_server.url}/en/programs/{program.slug}/report/")
    assert response.status == 404
