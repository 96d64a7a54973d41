#!/usr/bin/env bash
# Run every benchmark against a production-like server on loopback:
# gunicorn (2 workers) plus two task workers, as bin/serve runs them, on a
# scratch SQLite database and then on a throwaway PostgreSQL cluster. Prints
# the JSON lines of each script.
#
#   bench/run.sh              # both databases
#   bench/run.sh sqlite       # one of them
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${BENCH_PORT:-8765}"
N="${BENCH_ATTEMPTS:-2000}"

# Waits (at most three minutes) until no task is due or running.
WAIT_FOR_QUEUE='
import time
from django_tasks_db.models import DBTaskResult
for _ in range(360):
    if not (DBTaskResult.objects.ready().exists() or DBTaskResult.objects.filter(status="RUNNING").exists()):
        break
    time.sleep(0.5)
'

peak_memory() {
    # VmHWM is the kernel's high-water mark of the process's resident memory.
    local kib
    kib=$(awk '/^VmHWM/ {print $2}' "/proc/$2/status")
    echo "{\"process\": \"$1\", \"pid\": $2, \"peak_rss_mib\": $((kib / 1024))}"
}

serve_and_measure() {
    local label=$1
    export TRAININGCENTER_VAR_DIR
    TRAININGCENTER_VAR_DIR=$(mktemp -d /tmp/tc-bench.XXXXXX)
    export REGISTRATION_RATE_LIMIT=0 DJANGO_SETTINGS_MODULE=trainingcenter.settings.local
    $PY manage.py migrate --no-input --verbosity 0
    $PY manage.py load_demo --if-empty >/dev/null
    $PY manage.py collectstatic --no-input --verbosity 0
    local token
    token=$($PY manage.py create_api_token admin --name bench | tail -1)
    $PY manage.py run_worker --interval 1 >/dev/null 2>&1 &
    local worker=$!
    $PY manage.py run_worker --interval 1 >/dev/null 2>&1 &
    local worker2=$!
    .venv/bin/gunicorn trainingcenter.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 \
        --log-level warning >/dev/null 2>&1 &
    local web=$!
    trap 'kill $web $worker $worker2 2>/dev/null || true' RETURN
    for _ in $(seq 50); do curl -fs "http://127.0.0.1:$PORT/healthz" >/dev/null && break; sleep 0.2; done
    # The demo queues work of its own (certificates, survey invitations): let the workers finish
    # it, so that they do not share the cores with the first measurements.
    $PY manage.py shell -c "$WAIT_FOR_QUEUE" >/dev/null
    echo "# pages on $label"
    $PY bench/pages.py --url "http://127.0.0.1:$PORT" --requests 500 --concurrency 8
    echo "# pages on $label, each rendered afresh (a session cookie, as a participant's browser sends)"
    $PY bench/pages.py --url "http://127.0.0.1:$PORT" --requests 500 --concurrency 8 --languages en --uncached
    for c in 1 8 32; do
        echo "# registration on $label, concurrency $c"
        $PY bench/registration_load.py --url "http://127.0.0.1:$PORT" --token "$token" \
            -n "$N" -c "$c" --capacity 500 --database "$label" --server-pid "$web"
    done
    # The public form as a browser uses it (GET with cookies, POST, the answer page),
    # with the server's default minimum fill time: every form is opened first, then sent.
    for c in 8 32; do
        echo "# registration through the browser form on $label, concurrency $c"
        $PY bench/registration_load.py --url "http://127.0.0.1:$PORT" --token "$token" --flow browser \
            -n "$N" -c "$c" --capacity 500 --database "$label" --server-pid "$web"
    done
    echo "# SQL queries per request on $label"
    $PY bench/queries.py
    echo "# peak resident memory on $label"
    peak_memory web-master $web
    for pid in $(pgrep -P $web); do peak_memory web-worker "$pid"; done
    peak_memory task-worker $worker
    peak_memory task-worker $worker2
    kill $web $worker $worker2 2>/dev/null || true
    wait $web $worker $worker2 2>/dev/null || true
    rm -rf "$TRAININGCENTER_VAR_DIR"
}

email_lag_sqlite() {
    # bench/email_lag.py starts its own servers, database and SMTP sink: 2000 registrations at
    # concurrency 32 with the task workers running, then with the workers started afterwards.
    # On PostgreSQL each run needs an empty database, so each gets a cluster of its own below.
    echo "# e-mail lag on $1"
    $PY bench/email_lag.py -n "$N" -c 32
    echo "# e-mail worker on a full queue on $1"
    $PY bench/email_lag.py -n "$N" -c 32 --backlog
}

what="${1:-all}"
if [ "$what" = "sqlite" ] || [ "$what" = "all" ]; then
    (unset DATABASE_URL; serve_and_measure sqlite)
    (unset DATABASE_URL; email_lag_sqlite sqlite)
fi
if [ "$what" = "postgresql" ] || [ "$what" = "all" ]; then
    TEST_POSTGRES=1 bin/install-system-deps
    TEST_POSTGRES=1 bin/with-postgres "$0" postgresql-inside
    TEST_POSTGRES=1 bin/with-postgres "$0" postgresql-email-lag
    TEST_POSTGRES=1 bin/with-postgres "$0" postgresql-email-backlog
fi
if [ "$what" = "postgresql-inside" ]; then
    serve_and_measure postgresql
fi
# One fresh cluster per run: each run migrates an empty database.
if [ "$what" = "postgresql-email-lag" ]; then
    echo "# e-mail lag on postgresql"
    $PY bench/email_lag.py -n "$N" -c 32
fi
if [ "$what" = "postgresql-email-backlog" ]; then
    echo "# e-mail worker on a full queue on postgresql"
    $PY bench/email_lag.py -n "$N" -c 32 --backlog
fi
