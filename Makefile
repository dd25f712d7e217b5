# The portal's commands. `make run` serves it with demo data; `make test` runs every check.
.DEFAULT_GOAL := help
SHELL := /bin/bash

VENV := .venv
PY := $(VENV)/bin/python
UV := $(VENV)/bin/uv
MANAGE := $(PY) manage.py
PYTHON ?= $(shell bin/find-python)
AXE := node_modules/axe-core/axe.min.js
REDIS_TESTS := tests/core/test_cache.py tests/core/test_fragments.py tests/core/test_personal_data.py \
	tests/accounts/test_throttling.py tests/administrations/test_account_requests.py
SUDO := $(shell [ "$$(id -u)" -eq 0 ] || echo sudo)
# Compiled bytecode is kept, in the checkout's .cache (git-ignored), even where the environment
# says PYTHONDONTWRITEBYTECODE: the test run starts some thirty Python processes (the drills'
# manage.py, probes and gunicorn workers, the security tests' manage.py), each of which would
# otherwise compile Django and the portal again, 2-3 s of CPU apiece.
export PYTHONPYCACHEPREFIX := $(CURDIR)/.cache/pycache
unexport PYTHONDONTWRITEBYTECODE
# What WeasyPrint (the PDF progress reports) needs from Debian: Pango, HarfBuzz's subsetter, and
# the font with Cyrillic glyphs the reports embed. Empty when all are there.
PDF_MISSING = $(shell /sbin/ldconfig -p 2>/dev/null | grep -qF libpangoft2-1.0.so.0 && \
	/sbin/ldconfig -p 2>/dev/null | grep -qF libharfbuzz-subset.so.0 && \
	test -f /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf || \
	echo libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core)

.PHONY: help run test ci lint fmt check check-deploy messages compilemessages db stop-db install lock clean bench drill restart-drill scale-drill

help:
	@echo "make run    serve the portal with demo data on http://127.0.0.1:8000/"
	@echo "make test   lint, system checks, migrations check, catalogue check and the test suite"
	@echo "make check-deploy   Django's deployment checks with production settings"
	@echo "make lock   update uv.lock after a change of the dependencies in pyproject.toml"
	@echo "make lint | fmt | messages | db | stop-db | clean"

# The virtual environment holds exactly what uv.lock names, every file checked against its hash,
# and is brought in line again when the lock changes. uv itself comes first, through pip with the
# lock's hashes; `uv sync --locked` then stops if pyproject.toml was changed without `make lock`.
$(VENV)/.installed: uv.lock pyproject.toml
	@test -n "$(PYTHON)" || { echo "No suitable Python found (see above)."; exit 1; }
	@test -x $(PY) || $(PYTHON) -m venv $(VENV)
	@test -x $(UV) || { $(PY) bin/uv-requirement > $(VENV)/uv-requirement.txt && \
		$(PY) -m pip install --quiet --no-deps --require-hashes -r $(VENV)/uv-requirement.txt; }
	UV_PYTHON_DOWNLOADS=never $(UV) sync --quiet --locked --extra dev --python $(PY)
	@touch $@

install: $(VENV)/.installed

# After a change of the dependencies in pyproject.toml: resolve them again into uv.lock (versions
# already locked are kept where they still fit; `make lock UPGRADE=1` moves all to the newest).
lock: install
	$(UV) lock $(if $(UPGRADE),--upgrade)

$(AXE): package.json package-lock.json
	@if command -v npm >/dev/null; then npm ci --no-audit --no-fund --loglevel=error && touch $@; \
	else echo "npm not found: the accessibility checks of the browser tests will be skipped."; fi

# The .mo files are committed; they are rebuilt here when gettext's msgfmt is present.
compilemessages: install
	@if command -v msgfmt >/dev/null; then $(MANAGE) compilemessages --locale ru --ignore '.venv' -v 0; \
	else echo "msgfmt not found (apt-get install gettext): using the committed catalogues."; fi

db: install
	@$(PY) -m rocb.embedded_db >/dev/null && echo "Database ready."

stop-db: install
	$(PY) -m rocb.embedded_db stop

