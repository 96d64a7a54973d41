"""A small HTTP load client shared by the benchmarks: threads, keep-alive, percentiles.

Benchmarks only ever talk to loopback; ``check_loopback`` refuses anything else.
"""
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
        if not self.latencies_ms:
            return None
        ordered = sorted(self.latencies_ms)
        index = min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))
        return round(ordered[index], 2)

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
