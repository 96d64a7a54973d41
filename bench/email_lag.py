#!/usr/bin/env python
"""How long after registering does the confirmation reach the mail server? And how fast does the worker send?

    .venv/bin/python bench/email_lag.py                        # SQLite, 2000 registrations at concurrency 32
    bin/with-postgres .venv/bin/python bench/email_lag.py      # PostgreSQL
    .venv/bin/python bench/email_lag.py --workers 1            # one task worker (bin/serve starts 2)
    .venv/bin/python bench/email_lag.py --backlog              # the worker starts after the last registration

It starts everything itself on loopback: a scratch database (SQLite in a
temporary folder, or the empty PostgreSQL database of ``DATABASE_URL``), an
SMTP sink (aiosmtpd) in this process, gunicorn with 2 workers and
``--workers`` task workers (``manage.py run_worker``). It makes a program
with ``--capacity`` seats, onsite and online, with the 2nd demo program's
agenda shape (two days, twelve sessions), registers ``-n`` people through the
public API at concurrency ``-c``, and waits until every confirmation has
reached the sink.

One JSON line:

- ``lag_ms``: for each registration, from its 201 to its confirmation being
  accepted by the sink: p50, p99, max.
- ``mails_per_second``: mails accepted by the sink per second, from the moment
  the workers could begin (the first 201; with ``--backlog``, the start of the
  worker processes, including Django's start-up of about 1.5 s) to the last
  mail. With ``--backlog`` the workers start only after the last registration,
  so this is their own pace on a full queue. (Not from the first mail: a
  worker that renders every mail before it sends any would look fast.)
- ``first_mail_seconds``: from that moment to the first mail.
- ``tail_seconds``: from the last 201 to the last mail.
- ``each_address_exactly_once``: no mail lost, none sent twice.
"""
import argparse
import collections
import datetime as dt
import json
import os
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from loadclient import percentile
from smtpsink import Sink, free_port

ROOT = Path(__file__).resolve().parents[1]
PY = str(ROOT / ".venv" / "bin" / "python")


