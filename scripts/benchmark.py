"""Benchmark the site: build times, page weight and Lighthouse scores, against targets (`make bench`).

Measures, on a private snapshot of the sources (others may edit the working tree meanwhile):
1. the real build, cold (output and caches removed) and warm (caches and output kept), median of --runs;
2. Lighthouse 12 (mobile defaults) on four pages in every language, served by nginx with the production rules
   (scripts/amkam/hosting/, after its precompress/CSP step, timed on its own); the bare build by a stock nginx;
3. the same Markdown built with a bare configuration (material + static-i18n + search only), for the ratios;
4. a 10x synthetic copy of the content, to show how the build grows;
5. the calculator's script size against its budget;
6. with --load (or --load-only): wrk at 200 connections for 30 s over the pages of every language, against the
   site's nginx and a stock nginx serving the bare build, with the load average (2 cores: wrk competes).
Writes scripts/bench/RESULTS.md and scripts/bench/results.json; full Lighthouse reports go to .cache/bench/.

    .venv/bin/python scripts/benchmark.py [--runs 5] [--lighthouse-runs 1] [--skip-lighthouse] [--skip-scale]
                                          [--load | --load-only] [--load-seconds 30] [--load-connections 200]

With --test-suite it measures only the README's test command instead: `make test` end to end (after a `make install`
that is not timed), wall and CPU time, and adds a row to RESULTS.md's test-suite section (kept by the full run):

    .venv/bin/python scripts/benchmark.py --test-suite [--label after]
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import json
import os
import platform
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from html.parser import HTMLParser
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import yaml
from mkdocs.utils.yaml import yaml_load

from amkam import postprocess as site_postprocess
from amkam.chromium import ARGS, CHROMIUM
from amkam.hosting import nginx as site_nginx
from amkam.hosting import prepare as hosting_prepare
from amkam.hosting import rules as site_rules

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT / "scripts" / "bench"
REPORTS = ROOT / ".cache" / "bench"  # full Lighthouse reports: large, not committed (.cache/ is ignored)

PROJECT_FILES = ("mkdocs.yml", "docs", "overrides", "scripts")  # what a build reads (as tests/conftest.py)
LIGHTHOUSE = BENCH / "node_modules" / ".bin" / "lighthouse"
CHROME_FLAGS = " ".join(ARGS)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
PAGES = ("index", "key-account-manager", "compensation", "salary-calculator")
CALCULATOR = "salary-calculator"
# The number formats, the model and the page script, minified into one file (amkam/postprocess.py).
SHIPPED_CALCULATOR = "assets/javascripts/calculator/calculator.js"
CALCULATOR_SCRIPTS = tuple(f"docs/{name}" for name in site_postprocess.ASSETS[SHIPPED_CALCULATOR])
SCALE = 10  # the synthetic copy holds SCALE times the pages: each page plus SCALE - 1 copies
KB = 1024

# Targets: never weakened here; a miss is reported as FAIL.
TARGET_SCORE = 100
TARGET_EXTRA_WEIGHT = 10 * KB  # calculator page vs the bare material calculator page, gzipped HTML+CSS+JS
TARGET_COLD_RATIO = 2.0
TARGET_WARM_RATIO = 1.5
TARGET_SCALE_RATIO = SCALE
CALCULATOR_BUDGET = 8 * KB
PAGE_RESOURCES = ("Document", "Stylesheet", "Script")
# Search workers (material's, the site's): they start after the page has loaded, and both builds have one.
WORKER_PATH = "/assets/javascripts/workers/"


# ---------------------------------------------------------------- project copies and configurations

def _not_sources(directory: str, names: list[str]) -> set[str]:
    """Bytecode, and this benchmark's own tools (Lighthouse's node_modules: 100 MB)."""
    skipped = {"__pycache__", "node_modules"}
    if Path(directory).resolve() == ROOT / "scripts":
        skipped.add(BENCH.name)
    return skipped.intersection(names)


def snapshot_project(dest: Path) -> Path:
    """Copy what a build reads, so every measurement sees the same sources."""
    dest.mkdir(parents=True)
    for name in PROJECT_FILES:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=_not_sources)
        else:
            shutil.copy2(src, dest / name)
    return dest


def load_config(project: Path) -> dict:
    with open(project / "mkdocs.yml", encoding="utf-8") as file:
        return yaml_load(file)  # mkdocs' loader: understands !ENV


def i18n_languages(config: dict) -> list[dict]:
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            return [lang for lang in plugin["i18n"]["languages"] if lang.get("build", True)]
    raise SystemExit("mkdocs.yml has no i18n plugin")


def write_bare_config(project: Path, dest: Path) -> Path:
    """The same Markdown with material + static-i18n + search only: no hooks, overrides, extra CSS/JS or cards.

    Theme options (palette, features, no web font) and Markdown extensions stay, so the comparison is the
    project's own additions, not material's options."""
    config = load_config(project)
    theme = {key: value for key, value in config["theme"].items() if key != "custom_dir"}
    i18n = next(plugin["i18n"] for plugin in config["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    bare = {
        "site_name": config["site_name"],
        "site_url": config.get("site_url"),
        "site_description": config.get("site_description"),
        "docs_dir": str((project / config.get("docs_dir", "docs")).resolve()),
        "use_directory_urls": config.get("use_directory_urls", True),
        "exclude_docs": config.get("exclude_docs"),
        "strict": False,  # the hooks' markers stay as text; nothing to be strict about
        "theme": theme,
        "plugins": ["search", {"i18n": i18n}],
        "markdown_extensions": config.get("markdown_extensions", []),
    }
    dest.mkdir(parents=True, exist_ok=True)
    path = dest / "mkdocs.yml"
    path.write_text(yaml.safe_dump(bare, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def multiply_content(project: Path, languages: list[str]) -> int:
    """Add SCALE - 1 copies of every page in every language, under new names; returns the pages there now."""
    docs = project / load_config(project).get("docs_dir", "docs")
    count = 0
    for lang in languages:
        for page in sorted((docs / lang).glob("*.md")):
            for n in range(1, SCALE):
                shutil.copy2(page, page.with_name(f"{page.stem}-copy{n}.md"))
            count += SCALE
    return count


# ---------------------------------------------------------------- builds

def remove_caches(project: Path, config: dict) -> None:
    """What a cold build must redo: material's and plugins' caches and the hooks' compiled bytecode."""
    caches = [project / ".cache"]
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict):
            caches += [project / options["cache_dir"] for options in plugin.values()
                       if isinstance(options, dict) and options.get("cache_dir")]
    caches += list(project.rglob("__pycache__"))
    for path in caches:
        shutil.rmtree(path, ignore_errors=True)


