"""Shared fixtures: the real site, built once per test session with --strict into a temporary folder and
served the way a host would (scripts/serve.py), with SITE_URL set to that server's address."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))

import serve  # noqa: E402
from site_data import LANGUAGES  # noqa: E402

DEFAULT_LANGUAGE = "en"
# The pages the issues ask for: the same file names in every language.
PAGES = ("index", "account-manager", "key-account-manager", "am-vs-kam", "compensation", "salaries-europe",
         "salary-calculator", "career-path", "glossary", "faq", "sources")
PROJECT_FILES = ("mkdocs.yml", "docs", "overrides", "scripts")


def lang_prefix(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def page_path(lang: str, page: str) -> str:
    """Site-relative URL of a page: '', 'compensation/', 'fr/', 'fr/compensation/'."""
    return lang_prefix(lang) + ("" if page == "index" else f"{page}/")


def build(project: Path, out: Path, site_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(out)],
                          cwd=project, env=env, capture_output=True, text=True, timeout=600)


def copy_project(dest: Path) -> Path:
    """A private copy of the sources, for tests that break something on purpose."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(src, dest / name)
    return dest


def build_with_broken_data(tmp_path: Path, data_file: str, old: str, new: str):
    """Build a private copy of the project with `old` replaced by `new` in one data file.

    Returns the build's exit code, its "Invalid data file" line (empty if none) and its whole output."""
    project = copy_project(tmp_path / "project")
    path = project / data_file
    text = path.read_text("utf-8")
    assert old in text, f"test setup: {old!r} not found in {data_file}"
    path.write_text(text.replace(old, new, 1), "utf-8")
    result = build(project, tmp_path / "out", "http://127.0.0.1:9/")
    output = result.stdout + result.stderr
    message = next((line for line in output.splitlines() if "Invalid data file" in line), "")
    return result.returncode, message, output


@dataclass
class Site:
    root: Path
    url: str
    log: str
    _soups: dict = field(default_factory=dict)

    def file(self, lang: str, page: str) -> Path:
        return self.root / page_path(lang, page) / "index.html"

    def soup(self, lang: str, page: str) -> BeautifulSoup:
        key = (lang, page)
        if key not in self._soups:
            self._soups[key] = BeautifulSoup(self.file(lang, page).read_text("utf-8"), "html.parser")
        return self._soups[key]

    def page_url(self, lang: str, page: str) -> str:
        return self.url + page_path(lang, page)


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Site:
    out = tmp_path_factory.mktemp("site")
    server, url = serve.start(out)
    result = build(ROOT, out, url)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}"
    yield Site(out, url, result.stdout + result.stderr)
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from browser import ARGS, CHROMIUM

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
