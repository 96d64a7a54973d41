"""A program's report page and PDF: public once published, 404 before (staff who manage the program preview it)."""
import datetime as dt

import pytest

from tests.factories.accounts import StaffUserFactory
from tests.factories.reports import report_program
from trainingcenter.center.roles import PROGRAM_ORGANISER
from trainingcenter.reports import services

pytestmark = pytest.mark.django_db


def url(program, language="en", pdf=False):
    return f"/{language}/programs/{program.slug}/report{'.pdf' if pdf else '/'}"


def test_published_report_page_shows_the_written_parts_and_the_data(client):
    program, report, people = report_program()
    response = client.get(url(program))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Pathways for Industrial Decarbonization" in html
    assert "The program in brief" in html and "Over <strong>100</strong> people joined." in html
    assert "Coal keeps the grid stable while renewables grow." in html  # from the session's summary
    assert people["zhu"].full_name in html and "Zhu Fahua works on ultra-low emissions" in html
    assert "Subsidies close the price gap." in html  # takeaways from the program
    assert "100 participants from 20 countries" in html
    assert "Registrations on this platform: 16 people from 4 countries." in html
    assert "Kazakhstan" in html and "Uzbekistan" not in html  # groups under five are folded
    assert 'href="https://video.example.org/5th"' in html and 'href="https://www.theguardian.com/example"' in html
    assert f'href="/en/programs/{program.slug}/report.pdf"' in html
    assert "draft" not in html.lower().split("<main", 1)[1][:2000]


def test_chinese_report_page(client):
    program, _report, _people = report_program()
    html = client.get(url(program, "zh-hans")).content.decode()
    expected = ("工业脱碳路径", "培训概览", "100余人参加了培训。", "煤电低碳转型", "政策推动普及",
                "朱法华长期从事煤电超低排放研究。")
    for text in expected:
        assert text in html, text


def test_pdf_is_served(client):
    program, _report, _people = report_program()
    response = client.get(url(program, pdf=True))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert f"report-{program.slug}-en.pdf" in response["Content-Disposition"]


def test_drafts_are_404_for_visitors_and_other_staff(client):
    program, _report, _people = report_program(published=False)
    assert client.get(url(program)).status_code == 404
    assert client.get(url(program, pdf=True)).status_code == 404
    client.force_login(StaffUserFactory(username="someone-else", role=PROGRAM_ORGANISER))
    assert client.get(url(program)).status_code == 404


def test_staff_who_manage_the_program_see_the_draft_with_a_banner(client):
    program, _report, _people = report_program(published=False)
    organiser = StaffUserFactory(username="their-organiser", role=PROGRAM_ORGANISER)
    program.organisers.add(organiser)
    client.force_login(organiser)
    response = client.get(url(program))
    assert response.status_code == 200
    assert "Draft: this report is not published." in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    assert client.get(url(program, pdf=True)).status_code == 200


def test_unpublishing_hides_the_report_again(client):
    program, report, _people = report_program()
    assert client.get(url(program)).status_code == 200
    services.unpublish_report(report)
    assert client.get(url(program)).status_code == 404


def test_no_report_is_404(client, program):
    assert client.get(url(program)).status_code == 404


def test_program_page_links_to_the_published_report_only(client):
    program, report, _people = report_program()
    assert f'href="/en/programs/{program.slug}/report/"' in client.get(f"/en/programs/{program.slug}/").content.decode()
    services.unpublish_report(report)
    assert "/report/" not in client.get(f"/en/programs/{program.slug}/").content.decode()


def test_published_date_is_shown(client):
    program, report, _people = report_program()
    services.publish_report(report, when=dt.datetime(2022, 6, 20, 2, tzinfo=dt.UTC))
    assert "Published June 20, 2022" in client.get(url(program)).content.decode()
