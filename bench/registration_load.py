#!/usr/bin/env python
"""Registration under load, against a running server; it starts nothing itself.

Run the platform with the public rate limit off, make a staff token, then:

    REGISTRATION_RATE_LIMIT=0 make run            # or gunicorn with 2 workers
    TOKEN=$(.venv/bin/python manage.py create_api_token admin | tail -1)
    .venv/bin/python bench/registration_load.py --token "$TOKEN" -n 2000 -c 8

It creates a fresh program through the staff API (``--capacity`` online seats),
registers N participants through the public API at concurrency C, then asks
the staff API what the database holds. One JSON line: oversold and lost must
be 0. It also measures /healthz, a view that does nothing, at the same
concurrency and prints the ratio of throughputs (the framework's floor).
"""
import argparse
import datetime as dt
import json
import os
import secrets
import sys

import requests
from loadclient import check_loopback, run


def staff(session, method, url, **kwargs):
    response = session.request(method, url, timeout=60, **kwargs)
    if response.status_code >= 400:
        raise SystemExit(f"{method} {url} answered {response.status_code}: {response.text[:500]}")
    return response.json()


def database_label():
    url = os.environ.get("DATABASE_URL", "")
    return "postgresql" if url.startswith(("postgres://", "postgresql://")) else "sqlite"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--token", default=os.environ.get("TOKEN"), help="staff API token")
    parser.add_argument("-n", "--attempts", type=int, default=2000)
    parser.add_argument("-c", "--concurrency", type=int, default=8)
    parser.add_argument("--capacity", type=int, default=500)
    parser.add_argument("--database", default=database_label(), help="label printed with the result")
    args = parser.parse_args()
    if not args.token:
        raise SystemExit("a staff token is needed: --token or TOKEN=...")
    base = args.url.rstrip("/")
    check_loopback(base)

    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {args.token}"
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    slug = f"bench-{secrets.token_hex(4)}"
    staff(session, "POST", f"{base}/api/programs", json={
        "slug": slug, "title": "Benchmark program", "time_zone": "Asia/Shanghai", "mode": "online",
        "starts": (now + dt.timedelta(days=30)).isoformat(), "ends": (now + dt.timedelta(days=31)).isoformat(),
        "registration_opens": (now - dt.timedelta(hours=1)).isoformat(),
        "registration_closes": (now + dt.timedelta(days=29)).isoformat(),
        "capacity_online": args.capacity, "capacity_onsite": 0, "status": "registration_open",
    })

    run_id = secrets.token_hex(3)
    bodies = [{
        "given_name": f"Participant{i}", "family_name": "Bench", "email": f"p{i}.{run_id}@bench.example.org",
        "country": "KZ", "organization": "Benchmark Institute", "position": "Engineer", "sector": "academia",
        "mode": "online", "language": "en", "consent": True,
    } for i in range(args.attempts)]
    url = f"{base}/api/programs/{slug}/registrations"
    outcome = run([("POST", url, {"json": body}) for body in bodies], args.concurrency, keep_json=True)
    answered = [body.get("status") for body in outcome.bodies if isinstance(body, dict)]

    floor = run([("GET", f"{base}/healthz", {})] * min(args.attempts, 2000), args.concurrency)

    listing = f"{base}/api/programs/{slug}/registrations"
    in_db = staff(session, "GET", listing, params={"limit": 1})["count"]
    confirmed_db = staff(session, "GET", listing, params={"status": "confirmed", "limit": 1})["count"]
    waitlisted_db = staff(session, "GET", listing, params={"status": "waitlisted", "limit": 1})["count"]
    created = outcome.statuses.get(201, 0)
    print(json.dumps({
        "target": base, "database": args.database, "concurrency": args.concurrency,
        "attempts": args.attempts, "confirmed": answered.count("confirmed"),
        "waitlisted": answered.count("waitlisted"), "errors": args.attempts - created,
        "registrations_in_db": in_db, "confirmed_in_db": confirmed_db, "waitlisted_in_db": waitlisted_db,
        "capacity": args.capacity, "oversold": max(0, confirmed_db - args.capacity),
        "lost": max(0, created - in_db),
        "throughput": outcome.throughput, "p50_ms": outcome.percentile(50), "p99_ms": outcome.percentile(99),
        "floor_throughput": floor.throughput, "floor_p50_ms": floor.percentile(50),
        "throughput_ratio_to_floor": round(outcome.throughput / floor.throughput, 3) if floor.throughput else None,
        "statuses": {str(k): v for k, v in outcome.statuses.items()},
    }), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