run: install compilemessages db
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) demo_data
	@# The task worker (mail, reminders) and the scheduler run beside the server, and stop with it.
	@trap 'kill $$(jobs -p) 2>/dev/null' EXIT; \
	$(MANAGE) db_worker --interval 1 & \
	$(MANAGE) crontask --no-heartbeat & \
	$(MANAGE) runserver 127.0.0.1:8000

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

fmt: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

check: install db
	DJANGO_SETTINGS_MODULE=rocb.settings.test $(MANAGE) check --fail-level WARNING
	DJANGO_SETTINGS_MODULE=rocb.settings.test $(MANAGE) makemigrations --check --dry-run -v 1

# Django's deployment checks (and the portal's: mail delivered) with production settings:
# DEBUG=0, so HSTS, secure cookies and the SSL redirect behind the proxy header are on. Variables
# already set in the environment are used as they are, so on a server this checks the real
# configuration; unset ones get production-like stand-ins (a random key, an SMTP host, the
# embedded database's address: with DEBUG=0 the settings never start it themselves).
check-deploy: install db
	DJANGO_SETTINGS_MODULE=rocb.settings.base DEBUG=0 \
	DATABASE_URL="$${DATABASE_URL:-$$($(PY) -m rocb.embedded_db)}" \
	SECRET_KEY="$${SECRET_KEY:-$$($(PY) -c 'import secrets; print(secrets.token_urlsafe(64))')}" \
	ALLOWED_HOSTS="$${ALLOWED_HOSTS:-portal.example.org}" \
	EMAIL_HOST="$${EMAIL_HOST:-smtp.example.org}" \
	$(MANAGE) check --deploy --fail-level WARNING

test: install $(AXE) lint compilemessages check check-deploy
	@command -v chromium >/dev/null || command -v chromium-browser >/dev/null || \
		echo "Chromium not found (apt-get install chromium): the browser tests will be skipped."
	@test -z "$(PDF_MISSING)" || \
		echo "WeasyPrint's libraries not found (apt-get install $(PDF_MISSING)): the PDF tests will fail."
	$(VENV)/bin/pytest -n 2 --dist loadgroup -p no:cacheprovider
	@# The caching, session and throttling tests once more, against a real Redis server.
	$(VENV)/bin/pytest -p no:cacheprovider -q --cache=redis $(REDIS_TESTS)

ci: test

# Update the Russian catalogue from the source (no file locations, so diffs stay small).
messages: install
	$(MANAGE) makemessages --locale ru --no-location --no-obsolete --ignore '.venv/*' --ignore 'node_modules/*' --ignore 'staticfiles/*'
	$(MANAGE) compilemessages --locale ru --ignore '.venv' -v 0

clean:
	rm -rf $(VENV) node_modules staticfiles

# The load benchmark (see bench/run.py): scale data in a separate database, gunicorn, wrk.
bench: install compilemessages db
	@command -v wrk >/dev/null || { echo "Installing wrk…"; $(SUDO) apt-get install -y -qq wrk >/dev/null || $(SUDO) sh -c 'apt-get update -qq && apt-get install -y -qq wrk' >/dev/null; }
	@test -z "$(PDF_MISSING)" || { echo "Installing $(PDF_MISSING)…"; $(SUDO) apt-get install -y -qq $(PDF_MISSING) >/dev/null || $(SUDO) sh -c 'apt-get update -qq && apt-get install -y -qq $(PDF_MISSING)' >/dev/null; }
	$(PY) bench/run.py $(BENCH_ARGS)

# Backup and restore drill (see bench/drill.py).
drill: install db
	$(PY) bench/drill.py

# PostgreSQL restarted under load: no acknowledged write lost, quick recovery (bench/restart.py).
restart-drill: install db
	$(PY) bench/restart.py

# Two hosts behind HAProxy, through PgBouncer, with Redis and SeaweedFS (bench/scale_drill.py).
scale-drill: install compilemessages db
	@for tool in wrk haproxy pgbouncer redis-server; do command -v $$tool >/dev/null || missing="$$missing $$tool"; done; \
	if [ -n "$$missing" ]; then echo "Installing:$$missing"; $(SUDO) apt-get install -y -qq $$missing >/dev/null || \
	$(SUDO) sh -c "apt-get update -qq && apt-get install -y -qq $$missing" >/dev/null; fi
	$(PY) bench/scale_drill.py $(DRILL_ARGS)
