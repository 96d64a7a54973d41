#!/usr/bin/env python
"""Importing a Zoom participant report of 20,000 rows for 5,000 registrations, in-process, on a scratch database.

    .venv/bin/python bench/attendance_import.py                          # SQLite in a temporary folder
    bin/with-postgres .venv/bin/python bench/attendance_import.py        # a throwaway PostgreSQL cluster

It runs in-process against its own scratch database: SQLite in a fresh
temporary folder, or the (empty) database of DATABASE_URL, which it migrates
first. It creates a two-day program with its sessions and N confirmed
registrations, writes the report as Zoom writes it (the meeting data above
the participants, MM/DD/YYYY hh:mm:ss AM/PM times, a byte order mark), with
rejoins and two devices at once, most people signed in with their e-mail,
some known only by a name written family name first, some guests, then times
the service as an organiser's upload would call it (``import_zoom_report``,
from the file's bytes: parsing, matching and inserts, in one transaction):

- ``import``: the first day's report, every person new;
- ``reimport``: the same report again (recognised, nothing written);
- ``second_day``: the second day's report, people already known;
- ``results``: the rule for every registration (online minutes, reason);
- ``import_traced``: the first import again on a fresh program, under
  tracemalloc, for the peak of Python memory the import itself allocates
  (tracemalloc slows it, so its time is not the figure to read).

One JSON line per step: rows, seconds (wall clock), CPU seconds of this
process (the database server's own work is not in it; on a busy machine this
moves less than the wall clock), rows per second, SQL statements, and the
process's peak resident memory so far. The aim: well under 5 s.
"""
import argparse
import datetime as dt
import json
import os
import random
import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingcenter.settings.local")
if not os.environ.get("DATABASE_URL"):
    os.environ["TRAININGCENTER_VAR_DIR"] = tempfile.mkdtemp(prefix="tc-bench-attendance.")

BEIJING = dt.timezone(dt.timedelta(hours=8))
GIVEN = ["Amina", "Bolat", "Dana", "Aigerim", "Farhod", "Gulnara", "Hamid", "Ilham", "Jamila", "Kamran", "Leyla",
         "Murat", "Nodira", "Oral", "Parisa", "Rustam", "Saule", "Timur", "Umida", "Wei", "Xia", "Yusuf", "Zarina"]
FAMILY = ["Karimova", "Sadykov", "Omarova", "Bekova", "Rahimov", "Aliyeva", "Khan", "Mammadov", "Nazarova",
          "Tursunov", "Wang", "Li", "Zhang", "Yilmaz", "Demir", "Rashidov", "Safarova", "Qureshi", "Ismoilov"]


def peak_rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def database_label():
    url = os.environ.get("DATABASE_URL", "")
    return "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"


def make_program(day_one, registrations):
    from trainingcenter.programs.models import Program, Session
    from trainingcenter.registrations.models import Registration

    tag = random.randbytes(4).hex()
    program = Program.objects.create(
        slug=f"bench-attendance-{tag}", title="Benchmark: attendance", starts=day_one,
        ends=day_one + dt.timedelta(days=1, hours=8), time_zone="Asia/Shanghai", mode=Program.Mode.ONLINE,
        status=Program.Status.COMPLETED,
    )
    for day in (0, 1):
        start = day_one + dt.timedelta(days=day)
        Session.objects.create(program=program, title="Morning", starts=start, ends=start + dt.timedelta(hours=3))
        afternoon = start + dt.timedelta(hours=5)
        Session.objects.create(program=program, title="Afternoon", starts=afternoon,
                               ends=afternoon + dt.timedelta(hours=3))
    now = dt.datetime.now(dt.UTC)
    people = []
    for n in range(registrations):
        registration = Registration(
            program=program, given_name=f"{GIVEN[n % len(GIVEN)]}{n}", family_name=FAMILY[n % len(FAMILY)],
            email=f"participant{n}.{tag}@bench.example.org", country="KZ", organization="Benchmark Institute",
            sector="academia", mode="online", language="en", consent_at=now, status="confirmed",
        )
        registration.token_selector = registration.token[:12]
        people.append(registration)
    Registration.objects.bulk_create(people, batch_size=1000)
    return program, tag


def zoom_time(moment):
    return moment.astimezone(BEIJING).strftime("%m/%d/%Y %I:%M:%S %p")


