"""A program's report: the public page and its PDF.

Published reports are public; a draft answers 404 to everyone but the staff
who manage the program, who see it with a "draft" banner (the preview).
"""
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from trainingcenter.reports import pdf, queries


def _content(request, slug):
    return queries.report_for_page(slug, request.user)


def _no_store_for_drafts(response, content):
    if content.is_draft:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


@require_safe
def report_page(request, slug):
    content = _content(request, slug)
    response = render(request, "reports/report.html", {"content": content, "program": content.program})
    return _no_store_for_drafts(response, content)


@require_safe
def report_pdf(request, slug):
    content = _content(request, slug)
    response = HttpResponse(pdf.render_report(content), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf.filename(content, get_language())}"'
    return _no_store_for_drafts(response, content)
