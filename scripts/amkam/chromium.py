"""Debian's Chromium (never a downloaded browser) and the flags every headless run uses: the tests' Playwright
browser (tests/browser.py) and Lighthouse in scripts/benchmark.py both read them from here."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
ARGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync")
