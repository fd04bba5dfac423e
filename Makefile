# Protokollarkivet. `make run` serves the archive with sample data; `make test` runs every test.
# Both start from nothing: a virtualenv, the packages, and an embedded PostgreSQL in var/.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MANAGE := $(BIN)/python manage.py
SAMPLE_PROTOCOLS ?= 300
ITEMS ?= 100000

.PHONY: install system-deps db migrate run test lint format bench-parse bench stop-db clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

install: $(STAMP)

# Debian packages the browser tests, the compose check, the bench test, the PDF/text
# comparison (pdftotext, from poppler-utils) and the proxy tests (nginx, openssl) need
# (root only).
system-deps:
	@if [ ! -x /usr/bin/chromium ] || ! command -v docker-compose >/dev/null \
	    || ! command -v wrk >/dev/null || ! command -v pdftotext >/dev/null \
	    || [ ! -x /usr/sbin/nginx ] || ! command -v openssl >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	      chromium chromium-driver docker-compose wrk poppler-utils nginx openssl >/dev/null; \
	  else echo "Installera chromium, docker-compose, wrk, poppler-utils, nginx och openssl för testerna."; fi; \
	fi

db: install
	$(BIN)/python -m archive.embedded_db start >/dev/null

migrate: db
	$(MANAGE) migrate --noinput

run: migrate
	$(MANAGE) load_sample --protocols $(SAMPLE_PROTOCOLS)
	@echo
	@echo "Skapa den första protokollföraren (clerk) med:"
	@echo "  $(MANAGE) create_clerk ANVÄNDARNAMN"
	@echo "E-post (bevakningar, $(MANAGE) send_alerts) hamnar som filer i var/mail."
	@echo
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

# axe-core for the accessibility checks of the browser tests, kept out of the repo.
var/node_modules/axe-core/axe.min.js:
	npm install --silent --no-audit --no-fund --prefix var axe-core@4

test: install system-deps db lint var/node_modules/axe-core/axe.min.js
	$(MANAGE) collectstatic --noinput --verbosity 0
	$(BIN)/pytest

bench-parse: install
	$(BIN)/python -m devtools.parse_bench

# The scale benchmark (docs/performance.md) in a database of its own; wrk drives the pages.
bench: migrate
	@if ! command -v wrk >/dev/null; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; \
	  else echo "Installera wrk (Debian-paketet wrk) för sidmätningarna."; exit 1; fi; \
	fi
	$(MANAGE) bench --items $(ITEMS)

stop-db: install
	$(BIN)/python -m archive.embedded_db stop

clean: stop-db
	rm -rf $(VENV) var staticfiles
