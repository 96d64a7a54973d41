# Two commands: `make run` serves the platform with demo data, `make test` runs the suite.
# Both install what is missing first and are safe to run again.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
TEST_ARGS ?=
# Locks made by `make lock` from pyproject.toml: production.txt is the runtime set only,
# development.txt the same runtime versions plus the test and development tools.
PROD_LOCK := requirements/production.txt
DEV_LOCK := requirements/development.txt
PROD_STAMP := $(VENV)/.installed-production-$(shell sha1sum $(PROD_LOCK) | cut -c1-12)
DEV_STAMP := $(VENV)/.installed-development-$(shell sha1sum $(DEV_LOCK) | cut -c1-12)
# uv, pinned with hashes in requirements/uv.txt, lives in its own environment:
# it only writes the locks and never enters the project's.
UV_VENV := $(VENV)/uv-tool
UV_STAMP := $(UV_VENV)/.installed-$(shell sha1sum requirements/uv.txt | cut -c1-12)
LOCK_FLAGS := --universal --python-version 3.11 --generate-hashes --quiet --custom-compile-command "make lock"
LOCK_ARGS ?=

.PHONY: run test install install-dev system-run-deps system-test-deps migrate demo lint lock clean

# $(call install-lock,FILE): create the environment if needed, then install exactly FILE.
define install-lock
	@test -x $(PY) || { echo "==> Creating the Python environment in $(VENV)"; $(PYTHON) -m venv $(VENV); }
	@$(PY) -m pip install --quiet --upgrade pip
	@echo "==> Installing Python packages from $(1)"
	@$(PY) -m pip install --quiet --require-hashes --no-deps --requirement $(1)
endef

$(PROD_STAMP): $(PROD_LOCK)
	$(call install-lock,$(PROD_LOCK))
	@rm -f $(VENV)/.installed-production-*
	@touch $@

$(DEV_STAMP): $(DEV_LOCK)
	$(call install-lock,$(DEV_LOCK))
	@rm -f $(VENV)/.installed-development-*
	@touch $@

install: $(PROD_STAMP)

install-dev: $(DEV_STAMP)

$(UV_STAMP): requirements/uv.txt
	@test -x $(UV_VENV)/bin/python || $(PYTHON) -m venv $(UV_VENV)
	@$(UV_VENV)/bin/python -m pip install --quiet --require-hashes --no-deps --requirement requirements/uv.txt
	@rm -f $(UV_VENV)/.installed-*
	@touch $@

# Regenerate both locks from pyproject.toml, keeping the versions they already pin where
# possible; `make lock LOCK_ARGS="--upgrade-package django"` (or --upgrade) moves them.
lock: $(UV_STAMP)
	@echo "==> Locking $(PROD_LOCK) and $(DEV_LOCK)"
	@$(UV_VENV)/bin/uv pip compile pyproject.toml $(LOCK_FLAGS) $(LOCK_ARGS) --output-file $(PROD_LOCK)
	@$(UV_VENV)/bin/uv pip compile pyproject.toml --group dev --constraints $(PROD_LOCK) \
		$(LOCK_FLAGS) $(LOCK_ARGS) --output-file $(DEV_LOCK)
	@missing=$$(comm -23 <(grep -E '^[A-Za-z]' $(PROD_LOCK) | sort) <(grep -E '^[A-Za-z]' $(DEV_LOCK) | sort)); \
		if [ -n "$$missing" ]; then echo "$(DEV_LOCK) disagrees with $(PROD_LOCK) on:"; echo "$$missing"; exit 1; fi

migrate: install
	@echo "==> Migrating the database"
	@$(PY) manage.py migrate --no-input --verbosity 0

demo: migrate
	@echo "==> Loading demo content (only into an empty database)"
	@$(PY) manage.py load_demo --if-empty

run: system-run-deps demo
	@echo "==> Collecting static files"
	@$(PY) manage.py collectstatic --no-input --verbosity 0
	@PORT=$(PORT) bin/serve

system-run-deps:
	@bin/install-system-deps run

system-test-deps:
	@bin/install-system-deps

test: install-dev system-test-deps
	@echo "==> Lint (ruff) and import layers (lint-imports)"
	@$(VENV)/bin/ruff check --quiet .
	@$(VENV)/bin/lint-imports --no-cache > /dev/null || $(VENV)/bin/lint-imports --no-cache
	@echo "==> Tests on SQLite"
	@$(PY) -m pytest -n 2 -p no:cacheprovider $(TEST_ARGS)
	@if [ "$${TEST_POSTGRES:-0}" = "1" ]; then \
		echo "==> Tests on PostgreSQL (throwaway cluster on 127.0.0.1)"; \
		bin/with-postgres $(PY) -m pytest -n 2 -p no:cacheprovider $(TEST_ARGS); \
	fi

lint: install-dev
	@$(VENV)/bin/ruff check .

clean:
	rm -rf var/test*.sqlite3* test-artifacts
