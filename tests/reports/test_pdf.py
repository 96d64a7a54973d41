"""The report's PDF: A4, cover, contents, sections, bionotes annex; English and Chinese text extracted with pypdf."""
import io

import pytest
from django.utils import translation
from pypdf import PdfReader

from tests.factories.reports import report_program
from trainingcenter.reports import pdf, queries

pytestmark = pytest.mark.django_db


def render(report, language):
    with translation.override(language):
        data = pdf.render_report(queries.content_for(report))
    reader = PdfReader(io.BytesIO(data))
    return reader, [page.extract_text() for page in reader.pages]


def squeeze(text):
    return "".join(text.split())


def test_english_pdf_has_cover_contents_sections_and_bionotes():
    program, report, _people = report_program()
    reader, pages = render(report, "en")
    assert len(pages) >= 4
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    cover, contents = pages[0], pages[1]
    assert "Pathways for Industrial" in cover and "Example Joint Training Center".upper() in cover
    assert "Beijing Technology and Business University" in cover  # partners on the cover
    assert "Contents" in contents and "Coal power in transition" in contents
    text = "\n".join(pages)
    for heading in ("About the program", "The program in brief", "Coal power in transition",
                    "Electric mobility in Pakistan", "Key takeaways", "Participation", "Annex: resource persons"):
        assert heading in text, heading
    assert "Khalil Raza named four levers." in text  # the written body
    assert "Coal keeps the grid stable" in text  # the session's summary, where no body was written
    annex = next(page for page in pages if "Annex: resource persons" in page and "Zhu Fahua works" in page)
    assert "Prof. Fahua Zhu" in annex or "Prof. Zhu Fahua" in annex
    # Page numbers and the running header on inner pages.
    assert f"2 / {len(pages)}" in pages[1]
    assert "Program report" in pages[2]


def test_chinese_pdf():
    _program, report, _people = report_program()
    _reader, pages = render(report, "zh-hans")
    text = squeeze("\n".join(pages))
    wanted = ("工业脱碳路径", "示例联合培训中心", "培训概览", "100余人参加了培训", "煤电低碳转型",
              "在可再生能源增长的同时", "政策推动普及", "朱法华长期从事煤电超低排放研究")
    for expected in wanted:
        assert squeeze(expected) in text, expected


def test_draft_pdf_says_so():
    _program, report, _people = report_program(published=False)
    _reader, pages = render(report, "en")
    assert "Draft: not published" in pages[0]
