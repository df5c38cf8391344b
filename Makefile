# smugglegraph: the two commands a newcomer needs are `make demo` and `make test`.
# Both do all set-up themselves: system packages (Java 17, Maven) if missing, a virtualenv
# with the project and its dependencies from PyPI, and the Neo4j server's jars from Maven Central.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test bench setup system lint typecheck unit clean

demo: setup
	$(BIN)/smugglegraph demo --host $(HOST) --port $(PORT)

test: setup
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/pytest -q

# Investigation latency on 100k- and 1M-node graphs (built once under /tmp/bench-smugglegraph); docs/benchmarks.md.
bench: setup
	$(BIN)/python -m bench.latency $(or $(SIZES),100000 1000000)

setup: system $(VENV)/.installed

# Java 17 runs Neo4j; Maven fetches it once. Installed from Debian's packages when missing.
system:
	@command -v java >/dev/null && command -v mvn >/dev/null || { \
	  echo "installing Java 17 and Maven (Debian packages) ..."; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless maven >/dev/null; }

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
