"""Compensation model of the salary calculator, computed exactly.

Python twin of docs/assets/javascripts/calculator/model.js: both must agree to the
cent (tests/test_salary_model.py runs docs/assets/javascripts/calculator/cases.yml
through both; tests/test_model_differential.py compares them on random plans).
Pure stdlib, no I/O.

Parameters are strings (URL query / normalised form field). The countries
(currency, usual payments) and the limits of the URL contract are inputs too:
both come from docs/assets/data/figures.yml (``countries``, ``calculator.limits``),
the one definition the browser's model also receives. ``compute`` returns
``{"ok": True, "results": {...}}`` with every amount rounded once, half away
from zero, to a two-decimal string, or ``{"ok": False, "errors": {param: code}}``
listing every invalid parameter. Codes: required, number, range, integer,
pairs, order, choice.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

# The limits `compute` needs: each a [lowest, highest] pair (both inclusive; `base` must also be above 0), and
# maxPairs, the most pairs `tiers` and `brackets` may have.
LIMIT_NAMES = ("base", "target", "achievement", "threshold", "cap", "payments", "revenue", "tierStart", "multiplier",
               "rate", "maxPairs")

_NUM = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_HUNDRED = Fraction(100)


def _in(x: Fraction, lim) -> bool:
    return lim[0] <= x <= lim[1]


def money(x: Fraction) -> str:
    """Round once, half away from zero, to the cent: '1234.50'."""
    n = x * 100
    c = (abs(n.numerator) * 2 + n.denominator) // (2 * n.denominator)
    sign = "-" if n < 0 and c else ""
    return f"{sign}{c // 100}.{c % 100:02d}"


def _band(x: Fraction, segs) -> Fraction:
    """Sum of multiplier x (part of x above each start, up to the next start)."""
    acc = Fraction(0)
    for i, (start, mult) in enumerate(segs):
        if start < x:
            end = min(x, segs[i + 1][0]) if i + 1 < len(segs) else x
            acc += mult * (end - start)
    return acc


def _ranges(limits: dict) -> dict:
    """The limits as exact numbers: {name: (low, high)} and maxPairs."""
    missing = [name for name in LIMIT_NAMES if name not in limits]
    if missing:
        raise KeyError(f"salary model: limits lack {missing}")
    out = {k: (Fraction(str(v[0])), Fraction(str(v[1]))) for k, v in limits.items() if k != "maxPairs"}
    out["maxPairs"] = int(limits["maxPairs"])
    return out


def _parse(params, countries, limits):
    errors: dict[str, str] = {}
    lim = _ranges(limits)

    def get(k):
        v = params.get(k)
        return "" if v is None else str(v)

    def num(k, lim, optional=False, default=None):
        s = get(k)
        if s == "":
            if not optional:
                errors[k] = "required"
            return default
        if not _NUM.fullmatch(s):
            errors[k] = "number"
        elif k == "payments" and "." in s:
            errors[k] = "integer"
        else:
            x = Fraction(s)
            if not _in(x, lim) or (k == "base" and x == 0):
                errors[k] = "range"
            else:
                return x
        return None

    def choice(k, ok, default=""):
        s = get(k) or default
        if not s:
            errors[k] = "required"
        elif not ok(s):
            errors[k] = "choice"
        return s

    def pairs(k, start_lim, value_lim, optional=False, first_zero=False):
        s = get(k)
        if s == "":
            if not optional:
                errors[k] = "required"
            return []
        items = [t.split(":") for t in s.split(",")]
        if len(items) > lim["maxPairs"] or any(
            len(t) != 2 or not _NUM.fullmatch(t[0]) or not _NUM.fullmatch(t[1]) for t in items
        ):
            errors[k] = "pairs"
            return None
        r = [(Fraction(a), Fraction(b)) for a, b in items]
        if any(not _in(a, start_lim) or not _in(b, value_lim) for a, b in r):
            errors[k] = "range"
        elif (first_zero and r[0][0] != 0) or any(r[i - 1][0] >= r[i][0] for i in range(1, len(r))):
            errors[k] = "order"
        return r

    v = {}
    country = choice("country", lambda s: s in countries)
    default_payments = None if "country" in errors else Fraction(countries[country]["payments"])
    v["payments"] = num("payments", lim["payments"], True, default_payments)
    v["basis"] = choice("basis", lambda s: s in ("year", "month"), "year")
    v["base"] = num("base", lim["base"])
    v["mode"] = mode = choice("mode", lambda s: s in ("bonus", "commission"), "bonus")
    if mode == "bonus":
        v["target"] = num("target", lim["target"])
        v["achievement"] = num("achievement", lim["achievement"])
        v["threshold"] = num("threshold", lim["threshold"], True, Fraction(0))
        v["tiers"] = pairs("tiers", lim["tierStart"], lim["multiplier"], optional=True)
        v["cap"] = num("cap", lim["cap"], True)
    elif mode == "commission":
        v["revenue"] = num("revenue", lim["revenue"])
        v["brackets"] = pairs("brackets", lim["revenue"], lim["rate"], first_zero=True)
    return errors, v


def compute(params: dict, countries: dict, limits: dict) -> dict:
    errors, v = _parse(params or {}, countries, limits)
    if errors:
        return {"ok": False, "errors": errors}
    annual = v["base"] * v["payments"] if v["basis"] == "month" else v["base"]
    ote = None
    if v["mode"] == "bonus":
        t = annual * v["target"] / _HUNDRED
        a = v["achievement"]
        f = Fraction(0)
        if a >= v["threshold"]:
            f = min(a, _HUNDRED) + _band(a, [(_HUNDRED, Fraction(1))] + v["tiers"])
            if v["cap"] is not None:
                f = min(f, v["cap"])
        variable = t * f / _HUNDRED
        ote = money(annual + t)
    else:
        variable = _band(v["revenue"], v["brackets"]) / _HUNDRED
    total = annual + variable
    return {
        "ok": True,
        "results": {
            "variable": money(variable),
            "total": money(total),
            "ote": ote,
            "per-payment": money(annual / v["payments"]),
            "monthly-average": money(total / 12),
        },
    }


def variable_at(params: dict, countries: dict, limits: dict, x) -> float:
    """Variable pay (float, for charts) at achievement x (bonus) or revenue x
    (commission), other params unchanged; NaN if anything is invalid."""
    key = "revenue" if (params or {}).get("mode") == "commission" else "achievement"
    value = x if isinstance(x, str) else f"{float(x):.6f}"
    r = compute({**(params or {}), key: value}, countries, limits)
    return float(r["results"]["variable"]) if r["ok"] else math.nan
