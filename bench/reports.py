#!/usr/bin/env python
"""Reports, statistics and search over a large archive: times, SQL queries and peak memory.

    .venv/bin/python bench/reports.py                          # scratch SQLite in a temporary folder
    bin/with-postgres .venv/bin/python bench/reports.py        # a throwaway PostgreSQL cluster
    .venv/bin/python bench/reports.py --programs 50 --registrations 20000   # smaller

With no ``DATABASE_URL`` it makes a scratch SQLite database (WAL, as in
production) in a temporary folder; with one (``bin/with-postgres`` sets it)
it uses that database, which must be empty. Either way it migrates, writes
the archive with bulk inserts, runs each part and prints one JSON line per
figure; the scratch folder is removed at the end.

The archive: ``--programs`` completed programs (200) over ten years with
1–3 themes each, and ``--registrations`` registrations (100,000) spread over
them, from about 60 countries (most from the ECO member states), with
statuses, modes, sectors and genders in realistic shares; the ECO member
states and a second country group.

Parts:

- statistics (this file's first part): the whole centre's statistics
  (``reports.statistics.centre_statistics``), the public (folded) ones, one
  year, one theme, and one program's; each run ``--repeat`` times after one
  warm-up: median and worst milliseconds, SQL queries, and peak Python memory
  (tracemalloc) of one run. Aim: under 300 ms, computed by the database.
- report PDF: see ``bench_report_pdf`` below (owned by the reports pages work).
- search: see ``bench_search`` below.
"""
import argparse
import json
import os
import random
import shutil
import statistics as stats_module
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingcenter.settings.local")

ECO = ["AF", "AZ", "IR", "KZ", "KG", "PK", "TJ", "TR", "TM", "UZ"]
OTHERS = [
    "CN", "RU", "BD", "LK", "NP", "EG", "MN", "TH", "NG", "KE", "ET", "GH", "MY", "ID", "VN", "PH", "IN", "BR",
    "MX", "AR", "ZA", "TZ", "UG", "SN", "MA", "DZ", "TN", "JO", "IQ", "SA", "AE", "OM", "QA", "GE", "AM", "BY",
    "UA", "RS", "HU", "PL", "DE", "FR", "IT", "ES", "GB", "US", "CA", "AU", "NZ", "JP",
]
SECTORS = ["academia", "government", "industry", "student", "international", "ngo", "other"]
SECTOR_WEIGHTS = [34, 20, 18, 12, 6, 5, 5]
STATUSES = ["confirmed", "waitlisted", "awaiting_approval", "cancelled", "rejected"]
STATUS_WEIGHTS = [85, 5, 2, 6, 2]
GENDERS = ["female", "male", "other", ""]
GENDER_WEIGHTS = [30, 40, 1, 29]


def emit(**figures):
    print(json.dumps(figures, ensure_ascii=False), flush=True)


def database_label():
    from django.db import connection

    return "postgresql" if connection.vendor == "postgresql" else connection.vendor


# --- the archive ------------------------------------------------------------------------------------------


def build_archive(program_count, registration_count, seed=20240601):
    """Programs, themes, country groups and registrations, with bulk inserts; returns seconds taken."""
    import datetime as dt

    from django.db import transaction

    from trainingcenter.center.models import CountryGroup
    from trainingcenter.programs.models import Program, Theme
    from trainingcenter.registrations.models import TOKEN_SELECTOR_LENGTH, Registration, new_checkin_code

    rng = random.Random(seed)
    started = time.perf_counter()
    with transaction.atomic():
        CountryGroup.objects.create(slug="eco-member-states", name="ECO member states", countries=ECO)
        CountryGroup.objects.create(slug="central-asia", name="Central Asia", countries=["KZ", "KG", "TJ", "TM", "UZ"])
        themes = Theme.objects.bulk_create(
            Theme(slug=f"theme-{index}", name=f"Theme {index}") for index in range(12)
        )
        first = dt.datetime(2016, 3, 1, 6, tzinfo=dt.UTC)
        programs = Program.objects.bulk_create(
            Program(
                slug=f"bench-program-{index:03d}", number=index + 1, title=f"Benchmark program {index + 1}",
                starts=first + dt.timedelta(days=18 * index), ends=first + dt.timedelta(days=18 * index, hours=30),
                mode=rng.choice(["online", "hybrid", "onsite"]), status=Program.Status.COMPLETED,
            )
            for index in range(program_count)
        )
        through = Program.themes.through
        through.objects.bulk_create(
            through(program_id=program.pk, theme_id=theme.pk)
            for program in programs for theme in rng.sample(themes, rng.randint(1, 3))
        )
        countries = ECO * 6 + OTHERS
        batch = []
        for number in range(registration_count):
            program = programs[number % len(programs)]
            token = f"bench{number:010d}" + "x" * 30
            batch.append(Registration(
                program=program, given_name="Bench", family_name=f"person {number}",
                email=f"p{number}@bench.example", country=rng.choice(countries), organization="Bench",
                sector=rng.choices(SECTORS, SECTOR_WEIGHTS)[0], gender=rng.choices(GENDERS, GENDER_WEIGHTS)[0],
                mode=rng.choice(["online", "onsite"]), language="en", consent_at=program.starts,
                status=rng.choices(STATUSES, STATUS_WEIGHTS)[0], token=token,
                token_selector=token[:TOKEN_SELECTOR_LENGTH], checkin_code=new_checkin_code(),
            ))
            if len(batch) == 5000:
                Registration.objects.bulk_create(batch)
                batch = []
        Registration.objects.bulk_create(batch)
    from django.db import connection

    with connection.cursor() as cursor:
        # Fresh planner statistics (and, on PostgreSQL, the visibility map that index-only scans need),
        # as autovacuum gives a database in use.
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    return time.perf_counter() - started, programs, themes


