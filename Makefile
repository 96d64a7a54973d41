# Two commands: `make run` serves the platform with demo data, `make test` runs the suite.
# Both install what is missing first and are safe to run again.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
STAMP := $(VENV)/.installed-$(shell sha1sum requirements.lock | cut -c1-12)
TEST_ARGS ?=

.PHONY: run test install system-test-deps migrate demo lint clean

$(STAMP): requirements.lock
	@echo "==> Creating the Python environment in $(VENV)"
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@$(PY) -m pip install --quiet --upgrade pip
	@echo "==> Installing Python packages from requirements.lock"
	@$(PY) -m pip install --quiet --requirement requirements.lock
	@rm -f $(VENV)/.installed-*
	@touch $(STAMP)

install: $(STAMP)

migrate: install
	@echo "==> Migrating the database"
	@$(PY) manage.py migrate --no-input --verbosity 0

demo: migrate
	@echo "==> Loading demo content (only into an empty database)"
	@$(PY) manage.py load_demo --if-empty

run: demo
	@echo "==> Collecting static files"
	@$(PY) manage.py collectstatic --no-input --verbosity 0
	@PORT=$(PORT) bin/serve

system-test-deps:
	@bin/install-system-deps

test: install system-test-deps
	@echo "==> Tests on SQLite"
	@$(PY) -m pytest -n 2 -p no:cacheprovider $(TEST_ARGS)
	@if [ "$${TEST_POSTGRES:-0}" = "1" ]; then \
		echo "==> Tests on PostgreSQL (throwaway cluster on 127.0.0.1)"; \
		bin/with-postgres $(PY) -m pytest -n 2 -p no:cacheprovider $(TEST_ARGS); \
	fi

lint: install
	@$(VENV)/bin/ruff check .

clean:
	rm -rf var/test*.sqlite3* test-artifacts
