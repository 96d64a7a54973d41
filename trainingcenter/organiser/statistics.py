"""Organisers' statistics page for one program: every figure, each chart with its table, and the world map.

Nothing is folded here (organisers see their own registrations anyway); the
public page and API fold small groups. Needs ``registrations.view_registration``
and a program the user manages.
"""
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from trainingcenter.reports import charts, statistics

from .views import VIEW_PERMISSION, _context, program_view


@require_GET
@program_view(VIEW_PERMISSION)
def program_statistics(request, program):
    stats = statistics.program_statistics(program)
    return render(request, "organiser/statistics.html", _context(
        request, program,
        title=_("Statistics: %(program)s") % {"program": program},
        stats=stats,
        sections=charts.statistics_sections(stats),
        world_sections=[charts.participants_map(stats)],
        min_group_size=statistics.MIN_GROUP_SIZE,
    ))
