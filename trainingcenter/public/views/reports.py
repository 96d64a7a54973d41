"""A program's report: the public page and its PDF.

Published reports are public; a draft answers 404 to everyone but the staff
who manage the program, who see it with a "draft" banner (the preview).

Anonymous visitors get the page from the page cache (``core.pagecache``): the
content version covers the written report, the program and the centre; the
participation figures are counted from registrations, attendance,
certificates and feedback, which change without touching the report (imports
write in bulk, so no signal would tell), hence ``report_data_stamp``.
"""
from django.db.models import F, Func, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from trainingcenter.attendance.models import AttendanceOverride, CheckIn, ZoomAttendee, ZoomInterval, ZoomReport
from trainingcenter.certificates.models import Certificate
from trainingcenter.core import pagecache
from trainingcenter.programs.models import Program
from trainingcenter.registrations.models import Registration
from trainingcenter.reports import pdf, queries
from trainingcenter.surveys.models import Answer


def _content(request, slug):
    return queries.report_for_page(slug, request.user)


def _no_store_for_drafts(response, content):
    if content.is_draft:
        response["Cache-Control"] = "private, no-store"
        response["X-Robots-Tag"] = "noindex"
    return response


def _scalar(queryset, function, field="pk"):
    """``SELECT function(field) FROM ...`` as a subquery (no GROUP BY: the whole filtered table is one group)."""
    expression = F(field) if isinstance(field, str) else field
    return Subquery(queryset.order_by().annotate(value=Func(expression, function=function)).values("value")[:1])


def _stamp_queryset(slug):
    program = Program.objects.filter(slug=slug).values("pk")
    registrations = Registration.objects.filter(program__in=program)
    check_ins = CheckIn.objects.filter(registration__program__in=program)
    overrides = AttendanceOverride.objects.filter(registration__program__in=program)
    reports = ZoomReport.objects.filter(program__in=program)
    attendees = ZoomAttendee.objects.filter(program__in=program)
    intervals = ZoomInterval.objects.filter(report__program__in=program)
    certificates = Certificate.objects.filter(program__in=program)
    answers = Answer.objects.filter(response__survey__program__in=program)
    stamp = {
        "registrations": _scalar(registrations, "COUNT"),
        "registrations_changed": _scalar(registrations, "MAX", "updated_at"),
        "check_ins": _scalar(check_ins, "COUNT"),
        "check_ins_last": _scalar(check_ins, "MAX"),
        "overrides": _scalar(overrides, "COUNT"),
        "overrides_changed": _scalar(overrides, "MAX", "decided_at"),
        "reports": _scalar(reports, "COUNT"),
        "reports_last": _scalar(reports, "MAX"),
        "attendees": _scalar(attendees, "COUNT"),
        "attendees_last": _scalar(attendees, "MAX"),
        # Organisers link Zoom's people to registrations (and undo it) in place: who is whom, as one number.
        "attendees_links": _scalar(attendees, "SUM", F("pk") * (Coalesce(F("registration_id"), 0) + 1)),
        "intervals": _scalar(intervals, "COUNT"),
        "certificates": _scalar(certificates, "COUNT"),
        "certificates_valid": _scalar(certificates.filter(status=Certificate.Status.VALID), "COUNT"),
        "certificates_last": _scalar(certificates, "MAX"),
        "answers": _scalar(answers, "COUNT"),
        "answers_last": _scalar(answers, "MAX"),
    }
    stamp = {f"stamp_{name}": value for name, value in stamp.items()}  # not to clash with Program's relations
    return Program.objects.filter(slug=slug).annotate(**stamp).values_list(*stamp).order_by()[:1]


_stamp_query = pagecache.PreparedQuery(_stamp_queryset)


def report_data_stamp(slug):
    """A stamp of everything the report's participation figures are counted from; one query.

    Counts and the latest row (or change) of each table: a row added, removed
    or (where the table records it) changed gives another stamp. The query is
    compiled once per process (it is asked on every visit).
    """
    rows = _stamp_query(slug)
    return tuple(str(value) for value in rows[0]) if rows else None


@require_safe
@pagecache.cache_public_page(state=report_data_stamp)
def report_page(request, slug):
    pagecache.depends_on(request, slug)  # before the figures are counted
    content = _content(request, slug)
    # The report has the centre already: the site frame need not ask for it again.
    context = {"content": content, "program": content.program, "center": content.center}
    response = render(request, "reports/report.html", context)
    return _no_store_for_drafts(response, content)


@require_safe
def report_pdf(request, slug):
    content = _content(request, slug)
    response = HttpResponse(pdf.render_report(content), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{pdf.filename(content, get_language())}"'
    return _no_store_for_drafts(response, content)
