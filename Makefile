# One entry point for every job. Each target sets itself up: a fresh clone needs
# only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# SAM CLI pins its own boto3/pydantic; it lives in a venv of its own so it never
# decides the versions the service runs with.
SAM_VENV := .venv-sam
SAM_STAMP := $(SAM_VENV)/.installed
SAM_VERSION ?= 1.170.0
SAM ?= $(SAM_VENV)/bin/sam
# samconfig.toml's environment for deploy / delete: default (the dev stage) or prod.
CONFIG_ENV ?= default
SHARED ?= ../shared
HOST ?= 127.0.0.1
PORT ?= 3000
MOTO_PORT ?= 3001

.PHONY: setup run test lint format typecheck check bench bench-quality fuzz validate sam-build layer-requirements deploy delete clean

# sam build installs the layer with python3.13, the functions' runtime, so a recipe
# that builds starts with $(WITH_PYTHON313): python3.13 runs as it is on PATH, or
# pyenv's shim is pointed at an installed 3.13 (the shim runs it only when
# PYENV_VERSION names it), or the recipe stops with one line saying what to install.
define WITH_PYTHON313
if ! python3.13 -c '' >/dev/null 2>&1 && command -v pyenv >/dev/null 2>&1; then \
  for v in $$(pyenv versions --bare 2>/dev/null); do \
    case $$v in 3.13.[0-9] | 3.13.[0-9][0-9]) py313=$$v ;; esac; \
  done; \
  if [ -n "$${py313:-}" ]; then \
    current=$$(pyenv version-name 2>/dev/null || true); \
    export PYENV_VERSION="$${current:+$$current:}$$py313"; \
  fi; \
fi; \
python3.13 -c '' >/dev/null 2>&1 || { \
  echo "make $@: python3.13 not found; install it (e.g. pyenv install 3.13) or put it on PATH" >&2; \
  exit 1; }; \
export SAM_CLI_TELEMETRY=0;
endef

$(STAMP): pyproject.toml layers/common/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[local,dev,bench]'
	touch $(STAMP)

$(SAM_STAMP):
	$(PYTHON) -m venv $(SAM_VENV)
	$(SAM_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(SAM_VENV)/bin/python -m pip install --quiet 'aws-sam-cli==$(SAM_VERSION)'
	touch $(SAM_STAMP)

setup: $(STAMP) $(SAM_STAMP) ## create .venv (+ .venv-sam) and install the project and tools

run: $(STAMP) ## the local stack: embedded moto + the HTTP API, seeds/ ingested
	$(BIN)/article-ingest serve --host $(HOST) --port $(PORT) --moto-port $(MOTO_PORT) --seed seeds/

test: $(STAMP) $(SAM_STAMP) ## lint, format check, types, the whole test suite (moto; no AWS, no Docker)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy layers/common/article_ingest
	PATH="$(CURDIR)/$(SAM_VENV)/bin:$$PATH" $(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP)
	$(BIN)/mypy layers/common/article_ingest

check: test ## everything CI and a reviewer would run (test already lints and type-checks)

validate: $(STAMP) $(SAM_STAMP) ## cfn-lint and sam validate --lint on template.yaml
	$(BIN)/cfn-lint template.yaml
	$(SAM_VENV)/bin/sam validate --lint -t template.yaml

layer-requirements: ## rewrite layers/common/requirements.txt from pyproject.toml's dependencies
	$(PYTHON) scripts/layer_requirements.py

sam-build: $(SAM_STAMP) ## sam build (python3.13 arm64 layer and functions)
	@$(WITH_PYTHON313) $(SAM) build

deploy: $(SAM_STAMP) ## sam build + sam deploy with samconfig.toml's [$(CONFIG_ENV)] settings (shows the changeset, asks)
	@$(WITH_PYTHON313) $(SAM) build --config-env $(CONFIG_ENV) && $(SAM) deploy --config-env $(CONFIG_ENV)

delete: $(SAM_STAMP) ## sam delete the [$(CONFIG_ENV)] stack (asks; the bucket and table are kept: docs/sam.md)
	SAM_CLI_TELEMETRY=0 $(SAM) delete --config-env $(CONFIG_ENV)

bench-quality: $(STAMP) ## quality on the five shared sets: ours vs peers; writes the README table
	$(BIN)/python benchmarks/quality.py --shared $(SHARED) --readme README.md

fuzz: $(STAMP) ## schemathesis against a local stack it starts: no 5xx, responses match the OpenAPI
	$(BIN)/python benchmarks/fuzz_api.py --examples 400 --seconds 600

bench: $(STAMP) ## speed, cold start, memory and local-stack load, against peers
	$(BIN)/python benchmarks/perf.py --shared $(SHARED) --readme README.md

clean:
	rm -rf $(VENV) $(SAM_VENV) .pytest_cache .mypy_cache .ruff_cache .aws-sam benchmarks/out
