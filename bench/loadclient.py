"""A small HTTP load client shared by the benchmarks: threads, keep-alive, percentiles.

``run`` sends independent requests; ``Browser`` and ``run_each`` play people
who each keep their own cookies across several requests (the registration
form: GET it, POST it, follow the redirect), timing every step.

Benchmarks only ever talk to loopback; ``check_loopback`` refuses anything else.
"""
import os
import statistics
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests


def check_loopback(url):
    host = urlsplit(url).hostname or ""
    if not (host == "localhost" or host.startswith("127.") or host == "::1"):
        raise SystemExit(f"refusing to load {host}: benchmarks run against loopback only")


def percentile(values, p, digits=2):
    """The nearest-rank ``p``-th percentile of ``values`` (not empty), rounded to ``digits``."""
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))], digits)


@dataclass
class Outcome:
    latencies_ms: list = field(default_factory=list)
    statuses: dict = field(default_factory=dict)
    bodies: list = field(default_factory=list)
    elapsed_s: float = 0.0

    def record(self, status, latency_ms, body=None):
        self.latencies_ms.append(latency_ms)
        self.statuses[status] = self.statuses.get(status, 0) + 1
        if body is not None:
            self.bodies.append(body)

    def percentile(self, p):
        return percentile(self.latencies_ms, p) if self.latencies_ms else None

    @property
    def throughput(self):
        return round(len(self.latencies_ms) / self.elapsed_s, 1) if self.elapsed_s else 0.0

    @property
    def mean_ms(self):
        return round(statistics.fmean(self.latencies_ms), 2) if self.latencies_ms else None


_local = threading.local()


def _session():
    if not hasattr(_local, "session"):
        _local.session = requests.Session()
    return _local.session


def run(requests_to_make, concurrency, keep_json=False):
    """Send each (method, url, kwargs) once, ``concurrency`` at a time; return an Outcome."""
    outcome = Outcome()
    lock = threading.Lock()

    def one(item):
        method, url, kwargs = item
        started = time.perf_counter()
        try:
            response = _session().request(method, url, timeout=60, **kwargs)
            status = response.status_code
            body = response.json() if keep_json and "json" in response.headers.get("content-type", "") else None
        except requests.RequestException:
            status, body = "connection_error", None
        latency = (time.perf_counter() - started) * 1000
        with lock:
            outcome.record(status, latency, body)

    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        list(pool.map(one, requests_to_make))
    outcome.elapsed_s = time.perf_counter() - started
    return outcome


# A browser's headers; the server must not be able to tell the bench from one.
BROWSER_HEADERS = {
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0 trainingcenter-bench",
    "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "Accept-Language": "en-GB,en;q=0.5",
}


class Steps:
    """An Outcome per named step (``form``, ``send``, ...), shared by threads."""

    def __init__(self):
        self.outcomes = {}
        self._lock = threading.Lock()

    def record(self, step, status, latency_ms):
        with self._lock:
            self.outcomes.setdefault(step, Outcome()).record(status, latency_ms)

    def summary(self):
        return {step: {"p50_ms": outcome.percentile(50), "p99_ms": outcome.percentile(99),
                       "statuses": {str(k): v for k, v in outcome.statuses.items()}}
                for step, outcome in self.outcomes.items()}


class Browser:
    """One person's browser: its own cookie jar (csrftoken, messages, any session), a browser's headers.

    Redirects are not followed by ``request``: the caller follows them with
    ``get``, as its own step, the way a browser loads the next page.
    """

    def __init__(self, steps):
        self.steps = steps
        self.session = requests.Session()
        self.session.headers.update(BROWSER_HEADERS)
        self.elapsed_ms = 0.0  # the time this person waited for the server, summed over their requests

    def request(self, step, method, url, **kwargs):
        """The response, or None when the connection failed; the latency is recorded under ``step``."""
        started = time.perf_counter()
        try:
            response = self.session.request(method, url, timeout=60, allow_redirects=False, **kwargs)
            status = response.status_code
        except requests.RequestException:
            response, status = None, "connection_error"
        latency = (time.perf_counter() - started) * 1000
        self.elapsed_ms += latency
        self.steps.record(step, status, latency)
        return response

    def get(self, step, url, **kwargs):
        return self.request(step, "GET", url, **kwargs)

    def post(self, step, url, **kwargs):
        return self.request(step, "POST", url, **kwargs)


def run_each(jobs, concurrency):
    """Call each job once, ``concurrency`` at a time; returns (their results in order, elapsed seconds)."""
    started = time.perf_counter()
    with ThreadPoolExecutor(max_workers=concurrency) as pool:
        results = list(pool.map(lambda job: job(), jobs))
    return results, time.perf_counter() - started


def cpu_seconds(pids):
    """User and system CPU seconds used so far by these processes and their children (Linux /proc).

    Give the gunicorn master's id: its workers are its children. A process
    that ended between two readings is missed, so compare readings of one run.
    """
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0.0
    seen = set()
    for pid in pids:
        try:
            with open(f"/proc/{pid}/task/{pid}/children") as children:
                family = [pid, *map(int, children.read().split())]
        except OSError:
            continue
        for member in family:
            if member in seen:
                continue
            seen.add(member)
            try:
                with open(f"/proc/{member}/stat") as stat:
                    fields = stat.read().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / ticks  # utime, stime
    return total
