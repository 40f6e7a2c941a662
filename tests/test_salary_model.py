"""Both salary models (Python and browser JS) against the calculator component's named cases
(docs/assets/javascripts/calculator/cases.yml), and the README's table of the URL contract against the one
definition of its limits and countries (docs/assets/data/figures.yml).

The JS model runs in one node process for the whole session (tests/js_model.py); every case must give the
expected result exactly in both implementations.
"""

from __future__ import annotations

import math
import re

import pytest
import yaml

from amkam import salary_model
from amkam.calculator import model_countries, model_limits
from conftest import FIGURES, ROOT
from js_model import CASES as CASES_FILE
from js_model import ModelError

DATA = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))
COUNTRIES = model_countries(FIGURES)  # the site's own countries: currency and usual payments
LIMITS = model_limits(FIGURES)  # the URL contract's limits, defined once in figures.yml
CASES = DATA["cases"]
IDS = [c["name"] for c in CASES]

# Points for variable_at / variableAt (float, chart only): (case name, x).
CURVE_POINTS = [
    ("accelerator example", x) for x in (0, 50, 99.5, 100, 110.25, 120, 130, 400, 1000)
] + [("commission several brackets", x) for x in (0, 1, 99999.99, 100000, 150000.5, 250000, 1e9)]

def expected(case):
    exp = case["expect"]
    if "results" in exp:
        return {"ok": True, "results": exp["results"]}
    return {"ok": False, "errors": exp["errors"]}


def params_of(name):
    return next(c["params"] for c in CASES if c["name"] == name)


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
    assert salary_model.compute(case["params"], COUNTRIES, LIMITS) == expected(case)


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_js_model(js_model, case):
    assert js_model.compute(case["params"], COUNTRIES, LIMITS) == expected(case)


def test_both_models_take_the_limits_as_input(js_model):
    """Neither model has limits of its own: narrower limits given to both make the same plan invalid in both."""
    plan = params_of("brief example")
    narrow = {**LIMITS, "target": [0, 10]}
    invalid = {"ok": False, "errors": {"target": "range"}}
    assert salary_model.compute(plan, COUNTRIES, narrow) == invalid
    assert js_model.compute(plan, COUNTRIES, narrow) == invalid
    incomplete = {k: v for k, v in LIMITS.items() if k != "rate"}
    with pytest.raises(KeyError, match="rate"):
        salary_model.compute(plan, COUNTRIES, incomplete)
    with pytest.raises(ModelError, match="limits lack rate"):
        js_model.compute(plan, COUNTRIES, incomplete)


def test_variable_at_matches(js_model):
    for name, x in CURVE_POINTS:
        py_value = salary_model.variable_at(params_of(name), COUNTRIES, LIMITS, x)
        js_value = js_model.variable_at(params_of(name), COUNTRIES, LIMITS, x)
        assert not math.isnan(py_value), (name, x)
        assert js_value == pytest.approx(py_value, abs=0.01), (name, x)
    acc = params_of("accelerator example")
    assert salary_model.variable_at(acc, COUNTRIES, LIMITS, 130) == 12000.0
    assert salary_model.variable_at(acc, COUNTRIES, LIMITS, 120) == 8000 * 1.3
    assert math.isnan(salary_model.variable_at(acc, COUNTRIES, LIMITS, 1001))
    assert math.isnan(js_model.variable_at(acc, COUNTRIES, LIMITS, 1001))


# ------------------------------------------------- the README's table of the URL contract
README = (ROOT / "README.md").read_text("utf-8")
# Which limits each row's "Values" cell names, in the order it names them ("maxPairs": its "up to N").
README_LIMITS = {
    "payments": ["payments"], "base": ["base"], "target": ["target"], "achievement": ["achievement"],
    "threshold": ["threshold"], "tiers": ["maxPairs", "tierStart", "multiplier"], "cap": ["cap"],
    "revenue": ["revenue"], "brackets": ["maxPairs", "rate"],
}
BONUS_PLAN = {"country": "FR", "base": "40000", "target": "20", "achievement": "130", "tiers": "100:1.5",
              "threshold": "50", "cap": "200", "payments": "13", "basis": "month", "mode": "bonus"}
COMMISSION_PLAN = {"country": "ES", "base": "30000", "mode": "commission", "revenue": "900000",
                   "brackets": "0:2,500000:4", "payments": "12", "basis": "year"}


def readme_table() -> dict[str, tuple[str, str]]:
    section = README.split("## The salary calculator", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 3:
            rows[cells[0].strip("`")] = (cells[1], cells[2])
    return rows


def readme_numbers(text: str) -> list:
    """The numbers a cell names, in order: '0–10,000,000,000' -> [0, 10000000000]."""
    return [int(n.replace(",", "")) if "." not in n else float(n.replace(",", ""))
            for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]


def test_readme_table_names_every_parameter_of_the_contract():
    from amkam.calculator import FIELDS

    assert list(readme_table()) == ["country", "payments", "basis", "base", "mode", "target", "achievement",
                                    "threshold", "tiers", "cap", "revenue", "brackets"]
    assert set(readme_table()) == set(FIELDS)


@pytest.mark.parametrize("name", README_LIMITS)
def test_readme_ranges_are_the_limits(name):
    values, _ = readme_table()[name]
    expected = []
    for key in README_LIMITS[name]:
        expected += [LIMITS[key]] if key == "maxPairs" else list(LIMITS[key])
    if name == "brackets":  # the first bracket starts at 0: the model's rule, not a limit
        assert "first `from` 0," in values
        values = values.replace("first `from` 0,", "")
    found = readme_numbers(values)
    if name == "target":  # "0–300, % of the annual base paid at 100 % achievement"
        found = found[:2]
    assert found == expected, f"README's row `{name}` says {values!r}; figures.yml calculator.limits: {expected}"


def test_readme_countries_and_payments_are_the_data_files():
    values, default = readme_table()["country"]
    assert sorted(c.strip() for c in values.split(",")) == sorted(COUNTRIES)
    english = re.search(r"English: ([A-Z]{2})", default).group(1)
    from conftest import SITE_DATA

    assert english == SITE_DATA.registry.language("en").country
    _, payments = readme_table()["payments"]
    named = dict((code, int(n)) for code, n in re.findall(r"\b([A-Z]{2}) (\d+)", payments))
    others = int(re.search(r"others (\d+)", payments).group(1))
    assert {code: named.get(code, others) for code in COUNTRIES} == \
        {code: c["payments"] for code, c in COUNTRIES.items()}


@pytest.mark.parametrize("name", [n for n in readme_table() if n != "country"])
def test_readme_defaults_are_the_models(name):
    """A parameter left out is required (an error), or takes the default the README names."""
    _, default = readme_table()[name]
    plan = COMMISSION_PLAN if name in ("revenue", "brackets") else BONUS_PLAN
    without = {k: v for k, v in plan.items() if k != name}
    outcome = salary_model.compute(without, COUNTRIES, LIMITS)
    if default.startswith("required"):
        assert outcome == {"ok": False, "errors": {name: "required"}}
    elif default == "none":
        assert outcome["ok"] and outcome == salary_model.compute({**plan, name: ""}, COUNTRIES, LIMITS)
    elif name == "payments":  # "the country's usual number"
        usual = str(COUNTRIES[plan["country"]]["payments"])
        assert outcome == salary_model.compute({**plan, name: usual}, COUNTRIES, LIMITS)
    else:
        value = default.strip("`")
        assert outcome == salary_model.compute({**plan, name: value}, COUNTRIES, LIMITS)
        assert outcome["ok"]
