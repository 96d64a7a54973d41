"""The whole platform under faults, as it runs in production: nothing the client was told is lost.

``bin/serve`` (gunicorn with two workers and two supervised task workers)
runs against a PostgreSQL cluster of the test's own and sends mail to a local
SMTP server. While clients register concurrently, the test kills one task
worker, kills a gunicorn worker and stops the database for a few seconds.
Afterwards:

- every registration a client got a 201 for is in the database;
- every registration in the database got its confirmation e-mail exactly once,
  though two task workers shared the queue (the one exception is the mail the
  killed worker may have handed to the SMTP server in its last millisecond:
  it is sent again with the same Message-ID);
- the site answers again by itself, without anyone restarting anything.

A request cut off by the killed gunicorn worker has an unknown outcome, as it
would for a browser; the client does not repeat those (a repeat would be a
duplicate registration), only the ones refused before they reached the
database (503 during the outage, connection refused).
"""
import glob
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from collections import defaultdict
from email import message_from_bytes
from pathlib import Path

import psycopg
import pytest
import requests
from aiosmtpd.controller import Controller

BASE_DIR = Path(__file__).resolve().parents[2]
PG_BINARIES = sorted(glob.glob("/usr/lib/postgresql/*/bin"))
REGISTRATIONS = 120
CLIENTS = 6
SEATS = 50

pytestmark = [
    pytest.mark.skipif(not PG_BINARIES, reason="PostgreSQL's binaries are missing (make test installs them)"),
    # Its own cluster whatever the suite runs on: once, in the SQLite pass, is enough.
    pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="runs once, in the SQLite pass"),
    # A cluster, migrations, gunicorn and a worker on a busy 2-core machine take their time.
    pytest.mark.timeout(900),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Cluster:
    """A throwaway PostgreSQL cluster that the test can stop and start."""

    def __init__(self):
        self.root = Path(tempfile.mkdtemp(prefix="tc-fault-pg-"))
        self.port = free_port()
        self.bin = Path(PG_BINARIES[-1])
        # initdb refuses to run as root.
        self.as_user = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
        if self.as_user:
            shutil.chown(self.root, "postgres")
        self.url = f"postgres://tc@127.0.0.1:{self.port}/trainingcenter"

    def _run(self, *command):
        subprocess.run([*self.as_user, *command], check=True, capture_output=True)

    def create(self):
        self._run(str(self.bin / "initdb"), "-D", str(self.root / "data"), "-U", "tc", "--auth=trust",
                  "--encoding=UTF8", "--locale=C.UTF-8")
        self.start()
        self._run(str(self.bin / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", "tc", "trainingcenter")

    def start(self):
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories={self.root} "
                   "-c fsync=off -c max_connections=100")
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.root / "data"), "-l", str(self.root / "log"),
                  "-w", "start", "-o", options)

    def stop(self, mode="fast"):
        self._run(str(self.bin / "pg_ctl"), "-D", str(self.root / "data"), "-m", mode, "-w", "stop")

    def remove(self):
        subprocess.run([*self.as_user, str(self.bin / "pg_ctl"), "-D", str(self.root / "data"), "-m", "immediate",
                        "stop"], capture_output=True)
        shutil.rmtree(self.root, ignore_errors=True)

    def query(self, sql):
        with psycopg.connect(self.url.replace("postgres://", "postgresql://"), connect_timeout=5) as connection:
            return connection.execute(sql).fetchall()


class Sink:
    """An SMTP server that keeps every message it accepts."""

    def __init__(self):
        self.messages = []
        self.lock = threading.Lock()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd's hook name
        message = message_from_bytes(envelope.content)
        with self.lock:
            self.messages.append((envelope.rcpt_tos[0].lower(), message["Message-ID"], message["Subject"]))
        return "250 OK"

    def received(self):
        with self.lock:
            return list(self.messages)


@pytest.fixture
def platform():
    cluster = Cluster()
    sink = Sink()
    var_dir = Path(tempfile.mkdtemp(prefix="tc-fault-var-"))
    port = free_port()
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "trainingcenter.settings.local",
        "DATABASE_URL": cluster.url,
        "TRAININGCENTER_VAR_DIR": str(var_dir),
        "PORT": str(port),
        "EMAIL_HOST": "127.0.0.1",
        "EMAIL_PORT": str(sink.port),
        "REGISTRATION_RATE_LIMIT": "0",
        "WEB_CONCURRENCY": "2",
        "TASK_WORKERS": "2",
        # Short enough that a killed worker's tasks come back within the test.
        "TASK_WORKER_TIMEOUT": "4",
        "TASK_HEARTBEAT_INTERVAL": "1",
        "TASK_RETRY_DELAYS": "1,2",
        # Longer than the database outage below, as the real 15 minutes are
        # longer than most: a claim held through the outage stays its holder's.
        "MAIL_STALE_CLAIM_SECONDS": "10",
    }
    python = str(BASE_DIR / ".venv" / "bin" / "python")
    server = None
    log = open(var_dir / "serve.log", "wb")  # noqa: SIM115 - closed in the finally below
    try:
        cluster.create()
        sink.controller.start()
        for command in (["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"]):
            subprocess.run([python, "manage.py", *command], cwd=BASE_DIR, env=env, check=True)
        make_program = (
            f"from tests.factories import ProgramFactory; ProgramFactory(slug='fault-drill', capacity_online={SEATS})"
        )
        subprocess.run([python, "manage.py", "shell", "-c", make_program], cwd=BASE_DIR, env=env, check=True,
                       capture_output=True)
        server = subprocess.Popen(["bin/serve"], cwd=BASE_DIR, env=env, stdout=log, stderr=subprocess.STDOUT,
                                  start_new_session=True)
        base_url = f"http://127.0.0.1:{port}"
        wait_for(lambda: answers(f"{base_url}/healthz"), 30, "the server to start", server, var_dir)
        yield {"url": base_url, "cluster": cluster, "sink": sink, "server": server, "var_dir": var_dir}
    finally:
        if server is not None and server.poll() is None:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
        log.close()
        sink.controller.stop()
        cluster.remove()
        shutil.rmtree(var_dir, ignore_errors=True)


