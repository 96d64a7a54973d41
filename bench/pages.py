#!/usr/bin/env python
"""Latency and throughput of the public pages, against a running server.

Start the platform first (``make run``, gunicorn with the demo data), then:

    .venv/bin/python bench/pages.py --url http://127.0.0.1:8000 --requests 500 --concurrency 8

Prints one JSON line per page and language: p50/p99 latency (ms), requests/s,
errors, and the same for /healthz (the framework's floor, no database).
Anonymous visitors get the public pages from the page cache (core.pagecache);
``--uncached`` sends a session cookie, as a participant's browser would, so
every request renders the page afresh (what the first visitor after an edit
pays).
"""
import argparse
import json
import sys

import requests
from loadclient import check_loopback, run


def discover(base):
    """Pick a program and a person from the public API, so any data set works."""
    programs = requests.get(f"{base}/api/programs", timeout=30).json()
    programs = programs["items"] if isinstance(programs, dict) else programs
    if not programs:
        raise SystemExit("no public programs: load the demo data first (make run does)")
    # The program with the most sessions is the heaviest page.
    details = [requests.get(f"{base}/api/programs/{p['slug']}", timeout=30).json() for p in programs]
    program = max(details, key=lambda p: len(p.get("sessions", [])))
    speakers = [s for session in program.get("sessions", []) for s in session.get("speakers", [])]
    person = speakers[0]["slug"] if speakers else None
    # A published report (the heaviest page of all: it counts the participation figures).
    report = next(
        (p["slug"] for p in details if requests.get(f"{base}/en/programs/{p['slug']}/report/", timeout=30).ok), None
    )
    # A program taking registrations: its page checks the seats on every visit.
    taking = next((p["slug"] for p in programs if p.get("status") == "registration_open"), None)
    return program["slug"], person, report, taking


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--languages", "--lang", default="en,zh-hans,ru", help="comma-separated language codes")
    parser.add_argument("--pages", default="", help="comma-separated page names to run (default: all)")
    parser.add_argument("--uncached", action="store_true", help="send a session cookie: every page rendered afresh")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    check_loopback(base)

    program, person, report, taking = discover(base)
    pages = {"healthz (floor)": f"{base}/healthz"}
    for lang in [code.strip() for code in args.languages.split(",") if code.strip()]:
        pages[f"home [{lang}]"] = f"{base}/{lang}/"
        pages[f"program list [{lang}]"] = f"{base}/{lang}/programs/"
        pages[f"program [{lang}]"] = f"{base}/{lang}/programs/{program}/"
        if taking and taking != program:
            pages[f"program open [{lang}]"] = f"{base}/{lang}/programs/{taking}/"
        if person:
            pages[f"person [{lang}]"] = f"{base}/{lang}/people/{person}/"
        if report:
            pages[f"report [{lang}]"] = f"{base}/{lang}/programs/{report}/report/"
    wanted = {name.strip() for name in args.pages.split(",") if name.strip()}
    # Any session key will do: the server finds no session, and serves what a participant would get.
    headers = {"Cookie": "sessionid=benchmark-no-such-session"} if args.uncached else {}

    for name, url in pages.items():
        if wanted and name.split(" [")[0] not in wanted:
            continue
        run([("GET", url, {"headers": headers})] * 20, 2)  # warm up caches and connections
        outcome = run([("GET", url, {"headers": headers})] * args.requests, args.concurrency)
        errors = sum(n for status, n in outcome.statuses.items() if status != 200)
        print(json.dumps({
            "page": name, "url": url.removeprefix(base), "requests": args.requests,
            "concurrency": args.concurrency, "p50_ms": outcome.percentile(50), "p99_ms": outcome.percentile(99),
            "requests_per_s": outcome.throughput, "errors": errors, "uncached": args.uncached,
        }), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
