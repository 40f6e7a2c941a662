"""Shared fixtures: the real site, built once per test run with --strict into a temporary folder and served the
way production serves it (nginx with the repository's rules, in its own process), with SITE_URL set to that
server's address.

The build happens once, in the process that starts the run (pytest_configure); parallel workers (pytest-xdist)
inherit its folder, address and log through the environment, so every worker tests the same build."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from amkam.data import load_site_data

ROOT = Path(__file__).resolve().parents[1]
# The site's data, as the build reads it: the registry (languages, pages), figures, glossary, UI strings.
SITE_DATA = load_site_data(ROOT / "docs" / "assets" / "data", ROOT / "docs")
LANGUAGES = SITE_DATA.registry.codes
DEFAULT_LANGUAGE = SITE_DATA.registry.default_language
PAGES = SITE_DATA.registry.pages
EMBEDS = SITE_DATA.registry.embeds  # embed pages (embed/salary-calculator): framed by other sites
FIGURES = SITE_DATA.figures
t = SITE_DATA.t
PROJECT_FILES = ("mkdocs.yml", "docs", "overrides")
ENV_SITE = ("AMKAM_TEST_SITE_DIR", "AMKAM_TEST_SITE_URL", "AMKAM_TEST_BUILD_LOG")


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


def build_with_change(tmp_path: Path, file: str, old: str, new: str) -> tuple[int, str, Path]:
    """Build a private copy of the project with `old` replaced by `new` in one file.

    Returns the build's exit code, its whole output and the folder it built into."""
    project = copy_project(tmp_path / "project")
    path = project / file
    text = path.read_text("utf-8")
    assert old in text, f"test setup: {old!r} not found in {file}"
    path.write_text(text.replace(old, new, 1), "utf-8")
    result = build(project, tmp_path / "out", "http://127.0.0.1:9/")
    return result.returncode, result.stdout + result.stderr, tmp_path / "out"


def build_with_broken_data(tmp_path: Path, data_file: str, old: str, new: str):
    """Build a private copy of the project with `old` replaced by `new` in one data file.

    Returns the build's exit code, its "Invalid data file" line (empty if none) and its whole output."""
    code, output, _ = build_with_change(tmp_path, data_file, old, new)
    message = next((line for line in output.splitlines() if "Invalid data file" in line), "")
    return code, message, output


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


def start_server(root: Path) -> tuple[subprocess.Popen, str]:
    """Serve `root` with nginx (scripts/amkam/hosting/nginx.py: the production rules, its own prefix, config and
    logs) on a free loopback port; returns the process and its base URL. Once pages are built into `root`, the
    process's `reload()` precompresses them and applies their CSP hashes."""
    from amkam.hosting import nginx

    process = nginx.start(root)
    return process, process.url


def prepare_served_site(process, root: Path) -> None:
    """The step after `mkdocs build` (python -m amkam.hosting prepare), then the server's rules for those pages."""
    from amkam.hosting import prepare

    prepare.prepare(root)
    process.reload()


def pytest_configure(config):
    """Build and serve the site once, before any worker starts (workers inherit the environment)."""
    if hasattr(config, "workerinput") or os.environ.get(ENV_SITE[0]) or config.option.collectonly:
        return
    import tempfile

    out = Path(tempfile.mkdtemp(prefix="amkam-site-"))
    process, url = start_server(out)
    result = build(ROOT, out, url)
    log = out.parent / f"{out.name}.log"
    log.write_text(result.stdout + result.stderr, "utf-8")
    if result.returncode != 0:
        process.terminate()
        raise pytest.UsageError(f"mkdocs build --strict failed:\n{result.stdout}\n{result.stderr}")
    prepare_served_site(process, out)
    os.environ.update(dict(zip(ENV_SITE, (str(out), url, str(log)), strict=True)))
    config._amkam_site = (process, out, log)


def pytest_unconfigure(config):
    started = getattr(config, "_amkam_site", None)
    if started:
        process, out, log = started
        process.stop()
        shutil.rmtree(out, ignore_errors=True)
        log.unlink(missing_ok=True)
        for name in ENV_SITE:
            os.environ.pop(name, None)


@pytest.fixture(scope="session")
def site() -> Site:
    root, url, log = (os.environ[name] for name in ENV_SITE)
    return Site(Path(root), url, Path(log).read_text("utf-8"))


@pytest.fixture(scope="session")
def js_model():
    """The browser's salary model, in one node process for the whole session (tests/js_model.py)."""
    from js_model import NodeModel

    model = NodeModel()
    yield model
    model.close()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from browser import ARGS, CHROMIUM

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=list(ARGS))
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    yield tab
    context.close()
