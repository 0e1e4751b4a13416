# The two commands of the README: `make run` and `make test`. Everything else is what they need.
PORT ?= 8000
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# The OpenID Connect tests run oidc-provider (npm) as an independent OpenID Provider.
OIDC_PEER := src/asiointi/identity/tests/oidc_peer

.PHONY: run test setup bench guide check lint messages chromium xmlsec1 clamav poppler system-libs clean \
	prod-up prod-down nginx bench-topology

# DEBUG is off unless set, so that a forgotten variable never runs production on the embedded
# profile's keys; these targets run the embedded profile (`make bench` then starts its own server
# in the production profile).
run test setup bench: export DEBUG = true

run: setup system-libs
	$(MANAGE) runserver 127.0.0.1:$(PORT)

test: setup $(VENV)/.dev system-libs chromium xmlsec1 clamav poppler nginx \
	$(OIDC_PEER)/node_modules/.package-lock.json
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy src
	$(BIN)/lint-imports
	$(MANAGE) makemigrations --check --dry-run
	$(BIN)/pytest -n 2

bench: setup $(VENV)/.dev
	$(BIN)/python -m asiointi.bench

# The production profile on one machine (docs/operations.md): the local PostgreSQL and Redis, two
# gunicorn nodes, a Celery worker and beat, nginx with TLS in front at https://127.0.0.1:8443/.
# Its keys are made once into var/prod/env. prod-down stops only what prod-up started.
PROD_DIR ?= var/prod
prod-up: $(VENV)/.runtime messages system-libs clamav nginx $(OIDC_PEER)/node_modules/.package-lock.json
	PYTHONPATH=src $(BIN)/python -m asiointi.operations.topology up --root $(PROD_DIR)

prod-down:
	PYTHONPATH=src $(BIN)/python -m asiointi.operations.topology down --root $(PROD_DIR)

# The enrollment rush of `make bench` against the topology prod-up started (docs/performance.md):
# seeded into its database, through nginx over HTTPS. RUSH_RESIDENTS=1000 for a smaller rush.
RUSH_RESIDENTS ?= 5000
bench-topology: $(VENV)/.runtime
	PYTHONPATH=src $(BIN)/python -m asiointi.bench --target https://127.0.0.1:$${PROD_HTTPS_PORT:-8443} \
		--topology-root $(PROD_DIR) --residents $(RUSH_RESIDENTS)

# The help pages' pictures: the portal (a live server with the demo data) photographed by Chromium
# in fi, sv and en into catalogue/static/catalogue/guide/, which is committed.
guide: export DEBUG = true
guide: export GUIDE_OUTPUT = $(CURDIR)/src/asiointi/catalogue/static/catalogue/guide
guide: $(VENV)/.dev messages system-libs chromium
	$(BIN)/pytest -p no:xdist -q src/asiointi/catalogue/tests/browser/test_guide.py

# Migrations and demo data run every time: both are idempotent and keep existing data.
setup: $(VENV)/.runtime messages
	@mkdir -p "$${DATA_DIR:-var}"
	$(MANAGE) migrate --no-input -v 0
	$(MANAGE) load_demo

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

$(VENV)/.runtime: pyproject.toml | $(VENV)/bin/python
	$(BIN)/pip install -q -e .
	touch $@

$(VENV)/.dev: pyproject.toml $(VENV)/.runtime
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

messages: $(VENV)/.runtime
	$(BIN)/python scripts/compile_messages.py

# Developers: collect new strings into the .po files (needs GNU gettext).
makemessages: $(VENV)/.runtime
	cd src/asiointi && ../../$(BIN)/django-admin makemessages -l fi -l sv -l en --no-obsolete --no-location

# Browser tests drive Debian's Chromium; Playwright cannot download browsers here.
chromium:
	@command -v chromium >/dev/null || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q chromium)

# SAML (pysaml2) signs, verifies and decrypts with Debian's xmlsec1.
xmlsec1:
	@command -v xmlsec1 >/dev/null || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q xmlsec1)

# Attachments: libmagic names a file's type from its content; WeasyPrint draws PDFs with Pango and
# HarfBuzz in a local font. Debian desktops have them; a bare system gets them here.
system-libs:
	@(/sbin/ldconfig -p | grep -q libmagic.so.1 && /sbin/ldconfig -p | grep -q libpangoft2-1.0.so.0 \
	  && /sbin/ldconfig -p | grep -q libharfbuzz-subset.so.0 && fc-list | grep -q DejaVuSans) \
	|| ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q libmagic1 libpango-1.0-0 \
	  libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core fontconfig)

# The attachment tests start their own ClamAV daemon with a local EICAR signature.
clamav:
	@command -v clamd >/dev/null || [ -x /usr/sbin/clamd ] \
	|| ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q clamav-daemon)

# make prod-up puts Debian's nginx in front of the web nodes.
nginx:
	@command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] \
	|| ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q nginx)

# The PDF tests read text and fonts back with pdftotext and pdffonts.
poppler:
	@command -v pdftotext >/dev/null || ($(SUDO) apt-get update -q && $(SUDO) apt-get install -y -q poppler-utils)

$(OIDC_PEER)/node_modules/.package-lock.json: $(OIDC_PEER)/package-lock.json
	npm ci --prefix $(OIDC_PEER) --no-audit --no-fund

clean:
	rm -rf $(VENV) var $(OIDC_PEER)/node_modules
