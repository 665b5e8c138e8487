# Two commands on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed

.PHONY: site test serve check generate clean lint offline schemas bench-preview zensical bench bench-ratio screenshots

$(STAMP): pyproject.toml requirements.lock
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -c requirements.lock -e ".[site,test]"
	touch $(STAMP)

site: $(STAMP)
	$(VENV)/bin/bkk-site build

# axe-core for the browser tests (tests/browser), pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json
	npm ci --no-fund --no-audit
	touch $@

test: $(STAMP) node_modules/.installed
	$(PY) -m pytest

# Screenshots of every page type at 375 and 1280 px into screenshots/ (git-ignored), to look at.
screenshots: $(STAMP) node_modules/.installed
	BKK_SCREENSHOTS=screenshots $(PY) -m pytest -q tests/browser/test_screenshots.py

serve: $(STAMP)
	$(VENV)/bin/bkk-site serve

check: $(STAMP)
	$(VENV)/bin/bkk-site check

generate: $(STAMP)
	$(VENV)/bin/bkk-site generate

# Synthetic content at 1×, 5×, 20×: build times, pages/s, memory, preview latency (≈ 10–15 min on 2 cores).
bench: $(STAMP)
	$(PY) bench/run.py
	$(PY) bench/ratio.py --factor 5

# Full bkk-site build against bare mkdocs build (same theme, identical generated tree, hooks off), paired runs.
bench-ratio: $(STAMP)
	$(PY) bench/ratio.py --factor 5

# The whole site as a zip that works from a USB stick via file:// (search included, no other host).
offline: $(STAMP)
	$(VENV)/bin/bkk-site build --config mkdocs.offline.yml --site-dir build/bkk-site-offline
	mkdir -p dist && rm -f dist/bkk-site-offline.zip
	cd build && ../$(PY) -m zipfile -c ../dist/bkk-site-offline.zip bkk-site-offline
	@echo "Offline-Kopie: dist/bkk-site-offline.zip (entpacken, bkk-site-offline/index.html öffnen)"

# Editor schemas (schemas/*.schema.json) from generator/model/items.py; commit the result.
schemas: $(STAMP)
	$(VENV)/bin/bkk-site schemas

# Save → page in the live preview, on the shipped content (target: under 1 s).
bench-preview: $(STAMP)
	$(PY) bench/preview.py

# Does the generated tree also build with Zensical? Non-blocking: reports, never fails the build.
zensical: $(STAMP)
	-$(PY) bench/zensical.py

lint: $(STAMP)
	$(VENV)/bin/ruff check generator tests

clean:
	rm -rf site .generated .cache/bkk-site .pytest_cache .ruff_cache .zensical screenshots
