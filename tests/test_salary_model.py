"""Both salary models (Python and browser JS) against tests/salary_cases.yml.

The JS model is run once through node for all cases; every case must give the
expected result exactly in both implementations.
"""

from __future__ import annotations

import json
import math
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from amkam import salary_model
from amkam.calculator import model_countries
from conftest import FIGURES

ROOT = Path(__file__).resolve().parents[1]
JS_MODEL = ROOT / "docs" / "assets" / "javascripts" / "salary-model.js"
CASES_FILE = Path(__file__).with_name("salary_cases.yml")

DATA = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
COUNTRIES = model_countries(FIGURES)  # the site's own countries: currency and usual payments
CASES = DATA["cases"]
IDS = [c["name"] for c in CASES]

# Points for variable_at / variableAt (float, chart only): (case name, x).
CURVE_POINTS = [
    ("accelerator example", x) for x in (0, 50, 99.5, 100, 110.25, 120, 130, 400, 1000)
] + [("commission several brackets", x) for x in (0, 1, 99999.99, 100000, 150000.5, 250000, 1e9)]

NODE_SCRIPT = r"""
const M = require(process.argv[1]);
const input = JSON.parse(require("fs").readFileSync(0, "utf8"));
const out = {
  limits: M.LIMITS,
  cases: input.cases.map((p) => M.compute(p, input.countries)),
  curve: input.curve.map(([p, x]) => M.variableAt(p, input.countries, x)),
};
process.stdout.write(JSON.stringify(out, (k, v) => (Number.isNaN(v) ? "NaN" : v)));
"""


def expected(case):
    exp = case["expect"]
    if "results" in exp:
        return {"ok": True, "results": exp["results"]}
    return {"ok": False, "errors": exp["errors"]}


def params_of(name):
    return next(c["params"] for c in CASES if c["name"] == name)


@pytest.fixture(scope="module")
def js():
    node = shutil.which("node") or "/usr/bin/node"
    if not Path(node).exists():
        pytest.fail("node is required to test docs/assets/javascripts/salary-model.js")
    payload = {
        "countries": COUNTRIES,
        "cases": [c["params"] for c in CASES],
        "curve": [[params_of(name), x] for name, x in CURVE_POINTS],
    }
    proc = subprocess.run(
        [node, "-e", NODE_SCRIPT, str(JS_MODEL)],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert len(out["cases"]) == len(CASES)
    return out


def test_cases_file_is_well_formed():
    assert len(set(IDS)) == len(IDS), "case names must be unique"
    for case in CASES:
        assert set(case) == {"name", "params", "expect"}, case["name"]
        for key, value in case["params"].items():
            assert isinstance(value, str), f"{case['name']}: param {key} must be a quoted string"
        exp = case["expect"]
        assert len(exp) == 1 and next(iter(exp)) in ("results", "errors"), case["name"]
        if "results" in exp:
            assert set(exp["results"]) == {"variable", "total", "ote", "per-payment", "monthly-average"}


def test_every_error_code_is_covered():
    codes = {code for c in CASES for code in c["expect"].get("errors", {}).values()}
    assert codes == {"required", "number", "range", "integer", "pairs", "order", "choice"}


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_python_model(case):
    assert salary_model.compute(case["params"], COUNTRIES) == expected(case)


@pytest.mark.parametrize("index", range(len(CASES)), ids=IDS)
def test_js_model(js, index):
    assert js["cases"][index] == expected(CASES[index])


def test_limits_match(js):
    py = {k: list(v) if isinstance(v, tuple) else v for k, v in salary_model.LIMITS.items()}
    assert js["limits"] == py


def test_variable_at_matches(js):
    for (name, x), js_value in zip(CURVE_POINTS, js["curve"], strict=True):
        py_value = salary_model.variable_at(params_of(name), COUNTRIES, x)
        assert not math.isnan(py_value), (name, x)
        assert js_value == pytest.approx(py_value, abs=0.01), (name, x)
    acc = params_of("accelerator example")
    assert salary_model.variable_at(acc, COUNTRIES, 130) == 12000.0
    assert salary_model.variable_at(acc, COUNTRIES, 120) == 8000 * 1.3
    assert math.isnan(salary_model.variable_at(acc, COUNTRIES, 1001))
