# Two commands do all the set-up on a fresh machine with Python 3.11+:
#   make report   - analyse the default corpus and write reports/
#   make test     - run the test suite
# Each creates .venv and installs the project into it on first use.
PYTHON ?= $(shell for p in python3.13 python3.12 python3.11 python3; do command -v $$p >/dev/null && $$p -c 'import sys; sys.exit(sys.version_info < (3, 11))' && echo $$p && break; done)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUNTIME := $(VENV)/.runtime

.PHONY: report test setup native doctor evaluate bench bless api clean

# The package and what it needs to run; `make report` stops here. The test and lint tools
# (pytest, playwright, ruff, duckdb ...) come on top for `make test`, not for a report.
$(RUNTIME): pyproject.toml
	@test -n "$(PYTHON)" || { echo "error: Python 3.11+ not found; install it or run make PYTHON=/path/to/python3.11"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	@# The native extra (mypy, whose mypyc compiles the hot modules) is optional: without it, pure Python.
	$(BIN)/python -m pip install -q -e '.[native]' 2>/dev/null || { echo "native modules: mypy could not be installed; the toolkit runs as pure Python"; $(BIN)/python -m pip install -q -e .; }
	@# An editable install is not byte-compiled; where PYTHONDONTWRITEBYTECODE is set, every
	@# process (and each worker's server) would compile the package again at start-up.
	$(BIN)/python -m compileall -q toolkit
	$(BIN)/python -m toolkit._native_build
	-@$(BIN)/python -m toolkit._tagger
	@touch $(RUNTIME)

$(STAMP): $(RUNTIME)
	$(BIN)/python -m pip install -q -e '.[dev]'
	@touch $(STAMP)

# Compiled copies of the hot modules (toolkit/_native.py), keyed by a hash of each source: an
# edited module runs as Python until this builds it again (a few seconds; nothing when up to
# date). Without a C compiler or mypy it prints one line and the toolkit runs as pure Python.
# The tagger's derived model cache (toolkit/_tagger.py) sits beside them: one line, never fails the build.
native: $(RUNTIME)
	@$(BIN)/python -m toolkit._native_build
	-@$(BIN)/python -m toolkit._tagger

setup: $(RUNTIME) native
	$(BIN)/python -m toolkit setup --if-missing
	-@$(BIN)/python -m toolkit._tagger

report: setup
	$(BIN)/python -m toolkit report --out reports

test: $(STAMP) native
	$(BIN)/python -m pytest -q

# Re-bless the golden tables after an intended change of output (commit it on its own, saying why).
bless: $(STAMP)
	$(BIN)/python tests/golden.py --bless

doctor: $(RUNTIME)
	$(BIN)/python -m toolkit doctor

bench: $(STAMP) native
	@# Edited modules are compiled again by every process (the workers' server too) where
	@# PYTHONDONTWRITEBYTECODE is set: compile them first, as an install does.
	$(BIN)/python -m compileall -q toolkit
	$(BIN)/python bench/run.py

# The API reference, from the docstrings, offline: docs/api/index.html. The package's public
# modules are named one by one (toolkit/__init__ exports only the notebook entry points).
API_MODULES = toolkit $(patsubst toolkit/%.py,toolkit.%,$(wildcard toolkit/[a-z]*.py)) toolkit.engine toolkit.validation
api: $(STAMP)
	@# from the pure modules: a compiled one keeps no function docstrings
	TOOLKIT_PURE=1 $(BIN)/python -m pdoc -d google -o docs/api $(API_MODULES)

clean:
	rm -rf $(VENV) reports .pytest_cache .hypothesis
