"""Compensation model of the salary calculator, computed exactly.

Python twin of docs/assets/javascripts/salary-model.js: both must agree to the
cent (tests/test_salary_model.py runs tests/salary_cases.yml through both).
Pure stdlib, no I/O.

Parameters are strings (URL query / normalised form field). ``compute`` returns
``{"ok": True, "results": {...}}`` with every amount rounded once, half away
from zero, to a two-decimal string, or ``{"ok": False, "errors": {param: code}}``
listing every invalid parameter. Codes: required, number, range, integer,
pairs, order, choice.
"""

from __future__ import annotations

import math
import re
from fractions import Fraction

LIMITS = {
    "base": (0, 100000000),  # lower bound exclusive
    "target": (0, 300),
    "achievement": (0, 1000),
    "threshold": (0, 100),
    "cap": (100, 1000),
    "payments": (12, 16),
    "revenue": (0, 10000000000),
    "tierStart": (100, 1000),
    "multiplier": (0, 10),
    "rate": (0, 100),
    "maxPairs": 10,
}

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


def _parse(params, countries):
    errors: dict[str, str] = {}

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
        if len(items) > LIMITS["maxPairs"] or any(
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
    v["payments"] = num("payments", LIMITS["payments"], True, default_payments)
    v["basis"] = choice("basis", lambda s: s in ("year", "month"), "year")
    v["base"] = num("base", LIMITS["base"])
    v["mode"] = mode = choice("mode", lambda s: s in ("bonus", "commission"), "bonus")
    if mode == "bonus":
        v["target"] = num("target", LIMITS["target"])
        v["achievement"] = num("achievement", LIMITS["achievement"])
        v["threshold"] = num("threshold", LIMITS["threshold"], True, Fraction(0))
        v["tiers"] = pairs("tiers", LIMITS["tierStart"], LIMITS["multiplier"], optional=True)
        v["cap"] = num("cap", LIMITS["cap"], True)
    elif mode == "commission":
        v["revenue"] = num("revenue", LIMITS["revenue"])
        v["brackets"] = pairs("brackets", LIMITS["revenue"], LIMITS["rate"], first_zero=True)
    return errors, v


def compute(params: dict, countries: dict) -> dict:
    errors, v = _parse(params or {}, countries)
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


def variable_at(params: dict, countries: dict, x) -> float:
    """Variable pay (float, for charts) at achievement x (bonus) or revenue x
    (commission), other params unchanged; NaN if anything is invalid."""
    key = "revenue" if (params or {}).get("mode") == "commission" else "achievement"
    value = x if isinstance(x, str) else f"{float(x):.6f}"
    r = compute({**(params or {}), key: value}, countries)
    return float(r["results"]["variable"]) if r["ok"] else math.nan
