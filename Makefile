# On Probation: the two commands that matter are `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install fixtures bench serve clean

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

clean:
	rm -rf $(VENV) var staticfiles .pytest_cache
