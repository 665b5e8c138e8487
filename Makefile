# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: site test serve check generate clean lint bench

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e ".[site,test]"
	touch $(STAMP)

site: $(STAMP)
	$(VENV)/bin/bkk-site build

test: $(STAMP)
	$(PY) -m pytest

serve: $(STAMP)
	$(VENV)/bin/bkk-site serve

check: $(STAMP)
	$(VENV)/bin/bkk-site check

generate: $(STAMP)
	$(VENV)/bin/bkk-site generate

# Synthetic content at 1×, 5×, 20×: build times, pages/s, memory, preview latency (≈ 10–15 min on 2 cores).
bench: $(STAMP)
	$(PY) bench/run.py

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests

clean:
	rm -rf site .generated .pytest_cache .ruff_cache
