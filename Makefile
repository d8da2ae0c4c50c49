# Two commands do everything on a fresh machine with python3 and make:
#   make demo   set up, ingest seeds/ into data/archive.db, search it
#   make test   set up, run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: setup demo test clean

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

demo: setup
	$(BIN)/archive ingest seeds/
	$(BIN)/archive search "Novosibirsk"

test: setup
	$(BIN)/ruff check archive tests benchmarks migrations
	$(BIN)/mypy
	$(BIN)/python -m pytest -q

clean:
	rm -rf $(VENV) build *.egg-info data/archive.db data/archive.db-wal data/archive.db-shm