def timed_build(config_file: Path, out: Path, site_url: str, strict: bool | None = None) -> dict:
    """One `mkdocs build`; wall time and the build's own CPU time (less sensitive to other load on the machine)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet", "-f", str(config_file), "-d", str(out)]
    if strict is not None:
        command.append("--strict" if strict else "--no-strict")
    env = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(command, cwd=config_file.parent, env=env, capture_output=True, text=True, timeout=1800)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise SystemExit(f"build failed ({config_file}):\n{result.stdout}\n{result.stderr}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {"wall": round(wall, 2), "cpu": round(cpu, 2)}


def cold_build(config_file: Path, out: Path, site_url: str, **options) -> dict:
    shutil.rmtree(out, ignore_errors=True)
    remove_caches(config_file.parent, load_config(config_file.parent))
    return timed_build(config_file, out, site_url, **options)


def build_series(builds: dict[str, tuple[Path, Path, str]], runs: int) -> dict:
    """Each build cold then warm, `runs` times, the builds taking turns: a change of load on the machine (others'
    jobs share the cores) then hits all of them alike. `builds`: label -> (config file, output dir, site URL)."""
    samples = {label: {"cold": [], "warm": []} for label in builds}
    for run in range(runs):
        for label, (config_file, out, site_url) in builds.items():
            cold = cold_build(config_file, out, site_url)
            warm = timed_build(config_file, out, site_url)
            samples[label]["cold"].append(cold)
            samples[label]["warm"].append(warm)
            log(f"  {label} run {run + 1}/{runs}: cold {cold['wall']} s, warm {warm['wall']} s")
    return {label: {kind: summarize(kinds[kind]) for kind in kinds} for label, kinds in samples.items()}


def summarize(samples: list[dict]) -> dict:
    return {"wall": round(statistics.median(s["wall"] for s in samples), 2),
            "cpu": round(statistics.median(s["cpu"] for s in samples), 2),
            "runs": samples}


# ---------------------------------------------------------------- serving and page weight

def free_port() -> int:
    """A port for the server, known before the build so that SITE_URL (canonical, hreflang) can name it."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def page_path(lang: str, default: str, page: str) -> str:
    return ("" if lang == default else f"{lang}/") + ("" if page == "index" else f"{page}/")


class _PageAssets(HTMLParser):
    """Stylesheets and scripts a page loads from its HTML."""

    def __init__(self):
        super().__init__()
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and "stylesheet" in (attrs.get("rel") or "").split() and attrs.get("href"):
            self.urls.append(attrs["href"])
        elif tag == "script" and attrs.get("src"):
            self.urls.append(attrs["src"])


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))  # as the precompressed .gz copies


def page_assets_gzip(site: Path, path: str) -> dict[str, int]:
    """Gzipped bytes of a page's HTML and of each CSS and JS file it links (no headers, no lazily loaded search)."""
    html = (site / path / "index.html").read_bytes()
    parser = _PageAssets()
    parser.feed(html.decode("utf-8"))
    sizes = {"HTML": gzip_size(html)}
    for url in parser.urls:
        parts = urlsplit(urljoin(f"http://site/{path}", url))
        if parts.netloc == "site":
            sizes[parts.path] = gzip_size((site / parts.path.lstrip("/")).read_bytes())
    return sizes


def calculator_script_sizes(project: Path, site: Path) -> dict:
    """The budget holds for the sources and for what the build ships (one minified file)."""
    sizes = {Path(name).name: gzip_size((project / name).read_bytes()) for name in CALCULATOR_SCRIPTS}
    total = sum(sizes.values())
    shipped = gzip_size((site / SHIPPED_CALCULATOR).read_bytes())
    return {"files": sizes, "total": total, "shipped": shipped, "budget": CALCULATOR_BUDGET,
            "pass": max(total, shipped) <= CALCULATOR_BUDGET}


# ---------------------------------------------------------------- Lighthouse

def run_lighthouse(url: str, report: Path, attempts: int = 2) -> dict:
    """One Lighthouse run in a fresh Chromium profile; a run that errors is retried once."""
    for attempt in range(attempts):
        with tempfile.TemporaryDirectory(prefix="lh-profile-") as profile:
            command = [str(LIGHTHOUSE), url, "--output=json", f"--output-path={report}", "--quiet",
                       f"--only-categories={','.join(CATEGORIES)}",
                       f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}"]
            result = subprocess.run(command, env={**os.environ, "CHROME_PATH": CHROMIUM},
                                    capture_output=True, text=True, timeout=300)
        if result.returncode == 0 and report.is_file():
            lhr = json.loads(report.read_text("utf-8"))
            if not lhr.get("runtimeError"):
                return lhr
        log(f"  Lighthouse attempt {attempt + 1} failed on {url}: {result.stderr.strip()[-300:]}")
    raise SystemExit(f"Lighthouse failed on {url}")


def page_requests(lhr: dict) -> list[dict]:
    return lhr["audits"]["network-requests"]["details"]["items"]


def lighthouse_summary(lhr: dict) -> dict:
    requests = page_requests(lhr)
    html_css_js = sum(item.get("transferSize") or 0 for item in requests
                      if item.get("resourceType") in PAGE_RESOURCES and item.get("sessionTargetType", "page") == "page"
                      and WORKER_PATH not in item["url"])
    return {
        "scores": {name: scaled(lhr["categories"][name]["score"]) for name in CATEGORIES},
        "total_byte_weight": int(lhr["audits"]["total-byte-weight"]["numericValue"]),
        "transfer_sum": sum(item.get("transferSize") or 0 for item in requests),
        "html_css_js": html_css_js,
        "failing_audits": failing_audits(lhr, origin(lhr["requestedUrl"])),
        "errored_audits": errored_audits(lhr),
    }


