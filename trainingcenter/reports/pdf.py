"""A program's report as an A4 PDF (WeasyPrint), from the same content and fragments as the web page."""
from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import get_language

TEMPLATE = "reports/pdf/report.html"


def render_html(content):
    return render_to_string(TEMPLATE, {"content": content, "program": content.program, "pdf": True,
                                       "language": get_language()})


def render_report(content):
    """The report as PDF bytes, in the active language."""
    import weasyprint  # noqa: PLC0415 - slow import (Pango and its fonts), needed only here

    document = weasyprint.HTML(string=render_html(content), base_url=str(settings.PROJECT_DIR))
    return document.write_pdf()


def filename(content, language):
    return f"report-{content.program.slug}-{language}.pdf"
