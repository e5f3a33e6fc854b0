# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench stress screenshots clean translations mutation

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/desktop-crm

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

# ruff, then mypy over the package (strict for domain/, importing/, services/: pyproject.toml).
lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: $(STAMP)
	$(BIN)/ruff format .
	$(BIN)/ruff check --fix .

bench: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m bench

# The invariants under 8 concurrent writers and SIGKILL trials (docs/RELIABILITY.md).
stress: $(STAMP)
	$(BIN)/python -m bench.stress

# Mutation testing of domain/ and the distribution, queue and import services
# (docs/mutation.md; [tool.mutmut] in pyproject.toml). Not part of `make test`.
# MUTANTS narrows a run, e.g. MUTANTS='desktop_crm.domain*'.
MUTATION_JOBS ?= 2
mutation: $(STAMP)
	test -x $(BIN)/mutmut || $(BIN)/python -m pip install --quiet -e '.[test,mutation]'
	QT_QPA_PLATFORM=offscreen $(BIN)/mutmut run --max-children $(MUTATION_JOBS) $(MUTANTS)
	$(BIN)/python tools/mutation_score.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m desktop_crm.ui.screenshots docs/screenshots

# The .ts files are the source (Qt Linguist); this runs lupdate, then lrelease.
translations: $(STAMP)
	$(BIN)/python tools/update_translations.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache mutants
