# Ikast-Brande intranet. `make run` sets up and serves with demo content; `make test` runs every test.
# Both are idempotent: a second run only redoes what changed.

PYTHON ?= python3
HOST ?= 127.0.0.1
PORT ?= 8000
VENV := .venv
PY := $(VENV)/bin/python
CHROMIUM ?= /usr/bin/chromium
export DJANGO_SETTINGS_MODULE ?= intranet.settings.dev
# Links in e-mails (sent by the worker) point where `make run` serves, unless set otherwise.
export WAGTAILADMIN_BASE_URL ?= http://$(HOST):$(PORT)
export RUN_ADDRESS := $(HOST):$(PORT)

.PHONY: run test setup install assets migrate seed lint format messages chromium redis-server bench bench-setup loadtest lighthouse clean

# The web server and the background worker (Procfile), in the foreground; Ctrl-C stops both. The pages
# are the intranet's own, error pages included (`make run DEBUG=1` shows Django's debug pages instead).
DEBUG ?= 0
run: setup seed
	DEBUG=$(DEBUG) $(VENV)/bin/honcho start -f Procfile

setup: install assets migrate

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11 or newer is needed")'
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# DKFDS (css, js, fonts, icons) and htmx are copied from node_modules; nothing is loaded from a CDN.
assets: static/dkfds/.copied static/dkfds/.built

static/dkfds/.copied: node_modules/.installed
	rm -rf static/dkfds static/vendor
	mkdir -p static/dkfds static/vendor
	cp -r node_modules/dkfds/dist/css node_modules/dkfds/dist/fonts node_modules/dkfds/dist/img static/dkfds/
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js
	touch $@

# The stylesheet with only the font weights used (woff2), a sprite of only the icons the templates name and
# a script of only the DKFDS components the pages use (esbuild, from DKFDS's sources).
static/dkfds/.built: static/dkfds/.copied scripts/build_assets.py $(wildcard scripts/dkfds/*.js) $(shell find templates -name '*.html')
	$(PY) scripts/build_assets.py
	touch $@

migrate: install
	$(PY) manage.py migrate --no-input

seed: migrate
	$(PY) manage.py seed_demo

messages: install
	$(PY) manage.py makemessages --locale=en --ignore=.venv --ignore=node_modules --no-obsolete
	$(PY) manage.py compilemessages --ignore=.venv

# Browser tests drive Debian's Chromium; install it when missing and we may (root with apt-get).
chromium:
	@if [ ! -x $(CHROMIUM) ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
		else \
			echo "Chromium is missing at $(CHROMIUM): install it with 'sudo apt-get install chromium' (browser tests need it)." >&2; exit 1; \
		fi; \
	fi

# The outage tests start and stop a redis-server of their own (Debian's package); install it when missing.
redis-server:
	@if ! command -v redis-server >/dev/null; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null; \
		else \
			echo "redis-server is missing: install it with 'sudo apt-get install redis-server' (the cache outage test needs it)." >&2; exit 1; \
		fi; \
	fi

test: install assets chromium redis-server
	DJANGO_SETTINGS_MODULE=intranet.settings.test $(PY) -m pytest

lint: install
	$(PY) scripts/check_layers.py
	$(PY) -m ruff check .
	$(PY) -m ruff format --check .
	$(VENV)/bin/djhtml --check templates

format: install
	$(PY) -m ruff check --fix .
	$(PY) -m ruff format .
	$(VENV)/bin/djhtml templates

# --- Benchmark and load test: a separate database, production settings plus the bench app, gunicorn on loopback ---------
BENCH_DATABASE_URL ?= sqlite:///$(CURDIR)/bench/bench.sqlite3
# Empty: the per-process cache. Set (e.g. make loadtest REDIS_URL=redis://127.0.0.1:6379/5): Redis, as in production.
REDIS_URL ?=
BENCH_ENV = DJANGO_SETTINGS_MODULE=intranet.settings.bench DATABASE_URL=$(BENCH_DATABASE_URL) REDIS_URL=$(REDIS_URL) \
	SECRET_KEY=benchmark-only-key-0123456789-abcdefghijklmnopqrstuvwxyz BEHIND_HTTPS=false \
	ALLOWED_HOSTS=127.0.0.1,localhost,testserver MEDIA_ROOT=$(CURDIR)/bench/media STATIC_ROOT=$(CURDIR)/bench/collected_static \
	EMAIL_BACKEND=django.core.mail.backends.dummy.EmailBackend

bench-setup: install assets
	$(BENCH_ENV) $(PY) manage.py create_bench_database
	$(BENCH_ENV) $(PY) manage.py migrate --no-input -v0
	$(BENCH_ENV) $(PY) manage.py collectstatic --no-input -v0
	$(BENCH_ENV) $(PY) manage.py seed_bench

bench: bench-setup
	$(BENCH_ENV) $(PY) manage.py run_bench

$(VENV)/.bench-installed: requirements-bench.txt $(VENV)/.installed
	$(PY) -m pip install --quiet -r requirements-bench.txt
	touch $@

loadtest: bench-setup $(VENV)/.bench-installed
	$(BENCH_ENV) $(PY) manage.py run_loadtest

# --- Lighthouse: the article page's performance and accessibility scores under production settings ----------------------
# Its own demo database (seed_demo refuses production settings, so it seeds under dev settings), gunicorn with the
# bench settings, Lighthouse pinned in bench/lighthouse/ (its own node_modules, not the project's), Debian's Chromium.
LIGHTHOUSE_DATABASE_URL ?= sqlite:///$(CURDIR)/bench/lighthouse.sqlite3
LIGHTHOUSE_ENV = $(BENCH_ENV) DATABASE_URL=$(LIGHTHOUSE_DATABASE_URL)

bench/lighthouse/node_modules/.installed: bench/lighthouse/package.json bench/lighthouse/package-lock.json
	npm ci --prefix bench/lighthouse --no-audit --no-fund --loglevel=error
	touch $@

lighthouse: install assets chromium bench/lighthouse/node_modules/.installed
	$(LIGHTHOUSE_ENV) DJANGO_SETTINGS_MODULE=intranet.settings.dev $(PY) manage.py migrate --no-input -v0
	$(LIGHTHOUSE_ENV) DJANGO_SETTINGS_MODULE=intranet.settings.dev $(PY) manage.py seed_demo > /dev/null
	$(LIGHTHOUSE_ENV) $(PY) manage.py collectstatic --no-input -v0
	$(LIGHTHOUSE_ENV) CHROME_PATH=$(CHROMIUM) $(PY) manage.py run_lighthouse

clean:
	rm -rf $(VENV) node_modules static/dkfds static/vendor staticfiles bench/lighthouse/node_modules