def scaled(score: float | None) -> int | None:
    return None if score is None else round(score * 100)


def origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def failing_audits(lhr: dict, server: str) -> list[dict]:
    """Audits below 1 in a measured category, with their first few items: those weighted in the score (they cost
    points) and performance diagnostics (unweighted: they point at causes of the metrics' scores)."""
    failing = []
    for name in CATEGORIES:
        for ref in lhr["categories"][name]["auditRefs"]:
            audit = lhr["audits"][ref["id"]]
            weighted = ref.get("weight", 0) > 0
            if audit.get("score") is None or audit["score"] >= 1 or not (weighted or name == "performance"):
                continue
            if not weighted and (ref.get("group") == "hidden" or audit["scoreDisplayMode"] == "informative"):
                continue
            failing.append({"category": name, "id": ref["id"], "title": audit["title"], "weighted": weighted,
                            "score": audit["score"], "display": audit.get("displayValue", ""),
                            "items": [describe_item(item).replace(server, "") for item in audit_items(audit)[:3]]})
    return failing


def errored_audits(lhr: dict) -> dict[str, str]:
    """Audits Lighthouse could not run (e.g. LH 12.2.3's trace engine on a newer Chromium): not a page's fault."""
    return {audit_id: (audit.get("errorMessage") or "").split("\n")[0][:200]
            for audit_id, audit in lhr["audits"].items() if audit.get("scoreDisplayMode") == "error"}


def audit_items(audit: dict) -> list[dict]:
    details = audit.get("details") or {}
    if details.get("type") == "debugdata":  # a metric's raw numbers: nothing to point at
        return []
    items = details.get("items") or []
    return [item for item in items if isinstance(item, dict)]


def describe_item(item: dict) -> str:
    """A short, readable identification of what an audit item points at (element, URL or text)."""
    node = item.get("node") if isinstance(item.get("node"), dict) else None
    if node:
        text = node.get("snippet") or node.get("selector") or ""
        explanation = (node.get("explanation") or "").replace("\n", " ")
        return f"{text[:160]} ({explanation[:200]})" if explanation else text[:160]
    if "groupLabel" in item:  # main-thread work by kind
        return f"{item['groupLabel']}: {item.get('duration', 0):.0f} ms"
    for key in ("url", "source", "description", "label", "value"):
        value = item.get(key)
        if isinstance(value, dict):
            value = value.get("url") or value.get("value") or value.get("text")
        if isinstance(value, (str, int, float)) and value != "":
            extra = f" ({item['wastedBytes']:.0f} B wasted)" if "wastedBytes" in item else ""
            return f"{str(value)[:200]}{extra}"
    return json.dumps(item)[:200]


def median_lighthouse_run(url: str, report: Path, runs: int) -> dict:
    """The run with the median performance score (scores vary between runs, more so on a busy machine)."""
    lhrs = [run_lighthouse(url, report.with_suffix(f".{n}.json")) for n in range(runs)]
    lhrs.sort(key=lambda lhr: lhr["categories"]["performance"]["score"] or 0)
    median = lhrs[len(lhrs) // 2]
    report.write_text(json.dumps(median), "utf-8")
    for n in range(runs):
        report.with_suffix(f".{n}.json").unlink()
    return median


def lighthouse_pages(base_url: str, languages: list[str], default: str, pages: tuple[str, ...],
                     prefix: str, runs: int) -> dict:
    results = {}
    REPORTS.mkdir(parents=True, exist_ok=True)
    for lang in languages:
        for page in pages:
            url = base_url + page_path(lang, default, page)
            started = time.perf_counter()
            summary = lighthouse_summary(median_lighthouse_run(url, REPORTS / f"{prefix}{lang}-{page}.json", runs))
            summary["runs"] = runs
            summary["url_path"] = "/" + page_path(lang, default, page)
            results[f"{lang}/{page}"] = summary
            scores = "/".join(str(summary["scores"][c]) for c in CATEGORIES)
            log(f"  {prefix}{lang} {page}: {scores}, {summary['total_byte_weight']} B "
                f"({time.perf_counter() - started:.0f} s)")
    return results


# ---------------------------------------------------------------- versions, verdicts and reports

def tool_versions() -> dict:
    lighthouse = json.loads((BENCH / "node_modules" / "lighthouse" / "package.json").read_text("utf-8"))["version"] \
        if (BENCH / "node_modules" / "lighthouse" / "package.json").is_file() else None
    chromium = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True).stdout
    chromium = chromium.split(" built")[0].removeprefix("Chromium ")  # "Chromium 156.0… built on Debian…"
    node = subprocess.run(["node", "--version"], capture_output=True, text=True).stdout.strip()
    return {"mkdocs": version("mkdocs"), "mkdocs-material": version("mkdocs-material"),
            "mkdocs-static-i18n": version("mkdocs-static-i18n"), "lighthouse": lighthouse,
            "chromium": chromium, "node": node, "python": platform.python_version()}


def ratio(numerator: float, denominator: float) -> float:
    return round(numerator / denominator, 2) if denominator else float("inf")


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def build_targets(site: dict, bare: dict) -> list[dict]:
    rows = []
    for kind, limit in (("cold", TARGET_COLD_RATIO), ("warm", TARGET_WARM_RATIO)):
        wall = ratio(site[kind]["wall"], bare[kind]["wall"])
        cpu = ratio(site[kind]["cpu"], bare[kind]["cpu"])
        rows.append({"target": f"{kind} build <= {limit} x bare {kind} build", "site": site[kind], "bare": bare[kind],
                     "ratio_wall": wall, "ratio_cpu": cpu, "limit": limit,
                     "verdict": verdict(wall <= limit), "verdict_cpu": verdict(cpu <= limit)})
    return rows


