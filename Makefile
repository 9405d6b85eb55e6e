# The documented commands. `make demo` and `make test` set everything up on a fresh Debian machine.
SHELL := /bin/bash
VENV := .venv
PY := $(VENV)/bin/python
SARABAN := $(VENV)/bin/saraban
APT_PACKAGES := tesseract-ocr tesseract-ocr-tha tesseract-ocr-osd poppler-utils libraqm0 \
	fonts-tlwg-laksaman fonts-tlwg-purisa fonts-tlwg-garuda fonts-tlwg-loma fonts-tlwg-norasi \
	fonts-tlwg-kinnari fonts-tlwg-waree fonts-dejavu-core chromium
export OMP_THREAD_LIMIT := 1

.PHONY: setup apt venv demo test lint bench corpus clean

setup: apt venv

apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

venv: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[dev]'
	touch $@

demo: setup
	$(SARABAN) import scans --out output --jobs 2 || test $$? -eq 1
	$(SARABAN) report output -o output/report.html
	@echo "results in output/, review report in output/report.html"

test: lint
	$(PY) -m pytest -q

lint: setup
	$(VENV)/bin/ruff check pipeline tests models
	$(VENV)/bin/ruff format --check pipeline tests models
	$(VENV)/bin/mypy pipeline

bench: setup
	$(PY) -m pipeline.bench.run --out build/bench

clean:
	rm -rf build output/*.json output/report.html
