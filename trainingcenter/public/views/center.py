"""The centre's own pages (home, about) and the error pages."""
import logging
from datetime import timedelta

from django.db.models import prefetch_related_objects
from django.http import HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.views.decorators.http import require_safe

from trainingcenter.center.models import Center, CountryGroup
from trainingcenter.core import pagecache
from trainingcenter.programs.models import Program
from trainingcenter.programs.queries import program_cards

logger = logging.getLogger(__name__)


def _partners(center):
    """The centre's partners, kept on the centre too: the footer lists them again (one query for both)."""
    if center is None:
        return []
    prefetch_related_objects([center], "partners")
    return list(center.partners.all())


@require_safe
@pagecache.cache_public_page
def home(request):
    center = Center.current()
    now = pagecache.context_now(request)
    upcoming = list(program_cards(Program.objects.upcoming(now=now)))
    context = {
        "center": center,
        "partners": _partners(center),
        "upcoming": upcoming,
        "past": list(program_cards(Program.objects.past(now=now))),
    }
    # An upcoming program moves to the past ones when it has ended (``ends >= now`` no longer holds).
    pagecache.valid_until(request, *(program.ends + timedelta(microseconds=1) for program in upcoming), now=now)
    return render(request, "center/home.html", context)


@require_safe
@pagecache.cache_public_page
def about(request):
    center = Center.current()
    context = {
        "center": center,
        "partners": _partners(center),
        "country_groups": CountryGroup.objects.all(),
    }
    return render(request, "center/about.html", context)


def bad_request(request, exception=None):
    return render(request, "errors/400.html", status=400)


def permission_denied(request, exception=None):
    return render(request, "errors/403.html", status=403)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    """Rendered without context processors: the database may be what failed."""
    try:
        body = loader.get_template("errors/500.html").render({})
    except Exception:  # the last line of defence must not raise
        logger.exception("The 500 page itself failed to render")
        body = "<!doctype html><title>500</title><h1>Server error</h1>"
    return HttpResponseServerError(body)
