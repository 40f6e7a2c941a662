"""Which salary figure may be a headline: the rules of figures.yml `pay`, in one place (no mkdocs, no rendering).

A figure's status comes from its reference year and the review date, never from a label:
- current: at most `current_years` before the review year (2022 or later when reviewed in 2026);
- historical: more than `historical_years` before (before 2018);
- in_between: the years between; undated: no reference year.

A role figure measures the AM or the KAM: its `role`, or an `occupation` code that `stands_for` the role.
Headlines (the FAQ pay answers, the country summaries, the at-a-glance boxes, structured data, calculator defaults)
use only current role figures; where none exists, the country declares a gap for the role (`pay.countries.XX.gaps`).
"""

from __future__ import annotations

import datetime as dt

ROLES = ("am", "kam")
STATUSES = ("current", "in_between", "historical", "undated")


def as_date(value) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date.fromisoformat(str(value))


def reviewed(figures: dict) -> dt.date:
    return as_date(figures["pay"]["reviewed"])


def status(figures: dict, year: int | None) -> str:
    """current, in_between, historical or undated, for a figure that refers to `year`."""
    if not year:
        return "undated"
    age = reviewed(figures).year - year
    pay = figures["pay"]
    if age <= pay["current_years"]:
        return "current"
    if age > pay["historical_years"]:
        return "historical"
    return "in_between"


def roles_of(row: dict) -> tuple[str, ...]:
    """The roles a salary figure measures: its role, or those its occupation code stands for; () for context."""
    if row.get("role"):
        return (row["role"],)
    occupation = row.get("occupation")
    return tuple(occupation["stands_for"]) if occupation else ()


def headline_figures(figures: dict, country: str, role: str) -> list[dict]:
    """The current figures for `role` in `country` that a headline may show, in data order."""
    return [row for row in figures["salaries"]
            if row["country"] == country and role in roles_of(row) and status(figures, row["year"]) == "current"]


def headline(figures: dict, country: str, role: str) -> dict | None:
    rows = headline_figures(figures, country, role)
    return rows[0] if rows else None


def country_pay(figures: dict, country: str) -> dict:
    return figures["pay"]["countries"].get(country, {})


def gap(figures: dict, country: str, role: str) -> dict | None:
    """The declared gap for `role` in `country` ({'roles': [...], 'searched': {lang: text}}), if any."""
    gaps = country_pay(figures, country).get("gaps")
    return gaps if gaps and role in gaps["roles"] else None


def national(figures: dict, country: str) -> dict | None:
    """The country's all-employee figure shown for context, or None."""
    salary_id = country_pay(figures, country).get("national")
    return next((row for row in figures["salaries"] if row["id"] == salary_id), None) if salary_id else None


def countries_in_order(figures: dict, first: str) -> list[str]:
    """The reader's country, then the core countries, then the others, each group in data order."""
    core = figures["pay"]["core"]
    rest = [code for code in figures["pay"]["countries"] if code not in core]
    ordered = [first] + [code for code in (*core, *rest) if code != first]
    return ordered


def rules_in_order(figures: dict, first: str) -> list[dict]:
    """The rules, the reader's country's first, then the EU's, then the others in data order."""
    rules = figures["pay"]["rules"]
    rank = {first: 0, "EU": 1}
    return sorted(rules, key=lambda rule: rank.get(rule["country"], 2))


def problems(figures: dict) -> list[tuple[str, str, str]]:
    """(entry, field, problem) for every country whose headline rules are not met: a core country lacks a current
    AM or KAM figure without a declared gap; a national figure is a role figure or historical; a withdrawn id is
    still a row."""
    out = []
    pay = figures["pay"]
    ids = {row["id"]: row for row in figures["salaries"]}
    for code in pay["core"]:
        if code not in pay["countries"]:
            out.append(("pay.core", code, "a core country needs an entry under pay.countries"))
    for code, entry in pay["countries"].items():
        for role in ROLES:
            if headline(figures, code, role) is None and gap(figures, code, role) is None:
                out.append((f"pay.countries.{code}", "gaps.roles",
                            f"no current {role.upper()} figure and no declared gap for '{role}'"))
        salary_id = entry.get("national")
        if salary_id is not None:
            row = ids.get(salary_id)
            if row is None:
                out.append((f"pay.countries.{code}", "national", f"unknown salary {salary_id!r}"))
            elif row["country"] != code or roles_of(row) or status(figures, row["year"]) != "current":
                out.append((f"pay.countries.{code}", "national",
                            f"{salary_id!r} must be a current figure about {code} for all employees, not a role"))
    for i, item in enumerate(pay.get("withdrawn", [])):
        if item["id"] in ids:
            out.append((f"pay.withdrawn[{i}]", "id", f"{item['id']!r} is still a salary row"))
    return out
