#!/usr/bin/env python
"""Registration under load, against a running server; it starts nothing itself.

Run the platform with the public rate limit off, make a staff token, then:

    REGISTRATION_RATE_LIMIT=0 make run            # or gunicorn with 2 workers
    TOKEN=$(.venv/bin/python manage.py create_api_token admin | tail -1)
    .venv/bin/python bench/registration_load.py --token "$TOKEN" -n 2000 -c 8
    WEB=$(pgrep -of 'gunicorn trainingcenter')    # the master: its CPU and its workers' is counted
    .venv/bin/python bench/registration_load.py --token "$TOKEN" -n 2000 -c 32 --flow browser --server-pid "$WEB"

It creates a fresh program through the staff API (``--capacity`` online seats),
registers N participants at concurrency C, then asks the staff API what the
database holds. One JSON line: oversold and lost must be 0. It also measures
/healthz, a view that does nothing, at the same concurrency and prints the
ratio of throughputs (the framework's floor).

``--flow api`` (the default) registers through the public JSON API.

``--flow browser`` does what each person's browser does with the public form
``/en/programs/<slug>/register/``: GET the page with a cookie jar of its own
(the csrftoken cookie), read the form from the HTML (every input, select and
textarea, hidden ones included: csrfmiddlewaretoken, the fill-time token
``shown_at``, the honeypot ``website`` left empty as people leave it, and
``time_zone``, which the page's script sets to the browser's zone), fill in the
person's details, POST it urlencoded with the Referer and Origin a browser
sends, follow the 303 to the answer (the participant's own page) and GET it.
Confirmed and waitlisted are counted from the answer pages (``status-confirmed``,
``status-waitlisted``) and from the database, with the same oversold and lost
checks.

The form's minimum fill time (``FORM_MIN_FILL_SECONDS``, 3 s by default) is
passed the legitimate way, so the server keeps its default: the N people first
open the form (phase "form"), then send it (phase "send": POST and answer
page); a form is never sent sooner than ``--fill-seconds`` after it was
opened (the bench waits if needed, and reports the wait; with N in the
hundreds the first phase alone lasts longer). Registrations per second are N
over both phases (every request the server answered, none of the people's
thinking time unless the bench had to wait). A server started with
FORM_MIN_FILL_SECONDS=0 may be run with ``--fill-seconds 0``.
"""
import argparse
import datetime as dt
import functools
import json
import os
import secrets
import statistics
import sys
import time
from html.parser import HTMLParser
from urllib.parse import urljoin

import requests
from loadclient import Browser, Steps, check_loopback, cpu_seconds, run, run_each


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
    parser.add_argument("--flow", choices=["api", "browser"], default="api",
                        help="register through the JSON API, or through the form as a browser does")
    parser.add_argument("--fill-seconds", type=float, default=3.0,
                        help="browser flow: send no form sooner than this after opening it (the server's "
                             "FORM_MIN_FILL_SECONDS, 3 by default)")
    parser.add_argument("--server-pid", type=int, action="append", default=[],
                        help="a process whose CPU (with its children's) to count, e.g. the gunicorn master, and "
                             "again for the task worker: prints CPU ms per registration, each and total "
                             "(counted while the people register: e-mails the worker sends later are not)")
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
    cpu_before = [cpu_seconds([pid]) for pid in args.server_pid]
    if args.flow == "browser":
        result = browser_flow(base, slug, bodies, args.concurrency, args.fill_seconds)
    else:
        result = api_flow(base, slug, bodies, args.concurrency)
    if args.server_pid:
        # What each given process (with its children) spent while the people registered, per attempt.
        spent = [round((cpu_seconds([pid]) - before) * 1000 / max(1, args.attempts), 2)
                 for pid, before in zip(args.server_pid, cpu_before, strict=True)]
        result["server_cpu_ms_per_registration"] = {"total": round(sum(spent), 2), **{
            str(pid): ms for pid, ms in zip(args.server_pid, spent, strict=True)}}

    floor = run([("GET", f"{base}/healthz", {})] * min(args.attempts, 2000), args.concurrency)

    listing = f"{base}/api/programs/{slug}/registrations"
    in_db = staff(session, "GET", listing, params={"limit": 1})["count"]
    confirmed_db = staff(session, "GET", listing, params={"status": "confirmed", "limit": 1})["count"]
    waitlisted_db = staff(session, "GET", listing, params={"status": "waitlisted", "limit": 1})["count"]
    created = result.pop("created")
    throughput = result["throughput"]
    print(json.dumps({
        "target": base, "database": args.database, "flow": args.flow, "concurrency": args.concurrency,
        "attempts": args.attempts, "confirmed": result.pop("confirmed"),
        "waitlisted": result.pop("waitlisted"), "errors": args.attempts - created,
        "registrations_in_db": in_db, "confirmed_in_db": confirmed_db, "waitlisted_in_db": waitlisted_db,
        "capacity": args.capacity, "oversold": max(0, confirmed_db - args.capacity),
        "lost": max(0, created - in_db),
        **result,
        "floor_throughput": floor.throughput, "floor_p50_ms": floor.percentile(50),
        "throughput_ratio_to_floor": round(throughput / floor.throughput, 3) if floor.throughput else None,
    }), flush=True)
    return 0


def api_flow(base, slug, bodies, concurrency):
    url = f"{base}/api/programs/{slug}/registrations"
    outcome = run([("POST", url, {"json": body}) for body in bodies], concurrency, keep_json=True)
    answered = [body.get("status") for body in outcome.bodies if isinstance(body, dict)]
    return {
        "created": outcome.statuses.get(201, 0),
        "confirmed": answered.count("confirmed"), "waitlisted": answered.count("waitlisted"),
        "throughput": outcome.throughput, "p50_ms": outcome.percentile(50), "p99_ms": outcome.percentile(99),
        "statuses": {str(k): v for k, v in outcome.statuses.items()},
    }


