# Two commands do all the set-up on a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test lint format bench stress screenshots clean translations mutation
.PHONY: dist icons install-desktop uninstall-desktop

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the project's metadata changes.
$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/desktop-crm

# The suite runs in one process per core (pytest-xdist); PYTEST_WORKERS=0 runs it in this
# process alone (e.g. to debug with pdb).
PYTEST_WORKERS ?= auto
test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -n $(PYTEST_WORKERS)

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
	QT_QPA_PLATFORM=offscreen CRM_TEST_BACKENDS=sqlite $(BIN)/mutmut run --max-children $(MUTATION_JOBS) $(MUTANTS)
	$(BIN)/python tools/mutation_score.py

screenshots: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m desktop_crm.ui.screenshots docs/screenshots

# The .ts files are the source (Qt Linguist); this runs lupdate, then lrelease.
translations: $(STAMP)
	$(BIN)/python tools/update_translations.py

# A wheel and a one-folder bundle that runs without Python (README, "A bundle without
# Python"): dist/desktop_crm-*.whl and dist/desktop-crm/desktop-crm. PyInstaller comes
# with the `dist` extra, installed here only.
DIST_STAMP := $(VENV)/.installed-dist
BUNDLE := dist/desktop-crm
$(DIST_STAMP): pyproject.toml | $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[test,dist]'
	touch $(DIST_STAMP)

dist: $(DIST_STAMP)
	rm -rf $(BUNDLE) dist/desktop_crm-*.whl
	$(BIN)/python -m pip wheel --quiet --no-deps --wheel-dir dist .
	$(BIN)/pyinstaller --noconfirm --clean --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/lead-dispatcher.spec
	@du -sh $(BUNDLE) dist/desktop_crm-*.whl

# The PNG sizes of resources/icons/lead-dispatcher.svg (the SVG is the source).
icons: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python packaging/render_icons.py

# The menu entry and icon for this user, starting the bundle `make dist` built; only
# when asked (never part of `make dist`).
APPLICATIONS_DIR ?= $(HOME)/.local/share/applications
ICON_THEME_DIR ?= $(HOME)/.local/share/icons/hicolor
ICON_SIZES := 16 24 32 48 64 128 256
install-desktop:
	@test -x "$(BUNDLE)/desktop-crm" || { echo "no bundle in $(BUNDLE): run make dist first" >&2; exit 1; }
	install -D -m 644 resources/icons/lead-dispatcher.svg \
		"$(ICON_THEME_DIR)/scalable/apps/lead-dispatcher.svg"
	for size in $(ICON_SIZES); do \
		install -D -m 644 resources/icons/lead-dispatcher-$$size.png \
			"$(ICON_THEME_DIR)/$${size}x$${size}/apps/lead-dispatcher.png" || exit 1; \
	done
	mkdir -p "$(APPLICATIONS_DIR)"
	bundle="$$(cd "$(BUNDLE)" && pwd)" && \
		sed "s|^Exec=desktop-crm\$$|Exec=\"$$bundle/desktop-crm\"|" \
		resources/linux/lead-dispatcher.desktop > "$(APPLICATIONS_DIR)/lead-dispatcher.desktop"
	if command -v update-desktop-database >/dev/null; then \
		update-desktop-database -q "$(APPLICATIONS_DIR)"; fi
	@echo "installed $(APPLICATIONS_DIR)/lead-dispatcher.desktop"

uninstall-desktop:
	rm -f "$(APPLICATIONS_DIR)/lead-dispatcher.desktop" \
		"$(ICON_THEME_DIR)/scalable/apps/lead-dispatcher.svg"
	for size in $(ICON_SIZES); do \
		rm -f "$(ICON_THEME_DIR)/$${size}x$${size}/apps/lead-dispatcher.png"; done

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .ruff_cache mutants
