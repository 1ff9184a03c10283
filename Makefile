# One entry point for every job. Each target sets itself up: a fresh clone needs
# only Python 3.11+ and make.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SHARED ?= ../shared
HOST ?= 127.0.0.1
PORT ?= 3000

.PHONY: setup run test lint format typecheck check bench bench-quality clean

$(STAMP): pyproject.toml layers/common/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev,bench]'
	touch $(STAMP)

setup: $(STAMP) ## create .venv and install the project with its dev tools

run: $(STAMP) ## the local stack: embedded moto + the HTTP API, seeds/ ingested
	$(BIN)/article-ingest serve --host $(HOST) --port $(PORT) --seed seeds/

test: $(STAMP) ## lint + the whole test suite (moto; no AWS account, no Docker)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: $(STAMP)
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

typecheck: $(STAMP)
	$(BIN)/mypy layers/common/article_ingest

check: lint typecheck test ## everything CI and a reviewer would run

bench-quality: $(STAMP) ## quality on ../shared/benchmarks: ours vs trafilatura
	$(BIN)/python benchmarks/quality.py --shared $(SHARED)

bench: $(STAMP) ## speed, cold start, memory and local-stack load, against peers
	$(BIN)/python benchmarks/perf.py --shared $(SHARED)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .aws-sam benchmarks/out
