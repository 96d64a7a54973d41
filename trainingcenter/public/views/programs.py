"""Public pages: the program list, a program's page and a resource person's page.

Anonymous visitors get them from the page cache (``core.pagecache``): the
content version covers everything these pages show but the clock and the
seats; the views name those (``valid_until``, ``depends_on``).
"""
from django.db.models import Count
from django.shortcuts import render
from django.views.decorators.http import require_safe

from trainingcenter.core import pagecache
from trainingcenter.programs import queries
from trainingcenter.programs.models import Program, ProgramRole
from trainingcenter.registrations.models import Registration

FILTER_PARAMETERS = ("status", "theme", "year")


def known_filters(request):
    """The filter form's own addresses: its fields in its order, each once, each empty or a value the list offers.

    Anything else is served fresh and not stored, so that made-up addresses
    cannot fill the cache (whose other entries are the rate limits' counters).
    """
    params = request.GET
    names = list(params)
    if names != [name for name in FILTER_PARAMETERS if name in params] or any(
        len(params.getlist(name)) > 1 for name in names
    ):
        return False
    filters = queries.ProgramFilters.from_query(params)
    if params.get("year") and filters.year not in queries.filter_options()["years"]:
        return False
    parsed = {"status": filters.status, "theme": filters.theme, "year": str(filters.year or "")}
    return all(params[name] == parsed[name] for name in names)


@require_safe
@pagecache.cache_public_page(known_query=known_filters)
def program_list(request):
    filters = queries.ProgramFilters.from_query(request.GET)
    programs = queries.program_cards(filters.apply(Program.objects.public()).order_by("-starts"))
    return render(
        request,
        "programs/program_list.html",
        {"programs": programs, "filters": filters, **queries.filter_options()},
    )


_seats_query = pagecache.PreparedQuery(
    lambda slug: Registration.objects.filter(program__slug=slug, status__in=Registration.SEAT_HOLDING_STATUSES)
    .order_by().values("mode").annotate(n=Count("pk")).values_list("mode", "n")
)


def seats_taken(slug, limits):
    """What the registration box shows of the seats: per limited mode, the seats taken up to the capacity.

    ``limits``: ((mode, capacity), ...). One query (compiled once per process:
    it is asked on every visit); "3 places left" and "full" are both functions
    of this.
    """
    taken = dict(_seats_query(slug))
    return tuple(min(taken.get(mode, 0), capacity) for mode, capacity in limits)


def _page_depends_on_seats_and_clock(request, program):
    """Tell the page cache when this program's page changes without an edit: the clock and the seats."""
    now = pagecache.context_now(request)
    # The window opens or closes, the program ends (no agenda shown then, the window closes).
    pagecache.valid_until(request, program.registration_opens, program.registration_closes, program.ends, now=now)
    if program.registration_window_state(now) == "open":
        limits = tuple(
            (str(mode), program.capacity_for(mode))
            for mode in program.offered_modes
            if program.capacity_for(mode) is not None
        )
        if limits:
            pagecache.depends_on(request, program.slug, limits)


@require_safe
@pagecache.cache_public_page(state=seats_taken)
def program_detail(request, slug):
    program = queries.program_for_page(slug, request.user)
    _page_depends_on_seats_and_clock(request, program)
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
@pagecache.cache_public_page
def person_detail(request, slug):
    person = queries.person_for_page(slug)
    return render(request, "programs/person_detail.html", {"person": person})
