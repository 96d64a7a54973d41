#!/usr/bin/env python
"""Issuing 1,000 certificates for one program against a running server and its task worker.

    .venv/bin/python bench/certificates.py                      # starts its own gunicorn + worker on scratch SQLite
    .venv/bin/python bench/certificates.py --url http://127.0.0.1:8765 --token tc_... --worker-pid 1234
                                                                # against servers you started (same environment)

With no ``--url`` it does what ``bench/run.sh`` does: a scratch SQLite
database in a temporary folder, migrated, ``gunicorn`` with 2 workers and
one ``manage.py run_worker`` on loopback, and a staff token; everything is
stopped and removed at the end. With ``--url`` it must run in the same
environment as those servers (TRAININGCENTER_VAR_DIR or DATABASE_URL), since
it writes the program and its participants straight into the database.

The program: one day, onsite, N confirmed participants with names in Latin
(accents too), Cyrillic, Chinese and Arabic script, in English, Chinese and
Russian, each checked in, so each attended. Then, as an organiser's script
would: ``POST /api/programs/{slug}/certificates`` (202), follow
``GET …/certificates/run`` until the run is finished, list the certificates
(``GET …/certificates``) and fetch one PDF of each language with the token.

One JSON line each: the run (certificates, seconds from the POST to the
last certificate, certificates per second, failed, and the worker's own CPU
time, which other load on the machine does not inflate much), the worker's
peak resident memory (VmHWM), and the size of a PDF in each language, checked
to be a standalone one-page PDF holding the participant's name as text. The
aim: 1,000 in under 30 seconds on a 2-core machine.

    .venv/bin/python bench/certificates.py --compare -n 100

compares the ways of making the PDFs in-process, on a scratch database,
without the server: the whole certificate as one HTML document each, the
whole certificates of a chunk as one document split into pages by pypdf, and
the way the service makes them (``certificates.pdf.render_batch``). It prints
milliseconds per certificate, wall clock and CPU.
"""
import argparse
import io
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "trainingcenter.settings.local")
PYTHON = str(ROOT / ".venv" / "bin" / "python")

# (given name, family name, language): names as people write them, in several scripts.
PEOPLE = [
    ("Aigerim", "Nurlanovna", "ru"), ("Елена", "Смирнова", "ru"), ("Рашад", "Мамедов", "ru"),
    ("小明", "王", "zh-hans"), ("华", "李", "zh-hans"), ("志强", "张", "zh-hans"),
    ("محمد", "الراشدي", "en"), ("فاطمة", "أحمدي", "en"), ("Zoë", "Ñúñez-Çelik", "en"),
    ("Elif", "Yılmaz", "en"), ("Nguyễn", "Thị Hương", "en"), ("Bekzod", "Tursunov", "ru"),
]


