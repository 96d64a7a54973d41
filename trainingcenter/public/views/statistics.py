"""The centre's public statistics page: aggregates only, every group under 5 people folded into "other".

``/<lang>/statistics/``, optionally ``?year=2022`` (programs starting that
year) and ``?theme=<slug>``. Unknown values are ignored (the whole centre is
shown), never an error.
"""
from django.db.models.functions import ExtractYear
from django.shortcuts import render
from django.views.decorators.http import require_safe

from trainingcenter.programs.models import Theme
from trainingcenter.reports import charts, statistics


def _choices():
    programs = statistics.centre_programs()
    years = sorted(
        {year for year in programs.annotate(year=ExtractYear("starts")).values_list("year", flat=True).distinct()},
        reverse=True,
    )
    themes = list(Theme.objects.filter(programs__in=programs).distinct().order_by("name"))
    return years, themes


@require_safe
def centre_statistics(request):
    years, themes = _choices()
    try:
        year = int(request.GET.get("year") or 0)
    except ValueError:
        year = 0
    year = year if year in years else None
    theme_slug = request.GET.get("theme") or ""
    theme = next((item for item in themes if item.slug == theme_slug), None)
    stats = statistics.public_centre_statistics(year=year, theme=theme.slug if theme else None)
    return render(request, "reports/statistics.html", {
        "stats": stats,
        "sections": charts.statistics_sections(stats),
        "world_sections": [charts.participants_map(stats)],
        "years": years,
        "themes": themes,
        "year": year,
        "theme": theme,
        "min_group_size": statistics.MIN_GROUP_SIZE,
    })