# --- part 1: statistics -----------------------------------------------------------------------------------


def measure(name, function, repeat):
    """One warm-up, then ``repeat`` timed runs; the queries and peak Python memory of one more."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    function()
    times = []
    for _ in range(repeat):
        reset_queries()
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    with CaptureQueriesContext(connection) as queries:
        tracemalloc.start()
        function()
        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    emit(part="statistics", database=database_label(), measure=name, runs=repeat,
         median_ms=round(stats_module.median(times), 1), worst_ms=round(max(times), 1),
         queries=len(queries), peak_python_kib=peak // 1024, aim_ms=300)


def bench_statistics(programs, themes, repeat):
    from trainingcenter.reports import statistics

    middle = programs[len(programs) // 2]
    measure("centre", statistics.centre_statistics, repeat)
    measure("centre, public (folded)", statistics.public_centre_statistics, repeat)
    measure(f"centre, year {middle.starts.year}", lambda: statistics.centre_statistics(year=middle.starts.year),
            repeat)
    measure(f"centre, theme {themes[0].slug}", lambda: statistics.centre_statistics(theme=themes[0].slug), repeat)
    measure("one program (without the attendance rule)",
            lambda: statistics.program_statistics(middle, attendance=False), repeat)
    measure("one program, public (with the attendance rule)",
            lambda: statistics.public_program_statistics(middle), repeat)


# --- part 2: the report PDF -------------------------------------------------------------------------------

def bench_report_pdf(repeat, slug="2022-industrial-decarbonization"):
    """The demo's 5th program report as PDF (data query, HTML, WeasyPrint), in English and Chinese. Aim: under 2 s.

    Loads the demo (the centre, its programs and their reports) beside the archive; one warm-up per
    language first (WeasyPrint's import and font loading happen once per process).
    """
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import translation

    from trainingcenter.demo.services import load_demo_content
    from trainingcenter.reports import pdf, queries
    from trainingcenter.reports.models import Report

    load_demo_content()
    report = Report.objects.get(program__slug=slug)
    for language in ("en", "zh-hans"):
        def render(language=language):
            with translation.override(language):
                return pdf.render_report(queries.content_for(report))

        size = len(render())
        times, cpu = [], []
        for _ in range(repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            render()
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.process_time() - started_cpu) * 1000)
        with CaptureQueriesContext(connection) as captured:
            tracemalloc.start()
            render()
            _current, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
        emit(part="report_pdf", database=database_label(), program=slug, language=language, runs=repeat,
             median_ms=round(stats_module.median(times)), worst_ms=round(max(times)),
             median_cpu_ms=round(stats_module.median(cpu)), queries=len(captured), bytes=size,
             peak_python_kib=peak // 1024, aim_ms=2000)


# --- part 3: search ---------------------------------------------------------------------------------------
# Reserved for the search work (20 searches over this archive, aim p99 under 100 ms): add ``bench_search()``.


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--programs", type=int, default=200)
    parser.add_argument("--registrations", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    scratch = None
    if not os.environ.get("DATABASE_URL"):
        scratch = tempfile.mkdtemp(prefix="tc-bench-reports-")
        os.environ["TRAININGCENTER_VAR_DIR"] = scratch
    try:
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        seconds, programs, themes = build_archive(args.programs, args.registrations)
        emit(part="archive", database=database_label(), programs=args.programs,
             registrations=args.registrations, seconds_to_write=round(seconds, 1))
        bench_statistics(programs, themes, args.repeat)
        bench_report_pdf(min(args.repeat, 5))
        # bench_search()      -- part 3, see above
        import resource

        emit(part="process", database=database_label(),
             peak_rss_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
    finally:
        if scratch:
            shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
