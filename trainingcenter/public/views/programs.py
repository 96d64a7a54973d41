"""Public pages: the program list, a program's page and a resource person's page."""
from django.shortcuts import render
from django.views.decorators.http import require_safe

from trainingcenter.programs import queries
from trainingcenter.programs.models import Program, ProgramRole


@require_safe
def program_list(request):
    filters = queries.ProgramFilters.from_query(request.GET)
    programs = queries.program_cards(filters.apply(Program.objects.public()).order_by("-starts"))
    return render(
        request,
        "programs/program_list.html",
        {"programs": programs, "filters": filters, **queries.filter_options()},
    )


@require_safe
def program_detail(request, slug):
    program = queries.program_for_page(slug, request.user)
    context = {
        "program": program,
        "agenda": queries.agenda_by_day(program),
        "officials": queries.roles_of(program, ProgramRole.Role.OFFICIAL),
        "moderators": queries.roles_of(program, ProgramRole.Role.MODERATOR),
        "takeaway_groups": queries.takeaways_by_heading(program),
        "is_preview": program.status == Program.Status.DRAFT,
    }
    return render(request, "programs/program_detail.html", context)


@require_safe
def person_detail(request, slug):
    person = queries.person_for_page(slug)
    return render(request, "programs/person_detail.html", {"person": person})
