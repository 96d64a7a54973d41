"""Organisers write reports in the admin; every save goes through the services (sanitised), with publish actions."""
import pytest

from tests.factories.programs import SessionFactory
from trainingcenter.reports.models import Report

pytestmark = pytest.mark.django_db


def management(prefix, total=0, initial=0):
    return {f"{prefix}-TOTAL_FORMS": str(total), f"{prefix}-INITIAL_FORMS": str(initial),
            f"{prefix}-MIN_NUM_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": "1000"}


def test_admin_creates_edits_previews_and_publishes_a_report(client, superuser, program):
    session = SessionFactory(program=program, title="Steel without coal")
    client.force_login(superuser)
    response = client.post("/en/admin/reports/report/add/", {"program": program.pk, "_continue": "1"})
    assert response.status_code == 302, response.content.decode()[:2000]
    report = Report.objects.get(program=program)
    assert report.status == Report.Status.DRAFT

    change = f"/en/admin/reports/report/{report.pk}/change/"
    page = client.get(change).content.decode()
    assert f'href="/en/programs/{program.slug}/report/"' in page  # the preview link
    assert "Steel without coal" in page  # the session choices are the program's
    data = {**management("sections", 1), **management("references", 1), **management("photos")}
    data.update({
        "sections-0-order": "1", "sections-0-kind": "lecture_summary", "sections-0-session": str(session.pk),
        "sections-0-heading_en": "", "sections-0-body_en": '<p>Hydrogen <b>can</b> replace coke.</p><script>x</script>',
        "sections-0-body_zh_hans": "<p>氢可以替代焦炭。</p>", "sections-0-report": str(report.pk),
        "references-0-order": "1", "references-0-title_en": "A steel study (2021)",
        "references-0-url": "https://example.org/steel", "references-0-report": str(report.pk),
    })
    response = client.post(change, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    section = report.sections.get()
    assert section.body_en == "<p>Hydrogen <b>can</b> replace coke.</p>"
    assert section.body_zh_hans == "<p>氢可以替代焦炭。</p>" and section.session == session
    assert report.references.get().url == "https://example.org/steel"

    client.post("/en/admin/reports/report/", {"action": "publish", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert report.is_published and report.published_at
    client.post("/en/admin/reports/report/", {"action": "unpublish", "_selected_action": [report.pk]})
    report.refresh_from_db()
    assert not report.is_published and report.published_at is None
