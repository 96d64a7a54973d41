"""Report services: sections with sanitised rich text per language, references, photos, publishing."""
import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone, translation
from PIL import Image

from tests.factories.programs import ProgramFactory, SessionFactory
from tests.factories.reports import report_program
from trainingcenter.reports import queries, services
from trainingcenter.reports.models import Report, ReportSection

pytestmark = pytest.mark.django_db


def test_rich_text_is_sanitised_in_every_language(program):
    report = services.report_for(program)
    section = services.add_section(report, kind="introduction", body={
        "en": '<p onclick="x()">Hello <strong>world</strong> <a href="javascript:alert(1)">bad</a>'
              '<a href="https://example.org">good</a></p><script>alert(1)</script>',
        "zh_hans": "<p>你好<img src=x onerror=alert(1)></p>",
    })
    section.refresh_from_db()
    assert "onclick" not in section.body_en and "<script" not in section.body_en
    assert "javascript:" not in section.body_en
    assert "<strong>world</strong>" in section.body_en
    assert 'href="https://example.org"' in section.body_en and 'rel="noopener noreferrer"' in section.body_en
    assert section.body_zh_hans == "<p>你好</p>"


def test_plain_text_keeps_its_paragraphs(program):
    section = services.add_section(services.report_for(program), kind="conclusion",
                                   body="First paragraph.\n\nSecond & last.")
    assert section.body_en == "<p>First paragraph.</p><p>Second &amp; last.</p>"


def test_a_section_cannot_point_at_another_programs_session(program):
    other = SessionFactory(program=ProgramFactory())
    with pytest.raises(ValidationError):
        services.add_section(services.report_for(program), kind="lecture_summary", session=other)
    assert not ReportSection.objects.exists()


def test_heading_falls_back_to_the_session_title_then_the_kind(program):
    report = services.report_for(program)
    session = SessionFactory(program=program, title="Cement without carbon")
    lecture = services.add_section(report, kind="lecture_summary", session=session)
    remarks = services.add_section(report, kind="welcome_remarks")
    assert lecture.display_heading == "Cement without carbon"
    assert remarks.display_heading == "Welcome remarks"
    with translation.override("zh-hans"):
        assert ReportSection.objects.get(pk=remarks.pk).display_heading == "欢迎致辞"


def test_publish_is_a_state_change_with_a_date_and_unpublish_goes_back(program):
    report = services.report_for(program)
    assert report.status == Report.Status.DRAFT and report.published_at is None
    before = timezone.now()
    report = services.publish_report(report)
    assert report.is_published and report.published_at >= before
    first = report.published_at
    assert services.publish_report(report).published_at == first  # publishing again keeps the date
    report = services.unpublish_report(report)
    assert report.status == Report.Status.DRAFT and report.published_at is None


def _png():
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "teal").save(buffer, "PNG")
    return SimpleUploadedFile("photo.png", buffer.getvalue(), content_type="image/png")


def test_photos_must_be_images(program):
    report = services.report_for(program)
    photo = services.add_photo(report, image=_png(), caption={"en": "The audience", "zh_hans": "听众"})
    assert photo.image.name.startswith("reports/") and photo.caption_zh_hans == "听众"
    fake = SimpleUploadedFile("photo.png", b"<html>not an image</html>", content_type="image/png")
    with pytest.raises(ValidationError):
        services.add_photo(report, image=fake)
    assert report.photos.count() == 1


def test_content_comes_from_the_data():
    program, report, people = report_program()
    content = queries.content_for(report)
    assert [s.display_heading for s in content.sections] == [
        "The program in brief", "Coal power in transition", "Electric mobility in Pakistan"]
    names = [item.person for item in content.resource_persons]
    assert names == [people["moderator"], people["zhu"], people["raza"]]
    # 16 active registrations (the cancelled one does not count): KZ 6, PK 5; UZ 3 and TJ 2 folded into "other".
    assert content.participation.registrations == 16
    assert content.participation.countries == 4
    by_country = next(s for s in content.participation.charts if s["id"] == "by-country")
    assert by_country["rows"] == [("Kazakhstan", 6), ("Pakistan", 5), ("Other (groups under 5 people)", 5)]
    assert "Uzbekistan" not in str(content.participation.charts)
    anchors = [anchor for anchor, _heading in content.contents]
    assert anchors[0] == "about" and "takeaways" in anchors and anchors[-1] == "resource-persons"


def test_query_count_does_not_grow_with_sections(django_assert_max_num_queries):
    _program, report, _people = report_program()
    with django_assert_max_num_queries(40) as captured:
        queries.content_for(report)
    baseline = len(captured)
    for index in range(10):
        services.add_section(report, kind="other", heading=f"Extra {index}", body="<p>More.</p>")
    with django_assert_max_num_queries(baseline):
        queries.content_for(report)


def test_demo_reports_are_loaded_and_published():
    from trainingcenter.demo.services import load_demo_content  # noqa: PLC0415

    load_demo_content()
    for slug in ("2021-low-carbon-nev", "2022-industrial-decarbonization"):
        report = Report.objects.get(program__slug=slug)
        assert report.is_published
        assert report.sections.filter(session__isnull=False).exists()
        intro = report.sections.get(kind="introduction")
        assert intro.body_en and intro.body_zh_hans and intro.body_ru
    fifth = Report.objects.get(program__slug="2022-industrial-decarbonization")
    assert fifth.sections.filter(kind="lecture_summary").count() == 4
    assert Report.objects.get(program__slug="2021-low-carbon-nev").references.count() == 2
    load_demo_content()  # a second run replaces, it does not add
    assert fifth.sections.count() == 8
