# smugglegraph: the two commands a newcomer needs are `make demo` and `make test`.
# Both do all set-up themselves: system packages (Java 17, Maven, Node.js) if missing, a virtualenv
# with the project and its dependencies from PyPI, the web page's libraries from the npm registry
# (api/web/package-lock.json), and the Neo4j server's jars from Maven Central. `make test` also
# installs Debian's chromium for the browser tests (driven by Playwright from PyPI; no browser download).

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test bench setup system browser lint typecheck unit clean

demo: setup
	$(BIN)/smugglegraph demo --host $(HOST) --port $(PORT)

test: setup browser
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q

# The benchmarks' small sizes (a few minutes); LARGE=1 for the large ones, BENCH="extraction linking" for some;
# docs/benchmarks.md.
bench: setup browser
	$(BIN)/python -m bench $(if $(LARGE),--large) $(BENCH)

setup: system $(VENV)/.installed api/web/node_modules/.installed

# Java 17 runs Neo4j; Maven fetches it once. Installed from Debian's packages when missing.
system:
	@command -v java >/dev/null && command -v mvn >/dev/null || { \
	  echo "installing Java 17 and Maven (Debian packages) ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless maven >/dev/null; }
	@command -v npm >/dev/null || { \
	  echo "installing Node.js and npm (Debian packages) ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; }

# Debian's chromium for the browser tests (tests/web); Playwright drives it by its executable path.
browser:
	@command -v chromium >/dev/null || { \
	  echo "installing chromium (Debian package) for the browser tests ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

api/web/node_modules/.installed: api/web/package-lock.json
	npm ci --prefix api/web --no-audit --no-fund --silent
	touch $@

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
