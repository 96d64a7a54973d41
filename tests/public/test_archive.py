"""The archive: past programs with their report, recording and the sessions' slides and recordings."""
import datetime as dt

import pytest
from django.utils import timezone

from tests.factories.programs import ProgramFactory, SessionFactory
from trainingcenter.programs.models import Program
from trainingcenter.reports.models import Report

pytestmark = pytest.mark.django_db


def past_program(**fields):
    starts = timezone.now().replace(microsecond=0) - dt.timedelta(days=fields.pop("days_ago", 100))
    return ProgramFactory(
        starts=starts, ends=starts + dt.timedelta(days=2), status=Program.Status.COMPLETED,
        registration_opens=None, registration_closes=None, **fields,
    )


def test_lists_past_programs_with_report_recording_and_slides(client):
    old = past_program(title="Battery storage", recording_url="https://video.example.org/2nd", days_ago=400)
    Report.objects.create(program=old, status=Report.Status.PUBLISHED, published_at=timezone.now())
    SessionFactory(program=old, title="Cell chemistry", slides_url="https://slides.example.org/cells.pdf",
                   starts=old.starts, ends=old.starts + dt.timedelta(hours=1))
    SessionFactory(program=old, title="No material", starts=old.starts, ends=old.starts + dt.timedelta(hours=1))
    newer = past_program(title="Clean buses", days_ago=50)
    Report.objects.create(program=newer)  # a draft: not linked
    ProgramFactory(title="Upcoming program")
    html = client.get("/en/archive/").content.decode()
    assert html.index("Clean buses") < html.index("Battery storage")
    assert "Upcoming program" not in html
    assert f'href="/en/programs/{old.slug}/report/"' in html
    assert f'href="/en/programs/{newer.slug}/report/"' not in html
    assert 'href="https://video.example.org/2nd"' in html
    assert 'href="https://slides.example.org/cells.pdf"' in html
    assert "Cell chemistry" in html and "No material" not in html


def test_translated_and_constant_queries(client, django_assert_max_num_queries):
    for days in (100, 200, 300):
        program = past_program(title="Program", title_zh_hans="氢能课程", days_ago=days)
        SessionFactory(program=program, slides_url="https://slides.example.org/a.pdf",
                       starts=program.starts, ends=program.starts + dt.timedelta(hours=1))
    with django_assert_max_num_queries(10):
        html = client.get("/zh-hans/archive/").content.decode()
    assert html.count("氢能课程") == 3


def test_empty_archive(client):
    assert client.get("/ru/archive/").status_code == 200
