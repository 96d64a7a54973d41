#!/usr/bin/env python
"""Send one newsletter issue to N confirmed subscribers through a local SMTP sink, with the task worker.

    .venv/bin/python bench/newsletter.py -n 50000 --workers 1

It makes a scratch SQLite database in a temporary var dir, creates N confirmed
subscribers and a draft issue, starts an aiosmtpd sink on 127.0.0.1 and
``manage.py run_worker`` (``--workers`` of them), starts sending, and waits
until every delivery's mail is sent. One JSON line: messages per second
(from the start of sending to the last mail accepted by the sink, listing the
recipients included), the worker's peak memory (VmHWM), and whether each
address got exactly one message.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from smtpsink import Sink, free_port

ROOT = Path(__file__).resolve().parents[1]


def peak_kib(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        return 0
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", "--subscribers", type=int, default=50000)
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--timeout", type=int, default=3600)
    args = parser.parse_args()

    var = tempfile.mkdtemp(prefix="tc-bench-newsletter-")
    port = free_port()
    env = dict(os.environ, TRAININGCENTER_VAR_DIR=var, EMAIL_HOST="127.0.0.1", EMAIL_PORT=str(port),
               DJANGO_SETTINGS_MODULE="trainingcenter.settings.local", SITE_URL="http://127.0.0.1:8000")
    env.pop("DATABASE_URL", None)
    os.environ.update(env)
    sys.path.insert(0, str(ROOT))
    subprocess.run([sys.executable, "manage.py", "migrate", "-v", "0"], cwd=ROOT, env=env, check=True)

    import logging

    import django

    logging.disable(logging.INFO)

    django.setup()
    from aiosmtpd.controller import Controller
    from django.utils import timezone

    from trainingcenter.mailer.models import OutgoingMail
    from trainingcenter.news import issues
    from trainingcenter.news.models import Delivery, Subscriber

    languages = ["en", "zh-hans", "ru"]
    now = timezone.now()
    Subscriber.objects.bulk_create(
        [
            Subscriber(email=f"reader{n}@example.org", language=languages[n % 3],
                       token=f"bench-{n}-{Subscriber.new_token()}", confirmed_at=now)
            for n in range(args.subscribers)
        ],
        batch_size=2000,
    )
    issue = issues.compose()
    issues.save_issue(issue, subject_en="Bench issue", body_en="<p>Hello from the benchmark.</p>")

    sink = Sink()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    workers = [
        subprocess.Popen([sys.executable, "manage.py", "run_worker", "--interval", "0.1"], cwd=ROOT, env=env,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(args.workers)
    ]
    peaks = [0] * len(workers)
    started = time.monotonic()
    issues.start_sending(issue)
    try:
        while time.monotonic() - started < args.timeout:
            time.sleep(1)
            for i, worker in enumerate(workers):
                peaks[i] = max(peaks[i], peak_kib(worker.pid))
            if sum(sink.counts.values()) >= args.subscribers:
                listed = issue.__class__.objects.get(pk=issue.pk).recipients_listed_at
                if listed:
                    break
        elapsed = (sink.last or time.monotonic()) - started
    finally:
        for worker in workers:
            worker.terminate()
        for worker in workers:
            worker.wait(timeout=30)
        controller.stop()

    expected = {f"reader{n}@example.org" for n in range(args.subscribers)}
    received = sum(sink.counts.values())
    exactly_once = set(sink.counts) == expected and all(count == 1 for count in sink.counts.values())
    statuses = collections.Counter(
        Delivery.objects.filter(issue=issue).values_list("mail__status", flat=True)
    )
    print(json.dumps({
        "bench": "newsletter",
        "subscribers": args.subscribers,
        "workers": args.workers,
        "messages_received": received,
        "seconds": round(elapsed, 1),
        "messages_per_second": round(received / elapsed, 1) if elapsed else None,
        "worker_peak_memory_mib": [round(kib / 1024, 1) for kib in peaks],
        "each_address_exactly_once": exactly_once,
        "duplicates": sum(count - 1 for count in sink.counts.values() if count > 1),
        "missing": len(expected - set(sink.counts)),
        "delivery_status": {str(k): v for k, v in statuses.items()},
        "outbox_sent": OutgoingMail.objects.filter(status=OutgoingMail.Status.SENT).count(),
    }))


if __name__ == "__main__":
    main()
