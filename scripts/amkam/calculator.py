"""The salary calculator: its inputs derived from the data files (countries, the plan each page opens with, the
worked examples) and its three markers: `{{ calculator form }}` (the form, with the settings calculator.js reads
as JSON: countries, limits, texts), `{{ calculator examples }}` (examples computed here by the same model, for
readers without JavaScript) and `{{ calculator parameters }}` (the URL contract's table).
"""

from __future__ import annotations

import json
import re

from markupsafe import Markup

from . import collation, pay, salary_model
from . import formatting as fmt
from .data import SiteData
from .templates import render

# The texts calculator.js writes itself (labels are in the HTML already); every error message is one of them.
SCRIPT_TEXTS = ("result_none", "calc_chart_title", "calc_chart_title_commission", "calc_chart_desc", "calc_link_copied",
                "colon", "calc_plan_a", "calc_plan_b", "calc_plan_b_shared", "calc_compare_title", "calc_result",
                "calc_difference", "calc_plan_b_invalid")  # from "colon" on: offer B's (compare.js)
NUMERIC = ("base", "payments", "target", "achievement", "threshold", "cap", "revenue")
DECIMAL = re.compile(r"[0-9]+(?:\.[0-9]+)?")  # a number in URL form (ASCII digits, as calculator.js's /^\d+(\.\d+)?$/)
FIELDS = ("country", "basis", "base", "payments", "mode", "target", "achievement", "threshold", "tiers", "cap",
          "revenue", "brackets")


def model_countries(figures: dict) -> dict:
    """What the compensation model needs to know of each country."""
    return {code: {"currency": c["currency"], "payments": c["payments"]} for code, c in figures["countries"].items()}


def model_limits(figures: dict) -> dict:
    """The URL contract's limits (figures.yml `calculator.limits`): the one definition both models take."""
    return figures["calculator"]["limits"]


def worked_example_params(figures: dict) -> dict:
    example = figures["worked_example"]
    return {"country": example["country"], "basis": "year", "base": str(example["base"]),
            "target": str(example["variable_pct"]), "achievement": str(example["achievement"])}


def default_figure(figures: dict, country: str) -> dict | None:
    """The current role figure a country's calculator opens with (KAM first, then AM), if one gives a base salary
    per year or month as a median or average; None opens the example plan."""
    for role in ("kam", "am"):
        for row in pay.headline_figures(figures, country, role):
            value = row["stats"].get("median") or row["stats"].get("average")
            if value and row["period"] in ("year", "month") and row["gross"] and row["covers"] in ("base", "total"):
                return row
    return None


def default_params(site: SiteData, lang: str) -> dict:
    """The plan a language's calculator page opens with, in URL form: the language's country, its usual quoting
    (local_plans) and, where a current role figure exists, its amount as the base; else an example plan."""
    figures = site.figures
    country = site.registry.language(lang).country
    plan = figures["calculator"].get("local_plans", {}).get(country)
    params = dict(plan) if plan else {k: v for k, v in worked_example_params(figures).items() if k != "country"}
    row = default_figure(figures, country)
    if row is not None:
        value = row["stats"].get("median") or row["stats"].get("average")
        params.update({"basis": row["period"], "base": str(value)})
    return {"country": country, **params}


def default_note(site: SiteData, lang: str) -> str:
    """What the plan the form opens with is: a published figure (named) or an example, never a statistic."""
    country = site.registry.language(lang).country
    row = default_figure(site.figures, country)
    name = fmt.country_name(country, lang)
    if row is None:
        return site.t("calc_default_example", lang).replace("{country}", name)
    source = site.figures["sources"][row["source"]]
    return (site.t("calc_default_figure", lang).replace("{country}", name)
            .replace("{what}", row["label"][lang]).replace("{source}", source["publisher"])
            .replace("{year}", str(row["year"])))


