"""The search page and the archive of past programs."""
from django.db.models import Prefetch
from django.shortcuts import render
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from trainingcenter.programs.models import Program, Session
from trainingcenter.reports.models import Report
from trainingcenter.search.documents import KINDS
from trainingcenter.search.queries import MAX_QUERY, filter_options, search_with_filters

PER_GROUP = 8


def _year(value):
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 1900 <= year <= 2200 else None


@require_safe
def search_page(request):
    query = request.GET.get("q", "").replace("\x00", "")[:MAX_QUERY].strip()
    kind = request.GET.get("kind", "")
    chosen = {
        "kind": kind if kind in KINDS else "",
        "theme": request.GET.get("theme", "")[:100],
        "year": _year(request.GET.get("year")),
        "country_group": request.GET.get("group", "")[:100],
    }
    results = search_with_filters(query, get_language(), **chosen) if query else None
    if results:
        # Every kind: the best few of each, with a link to the rest; one kind: up to a hundred.
        results.per_group = 100 if chosen["kind"] else PER_GROUP
    context = {"query": query, "results": results, "chosen": chosen, **filter_options()}
    return render(request, "search/results.html", context)


@require_safe
def archive(request):
    """Past programs, newest first, each with its report, recording and the sessions' slides and recordings."""
    with_material = Session.objects.exclude(slides_url="", recording_url="").order_by("starts", "pk")
    programs = list(Program.objects.past().prefetch_related(
        Prefetch("sessions", queryset=with_material, to_attr="material")
    ))
    reports = Report.objects.filter(status=Report.Status.PUBLISHED, program__in=programs)
    published = {report.program_id: report for report in reports}
    for program in programs:
        program.published_report = published.get(program.pk)
    return render(request, "search/archive.html", {"programs": programs})
