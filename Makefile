# Conduit: `make run` serves the API, `make test` runs every check.
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed
LATEST := .venv-latest
DIST := dist

.PHONY: install lock test-latest dist run test test-fast lint bench-servers bench-import bench-tags

install: $(INSTALLED)

# Installs exactly uv.lock, and fails if pyproject.toml has changed since it was locked.
$(INSTALLED): pyproject.toml uv.lock | $(BIN)/uv
	UV_PROJECT_ENVIRONMENT=$(VENV) $(BIN)/uv sync --quiet --locked --all-extras
	touch $(INSTALLED)

# uv is in the lock too: bootstrapped with pip at its locked version and hashes, then kept by
# `uv sync` (which removes whatever the lock does not name).
$(BIN)/uv:
	test -x $(BIN)/python || python3 -m venv $(VENV)
	$(BIN)/python -c "$$LOCKED_UV" > $(VENV)/uv-requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --only-binary :all: \
	  --require-hashes -r $(VENV)/uv-requirements.txt

define LOCKED_UV
import tomllib
uv = next(p for p in tomllib.load(open("uv.lock", "rb"))["package"] if p["name"] == "uv")
print(f"uv=={uv['version']}", *(f"--hash={wheel['hash']}" for wheel in uv["wheels"]))
endef
export LOCKED_UV

# What a deployment installs (README, "Deploying"): the wheel, and the lock's runtime
# dependencies pinned with their hashes for `pip install --require-hashes`.
dist: install
	rm -rf $(DIST)
	$(BIN)/uv build --quiet --out-dir $(DIST)
	$(BIN)/uv export --quiet --frozen --no-dev --all-extras --no-emit-project \
	  --output-file $(DIST)/requirements.txt

# Upgrades on purpose: the newest versions pyproject.toml allows, into uv.lock.
lock: | $(BIN)/uv
	$(BIN)/uv lock --upgrade
	$(MAKE) install

# Every check in a throw-away venv with the newest allowed versions, the lock untouched:
# prints what differs from the lock, then runs `make test` there.
test-latest: install
	rm -rf $(LATEST)
	$(BIN)/uv venv --quiet --python $(BIN)/python $(LATEST)
	$(BIN)/uv pip install --quiet --python $(LATEST)/bin/python --upgrade -e '.[otel]' --group dev
	touch $(LATEST)/.installed
	$(BIN)/uv pip freeze --quiet --python $(BIN)/python --exclude-editable \
	  | grep -Ev '^(pip|setuptools)==' > $(LATEST)/locked.txt  # seeded by venv, not locked
	$(BIN)/uv pip freeze --quiet --python $(LATEST)/bin/python --exclude-editable \
	  > $(LATEST)/latest.txt
	diff $(LATEST)/locked.txt $(LATEST)/latest.txt && echo "test-latest: the lock is the newest" || true
	$(MAKE) test VENV=$(LATEST)
	rm -rf $(LATEST)

run: install
	$(BIN)/conduit dev

lint: install
	$(BIN)/lint-imports
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/actionlint

test: lint
	$(BIN)/pytest --cov --cov-report=term:skip-covered
	$(BIN)/coverage report --include='domain/*,application/*' --fail-under=95

# The no-I/O tier alone, in seconds: no PostgreSQL, no Redis, no processes (tests/tiers.py).
test-fast: install
	$(BIN)/pytest -m unit

# granian against uvicorn, at 1 and 2 workers (needs wrk and Redis; see tests/bench/servers.py)
bench-servers: install
	$(BIN)/python -m tests.bench.servers

# 200,000 articles imported against a plain COPY; peak memory of their export
bench-import: install
	$(BIN)/python -m tests.bench.imports

# GET /api/tags on a fresh database and after 10,000 edits of 20 tags each (within 2x)
bench-tags: install
	$(BIN)/python -m tests.bench.tags
