#!/usr/bin/env python
"""SQL queries per request, counted inside Django against the configured database.

Latency figures say how fast a page is on this machine; query counts say how it
will scale on another one. Run it against a database with the demo data and
collected static files (``make run`` leaves both behind):

    .venv/bin/python bench/queries.py

Prints one JSON line per request: the page or call, its status and the number
of SQL queries it ran (sessions and caches included, as a visitor would cost).
"""
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingcenter.settings.local")


def measure(client, method, url, **kwargs):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    getattr(client, method)(url, **kwargs)  # warm caches, as a running server would be
    with CaptureQueriesContext(connection) as queries:
        response = getattr(client, method)(url, **kwargs)
    return {"request": f"{method.upper()} {url}", "status": response.status_code, "queries": len(queries)}


def main():
    import django

    django.setup()
    from django.conf import settings
    from django.db.models import Count
    from django.test import Client

    from trainingcenter.programs.models import Person, Program

    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    # The program with the longest agenda is the heaviest page.
    program = Program.objects.public().annotate(session_count=Count("sessions")).order_by("-session_count").first()
    if program is None:
        raise SystemExit("no programs: load the demo data first (manage.py load_demo)")
    person = Person.objects.filter(roles__program=program).order_by("slug").first()
    urls = ["/en/", "/en/programs/", f"/en/programs/{program.slug}/", "/api/programs", f"/api/programs/{program.slug}"]
    if person:
        urls.append(f"/en/people/{person.slug}/")
    client = Client()
    print(json.dumps({"program": program.slug, "sessions": program.session_count}), flush=True)
    for url in urls:
        print(json.dumps(measure(client, "get", url)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
