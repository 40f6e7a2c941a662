# Every target installs what it needs first, so each works on a fresh machine (Debian 12, Python 3.11, root).
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.DEFAULT_GOAL := help

help: ## list the commands
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

# PyICU (collation, scripts/amkam/collation.py) has no wheel on PyPI: pip compiles it against Debian's ICU.
ICU_HEADER := /usr/include/unicode/coll.h

$(BIN)/.installed: requirements.txt pyproject.toml | $(ICU_HEADER)
	$(PYTHON) -m venv $(VENV) 2>/dev/null || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

# Debian packages, each installed only when missing: the browser the tests drive (never a downloaded one),
# Java for the Nu HTML Checker.
/usr/bin/chromium:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null

# ICU's headers, pkg-config and a C++ compiler, for pip to build PyICU (about a minute).
$(ICU_HEADER):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libicu-dev pkg-config g++ >/dev/null

/usr/bin/java:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless >/dev/null

# nginx and its brotli modules serve the site in the tests (scripts/amkam/hosting/nginx.py runs its own unprivileged
# process); wrk drives the load benchmark. Installed without starting the system service (a policy-rc.d that forbids
# it, if the machine has none).
NGINX_BROTLI := /usr/lib/nginx/modules/ngx_http_brotli_static_module.so
$(NGINX_BROTLI):
	@if [ -e /usr/sbin/policy-rc.d ]; then policy=; else policy=1; printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d; chmod +x /usr/sbin/policy-rc.d; fi; \
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static libnginx-mod-http-brotli-filter >/dev/null; \
	status=$$?; [ -n "$$policy" ] && rm -f /usr/sbin/policy-rc.d; exit $$status

/usr/bin/wrk:
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null

# Share cards (scripts/hooks/social_cards.py) are drawn with Debian's DejaVu fonts: nothing is downloaded.
CARD_FONT := /usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
$(CARD_FONT):
	apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-dejavu-core >/dev/null

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(BIN)/.installed ## install the Python tools (mkdocs, material, static-i18n, Babel, PyICU)

serve: install $(CARD_FONT) ## serve the site locally with live reload at http://127.0.0.1:8000/
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:8000

build: install $(CARD_FONT) ## build the site into site/ (strict: any warning fails)
	$(BIN)/mkdocs build --strict

lint: install node_modules/.installed ## lint the Python (ruff) and the site's JavaScript (ESLint); part of `make test`
	$(BIN)/ruff check scripts tests
	node_modules/.bin/eslint "docs/assets/javascripts/**/*.js" eslint.config.js

test: lint $(CARD_FONT) /usr/bin/chromium /usr/bin/java $(NGINX_BROTLI) node_modules/.installed ## lint, then run the whole test suite (build, content, browser, accessibility; 2 workers)
	$(BIN)/python -m pytest

scripts/bench/node_modules/.installed: scripts/bench/package.json scripts/bench/package-lock.json
	npm ci --prefix scripts/bench --no-audit --no-fund --loglevel=error
	touch $@

bench: install $(CARD_FONT) /usr/bin/chromium $(NGINX_BROTLI) /usr/bin/wrk scripts/bench/node_modules/.installed ## measure builds, page weight and Lighthouse scores against the targets (scripts/bench/RESULTS.md)
	$(BIN)/python scripts/benchmark.py

.PHONY: help install serve build lint test bench