def examples(figures: dict) -> list[dict]:
    """Each worked example with its full parameters and the model's results."""
    out = []
    for example in figures["calculator"]["examples"]:
        params = worked_example_params(figures) if example.get("worked_example") else {}
        params.update(example["params"])
        outcome = salary_model.compute(params, model_countries(figures), model_limits(figures))
        if not outcome["ok"]:
            raise ValueError(f"calculator example '{example['id']}' is invalid: {outcome['errors']}")
        out.append({"id": example["id"], "params": params, "results": outcome["results"]})
    return out


def worked_example(figures: dict) -> dict:
    """The worked example's figures: its inputs and the variable and total the model computes."""
    params = worked_example_params(figures)
    outcome = salary_model.compute(params, model_countries(figures), model_limits(figures))
    currency = figures["countries"][params["country"]]["currency"]
    return {**figures["worked_example"], "currency": currency, **outcome["results"]}


def field_text(name: str, value: str, lang: str) -> str:
    """A URL parameter as a reader would type it in this language (40 000; 100:1,5; 120:2).

    Twin of toField in docs/assets/javascripts/calculator/calculator.js, which writes a shared link's values into
    the fields (this writes their first values): tests/test_calculator_browser.py feeds both the same values."""
    if name in ("tiers", "brackets"):
        return "; ".join(":".join(fmt.number(part, lang) if DECIMAL.fullmatch(part) else part
                                  for part in pair.split(":")) for pair in value.split(",") if pair)
    if name in NUMERIC and DECIMAL.fullmatch(value):
        return fmt.number(value, lang)
    return value