def weight_targets(site_lh: dict, bare_lh: dict, static: dict, default: str) -> list[dict]:
    rows = []
    key = f"{default}/{CALCULATOR}"
    if key in site_lh and key in bare_lh:
        site_bytes, bare_bytes = site_lh[key]["html_css_js"], bare_lh[key]["html_css_js"]
        rows.append({"target": f"{key} (Lighthouse transfer) <= bare + {TARGET_EXTRA_WEIGHT // KB} KB",
                     "site": site_bytes, "bare": bare_bytes, "extra": site_bytes - bare_bytes,
                     "verdict": verdict(site_bytes - bare_bytes <= TARGET_EXTRA_WEIGHT)})
        site_all, bare_all = site_lh[key]["total_byte_weight"], bare_lh[key]["total_byte_weight"]
        rows.append({"target": f"{key} (Lighthouse total-byte-weight, everything incl. search index; no target)",
                     "site": site_all, "bare": bare_all, "extra": site_all - bare_all, "verdict": "info"})
    for lang, files in static.items():
        site_bytes, bare_bytes = sum(files["site"].values()), sum(files["bare"].values())
        rows.append({"target": f"{lang}/{CALCULATOR} (gzip -9 of its files) <= bare + {TARGET_EXTRA_WEIGHT // KB} KB",
                     "site": site_bytes, "bare": bare_bytes, "extra": site_bytes - bare_bytes,
                     "verdict": verdict(site_bytes - bare_bytes <= TARGET_EXTRA_WEIGHT)})
    return rows


def score_verdicts(site_lh: dict) -> dict:
    below = {key: {c: s for c, s in page["scores"].items() if s is None or s < TARGET_SCORE}
             for key, page in site_lh.items()}
    below = {key: scores for key, scores in below.items() if scores}
    return {"pages": len(site_lh), "pages_below": below, "verdict": verdict(not below and bool(site_lh))}


def failing_audit_index(site_lh: dict) -> list[dict]:
    """Each failing audit once, with the pages it fails on and the score, value and items of its worst page."""
    index: dict[str, dict] = {}
    for key, page in site_lh.items():
        for audit in page["failing_audits"]:
            pages = index[audit["id"]]["pages"] if audit["id"] in index else []
            if audit["id"] not in index or audit["score"] < index[audit["id"]]["score"]:
                index[audit["id"]] = {**audit, "worst_page": key, "pages": pages}
            pages.append(key)
    return sorted(index.values(), key=lambda a: (CATEGORIES.index(a["category"]), -len(a["pages"]), a["id"]))


