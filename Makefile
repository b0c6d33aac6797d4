# pmcourse: `make lab` opens the course, `make test` runs every test, `make demo` runs the instructor loop.
# Every target works on a fresh clone of a fresh machine: it installs what it needs first.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SYSSTAMP := build/.sysdeps
# axe-core (npm) for the accessibility browser test, installed into build/ (never global).
AXE := build/node_modules/axe-core/axe.min.js
AXE_VERSION := 4.10
# Debian packages the tests drive for real: a browser, the grading sandbox, a PostgreSQL server.
DEBS := chromium bubblewrap postgresql
PYTEST_FLAGS ?=
# Tests run in parallel, one file per worker at a time (a notebook's cells stay in one kernel).
# Two workers on two cores (three were slower: 20 min 5 s against 18 min 23 s, measured).
PYTEST_WORKERS ?= 2
PARALLEL := -n $(PYTEST_WORKERS) --dist loadfile

.PHONY: install sysdeps lab test test-fast lint demo bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	@test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	$(BIN)/jupyter labextension list 2>&1 | grep -q "@jupyter-widgets/jupyterlab-manager" || \
		{ echo "the ipywidgets lab extension is missing"; exit 1; }
	@touch $(STAMP)

# Installs the Debian packages only when one is missing (apt-get update first, as Debian asks).
sysdeps: $(SYSSTAMP)

$(SYSSTAMP):
	@missing=""; \
	command -v chromium >/dev/null || missing="$$missing chromium"; \
	command -v bwrap >/dev/null || missing="$$missing bubblewrap"; \
	command -v npm >/dev/null || missing="$$missing npm"; \
	ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing="$$missing postgresql"; \
	if [ -n "$$missing" ]; then \
		echo "installing Debian packages:$$missing"; \
		if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
		$$SUDO apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing fonts-dejavu-core >/dev/null; \
	fi
	@mkdir -p build && touch $(SYSSTAMP)

$(AXE): | $(SYSSTAMP)
	npm install --prefix build --no-save --no-audit --no-fund --loglevel=error axe-core@$(AXE_VERSION)
	@test -f $(AXE) || { echo "axe-core did not install into build/node_modules"; exit 1; }

lab: install
	$(BIN)/pmcourse lab

test: install sysdeps $(AXE)
	$(BIN)/ruff check src tests bench
	$(BIN)/pytest $(PARALLEL) $(PYTEST_FLAGS)
	$(BIN)/pytest $(PARALLEL) --nbval-lax --nbval-current-env -p no:randomly notebooks exercises \
		$(PYTEST_FLAGS)

test-fast: install
	$(BIN)/pytest $(PARALLEL) -m "not slow" $(PYTEST_FLAGS)

lint: install
	$(BIN)/ruff check src tests bench

demo: install sysdeps
	$(BIN)/python -m pmcourse.demo build/demo

bench: install sysdeps
	$(BIN)/python bench/run_all.py

clean:
	rm -rf build .pytest_cache
