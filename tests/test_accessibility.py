"""Accessibility and validity of every built page: axe-core (WCAG 2.2 A/AA + best practice) in both colour schemes
at a phone and a desktop viewport, and the Nu HTML Checker (vnu)."""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import LANGUAGES, PAGES, ROOT, page_path

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def axe_violations(tab):
    tab.add_script_tag(path=str(AXE))
    result = tab.evaluate("(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS)
    return [f"{v['id']} ({v['impact']}): {v['help']} -> " + "; ".join(n["target"][0] for n in v["nodes"][:3])
            for v in result["violations"]]


@pytest.mark.browser
@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("lang", LANGUAGES)
def test_axe_finds_no_violation_on_any_page(site, browser, lang, scheme, viewport):
    context = browser.new_context(color_scheme=scheme, viewport=VIEWPORTS[viewport])
    tab = context.new_page()
    found = {}
    for page in PAGES:
        tab.goto(site.url + page_path(lang, page), wait_until="load")
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == (
            "slate" if scheme == "dark" else "default")
        violations = axe_violations(tab)
        if violations:
            found[page] = violations
    # The calculator in its error state: messages, aria-invalid fields, empty results.
    tab.goto(site.url + page_path(lang, "salary-calculator") + "?country=FR&base=abc&target=301&achievement=100"
             "&tiers=100:1.5,100:2", wait_until="networkidle")
    assert tab.locator(".calc-error:visible").count() == 3
    violations = axe_violations(tab)
    if violations:
        found["salary-calculator (errors)"] = violations
    context.close()
    assert not found, json.dumps(found, indent=1, ensure_ascii=False)


def test_nu_html_checker_reports_no_error(site):
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", "--errors-only",
                             str(site.root)], capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = {}  # message -> pages where it occurs
    for m in messages:
        if m.get("type") == "error" or m.get("subType") == "fatal":
            errors.setdefault(m["message"], []).append(f"{m.get('url', '').split('/site0/')[-1]}:{m.get('lastLine')}")
    assert result.returncode in (0, 1)
    checked = list(site.root.rglob("*.html"))
    assert len(checked) >= len(LANGUAGES) * len(PAGES)
    assert not errors, "\n".join(f"{len(where)}x {message} (e.g. {where[0]})" for message, where in errors.items())