def md_table(header: list[str], rows: list[list]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(cell).replace("|", "\\|") for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def render_markdown(results: dict) -> str:
    m = results["machine"]
    versions = ", ".join(f"{name} {value}" for name, value in results["versions"].items())
    parts = [
        "# Benchmark results",
        "",
        f"Written by `make bench` (scripts/benchmark.py) on {results['date']}. Machine: {m['cores']} cores, "
        f"load average {m['load_before']} before and {m['load_after']} after (others' jobs share the cores: "
        "wall times and performance scores move with it; CPU times less so). Total run: "
        f"{results['duration_s']:.0f} s.",
        "",
        f"Tools: {versions}.",
        "",
        "## Targets",
        "",
        md_table(["Target", "Measured", "Verdict"], [[t["target"], t["measured"], t["verdict"]]
                                                       for t in results["targets"]]),
    ]
    builds = results["builds"]
    parts += ["", f"## Build times (median of {results['runs']} run(s), seconds; CPU = the build process's user+sys)",
              "", md_table(["Build", "Cold wall", "Cold CPU", "Warm wall", "Warm CPU"],
                           [[name, b["cold"]["wall"], b["cold"]["cpu"], b["warm"]["wall"], b["warm"]["cpu"]]
                            for name, b in builds.items() if "cold" in b])]
    if results.get("build_targets"):
        parts += ["", md_table(["Target", "Site", "Bare", "Ratio (wall)", "Ratio (CPU)", "Verdict (wall)",
                                "Verdict (CPU)"],
                               [[t["target"], t["site"]["wall"], t["bare"]["wall"], t["ratio_wall"], t["ratio_cpu"],
                                 t["verdict"], t["verdict_cpu"]] for t in results["build_targets"]])]
    if results.get("scale"):
        s = results["scale"]
        parts += ["", f"## {SCALE}x content ({s['pages']} pages instead of {s['pages'] // SCALE}: each page plus "
                  f"{SCALE - 1} copies in every language; built once cold and once warm, in turns with the site)", "",
                  md_table(["Build", f"{SCALE}x wall (s)", f"{SCALE}x CPU (s)", "Site wall (s)", "Site CPU (s)",
                            "Ratio (wall)", "Ratio (CPU)", "Limit", "Verdict (wall)", "Verdict (CPU)"],
                           [[kind, s[kind]["wall"], s[kind]["cpu"], s[f"site_{kind}"]["wall"],
                             s[f"site_{kind}"]["cpu"], s[f"ratio_{kind}_wall"], s[f"ratio_{kind}_cpu"],
                             TARGET_SCALE_RATIO, verdict(s[f"ratio_{kind}_wall"] <= TARGET_SCALE_RATIO),
                             verdict(s[f"ratio_{kind}_cpu"] <= TARGET_SCALE_RATIO)] for kind in ("cold", "warm")])]
    if results.get("weight_targets"):
        parts += ["", "## Calculator page weight (gzipped HTML + CSS + JS; bytes)", "",
                  md_table(["Comparison", "Site", "Bare", "Extra", "Verdict"],
                           [[t["target"], t["site"], t["bare"], t["extra"], t["verdict"]]
                            for t in results["weight_targets"]])]
    files = results.get("calculator_page_files")
    if files:
        names = list(dict.fromkeys([*files["site"], *files["bare"]]))
        parts += ["", "What the default language's calculator page loads (gzip -9 bytes):", "",
                  md_table(["File", "Site", "Bare", "Extra"],
                           [[f"`{name}`" if name != "HTML" else name, files["site"].get(name, 0),
                             files["bare"].get(name, 0), files["site"].get(name, 0) - files["bare"].get(name, 0)]
                            for name in names])]
    c = results["calculator_scripts"]
    parts += ["", f"## Calculator scripts (gzip -9, budget {c['budget']} B)", "",
              md_table(["File", "gzip -9 bytes"],
                       [[f"{name} (source)", size] for name, size in c["files"].items()]
                       + [["sources, total", c["total"]], [f"{SHIPPED_CALCULATOR} (shipped: both, minified)",
                                                           c["shipped"]], ["verdict", verdict(c["pass"])]])]
    if results.get("lighthouse"):
        parts += ["", f"## Lighthouse (mobile defaults, median of {results['lighthouse_runs']} run(s) a page; "
                  "scores and transferred bytes)", "",
                  md_table(["Page", *CATEGORIES, "Total bytes", "HTML+CSS+JS bytes"],
                           [[f"`{page['url_path']}`", *(page["scores"][c] for c in CATEGORIES),
                             page["total_byte_weight"], page["html_css_js"]]
                            for page in results["lighthouse"].values()])]
        parts += ["", "Bare build, for comparison:", "",
                  md_table(["Page", *CATEGORIES, "Total bytes", "HTML+CSS+JS bytes"],
                           [[f"`{page['url_path']}` (bare)", *(page["scores"][c] for c in CATEGORIES),
                             page["total_byte_weight"], page["html_css_js"]]
                            for page in results["lighthouse_bare"].values()])]
        audits = results["failing_audits"]
        for weighted, heading in ((True, "## Lighthouse audits that cost points on the site"),
                                  (False, "## Performance diagnostics below 1 on the site (unweighted: causes)")):
            parts += ["", heading, ""]
            chosen = [audit for audit in audits if audit["weighted"] is weighted]
            parts += render_audits(chosen, len(results["lighthouse"])) if chosen else ["None."]
        errored = results.get("errored_audits") or {}
        if errored:
            parts += ["", "## Audits Lighthouse could not run (tool limitation, not scored)", ""]
            parts += [f"- `{audit_id}`: {message}" for audit_id, message in errored.items()]
    if results.get("load"):
        parts += ["", render_load(results["load"])]
    return "\n".join(parts) + "\n"


def render_audits(audits: list[dict], page_count: int) -> list[str]:
    lines = []
    for audit in audits:
        count = len(audit["pages"])
        pages = (f"all {page_count} pages" if count == page_count else
                 f"{count} of {page_count} pages" if count > 6 else ", ".join(audit["pages"]))
        display = f" ({audit['display']})" if audit["display"] else ""
        lines.append(f"- **{audit['category']}: `{audit['id']}`**, {audit['title']}: on {pages}; worst "
                     f"{audit['score']}{display} on {audit['worst_page']}")
        lines += [f"  - `{item}`" for item in audit["items"]]
    return lines


def log(message: str) -> None:
    print(message, flush=True)


# ---------------------------------------------------------------- the run

def measure(args: argparse.Namespace, work: Path) -> dict:
    started = time.perf_counter()
    results: dict = {"date": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                     "machine": {"cores": os.cpu_count(), "load_before": round(os.getloadavg()[0], 2)},
                     "versions": tool_versions(), "runs": args.runs, "lighthouse_runs": args.lighthouse_runs,
                     "builds": {}}
    project = snapshot_project(work / "project")
    config = load_config(project)
    languages = [lang["locale"] for lang in i18n_languages(config)]
    default = next(lang["locale"] for lang in i18n_languages(config) if lang.get("default"))
    bare_config = write_bare_config(project, work / "bare")
    site_out, bare_out = work / "site", work / "bare-site"
    site_port, bare_port = free_port(), free_port()
    site_url, bare_url = f"http://127.0.0.1:{site_port}/", f"http://127.0.0.1:{bare_port}/"
    log("Builds (site and bare, taking turns):")
    builds = results["builds"]
    builds.update(build_series({"site": (project / "mkdocs.yml", site_out, site_url),
                                "bare": (bare_config, bare_out, bare_url)}, args.runs))
    results["build_targets"] = build_targets(builds["site"], builds["bare"])
    results["hosting_prepare_s"] = timed_prepare(site_out)
    site_server = site_nginx.start(site_out, site_port, workers="auto")
    bare_server = start_stock_nginx(bare_out, bare_port)
    try:
        results["calculator_scripts"] = calculator_script_sizes(project, site_out)
        static = {lang: {"site": page_assets_gzip(site_out, page_path(lang, default, CALCULATOR)),
                         "bare": page_assets_gzip(bare_out, page_path(lang, default, CALCULATOR))}
                  for lang in languages}
        results["calculator_page_files"] = static[default]
        results["lighthouse"], results["lighthouse_bare"] = {}, {}
        if not args.skip_lighthouse:
            log(f"Lighthouse ({len(languages) * len(PAGES)} site pages, then the bare calculator page):")
            results["lighthouse"] = lighthouse_pages(site_url, languages, default, PAGES, "", args.lighthouse_runs)
            results["lighthouse_bare"] = lighthouse_pages(bare_url, [default], default, (CALCULATOR,), "bare-",
                                                          args.lighthouse_runs)
        results["weight_targets"] = weight_targets(results["lighthouse"], results["lighthouse_bare"], static, default)
        if args.load:
            results["load"] = load_runs(args, work, (site_out, site_url), (bare_out, bare_url))
    finally:
        for server in (site_server, bare_server):
            server.stop()
    if not args.skip_scale:
        results["scale"] = measure_scale(work, project, languages)
    results["failing_audits"] = failing_audit_index(results["lighthouse"])
    results["errored_audits"] = {audit_id: message for page in results["lighthouse"].values()
                                 for audit_id, message in page["errored_audits"].items()}
    results["machine"]["load_after"] = round(os.getloadavg()[0], 2)
    results["duration_s"] = round(time.perf_counter() - started)
    results["targets"] = all_targets(results)
    return results


def timed_prepare(site: Path) -> float:
    """The step after the build (CSP check, gzip and brotli copies): timed apart, outside the build ratios."""
    started = time.perf_counter()
    hosting_prepare.prepare(site)
    seconds = round(time.perf_counter() - started, 2)
    log(f"  hosting step (CSP check, precompress): {seconds} s")
    return seconds


STOCK_NGINX = """daemon off;
worker_processes auto;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
{user}
events {{ worker_connections 4096; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_timeout 65;
    access_log off;
    gzip on;
    client_body_temp_path {prefix}/tmp;
    proxy_temp_path {prefix}/tmp;
    fastcgi_temp_path {prefix}/tmp;
    uwsgi_temp_path {prefix}/tmp;
    scgi_temp_path {prefix}/tmp;
    server {{
        listen 127.0.0.1:{port};
        root {root};
        index index.html;
    }}
}}
"""


class _StockNginx(subprocess.Popen):
    prefix: Path

    def stop(self) -> None:
        self.terminate()
        self.wait(timeout=10)
        shutil.rmtree(self.prefix, ignore_errors=True)


def start_stock_nginx(root: Path, port: int) -> _StockNginx:
    """Debian's nginx with the settings of its default nginx.conf (gzip on, for HTML only), nothing of ours."""
    prefix = Path(tempfile.mkdtemp(prefix="bench-stock-nginx-"))
    (prefix / "tmp").mkdir()
    root.mkdir(parents=True, exist_ok=True)
    for folder in (root, *root.parents):  # workers run as nobody when started as root
        folder.chmod(folder.stat().st_mode | 0o005)
        if folder == Path(tempfile.gettempdir()):
            break
    user = "user nobody nogroup;" if os.geteuid() == 0 else ""
    (prefix / "nginx.conf").write_text(STOCK_NGINX.format(prefix=prefix, port=port, root=root.resolve(), user=user))
    server = _StockNginx([site_nginx.NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"),
                          "-e", str(prefix / "error.log")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    server.prefix = prefix
    for _ in range(200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    return server


WRK_SCRIPT = """-- Spreads requests over every page of every language, and the assets they load (brotli/gzip accepted).
local paths = {{ {paths} }}
local i = 0
function init(args)
  i = math.random(#paths)
end
function request()
  i = i % #paths + 1
  return wrk.format("GET", paths[i], {{["Accept-Encoding"] = "br, gzip"}})
end
function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('RESULT {{"requests": %d, "duration_us": %d, "bytes": %d, "errors": {{"connect": %d, ' ..
    '"read": %d, "write": %d, "status": %d, "timeout": %d}}, "latency_ms": {{"p50": %.2f, "p90": %.2f, ' ..
    '"p99": %.2f, "p99.9": %.2f, "max": %.2f, "mean": %.2f}}}}\\n',
    summary.requests, summary.duration, summary.bytes, e.connect, e.read, e.write, e.status, e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency:percentile(99.9) / 1000, latency.max / 1000, latency.mean / 1000))
end
"""


def load_paths(site: Path) -> list[str]:
    """Every page of every language, and the shared files a page loads (material's fingerprinted bundle and
    stylesheets, the calculator script)."""
    pages = sorted("/" + p.parent.relative_to(site).as_posix() + "/" for p in site.rglob("index.html")
                   if "search" not in p.parts)
    pages = ["/" if page == "/./" else page for page in pages]
    assets = [path for path in site_rules.fingerprinted_files(site) if "/workers/" not in path]
    calculator = "assets/javascripts/calculator/calculator.js"
    assets += [f"/{calculator}"] if (site / calculator).is_file() else []
    return pages + assets


def wrk_run(url: str, site: Path, work: Path, label: str, seconds: int, connections: int) -> dict:
    paths = load_paths(site)
    script = work / f"wrk-{label}.lua"
    script.write_text(WRK_SCRIPT.format(paths=", ".join(json.dumps(p) for p in paths)), "utf-8")
    load_before = os.getloadavg()
    output = subprocess.run(["wrk", "-t", "2", "-c", str(connections), "-d", f"{seconds}s", "--latency",
                             "-s", str(script), url], capture_output=True, text=True, timeout=seconds + 60).stdout
    load_after = os.getloadavg()
    result = json.loads(next(line for line in output.splitlines() if line.startswith("RESULT "))[7:])
    result["requests_per_s"] = round(result["requests"] / (result["duration_us"] / 1e6))
    result["errors_total"] = sum(result["errors"].values())
    result["paths"] = len(paths)
    result["load_average_before"] = [round(x, 2) for x in load_before]
    result["load_average_after"] = [round(x, 2) for x in load_after]
    log(f"  {label}: {result['requests_per_s']} req/s, p50 {result['latency_ms']['p50']} ms, "
        f"p99 {result['latency_ms']['p99']} ms, errors {result['errors_total']}, load {result['load_average_after']}")
    return result


def load_runs(args: argparse.Namespace, work: Path, site: tuple[Path, str], bare: tuple[Path, str]) -> dict:
    log(f"Load: wrk, {args.load_connections} connections, {args.load_seconds} s, 2 threads, on loopback:")
    out = {"connections": args.load_connections, "seconds": args.load_seconds, "threads": 2,
           "wrk": subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("\n")[0].strip()
           or "wrk (Debian 12)",
           "nginx": subprocess.run([site_nginx.NGINX, "-v"], capture_output=True, text=True).stderr.strip()}
    out["site"] = wrk_run(site[1], site[0], work, "site", args.load_seconds, args.load_connections)
    time.sleep(5)  # let the load average settle a little between the runs
    out["bare"] = wrk_run(bare[1], bare[0], work, "bare", args.load_seconds, args.load_connections)
    return out


def measure_load_only(args: argparse.Namespace, work: Path) -> dict:
    """One build of each (no timing series), the hosting step, then only the load runs."""
    project = snapshot_project(work / "project")
    bare_config = write_bare_config(project, work / "bare")
    site_out, bare_out = work / "site", work / "bare-site"
    site_port, bare_port = free_port(), free_port()
    site_url, bare_url = f"http://127.0.0.1:{site_port}/", f"http://127.0.0.1:{bare_port}/"
    timed_build(project / "mkdocs.yml", site_out, site_url)
    timed_build(bare_config, bare_out, bare_url)
    prepare_s = timed_prepare(site_out)
    site_server = site_nginx.start(site_out, site_port, workers="auto")
    bare_server = start_stock_nginx(bare_out, bare_port)
    try:
        load = load_runs(args, work, (site_out, site_url), (bare_out, bare_url))
    finally:
        for server in (site_server, bare_server):
            server.stop()
    load["date"] = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    load["hosting_prepare_s"] = prepare_s
    return load


def _errors(run: dict) -> str:
    return ", ".join(f"{kind} {count}" for kind, count in run["errors"].items())


def render_load(load: dict) -> str:
    rows = []
    for label, name in (("site", "this site, nginx with the repository's rules (brotli_static, CSP, …)"),
                        ("bare", "bare material build, stock nginx (gzip on)")):
        r = load[label]
        lat = r["latency_ms"]
        rows.append([name, r["requests_per_s"], lat["p50"], lat["p90"], lat["p99"], lat["max"], r["errors_total"],
                     f"{r['requests']} / {round(r['bytes'] / 2**20)} MiB", " ".join(map(str, r["load_average_after"]))])
    return "\n".join([
        "## Under load (wrk)",
        "",
        f"{load['wrk']}, {load['threads']} threads, {load['connections']} connections, {load['seconds']} s, on "
        f"loopback; {load['nginx']}. Requests spread over {load['site']['paths']} paths (every page of every "
        "language, plus the assets they load), `Accept-Encoding: br, gzip`. On 2 cores wrk competes with nginx: "
        "the load average (1, 5, 15 min, right after each run) says how busy the machine was. "
        f"Hosting step after the build (CSP check, gzip + brotli copies): {load.get('hosting_prepare_s')} s.",
        "",
        md_table(["Server", "Requests/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "Errors", "Requests / data",
                  "Load average after"], rows),
        "",
        f"Load average before the runs: site {' '.join(map(str, load['site']['load_average_before']))}, stock "
        f"{' '.join(map(str, load['bare']['load_average_before']))} (other jobs share the two cores). Errors are "
        f"wrk's: connect, read, write, non-2xx/3xx status, and timeouts (no answer within 2 s): site "
        f"{_errors(load['site'])}, stock {_errors(load['bare'])}. The stock configuration compresses HTML on "
        "every request (`gzip on`), which costs CPU that wrk also needs; the site's nginx sends the precompressed "
        "brotli copy (`brotli_static`) and so does no compression work at all under load.",
        "",
    ])


def measure_scale(work: Path, project: Path, languages: list[str]) -> dict:
    """The 10x copy next to the site itself, built in turns (cold and warm of each) so both see the same load."""
    log(f"{SCALE}x content build, next to the site's:")
    scaled = snapshot_project(work / "scaled")
    pages = multiply_content(scaled, languages)
    url = "http://127.0.0.1/"  # not served: only timed
    paired = {"site": (project / "mkdocs.yml", work / "paired-site"),
              "scaled": (scaled / "mkdocs.yml", work / "scaled-site")}
    times = {(label, "cold"): cold_build(config_file, out, url) for label, (config_file, out) in paired.items()}
    times |= {(label, "warm"): timed_build(config_file, out, url) for label, (config_file, out) in paired.items()}
    log(f"  {pages} pages: cold {times['scaled', 'cold']['wall']} s, warm {times['scaled', 'warm']['wall']} s "
        f"(site: {times['site', 'cold']['wall']} s, {times['site', 'warm']['wall']} s)")
    result = {"pages": pages}
    for kind in ("cold", "warm"):
        site, scaled_time = times["site", kind], times["scaled", kind]
        result[kind], result[f"site_{kind}"] = scaled_time, site
        result[f"ratio_{kind}_wall"] = ratio(scaled_time["wall"], site["wall"])
        result[f"ratio_{kind}_cpu"] = ratio(scaled_time["cpu"], site["cpu"])
    return result


def category_shortfall(pages_below: dict, category: str) -> str:
    """'performance below 100 on 20 pages, lowest 75 (cs/salary-calculator)'."""
    pages = {page: cats[category] for page, cats in pages_below.items() if category in cats}
    worst = min(pages, key=lambda page: pages[page] or 0)
    return f"{category} below {TARGET_SCORE} on {len(pages)} pages, lowest {pages[worst]} ({worst})"


def all_targets(results: dict) -> list[dict]:
    """One line per target, for the summary and the top of RESULTS.md."""
    rows = []
    if results["lighthouse"]:
        scores = score_verdicts(results["lighthouse"])
        below = "; ".join(category_shortfall(scores["pages_below"], category) for category in CATEGORIES
                          if any(category in cats for cats in scores["pages_below"].values()))
        rows.append({"target": f"Lighthouse {TARGET_SCORE}/{TARGET_SCORE}/{TARGET_SCORE}/{TARGET_SCORE} on every "
                               f"measured page ({scores['pages']})",
                     "measured": below or "all 100", "verdict": scores["verdict"]})
    lighthouse_rows = [t for t in results["weight_targets"] if "Lighthouse transfer" in t["target"]]
    file_rows = [t for t in results["weight_targets"] if "gzip -9" in t["target"]]
    heaviest = [max(file_rows, key=lambda t: t["extra"])] if file_rows else []  # the other languages: RESULTS.md
    for t in lighthouse_rows + heaviest:
        rows.append({"target": t["target"], "measured": f"{t['site']} B vs {t['bare']} B: {t['extra']:+d} B",
                     "verdict": t["verdict"]})
    for t in results["build_targets"]:
        rows.append({"target": t["target"], "measured": f"{t['site']['wall']} s vs {t['bare']['wall']} s: "
                     f"x{t['ratio_wall']} (CPU x{t['ratio_cpu']}: {t['verdict_cpu']})", "verdict": t["verdict"]})
    if results.get("scale"):
        s = results["scale"]
        rows.append({"target": f"{SCALE}x content cold build <= {TARGET_SCALE_RATIO} x site cold build",
                     "measured": f"{s['cold']['wall']} s vs {s['site_cold']['wall']} s: x{s['ratio_cold_wall']} "
                                 f"(CPU x{s['ratio_cold_cpu']}: "
                                 f"{verdict(s['ratio_cold_cpu'] <= TARGET_SCALE_RATIO)})",
                     "verdict": verdict(s["ratio_cold_wall"] <= TARGET_SCALE_RATIO)})
    c = results["calculator_scripts"]
    rows.append({"target": f"calculator.js + model.js gzip -9 <= {c['budget']} B",
                 "measured": f"sources {c['total']} B, shipped as one minified file {c['shipped']} B",
                 "verdict": verdict(c["pass"])})
    return rows


# ---------------------------------------------------------------- the test suite (`make test`)

TEST_SUITE_HEADING = "## Test suite (`make test`, after install)"
TEST_SUITE_TARGET = 180  # seconds of wall time on the 2-core machine
TEST_SUITE_HEADER = ["Date", "Label", "Cores", "Command", "Wall (s)", "CPU (s)", "Load before/after", "pytest",
                     "Verdict"]


def measure_test_suite(label: str) -> list:
    """One timed `make test`: its installs are done first and not timed. Returns a row of the section's table."""
    subprocess.run(["make", "install", "node_modules/.installed"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    load_before = os.getloadavg()[0]
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run(["make", "test"], cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - start
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = used.ru_utime + used.ru_stime - usage.ru_utime - usage.ru_stime
    closing = [line.strip("= ") for line in run.stdout.splitlines() if line.startswith("=") and " in " in line]
    log(run.stdout[-3000:] + run.stderr[-2000:])
    ok = run.returncode == 0 and wall <= TEST_SUITE_TARGET
    return [dt.date.today().isoformat(), label, os.cpu_count(), "`make test`", f"{wall:.0f}", f"{cpu:.0f}",
            f"{load_before:.1f}/{os.getloadavg()[0]:.1f}", closing[-1] if closing else f"exit {run.returncode}",
            verdict(ok) + ("" if run.returncode == 0 else f" (exit {run.returncode})")]


def test_suite_section(text: str) -> str:
    """RESULTS.md's test-suite section (heading to the next section), or ''."""
    start = text.find(TEST_SUITE_HEADING)
    if start < 0:
        return ""
    end = text.find("\n## ", start + len(TEST_SUITE_HEADING))
    return text[start:] if end < 0 else text[start:end + 1]


def add_test_suite_row(results_md: Path, row: list) -> None:
    text = results_md.read_text("utf-8") if results_md.is_file() else "# Benchmark results\n"
    section = test_suite_section(text)
    rows = [line for line in section.splitlines() if line.startswith("| ") and not line.startswith("| Date ")]
    new = "\n".join([TEST_SUITE_HEADING, "",
                     f"Target: at most {TEST_SUITE_TARGET} s of wall time on the 2-core machine, every check included "
                     "(lint, build, content, browser, axe, vnu). Others' jobs share the cores: the load average says "
                     "how busy they were; CPU is the suite's own user+sys time, processes it started included.", "",
                     md_table(TEST_SUITE_HEADER, []), *rows, md_table(TEST_SUITE_HEADER, [row]).splitlines()[-1], ""])
    text = text.replace(section, new + ("\n" if section.endswith("\n\n") else "")) if section \
        else text.rstrip("\n") + "\n\n" + new
    results_md.write_text(text, "utf-8")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="builds of each kind; the median is kept (default 5)")
    parser.add_argument("--lighthouse-runs", type=int, default=1,
                        help="Lighthouse runs per page; the median is kept (default 1: 20 pages take ~5 min)")
    parser.add_argument("--skip-lighthouse", action="store_true", help="builds and sizes only")
    parser.add_argument("--skip-scale", action="store_true", help=f"no {SCALE}x content build")
    parser.add_argument("--out", type=Path, default=BENCH, help="where RESULTS.md and results.json go")
    parser.add_argument("--test-suite", action="store_true",
                        help="measure `make test` end to end instead, and add a row to RESULTS.md's test-suite section")
    parser.add_argument("--label", default="", help="with --test-suite: a word for the row (e.g. before, after)")
    parser.add_argument("--load", action="store_true", help="also the wrk load runs (site nginx vs stock nginx)")
    parser.add_argument("--load-only", action="store_true",
                        help="only the load runs: updates the load section of results.json and RESULTS.md")
    parser.add_argument("--load-seconds", type=int, default=30)
    parser.add_argument("--load-connections", type=int, default=200)
    args = parser.parse_args()
    args.load = args.load or args.load_only
    return args


def main() -> None:
    args = parse_args()
    if args.test_suite:
        add_test_suite_row(args.out / "RESULTS.md", measure_test_suite(args.label))
        log(test_suite_section((args.out / "RESULTS.md").read_text("utf-8")))
        return
    if not args.skip_lighthouse and not args.load_only and not LIGHTHOUSE.is_file():
        raise SystemExit(f"{LIGHTHOUSE} is missing: run `make bench` (it installs Lighthouse first)")
    if args.load_only:
        with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
            load = measure_load_only(args, Path(tmp))
        results_file = args.out / "results.json"
        results = json.loads(results_file.read_text("utf-8")) if results_file.is_file() else None
        if results is None:
            raise SystemExit(f"{results_file} is missing: run the whole benchmark first (make bench)")
        results["load"] = load
        results_file.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
        kept = test_suite_section((args.out / "RESULTS.md").read_text("utf-8"))  # measured by --test-suite
        (args.out / "RESULTS.md").write_text(render_markdown(results) + ("\n" + kept if kept else ""), "utf-8")
        log(f"\nWritten: the load section of {args.out / 'RESULTS.md'} and {results_file}")
        return
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        results = measure(args, Path(tmp))
    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / "results.json").write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", "utf-8")
    previous = (args.out / "RESULTS.md").read_text("utf-8") if (args.out / "RESULTS.md").is_file() else ""
    kept = test_suite_section(previous)  # measured by --test-suite, not by this run
    (args.out / "RESULTS.md").write_text(render_markdown(results) + ("\n" + kept if kept else ""), "utf-8")
    log("\nSummary\n" + md_table(["Target", "Measured", "Verdict"],
                                 [[t["target"], t["measured"], t["verdict"]] for t in results["targets"]]))
    log(f"\nWritten: {args.out / 'RESULTS.md'}, {args.out / 'results.json'}; Lighthouse reports in {REPORTS}")


if __name__ == "__main__":
    main()
