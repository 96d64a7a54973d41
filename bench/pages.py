#!/usr/bin/env python
"""Latency and throughput of the public pages, against a running server.

Start the platform first (``make run``, gunicorn with the demo data), then:

    .venv/bin/python bench/pages.py --url http://127.0.0.1:8000 --requests 500 --concurrency 8

Prints one JSON line per page: p50/p99 latency (ms), requests/s, errors, and
the same for /healthz (the framework's floor, no database).
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
    return program["slug"], person


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--lang", default="en")
    args = parser.parse_args()
    base = args.url.rstrip("/")
    check_loopback(base)

    program, person = discover(base)
    pages = {
        "healthz (floor)": f"{base}/healthz",
        "home": f"{base}/{args.lang}/",
        "program": f"{base}/{args.lang}/programs/{program}/",
        "program list": f"{base}/{args.lang}/programs/",
    }
    if person:
        pages["person"] = f"{base}/{args.lang}/people/{person}/"

    for name, url in pages.items():
        run([("GET", url, {})] * 20, 2)  # warm up caches and connections
        outcome = run([("GET", url, {})] * args.requests, args.concurrency)
        errors = sum(n for status, n in outcome.statuses.items() if status != 200)
        print(json.dumps({
            "page": name, "url": url.removeprefix(base), "requests": args.requests,
            "concurrency": args.concurrency, "p50_ms": outcome.percentile(50), "p99_ms": outcome.percentile(99),
            "requests_per_s": outcome.throughput, "errors": errors,
        }), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