def answers(url):
    try:
        return requests.get(url, timeout=2).status_code == 200
    except requests.RequestException:
        return False


def wait_for(condition, timeout, what, server=None, var_dir=None):
    deadline = time.monotonic() + timeout
    while not condition():
        if server is not None and server.poll() is not None:
            pytest.fail(f"bin/serve exited while waiting for {what}:\n{serve_log(var_dir)}")
        if time.monotonic() > deadline:
            pytest.fail(f"timed out waiting for {what}" + (f":\n{serve_log(var_dir)}" if var_dir else ""))
        time.sleep(0.2)


def serve_log(var_dir):
    return (var_dir / "serve.log").read_text(errors="replace")[-4000:]


def children(pid):
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(child) for child in found]


def descendants(pid):
    result = []
    for child in children(pid):
        result += [child, *descendants(child)]
    return result


def command_line(pid):
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def processes(server, needle):
    return [pid for pid in descendants(server.pid) if needle in command_line(pid)]


def register(base_url, n, outcomes, deadline):
    """One participant's registration, repeated only while it certainly did not reach the database."""
    email = f"participant{n:03d}@example.org"
    body = {
        "given_name": f"Participant {n}", "family_name": "Drill", "email": email, "country": "KZ",
        "organization": "Institute", "consent": True,
    }
    while time.monotonic() < deadline:
        try:
            response = requests.post(f"{base_url}/api/programs/fault-drill/registrations", json=body, timeout=15)
        except requests.ConnectionError as error:
            if "refused" in str(error).lower():
                time.sleep(0.3)
                continue
            outcomes["unknown"].append(email)  # cut off mid-request: it may or may not have happened
            return
        except requests.Timeout:
            outcomes["unknown"].append(email)
            return
        if response.status_code in (502, 503):
            time.sleep(0.3)  # refused before the database took it: safe to send again
            continue
        outcomes[response.status_code].append(email)
        return
    outcomes["gave up"].append(email)


def test_registrations_and_their_mail_survive_killed_processes_and_a_database_restart(platform):
    base_url, cluster, sink, server = platform["url"], platform["cluster"], platform["sink"], platform["server"]
    outcomes = defaultdict(list)
    deadline = time.monotonic() + 120
    numbers = iter(range(REGISTRATIONS))
    lock = threading.Lock()

    def client():
        while True:
            with lock:
                n = next(numbers, None)
            if n is None:
                return
            register(base_url, n, outcomes, deadline)
            time.sleep(0.05)  # spread the load over the faults

    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()

    time.sleep(1.5)
    task_workers = processes(server, "run_worker")
    assert len(task_workers) == 2
    os.kill(task_workers[0], signal.SIGKILL)
    time.sleep(1.5)
    [master] = [pid for pid in children(server.pid) if "gunicorn" in command_line(pid)]
    web_workers = children(master)
    assert len(web_workers) == 2
    os.kill(web_workers[0], signal.SIGKILL)
    time.sleep(1.0)
    cluster.stop()
    time.sleep(3.0)
    cluster.start()

    for thread in threads:
        thread.join()

    # The site answers again by itself: pages read from the database, and the worker is back.
    wait_for(lambda: answers(f"{base_url}/en/programs/fault-drill/"), 30, "the program page after the outage",
             server, platform["var_dir"])
    wait_for(lambda: len(processes(server, "run_worker")) == 2, 30, "the killed task worker to be started again",
             server, platform["var_dir"])

    told_registered = set(outcomes[201])
    assert "gave up" not in outcomes, "requests refused for two minutes"
    assert set(outcomes) <= {201, "unknown"}, {key: len(value) for key, value in outcomes.items()}
    in_database = {email for (email,) in cluster.query("SELECT email FROM registrations_registration")}
    assert told_registered <= in_database, f"lost: {sorted(told_registered - in_database)}"
    assert in_database <= told_registered | set(outcomes.get("unknown", ()))
    confirmed = cluster.query("SELECT count(*) FROM registrations_registration WHERE status = 'confirmed'")[0][0]
    assert confirmed == min(SEATS, len(in_database))  # never oversold, no seat left empty

    def all_mail_out():
        unsent = cluster.query("SELECT count(*) FROM mailer_outgoingmail WHERE status <> 'sent'")[0][0]
        return unsent == 0 and {to for to, _id, _subject in sink.received()} >= in_database

    wait_for(all_mail_out, 120, "every confirmation to reach the SMTP server", server, platform["var_dir"])
    by_recipient = defaultdict(set)
    deliveries = defaultdict(int)
    for to, message_id, _subject in sink.received():
        by_recipient[to].add(message_id)
        deliveries[to] += 1
    assert set(by_recipient) == in_database  # nobody who is not registered got mail
    # One message each: one Message-ID per recipient, whoever sent it.
    assert {to: len(ids) for to, ids in by_recipient.items() if len(ids) != 1} == {}
    # And delivered once, but for what no mail system can avoid: the task
    # worker killed between the SMTP server's "250 OK" and the outbox's "sent"
    # leaves a mail that is sent again, with the same Message-ID (which mail
    # systems drop as a duplicate). One worker is killed, so one mail at most;
    # the database outage, which is longer than the worker timeout, must cost none.
    repeated = {to: count for to, count in deliveries.items() if count != 1}
    assert len(repeated) <= 1 and set(repeated.values()) <= {2}, repeated