def report(day, registrations, rows, tag, seed):
    """A meeting participant report of ``rows`` rows for one day, as Zoom writes it (bytes)."""
    rng = random.Random(seed)
    morning = day
    lines = [
        "Meeting ID,Topic,Start Time,End Time,User Email,Duration (Minutes),Participants",
        f"851 2000 0001,Benchmark: attendance,{zoom_time(morning)},{zoom_time(morning + dt.timedelta(hours=8))},"
        f"host@bench.example.org,480,{rows}",
        "",
        "Name (Original Name),User Email,Join Time,Leave Time,Duration (Minutes),Guest,Recording Consent,"
        "In Waiting Room",
    ]
    written = 0
    person = 0
    while written < rows:
        n = person % registrations
        person += 1
        kind = rng.random()
        given, family = f"{GIVEN[n % len(GIVEN)]}{n}", FAMILY[n % len(FAMILY)]
        if kind < 0.8:
            name, email = f"{given} {family}", f"participant{n}.{tag}@bench.example.org"
        elif kind < 0.9:
            name, email = f"{family.upper()} {given}", ""  # family name first, no e-mail
        else:
            name, email = f"Guest {person}", ""
        # Two to six joins: rejoins after drops, and now and then a phone beside the laptop.
        start = morning + dt.timedelta(minutes=rng.randint(-20, 40))
        for _join in range(min(rows - written, rng.randint(2, 6))):
            end = start + dt.timedelta(minutes=rng.randint(10, 200))
            device = name if rng.random() > 0.15 else f"{name}'s iPhone ({name})"
            minutes = int((end - start).total_seconds() // 60)
            quoted = f'"{device}"' if "," in device else device
            lines.append(f"{quoted},{email},{zoom_time(start)},{zoom_time(end)},{minutes},"
                         f"{'No' if email else 'Yes'},,No")
            written += 1
            overlap = rng.random() < 0.2
            start = start + dt.timedelta(minutes=rng.randint(5, 30)) if overlap else end + dt.timedelta(
                minutes=rng.randint(1, 60))
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode()


def timed(step, rows, function, database):
    """Run one step; count its SQL statements with an execute wrapper (the debug cursor's logging costs more)."""
    from django.db import connection

    statements = []

    def count(execute, sql, params, many, context):
        statements.append(1)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(count):
        started, cpu = time.perf_counter(), time.process_time()
        result = function()
        seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    line = {
        "database": database, "step": step, "rows": rows, "seconds": round(seconds, 3),
        "cpu_seconds": round(cpu, 3),
        "rows_per_second": round(rows / seconds) if rows else None, "queries": len(statements),
        "peak_rss_mib": peak_rss_mib(),
    }
    print(json.dumps(line), flush=True)
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--registrations", type=int, default=5_000)
    parser.add_argument("--database", default=database_label(), help="label printed with the figures")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    settings.DEBUG = False
    call_command("migrate", verbosity=0, interactive=False)
    from trainingcenter.attendance import rules
    from trainingcenter.attendance.services import zoom_import

    day_one = dt.datetime(2026, 6, 8, 9, 0, tzinfo=BEIJING)
    program, tag = make_program(day_one, args.registrations)
    first = report(day_one, args.registrations, args.rows, tag, seed=1)
    second = report(day_one + dt.timedelta(days=1), args.registrations, args.rows, tag, seed=2)
    print(json.dumps({
        "database": args.database, "registrations": args.registrations, "rows": args.rows,
        "file_kib": len(first) // 1024,
    }), flush=True)

    result = timed("import", args.rows, lambda: zoom_import.import_zoom_report(program, first, name="day1.csv"),
                   args.database)
    print(json.dumps({
        "database": args.database, "step": "import_result", "matched": result.matched,
        "unmatched": result.unmatched, "people": result.people, "intervals_stored": result.intervals_stored,
    }), flush=True)
    again = timed("reimport", args.rows, lambda: zoom_import.import_zoom_report(program, first), args.database)
    assert again.already_imported
    timed("second_day", args.rows, lambda: zoom_import.import_zoom_report(program, second, name="day2.csv"),
          args.database)
    results = timed("results", args.registrations, lambda: rules.program_results(program), args.database)
    attended = sum(result.attended for result in results)
    print(json.dumps({"database": args.database, "step": "results_summary", "judged": len(results),
                      "attended": attended}), flush=True)

    fresh, fresh_tag = make_program(day_one, args.registrations)
    fresh_report = report(day_one, args.registrations, args.rows, fresh_tag, seed=1)
    tracemalloc.start()
    started = time.perf_counter()
    zoom_import.import_zoom_report(fresh, fresh_report)
    seconds = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(json.dumps({
        "database": args.database, "step": "import_traced", "rows": args.rows, "seconds_under_tracemalloc":
        round(seconds, 3), "python_peak_mib": round(peak / 1024 / 1024, 1), "peak_rss_mib": peak_rss_mib(),
    }), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
