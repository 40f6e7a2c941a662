"""The two salary models on random plans: Python (scripts/amkam/salary_model.py) and the browser's
(docs/assets/javascripts/calculator/model.js, in one node process for the session: tests/js_model.py) must give the
same results to the cent, and the same error codes for invalid plans.

Plans are drawn within the URL contract (figures.yml `calculator.limits`, README's table): every country, bonus and
commission, year and month bases, thresholds, tiers, caps and brackets, with up to several decimal places; some are
then spoilt (a value out of range, not a number, a list out of order or too long) so that errors are compared too.
Random in a developer's run; derandomised (the same examples every time) when CI is set.
"""

from __future__ import annotations

import os
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from amkam import salary_model
from amkam.calculator import model_countries, model_limits
from conftest import FIGURES

COUNTRIES = model_countries(FIGURES)
LIMITS = model_limits(FIGURES)
EXAMPLES = 300

settings.register_profile("ci", derandomize=True, max_examples=EXAMPLES, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("dev", max_examples=EXAMPLES, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow])
PROFILE = "ci" if os.environ.get("CI") else "dev"


def text(d: Decimal) -> str:
    """A decimal as the URL writes it: '.' mark, no grouping, no exponent."""
    return format(d, "f")


def number(name: str, places: int = 4) -> st.SearchStrategy[str]:
    """A value within the limit `name`, with 0..`places` decimals (ranges' ends included often)."""
    low, high = (Decimal(str(v)) for v in LIMITS[name])
    ends = st.sampled_from([text(low), text(high)])
    inside = st.integers(0, places).flatmap(
        lambda p: st.decimals(min_value=low, max_value=high, places=p, allow_nan=False, allow_infinity=False))
    return st.one_of(ends, inside.map(text))


def pairs(start: str, value: str, first_zero: bool) -> st.SearchStrategy[str]:
    """Up to maxPairs `start:value` pairs with increasing starts (the first 0 for brackets)."""
    def build(starts, values):
        starts = sorted(set(starts), key=Decimal)
        if first_zero:
            starts = ["0"] + [s for s in starts if Decimal(s) != 0]
        starts = starts[:LIMITS["maxPairs"]]
        return ",".join(f"{s}:{v}" for s, v in zip(starts, values, strict=False))

    n = LIMITS["maxPairs"]
    return st.builds(build, st.lists(number(start, 2), min_size=1, max_size=n),
                     st.lists(number(value, 3), min_size=n, max_size=n))


@st.composite
def plans(draw) -> dict:
    plan = {"country": draw(st.sampled_from(sorted(COUNTRIES)))}
    if draw(st.booleans()):
        plan["payments"] = draw(st.integers(*LIMITS["payments"]).map(str))
    if draw(st.booleans()):
        plan["basis"] = draw(st.sampled_from(["year", "month"]))
    plan["base"] = draw(number("base", 2).filter(lambda s: Decimal(s) > 0))
    mode = draw(st.sampled_from(["bonus", "commission", None]))
    if mode:
        plan["mode"] = mode
    if mode != "commission":
        plan["target"] = draw(number("target"))
        plan["achievement"] = draw(number("achievement", 7))
        for name, strategy in (("threshold", number("threshold")), ("cap", number("cap")),
                               ("tiers", pairs("tierStart", "multiplier", False))):
            if draw(st.booleans()):
                plan[name] = draw(strategy)
    else:
        plan["revenue"] = draw(number("revenue", 2))
        plan["brackets"] = draw(pairs("revenue", "rate", True))
    return plan


SPOILT = st.sampled_from(["", "abc", "-1", "1e3", "1.", ".5", "1,5", " 1", "12.5", "0", "99", "1001", "17",
                          "10000000001", "100000001", "\u0661", "100:1", "100:1,100:2", "50:1", "0:1,0:2",
                          "100-2", "5:1", ",".join(f"{100 + i}:1" for i in range(11)), "XX", "week", "x"])


@st.composite
def maybe_spoilt_plans(draw) -> dict:
    plan = draw(plans())
    if draw(st.integers(0, 3)) == 0:  # one plan in four: a parameter gets a value that may be wrong
        name = draw(st.sampled_from(["country", "payments", "basis", "base", "mode", "target", "achievement",
                                     "threshold", "tiers", "cap", "revenue", "brackets"]))
        plan[name] = draw(SPOILT)
    return plan


@settings(settings.get_profile(PROFILE))
@given(plan=maybe_spoilt_plans())
def test_both_models_agree_on_random_plans(js_model, plan):
    python = salary_model.compute(plan, COUNTRIES, LIMITS)
    assert js_model.compute(plan, COUNTRIES, LIMITS) == python, plan


def test_random_plans_reach_both_modes_and_errors(js_model):
    """The generator is not vacuous: it yields valid bonus and commission plans and invalid ones."""
    seen = set()

    @settings(settings.get_profile("ci"), max_examples=100)
    @given(plan=maybe_spoilt_plans())
    def sample(plan):
        outcome = salary_model.compute(plan, COUNTRIES, LIMITS)
        seen.add((plan.get("mode", "bonus"), outcome["ok"]))

    sample()
    assert {("bonus", True), ("commission", True)} <= seen
    assert any(not ok for _, ok in seen)
