# On Probation: the two commands that matter are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install fixtures bench serve load clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

## Serve the blog on http://127.0.0.1:8000 with an embedded SQLite database.
run: install
	DJANGO_DEBUG=1 $(BIN)/python manage.py migrate --noinput
	DJANGO_DEBUG=1 $(BIN)/python manage.py load_site
	DJANGO_DEBUG=1 $(BIN)/python manage.py runserver $(HOST):$(PORT)

## Run the whole test suite (SQLite unless DATABASE_URL says otherwise).
test: install
	$(BIN)/python -m pytest

## Rebuild fixtures/onprobation.json from fixtures/archives/ on a scratch database.
fixtures: install
	rm -rf var/fixture-build && mkdir -p var/fixture-build
	ONPROBATION_VAR_DIR=var/fixture-build DATABASE_URL=sqlite:///var/fixture-build/db.sqlite3 \
		sh -c '$(BIN)/python manage.py migrate --noinput -v0 && $(BIN)/python manage.py build_fixture'
	rm -rf var/fixture-build

## Serve as in production on http://$(HOST):$(PORT): gunicorn, local PostgreSQL
## (database created if missing), Redis for rate limits shared by the workers.
serve: export DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/onprobation
serve: export REDIS_URL ?= redis://127.0.0.1:6379/0
serve: export STATIC_MANIFEST = 1
serve: export CONN_MAX_AGE ?= 60
serve: WORKERS ?= 3
serve: install
	$(BIN)/python -c "$$CREATEDB_PY"
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py collectstatic --noinput -v0
	$(BIN)/python manage.py load_site
	exec $(BIN)/gunicorn blogsite.wsgi:application --bind $(HOST):$(PORT) \
		--workers $(WORKERS) --no-control-socket \
		--access-logfile - --access-logformat '$(ACCESS_LOG_FORMAT)'

## A 60-second load run against `make serve` on a scratch PostgreSQL database
## (LOAD_ARGS="--seconds 20 --readers 16 --writers 8" to vary it).
load: install
	$(BIN)/python -m bench.load $(LOAD_ARGS)

# gunicorn's default access log starts with the client's address and ends with
# its user agent: we log neither. --no-control-socket: gunicorn 27 opens one
# socket per user at a fixed path, which a second server (tests, make load)
# would take over.
ACCESS_LOG_FORMAT := %(t)s "%(r)s" %(s)s %(b)s %(M)sms

# Creates DATABASE_URL's PostgreSQL database if it is missing; else does nothing.
define CREATEDB_PY
import os, dj_database_url, psycopg
from psycopg import sql
db = dj_database_url.parse(os.environ["DATABASE_URL"])
if db["ENGINE"] == "django.db.backends.postgresql":
    params = {"host": db["HOST"], "port": db["PORT"], "user": db["USER"], "password": db["PASSWORD"]}
    with psycopg.connect(dbname="postgres", autocommit=True, **{k: v for k, v in params.items() if v}) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]).fetchone():
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
            print("created database", db["NAME"])
endef
export CREATEDB_PY

## Every benchmark as one table of ratios (about 8 minutes; BENCH_ARGS=--postgres).
bench: install
	$(BIN)/python -m bench.run $(BENCH_ARGS)

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache
