# Two entry points: `make demo` runs the example site, `make test` runs every check.
PYTHON ?= python3
VENV := .venv
PY := $(CURDIR)/$(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
MANAGE := cd example_project && $(PY) manage.py
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: demo test test-wagtail7 install lint check audit bench bench-gunicorn dist matrix try-install test-sqlite test-postgres fuzz messages schema clean

$(STAMP): pyproject.toml
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  echo "Installing python3-venv with apt-get"; \
	  $(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq python3-venv >/dev/null && \
	  $(PYTHON) -m venv $(VENV); }
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev,example]"
	@touch $(STAMP)

install: $(STAMP)

demo: install $(PANGO)
	$(MANAGE) migrate --noinput
	$(MANAGE) load_demo_content
	$(MANAGE) ensure_demo_admin
	@echo ""
	@echo "  Wagtail admin:    http://127.0.0.1:8000/admin/"
	@echo "  GraphQL (GraphiQL): http://127.0.0.1:8000/graphql/"
	@echo "  REST API v2:      http://127.0.0.1:8000/api/v2/pages/"
	@echo "  Demo frontend:    http://127.0.0.1:8000/"
	@echo ""
	$(MANAGE) runserver 127.0.0.1:8000

lint: install
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

check: install
	$(MANAGE) check --fail-level WARNING
	$(MANAGE) makemigrations --check --dry-run
	cd example_project && SECRET_KEY=check-deploy-only-$$(date +%s)-a-long-enough-random-string \
	  ALLOWED_HOSTS=example.org REDIS_URL=redis://127.0.0.1:6379/0 \
	  $(PY) manage.py check --deploy --fail-level WARNING \
	  --settings=example.settings.production

# The browser tests drive Debian's Chromium; install it when it is missing.
CHROMIUM := /usr/bin/chromium
$(CHROMIUM):
	@echo "Chromium not found: installing Debian's chromium with apt-get"
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

# The production settings' test of the shared cache starts a Redis server of its own.
REDIS_SERVER := /usr/bin/redis-server
$(REDIS_SERVER):
	@echo "redis-server not found: installing Debian's redis-server with apt-get"
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null