def form(site: SiteData, lang: str) -> str:
    data = site.figures
    params = default_params(site, lang)
    country = data["countries"][params["country"]]
    params.setdefault("payments", str(country["payments"]))
    params.setdefault("mode", "bonus")
    strings = site.ui(lang)

    def options(name, values):
        return [{"value": v, "text": strings[f"calc_{name}_{v}"]} for v in values]

    by_name = collation.sort_key(site.registry.language(lang).locale)  # "Česko" before "D…", not last
    countries = sorted(data["countries"], key=lambda code: by_name(fmt.country_name(code, lang)))
    fields = {
        "country": {"options": [{"value": c, "text": fmt.country_name(c, lang)} for c in countries]},
        "basis": {"options": options("basis", ("year", "month"))},
        "mode": {"options": options("mode", ("bonus", "commission"))},
    }
    for name in ("base", "payments", "target", "achievement", "threshold", "tiers", "cap", "revenue", "brackets"):
        fields[name] = {"inputmode": "numeric" if name == "payments" else "decimal"}
    for name, spec in fields.items():
        spec["label"] = strings[f"calc_{name}"]
        spec["value"] = field_text(name, params.get(name, ""), lang)
    examples_by_id = {ex["id"]: ex["params"] for ex in examples(data)}
    notes = [{"code": code, "text": fmt.country_note(c, lang)}
             for code, c in data["countries"].items() if c.get("calculator_note")]
    config = {
        "lang": lang,
        "countries": model_countries(data),
        "limits": model_limits(data),
        "examples": {"tiers": examples_by_id["accelerator"]["tiers"],
                     "brackets": examples_by_id["commission"]["brackets"]},
        "text": {key: value for key, value in strings.items() if key.startswith("err_") or key in SCRIPT_TEXTS},
    }
    # JSON in a <script> element is not HTML: escaping "</" keeps it from closing the element early.
    config_json = Markup(json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/"))
    return render("calculator_form.html", t=strings.__getitem__, config_json=config_json, fields=fields, notes=notes,
                   default_note=default_note(site, lang),
                   country=params["country"],
                   tiers_example=field_text("tiers", config["examples"]["tiers"], lang),
                   brackets_example=field_text("brackets", config["examples"]["brackets"], lang),
                   scenarios=[{"raw": s, "text": fmt.percent(s, lang)} for s in data["calculator"]["scenarios"]])


def _summary(site: SiteData, params: dict, lang: str, currency: str) -> str:
    """One line that describes an example's plan with the form's own labels."""
    def t(key, lang):
        return site.t(key, lang)

    def label(key):
        return t(f"calc_{key}", lang)

    parts = [f"{label('base')}{t('colon', lang)}{fmt.amount(params['base'], currency, lang)}"]
    if params.get("mode") == "commission":
        parts.append(f"{label('revenue')}{t('colon', lang)}{fmt.amount(params['revenue'], currency, lang)}")
        parts.append(f"{label('brackets')}{t('colon', lang)}{field_text('brackets', params['brackets'], lang)}")
    else:
        parts.append(f"{label('target')}{t('colon', lang)}{fmt.number(params['target'], lang)}")
        parts.append(f"{label('achievement')}{t('colon', lang)}{fmt.number(params['achievement'], lang)}")
        if params.get("tiers"):
            parts.append(f"{label('tiers')}{t('colon', lang)}{field_text('tiers', params['tiers'], lang)}")
    return "; ".join(parts)


def examples_table(site: SiteData, lang: str) -> str:
    data = site.figures
    t = site.t
    rows = []
    for ex in examples(data):
        currency = data["countries"][ex["params"]["country"]]["currency"]
        results = ex["results"]
        rows.append({
            "id": ex["id"], "title": t(f"example_{ex['id']}", lang), "results": results,
            "summary": f"{fmt.country_name(ex['params']['country'], lang)}; "
                       f"{_summary(site, ex['params'], lang, currency)}",
            "query": "&".join(f"{k}={v}" for k, v in ex["params"].items()),
            "text": {k: fmt.amount(results[k], currency, lang) if results[k] else t("result_none", lang)
                     for k in ("variable", "total", "ote")},
        })
    return render("calculator_examples.html", t=site.ui(lang).__getitem__, examples=rows)


def _values(*values: tuple[str, str | None]) -> Markup:
    """URL values as code, each with its meaning in the page's language: `year` (annual), `month` (monthly)."""
    return Markup(", ").join(Markup("<code>{}</code>").format(value) + (Markup(" ({})").format(meaning) if meaning
                                                                        else "") for value, meaning in values)


def parameters_table(site: SiteData, lang: str) -> str:
    limits = model_limits(site.figures)

    def span(key, unit=""):
        low, high = limits[key]
        return f"{fmt.number(low, lang)}{unit} {fmt.EN_DASH} {fmt.number(high, lang)}{unit}"

    def s(key):
        return site.t(key, lang)

    bonus, commission = s("param_only_bonus"), s("param_only_commission")
    rows = [
        ("country", s("calc_country"), s("param_country_values"), s("language_country")),
        ("payments", s("calc_payments"), span("payments"), s("country_payments")),
        ("basis", s("calc_basis"), _values(("year", s("calc_basis_year")), ("month", s("calc_basis_month"))),
         _values(("year", None))),
        ("base", s("calc_base"), f"> {fmt.number(0, lang)}, ≤ {fmt.number(limits['base'][1], lang)}", s("required")),
        ("mode", s("calc_mode"), _values(("bonus", s("calc_mode_bonus")), ("commission", s("calc_mode_commission"))),
         _values(("bonus", None))),
        ("target", f"{s('calc_target')}, {bonus}", span("target"), s("required")),
        ("achievement", f"{s('calc_achievement')}, {bonus}", span("achievement"), s("required")),
        ("threshold", f"{s('calc_threshold')}, {bonus}", span("threshold"), fmt.number(0, lang)),
        ("tiers", f"{s('calc_tiers')}, {bonus}", f"{s('param_tiers_values')} ({span('tierStart')} : "
                                                 f"{span('multiplier')})", s("none")),
        ("cap", f"{s('calc_cap')}, {bonus}", span("cap"), s("none")),
        ("revenue", f"{s('calc_revenue')}, {commission}", span("revenue"), s("required")),
        ("brackets", f"{s('calc_brackets')}, {commission}", f"{s('param_brackets_values')} ({span('rate')} %)",
         s("required")),
    ]
    parameters = [{"name": n, "meaning": m, "allowed": a, "default": d} for n, m, a, d in rows]
    return render("calculator_parameters.html", t=site.ui(lang).__getitem__, parameters=parameters)


RENDERERS = {"form": form, "examples": examples_table, "parameters": parameters_table}
