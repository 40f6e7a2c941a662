"""Accessibility and validity of every built page: axe-core (WCAG 2.2 A/AA + best practice) in both colour schemes
at a phone and a desktop viewport, and the Nu HTML Checker (vnu).

Speed without dropping a check: each worker keeps one browser tab; axe is injected by the context on every load
(an init script), each page is loaded once per colour scheme (the scheme material picks from the reader's
preference, asserted) and checked at both viewports by resizing that page; axe runs only the rules of AXE_TAGS and
reports violations only (resultTypes), which is all this test reads."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from conftest import EMBEDS, LANGUAGES, PAGES, ROOT, page_path

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
# One short JVM run: the C1 compiler alone starts checking at once and halves vnu's CPU time (same checks); its
# deeper stack frames need more than vnu's minimum 512k of thread stack.
VNU_JVM = ["-Xss4m", "-XX:TieredStopAtLevel=1"]
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
SCHEMES = {"light": "default", "dark": "slate"}  # reader's preference -> material's scheme
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
# The calculator in its error state: messages, aria-invalid fields, empty results.
CALCULATOR_ERRORS = "?country=FR&base=abc&target=301&achievement=100&tiers=100:1.5,100:2"
# Two offers compared (compare.js, loaded on demand): forms side by side, the comparison table, both curves on one
# axis, offer B's scenarios; and offer B in a mode of its own (its own chart) with an error in one of its fields.
CALCULATOR_COMPARISON = "?country=FR&base=40000&target=20&achievement=100&b_base=45000&b_target=10&b_achievement=150"
CALCULATOR_COMPARISON_ERRORS = ("?country=FR&base=40000&target=20&achievement=100&b_base=45000&b_mode=commission"
                                "&b_revenue=abc&b_brackets=0:2")
# The job-ad builder with a draft, and in its error state.
JOB_AD_DRAFT = "?min=40000&max=52000&structure=variable&target=20&country=SK&adlang=fr"
JOB_AD_ERRORS = "?min=abc&max=52000&structure=variable&target=999&role=nurse"
STATES = [(page, "") for page in PAGES + EMBEDS] + [("salary-calculator", CALCULATOR_ERRORS),
                                           ("embed/salary-calculator", CALCULATOR_ERRORS),
                                           ("salary-calculator", CALCULATOR_COMPARISON),
                                           ("salary-calculator", CALCULATOR_COMPARISON_ERRORS),
                                           ("job-ad-builder", JOB_AD_DRAFT), ("job-ad-builder", JOB_AD_ERRORS)]
STATE_NAMES = {CALCULATOR_ERRORS: " (errors)", CALCULATOR_COMPARISON: " (comparison)",
               CALCULATOR_COMPARISON_ERRORS: " (comparison, errors)", JOB_AD_DRAFT: " (draft)",
               JOB_AD_ERRORS: " (errors)"}
# Every load is a reader's first visit, as in a new browser context: no palette remembered from the last page.
FIRST_VISIT = "try { localStorage.clear(); sessionStorage.clear(); } catch (error) {}"
# After a resize: let the page's scripts react, then wait for the CSS transitions it started (colours mid-transition
# would give axe's contrast check wrong values).
SETTLE = """async () => {
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  await Promise.all(document.getAnimations().filter((a) => a instanceof CSSTransition)
    .map((a) => a.finished.catch(() => null)));
}"""
AXE_RUN = """(tags) => axe.run(document, {runOnly: {type: "tag", values: tags}, resultTypes: ["violations"]})
  .then((result) => result.violations)"""


def axe_violations(tab):
    return [f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in tab.evaluate(AXE_RUN, AXE_TAGS)]


@pytest.fixture(scope="module")
def axe_tab(browser):
    """One tab for all of this worker's axe checks; axe is in every page it loads."""
    context = browser.new_context()
    context.add_init_script(script=FIRST_VISIT)
    context.add_init_script(path=str(AXE))
    tab = context.new_page()
    yield tab
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("page,query", STATES, ids=[p + STATE_NAMES.get(q, "") for p, q in STATES])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_violation(site, axe_tab, lang, page, query):
    found = {}
    viewports = list(VIEWPORTS)
    for scheme, material_scheme in SCHEMES.items():
        axe_tab.emulate_media(color_scheme=scheme)
        axe_tab.set_viewport_size(VIEWPORTS[viewports[0]])
        axe_tab.goto(site.url + page_path(lang, page) + query, wait_until="networkidle" if query else "load")
        assert axe_tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == material_scheme
        if query == CALCULATOR_ERRORS:
            assert axe_tab.locator(".calc-error:visible").count() == 3
        elif query in (CALCULATOR_COMPARISON, CALCULATOR_COMPARISON_ERRORS):  # offer B is there, drawn
            axe_tab.locator("[data-compare]").first.wait_for()
            axe_tab.locator(".calc-error:visible, #calc-chart .calc-curve-b").first.wait_for()
        elif query == JOB_AD_ERRORS:
            assert axe_tab.locator(".jobad-error:visible").count() == 3
        for i, viewport in enumerate(viewports):
            if i:
                axe_tab.set_viewport_size(VIEWPORTS[viewport])
                axe_tab.evaluate(SETTLE)
            violations = axe_violations(axe_tab)
            if violations:
                found[f"{scheme} {viewport}"] = violations
        viewports.reverse()  # the next scheme starts at the viewport this one ended on
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


# A page with exactly one error that vnu must report: proves that errors reach this test (a run that reports nothing,
# or a filter that drops everything, fails here instead of passing empty).
CANARY = "<!DOCTYPE html>\n<html lang=\"en\">\n<head></head>\n<body></body>\n</html>\n"
CANARY_ERROR = "Element “head” is missing a required instance of child element “title”."


def test_nu_html_checker_reports_no_error(site, tmp_path):
    """vnu checks every built page and says so: with --verbose it names each file it checks, which must be exactly
    the site's HTML files plus the canary; the canary's one error must come back, and no other."""
    pages = sorted(site.root.rglob("*.html"))
    assert len(pages) >= len(LANGUAGES) * len(PAGES)
    canary = tmp_path / "canary" / "canary.html"
    canary.parent.mkdir()
    canary.write_text(CANARY, "utf-8")
    result = subprocess.run(["java", *VNU_JVM, "-jar", str(VNU), "--format", "json", "--skip-non-html", "--errors-only",
                             "--verbose", str(canary.parent), str(site.root)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 1, f"vnu exited {result.returncode} (1 expected: the canary's error)\n{result.stderr}"
    checked = {Path(line) for line in result.stdout.splitlines() if line.strip()}
    assert checked == {canary, *pages}, f"vnu checked {len(checked)} files, not the {len(pages)} pages + canary"
    messages = json.loads(result.stderr)["messages"]
    errors = {}  # message -> pages where it occurs
    for m in messages:
        if m.get("type") == "error" or m.get("subType") == "fatal":
            where = m.get("url", "").removeprefix("file:").removeprefix(str(canary.parent)).removeprefix(str(site.root))
            errors.setdefault(m["message"], []).append(f"{where}:{m.get('lastLine')}")
    assert errors.pop(CANARY_ERROR, None) == ["/canary.html:3"], "vnu did not report the canary's error"
    assert not errors, "\n".join(f"{len(where)}x {message} (e.g. {where[0]})" for message, where in errors.items())