# The certificates' PDF (WeasyPrint) lays text out with Pango and HarfBuzz; install
# Debian's libraries when the dynamic linker does not know them.
PANGO := $(shell /sbin/ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' || echo pango)
.PHONY: pango
pango:
	@echo "Pango not found: installing Debian's Pango and HarfBuzz with apt-get"
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
	  libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core >/dev/null

# The GraphQL over HTTP audit (graphql-http, pinned in scripts/audit/package-lock.json)
# runs on Node.js; install Debian's nodejs and npm when they are missing.
NODE := /usr/bin/node
NPM := /usr/bin/npm
$(NODE) $(NPM):
	@echo "Node.js or npm not found: installing Debian's nodejs and npm with apt-get"
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null

AUDIT_PACKAGES := scripts/audit/node_modules/.package-lock.json
$(AUDIT_PACKAGES): scripts/audit/package.json scripts/audit/package-lock.json | $(NODE) $(NPM)
	cd scripts/audit && $(NPM) ci --silent
	@touch $@

# /graphql/ against graphql-http's audit: the test site on a live server (its test in
# tests/api), or a running site with `make audit URL=http://127.0.0.1:8000/graphql/`.
# Fails on any MUST or SHOULD audit that fails.
audit: install $(AUDIT_PACKAGES)
ifdef URL
	scripts/graphql-http-audit "$(URL)"
else
	$(PY) -m pytest -q -s tests/api/test_graphql_over_http_audit.py
endif

# How fast /graphql/ answers the frontend's documents (benchmarks/api.py; docs/performance.md
# says how to read it). Prints figures; never part of `make test`.
REQUESTS ?= 200
ROUNDS ?= 3
bench: install
	$(PY) benchmarks/api.py $(REQUESTS) $(ROUNDS)

# The same site under gunicorn (2 workers on 127.0.0.1), each case and mode loaded for
# SECONDS over CONNECTIONS keep-alive connections by wrk: requests per second, p50, p99.
SECONDS ?= 30
CONNECTIONS ?= 4
WRK := /usr/bin/wrk
$(WRK):
	@echo "wrk not found: installing Debian's wrk with apt-get"
	$(SUDO) apt-get update -qq
	$(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null

bench-gunicorn: install $(WRK)
	$(PY) benchmarks/api.py --gunicorn $(SECONDS) $(CONNECTIONS)

# Two suites, each in parallel: the app's own tests (tests/, configured in setup.cfg), then
# the example site's tests (example_project/example_tests/, configured in
# example_project/pytest.ini: the demo content and the browser tests), whole files per
# worker, browser tests first, so each worker starts its live site once (in the order
# collected: xdist's default reordering by file size would interleave the other files and
# set the live site up again after each).
# The app's xAPI tests send statements to ralph, an LRS in its own virtualenv
# (.venv-ralph), which scripts/with-ralph makes once.
TEST_APP := $(PY) -m pytest -n auto --maxprocesses=4
TEST_EXAMPLE := cd example_project && $(PY) -m pytest -n auto --maxprocesses=4 --dist loadfile --no-loadscope-reorder

test-sqlite: install $(CHROMIUM) $(REDIS_SERVER) $(AUDIT_PACKAGES) $(PANGO)
	scripts/with-ralph $(TEST_APP)
	$(TEST_EXAMPLE)

# The PostgreSQL pass also runs on a Redis server as the shared cache (the SQLite pass on
# the per-process local memory cache a site without CACHES gets).
test-postgres: install $(CHROMIUM) $(REDIS_SERVER) $(AUDIT_PACKAGES) $(PANGO)
	scripts/with-postgres scripts/with-redis scripts/with-ralph sh -c '$(TEST_APP) && $(TEST_EXAMPLE)'

# The app's tests on the other Wagtail line too (noxfile.py), on SQLite.
test-wagtail7: install
	$(VENV)/bin/nox -s "tests(wagtail='7.4', django='5.2', database='sqlite')"

test: lint check try-install test-sqlite test-postgres test-wagtail7

# The app suite fuzzes the GraphQL API with 300 cases (tests/api/test_fuzzing.py); this is
# a longer run of the same test. FUZZ_SEED=<n> draws other cases than the fixed default.
FUZZ_EXAMPLES ?= 5000
fuzz: install
	FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) FUZZ_SEED=$(FUZZ_SEED) $(PY) -m pytest tests/api/test_fuzzing.py

# django-admin, not `python -m django`: run from borg_learning/, the latter would put
# that folder on sys.path, where its modules could shadow installed packages.
messages: install
	cd borg_learning && \
	  PYTHONPATH=$(CURDIR):$(CURDIR)/example_project $(CURDIR)/$(VENV)/bin/django-admin \
	    makemessages -l nl --settings=tests.settings && \
	  $(CURDIR)/$(VENV)/bin/django-admin compilemessages -l nl

schema: install
	DJANGO_SETTINGS_MODULE=tests.settings PYTHONPATH=.:example_project $(PY) -c \
	  "import django; django.setup(); from borg_learning.api.graphql import schema; \
	  open('docs/schema.graphql', 'w').write(str(schema).strip() + '\n')"

clean:
	rm -rf $(VENV) .venv-ralph example_project/db.sqlite3 example_project/media

# The wheel and the source distribution in dist/, checked as the package index would.
dist: install
	rm -rf dist
	$(PY) -m build --outdir dist .
	$(VENV)/bin/twine check --strict dist/*

# The app's tests on the other Wagtail lines (noxfile.py), each in a virtualenv of its own
# under .nox/; `make test` runs the main line.
matrix: install $(REDIS_SERVER)
	$(VENV)/bin/nox -t other

# A new site from `wagtail start` with the wheel and docs/installation.md's steps answers
# the start page's query (scripts/try-install).
try-install: dist $(PANGO)
	scripts/try-install