class FormReader(HTMLParser):
    """The fields of the page's POST form, as a browser would send them untouched.

    ``fields`` is [(name, value)] in document order: text and hidden inputs
    with their value, checked checkboxes and radios, each select's selected
    option (else its first), textareas' text. ``choices`` is {name: [values]}
    of the radios and selects, to choose from.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_form = False
        self.fields, self.choices = [], {}
        self._select = self._textarea = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.in_form = True
        if not self.in_form:
            return
        name = attrs.get("name")
        if tag == "input" and name:
            kind = (attrs.get("type") or "text").lower()
            if kind in ("radio", "checkbox"):
                self.choices.setdefault(name, []).append(attrs.get("value", "on"))
                if "checked" in attrs:
                    self.fields.append((name, attrs.get("value", "on")))
            elif kind not in ("submit", "button", "file", "reset", "image"):
                self.fields.append((name, attrs.get("value", "")))
        elif tag == "select" and name:
            self._select = {"name": name, "first": None, "selected": None}
            self.choices[name] = []
        elif tag == "option" and self._select is not None:
            value = attrs.get("value", "")
            self.choices[self._select["name"]].append(value)
            if self._select["first"] is None:
                self._select["first"] = value
            if "selected" in attrs:
                self._select["selected"] = value
        elif tag == "textarea" and name:
            self._textarea = [name, ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form = False
        elif tag == "select" and self._select is not None:
            chosen = self._select["selected"] if self._select["selected"] is not None else self._select["first"]
            self.fields.append((self._select["name"], chosen or ""))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            # Browsers drop the newline that follows <textarea>.
            name, text = self._textarea
            self.fields.append((name, text[1:] if text.startswith("\n") else text))
            self._textarea = None


def read_form(html):
    reader = FormReader()
    reader.feed(html)
    return reader.fields, reader.choices


def fill_in(fields, choices, person):
    """What the person sends: their details typed in, the rest as the page gave it.

    The consent box is ticked; the newsletter box and the honeypot are left
    alone; ``time_zone`` gets the zone the page's script would read from the
    browser; an extra question gets an answer (the first choice, or a line).
    """
    answers = {
        **{name: str(value) for name, value in person.items() if name != "consent"},
        "consent": "on", "time_zone": "Asia/Almaty",
    }
    data, seen = [], set()
    for name, value in fields:
        if name in seen:
            continue
        seen.add(name)
        if name in answers and (name not in choices or answers[name] in choices[name]):
            value = answers[name]
        elif name.startswith("question_") and not value:
            value = choices[name][0] if choices.get(name) else "Benchmark answer"
        data.append((name, value))
    for name in ("consent", "mode"):
        if name not in seen and name in choices and answers[name] in choices[name]:
            data.append((name, answers[name]))
    for name, options in choices.items():
        if name.startswith("question_") and name not in seen and options:
            data.append((name, options[0]))
    return data


def browser_flow(base, slug, people, concurrency, fill_seconds):
    form_url = f"{base}/en/programs/{slug}/register/"
    steps = Steps()
    browsers = [Browser(steps) for _person in people]

    def open_form(browser):
        page = browser.get("form", form_url)
        if page is None or page.status_code != 200:
            return None
        return time.monotonic(), *read_form(page.text)

    def send_form(browser, person, opened):
        if opened is None:
            return "no_form", 0.0
        shown, fields, choices = opened
        waited = max(0.0, shown + fill_seconds - time.monotonic())
        time.sleep(waited)
        sent = browser.post("send", form_url, data=fill_in(fields, choices, person),
                            headers={"Referer": form_url, "Origin": base})
        if sent is None or sent.status_code not in (302, 303):
            return f"refused_{sent.status_code if sent is not None else 'connection'}", waited
        location = urljoin(form_url, sent.headers["Location"])
        answer = browser.get("answer", location, headers={"Referer": form_url})
        steps.record("flow", answer.status_code if answer is not None else "connection_error", browser.elapsed_ms)
        if answer is None or answer.status_code != 200:
            return "no_answer", waited
        if location.rstrip("/").endswith("/register/received"):
            return "received", waited
        for status in ("confirmed", "waitlisted", "awaiting"):
            if f"status-{status}" in answer.text:
                return status, waited
        return "registered", waited

    opened, open_s = run_each([functools.partial(open_form, browser) for browser in browsers], concurrency)
    results, send_s = run_each(
        [functools.partial(send_form, b, p, o) for b, p, o in zip(browsers, people, opened, strict=True)],
        concurrency,
    )
    outcomes = [outcome for outcome, _waited in results]
    flows = steps.outcomes.get("flow")
    registered = sum(outcomes.count(name) for name in ("confirmed", "waitlisted", "awaiting", "registered"))
    return {
        "created": registered,
        "confirmed": outcomes.count("confirmed"), "waitlisted": outcomes.count("waitlisted"),
        "throughput": round(len(people) / (open_s + send_s), 1),
        # p50/p99 of a whole registration: the server's time for the three requests of one person.
        "p50_ms": flows.percentile(50) if flows else None, "p99_ms": flows.percentile(99) if flows else None,
        "form_phase_s": round(open_s, 2), "send_phase_s": round(send_s, 2),
        "fill_seconds": fill_seconds, "waited_s": round(sum(waited for _outcome, waited in results), 2),
        "steps": steps.summary(),
        "outcomes": {name: outcomes.count(name) for name in sorted(set(outcomes))},
        "mean_requests_ms": round(statistics.fmean(b.elapsed_ms for b in browsers), 2) if browsers else None,
    }


if __name__ == "__main__":
    sys.exit(main())
