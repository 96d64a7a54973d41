"""Answers for when the database, not the request, is at fault.

A database that is restarting, locked past SQLite's busy timeout or out of
disk is a passing state of the service, not a bug in the page: the visitor
gets 503 with ``Retry-After`` and a page saying so, and clients and proxies
know to come back, instead of a 500 that reads as "broken".
"""
import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader

logger = logging.getLogger(__name__)

# Long enough for PostgreSQL to come back from a restart or a lock to clear,
# short enough that a visitor who reloads by hand is not turned away for long.
RETRY_AFTER_SECONDS = 5

# What drivers raise when they cannot reach or use the database at all; other
# database errors (integrity, bad SQL) are bugs and stay 500s.
DATABASE_OUTAGES = (OperationalError, InterfaceError)

FALLBACK_PAGE = "<!doctype html><title>503</title><h1>Service unavailable</h1><p>Please try again in a moment.</p>"


def is_database_outage(exception):
    return isinstance(exception, DATABASE_OUTAGES)


def log_outage(request, exception):
    # Kept as an error with its traceback: an outage must reach whoever runs
    # the site, and "no such table" on SQLite is an OperationalError as well.
    logger.error("Database unavailable on %s %s", request.method, request.path, exc_info=exception)


class DatabaseUnavailableMiddleware:
    """Turn a database outage in a page's view into 503 with Retry-After and a friendly page.

    The JSON API answers its own outages (``api.errors``); this covers the
    HTML pages. The page is rendered without context processors, since those
    may need the very database that is down.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_outage(exception):
            return None
        log_outage(request, exception)
        try:
            body = loader.get_template("errors/503.html").render({"request": request})
        except Exception:  # the answer to an outage must not itself fail
            logger.exception("The 503 page itself failed to render")
            body = FALLBACK_PAGE
        response = HttpResponse(body, status=503)
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        return response