def request(url, token=None, method="GET", body=None):
    headers = {"Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        headers["Content-Type"] = "application/json"
    req = urllib.request.Request(url, data=data, headers=headers, method=method)
    with urllib.request.urlopen(req, timeout=60) as response:
        return response.status, response.read(), response.headers


def cpu_seconds(pid):
    """User and system CPU time the process has used so far (from /proc; clock ticks of 1/100 s)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def peak_rss_mib(pid):
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM"):
                return int(line.split()[1]) // 1024
    except OSError:
        return None
    return None


def make_program(count):
    """A finished one-day onsite program whose ``count`` participants all checked in."""
    import datetime as dt
    import random

    from django.utils import timezone

    from trainingcenter.attendance.models import CheckIn
    from trainingcenter.programs.models import Program
    from trainingcenter.registrations.models import Registration

    tag = random.randbytes(4).hex()
    starts = dt.datetime(2026, 6, 8, 1, 0, tzinfo=dt.UTC)
    program = Program.objects.create(
        slug=f"bench-certificates-{tag}", number=7, title="Benchmark: Low-Carbon Energy Systems",
        title_zh_hans="基准测试：低碳能源系统", title_ru="Тест: низкоуглеродные энергосистемы",
        starts=starts, ends=starts + dt.timedelta(hours=8), time_zone="Asia/Shanghai", mode=Program.Mode.ONSITE,
        venue="Beijing", status=Program.Status.COMPLETED,
    )
    now = timezone.now()
    people = []
    for n in range(count):
        given, family, language = PEOPLE[n % len(PEOPLE)]
        registration = Registration(
            program=program, given_name=given, family_name=f"{family}{'' if n < len(PEOPLE) else n}",
            email=f"p{n}.{tag}@bench.example.org", country="KZ", organization="Benchmark Institute",
            sector="academia", mode="onsite", language=language, consent_at=now, status="confirmed",
        )
        registration.token_selector = registration.token[:12]
        people.append(registration)
    Registration.objects.bulk_create(people, batch_size=500)
    day = timezone.localtime(starts, program.tz).date()
    ids = Registration.objects.filter(program=program).values_list("pk", flat=True)
    CheckIn.objects.bulk_create([CheckIn(registration_id=pk, day=day, checked_in_at=now) for pk in ids],
                                batch_size=500)
    return program


def run(url, token, worker_pid, count, database):
    import django

    django.setup()
    from pypdf import PdfReader

    program = make_program(count)
    base = url.rstrip("/") + f"/api/programs/{program.slug}/certificates"
    cpu_before = cpu_seconds(worker_pid) if worker_pid else None
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    status, body, _headers = request(base, token, method="POST")
    answer = json.loads(body)
    polls = 0
    while not answer["finished"]:
        time.sleep(0.25)
        polls += 1
        _status, body, _headers = request(base + "/run", token)
        answer = json.loads(body)
    seconds = time.perf_counter() - started
    worker_cpu = round(cpu_seconds(worker_pid) - cpu_before, 1) if cpu_before is not None else None
    print(json.dumps({
        "database": database, "step": "issue", "post_status": status, "certificates": answer["issued"],
        "failed": answer["failed"], "skipped": answer["skipped"], "seconds": round(seconds, 2),
        "certificates_per_second": round(answer["issued"] / seconds, 1), "polls": polls,
        # The worker's own CPU time for the run: what the run costs, whatever else the machine does.
        "worker_cpu_seconds": worker_cpu,
        "worker_cpu_ms_per_certificate": round(worker_cpu * 1000 / max(answer["issued"], 1), 1)
        if worker_cpu is not None else None,
        "load_average_before": round(load_before, 2), "load_average_after": round(os.getloadavg()[0], 2),
    }), flush=True)
    if worker_pid:
        print(json.dumps({"database": database, "process": "task-worker", "pid": worker_pid,
                          "peak_rss_mib": peak_rss_mib(worker_pid)}), flush=True)
    _status, body, _headers = request(base, token)
    listing = json.loads(body)
    assert listing["count"] == count, listing["count"]
    by_language = {}
    for item in listing["items"]:
        by_language.setdefault(item["language"], item)
    for language, item in sorted(by_language.items()):
        status, data, headers = request(item["pdf_url"], token)
        reader = PdfReader(io.BytesIO(data))
        text = reader.pages[0].extract_text()
        print(json.dumps({
            "database": database, "step": "pdf", "language": language, "status": status,
            "content_type": headers.get("Content-Type"), "kib": round(len(data) / 1024), "pages": len(reader.pages),
            "name_is_text": item["name"] in text, "code_is_text": item["grouped_code"] in text,
        }, ensure_ascii=False), flush=True)


def wait_for(url, seconds=30):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            request(url + "/healthz")
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"{url} did not answer")


def serve_and_run(count, port):
    """Scratch SQLite, gunicorn (2 workers) and one task worker, as bench/run.sh starts them."""
    var_dir = tempfile.mkdtemp(prefix="tc-bench-certificates.")
    env = {**os.environ, "TRAININGCENTER_VAR_DIR": var_dir, "REGISTRATION_RATE_LIMIT": "0",
           "DJANGO_SETTINGS_MODULE": "trainingcenter.settings.local", "SITE_URL": f"http://127.0.0.1:{port}"}
    env.pop("DATABASE_URL", None)
    os.environ.update({key: env[key] for key in ("TRAININGCENTER_VAR_DIR", "SITE_URL")})
    os.environ.pop("DATABASE_URL", None)
    processes = []
    try:
        manage = [PYTHON, str(ROOT / "manage.py")]
        subprocess.run([*manage, "migrate", "--no-input", "--verbosity", "0"], env=env, check=True, cwd=ROOT)
        subprocess.run([*manage, "collectstatic", "--no-input", "--verbosity", "0"], env=env, check=True, cwd=ROOT)
        subprocess.run(
            [*manage, "shell", "-c",
             "from django.contrib.auth import get_user_model; "
             "get_user_model().objects.create_superuser('bench', 'bench@example.org', 'bench-password-0')"],
            env=env, check=True, cwd=ROOT,
        )
        token = subprocess.run([*manage, "create_api_token", "bench", "--name", "bench"], env=env, check=True,
                               cwd=ROOT, capture_output=True, text=True).stdout.strip().splitlines()[-1]
        worker = subprocess.Popen([*manage, "run_worker", "--interval", "1"], env=env, cwd=ROOT,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        processes.append(worker)
        web = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "trainingcenter.wsgi:application", "--bind",
             f"127.0.0.1:{port}", "--workers", "2", "--log-level", "warning"],
            env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        processes.append(web)
        url = f"http://127.0.0.1:{port}"
        wait_for(url)
        run(url, token, worker.pid, count, "sqlite")
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(var_dir, ignore_errors=True)


def compare(count):
    """The ways of making the same certificates, timed in this process (see the module's docstring)."""
    var_dir = tempfile.mkdtemp(prefix="tc-bench-certificates.")
    os.environ["TRAININGCENTER_VAR_DIR"] = var_dir
    os.environ.pop("DATABASE_URL", None)
    try:
        _compare(count)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


def _compare(count):
    import datetime as dt
    import logging

    import django

    django.setup()
    logging.disable(logging.WARNING)
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    from trainingcenter.certificates import codes, pdf

    program = make_program(1)
    people = []
    for n in range(count):
        given, family, language = PEOPLE[n % len(PEOPLE)]
        name = pdf.display_name(given, family)
        people.append(pdf.Person(name=name, code=codes.new_code(), issued_on=dt.date(2026, 6, 20)))
    single = people[: max(1, count // 5)]
    for language in ("en", "zh-hans", "ru"):
        face = pdf.Face(language=language, kind="participation", program_title=program.title,
                        starts_on=dt.date(2026, 6, 8), ends_on=dt.date(2026, 6, 8), hours=8)
        pdf.render_batch(face, program, people[:1])  # the background, once per process and language
        ways = (
            ("whole page, one document each",
             lambda face=face: [pdf.render_whole(face, program, [one])[0] for one in single]),
            ("whole pages, one document per chunk, split", lambda face=face: pdf.render_whole(face, program, people)),
            ("background once + people's layer per chunk", lambda face=face: pdf.render_batch(face, program, people)),
        )
        for way, make in ways:
            wall, cpu = time.perf_counter(), time.process_time()
            made = make()
            wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
            print(json.dumps({
                "step": "compare", "language": language, "way": way, "certificates": len(made),
                "ms_per_certificate": round(wall * 1000 / len(made), 1),
                "cpu_ms_per_certificate": round(cpu * 1000 / len(made), 1),
                "kib_per_certificate": round(sum(map(len, made)) / len(made) / 1024),
            }, ensure_ascii=False), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--url", help="a running server; without it, one is started on a scratch database")
    parser.add_argument("--token", help="a staff API token (with --url)")
    parser.add_argument("--worker-pid", type=int, help="the task worker's process id, for its peak memory")
    parser.add_argument("-n", "--count", type=int, default=1000)
    parser.add_argument("--port", type=int, default=int(os.environ.get("BENCH_PORT", "8766")))
    parser.add_argument("--database", default="", help="label printed with the figures")
    parser.add_argument("--compare", action="store_true", help="compare the ways of making PDFs, in-process")
    args = parser.parse_args()
    if args.compare:
        compare(args.count)
    elif args.url:
        if not args.token:
            parser.error("--url needs --token")
        label = args.database or ("postgresql" if os.environ.get("DATABASE_URL", "").startswith("postgres")
                                  else "sqlite")
        run(args.url, args.token, args.worker_pid, args.count, label)
    else:
        serve_and_run(args.count, args.port)


if __name__ == "__main__":
    main()
