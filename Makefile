# Conduit: `make run` serves the API, `make test` runs every check.
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: install run test lint bench-servers bench-import

install: $(INSTALLED)

$(INSTALLED): pyproject.toml
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(INSTALLED)

run: install
	$(BIN)/conduit dev

lint: install
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

test: lint
	$(BIN)/pytest --cov --cov-report=term:skip-covered
	$(BIN)/coverage report --include='domain/*,application/*' --fail-under=95

# granian against uvicorn, at 1 and 2 workers (needs wrk and Redis; see tests/bench/servers.py)
bench-servers: install
	$(BIN)/python -m tests.bench.servers

# 200,000 articles imported against a plain COPY; peak memory of their export
bench-import: install
	$(BIN)/python -m tests.bench.imports