def manage(env, *args):
    return subprocess.run([PY, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True)


def start_workers(env, count):
    return [
        subprocess.Popen([PY, "manage.py", "run_worker", "--interval", "0.2"], cwd=ROOT, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(count)
    ]


def create_program(base, token, capacity):
    now = dt.datetime.now(dt.UTC).replace(microsecond=0)
    starts = (now + dt.timedelta(days=30)).replace(hour=1, minute=0)
    slug = f"bench-mail-{secrets.token_hex(3)}"
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {token}"

    def staff(method, url, **kwargs):
        response = session.request(method, base + url, timeout=60, **kwargs)
        if response.status_code >= 400:
            raise SystemExit(f"{method} {url} answered {response.status_code}: {response.text[:500]}")
        return response.json()

    staff("POST", "/api/programs", json={
        "slug": slug, "title": "Benchmark program: lithium-ion batteries", "time_zone": "Asia/Shanghai",
        "mode": "hybrid", "starts": starts.isoformat(), "ends": (starts + dt.timedelta(days=1, hours=8)).isoformat(),
        "registration_opens": (now - dt.timedelta(hours=1)).isoformat(),
        "registration_closes": (now + dt.timedelta(days=29)).isoformat(),
        "capacity_online": capacity // 2, "capacity_onsite": capacity - capacity // 2, "status": "registration_open",
    })
    for day in range(2):
        for n in range(6):
            begins = starts + dt.timedelta(days=day, minutes=45 * n)
            staff("POST", f"/api/programs/{slug}/sessions", json={
                "title": f"Lecture {day * 6 + n + 1}: battery materials and recycling",
                "starts": begins.isoformat(), "ends": (begins + dt.timedelta(minutes=40)).isoformat(),
            })
    return slug


def register_all(base, slug, attempts, concurrency, run_id):
    """Register everyone; returns {address: monotonic time of its 201} and the status counts."""
    answered = {}
    statuses = collections.Counter()
    lock = threading.Lock()
    local = threading.local()
    modes = ["online", "onsite"]
    languages = ["en", "zh-hans", "ru"]

    def one(i):
        if not hasattr(local, "session"):
            local.session = requests.Session()
        email = f"p{i}.{run_id}@bench.example.org"
        body = {
            "given_name": f"Participant{i}", "family_name": "Bench", "email": email, "country": "KZ",
            "organization": "Benchmark Institute", "position": "Engineer", "sector": "academia",
            "mode": modes[i % 2], "language": languages[i % 3], "consent": True, "time_zone": "Asia/Almaty",
        }
        try:
            status = local.session.post(f"{base}/api/programs/{slug}/registrations", json=body, timeout=60).status_code
        except requests.RequestException:
            status = "connection_error"
        with lock:
            statuses[status] += 1
            if status == 201:
                answered[email] = time.monotonic()

    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, range(attempts)))
    return answered, statuses


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--attempts", type=int, default=2000)
    parser.add_argument("-c", "--concurrency", type=int, default=32)
    parser.add_argument("--capacity", type=int, default=1000)
    parser.add_argument("--workers", type=int, default=2, help="task worker processes (bin/serve starts 2)")
    parser.add_argument("--backlog", action="store_true", help="start the task workers after the last registration")
    parser.add_argument("--timeout", type=int, default=600)
    args = parser.parse_args()

    var = tempfile.mkdtemp(prefix="tc-bench-mail-")
    smtp_port, web_port = free_port(), free_port()
    base = f"http://127.0.0.1:{web_port}"
    env = dict(os.environ, TRAININGCENTER_VAR_DIR=var, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(smtp_port),
               DJANGO_SETTINGS_MODULE="trainingcenter.settings.local", SITE_URL=base, REGISTRATION_RATE_LIMIT="0")
    from aiosmtpd.controller import Controller

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=smtp_port)
    processes = []
    try:
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "createsuperuser", "--no-input", "--username", "bench", "--email", "bench@example.org")
        token = manage(env, "create_api_token", "bench", "--name", "bench").stdout.strip().splitlines()[-1]
        controller.start()
        web = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "trainingcenter.wsgi:application", "--bind",
             f"127.0.0.1:{web_port}", "--workers", "2", "--log-level", "warning"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        processes.append(web)
        for _ in range(100):
            try:
                if requests.get(f"{base}/healthz", timeout=1).ok:
                    break
            except requests.RequestException:
                time.sleep(0.1)
        slug = create_program(base, token, args.capacity)
        if not args.backlog:
            processes += start_workers(env, args.workers)
        run_id = secrets.token_hex(3)
        answered, statuses = register_all(base, slug, args.attempts, args.concurrency, run_id)
        last_answer = max(answered.values())
        began = min(answered.values())
        if args.backlog:
            began = time.monotonic()
            processes += start_workers(env, args.workers)
        deadline = time.monotonic() + args.timeout
        while time.monotonic() < deadline:
            with sink.lock:
                if set(answered) <= set(sink.arrived):
                    break
            time.sleep(0.05)
        time.sleep(1)  # anything sent twice arrives now or not at all
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        controller.stop()
        shutil.rmtree(var, ignore_errors=True)

    lags = [(sink.arrived[email] - at) * 1000 for email, at in answered.items() if email in sink.arrived]
    arrivals = sorted(sink.arrived[email] for email in answered if email in sink.arrived)
    span = arrivals[-1] - began if arrivals else 0
    print(json.dumps({
        "bench": "email_lag", "database": "postgresql" if os.environ.get("DATABASE_URL") else "sqlite",
        "attempts": args.attempts, "concurrency": args.concurrency, "task_workers": args.workers,
        "backlog": args.backlog, "registered": len(answered), "statuses": {str(k): v for k, v in statuses.items()},
        "mails_received": sum(sink.counts[email] for email in answered),
        "lag_ms": {"p50": percentile(lags, 50, 1), "p99": percentile(lags, 99, 1), "max": round(max(lags), 1),
                   "mean": round(statistics.fmean(lags), 1)} if lags else None,
        "mails_per_second": round(len(arrivals) / span, 1) if span else None,
        "first_mail_seconds": round(arrivals[0] - began, 2) if arrivals else None,
        "tail_seconds": round(arrivals[-1] - last_answer, 2) if arrivals else None,
        "each_address_exactly_once": all(sink.counts[email] == 1 for email in answered),
        "missing": sum(1 for email in answered if email not in sink.arrived),
        "duplicates": sum(max(0, sink.counts[email] - 1) for email in answered),
    }), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
