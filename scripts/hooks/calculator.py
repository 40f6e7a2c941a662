"""mkdocs hook: expand `{{ calculator form }}`, `{{ calculator examples }}` and `{{ calculator parameters }}`.

The form carries its settings (countries, the plan the page opens with, limits, messages) as JSON for
docs/assets/javascripts/calculator.js; examples are computed here by the same model, for readers without JavaScript.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import calculator_data  # noqa: E402
import formatting as fmt  # noqa: E402
from hook_templates import environment  # noqa: E402
import salary_model  # noqa: E402
from i18n_pages import page_language  # noqa: E402
from site_data import load_figures, load_strings, stop_build_on_data_error, t  # noqa: E402

MARKER = re.compile(r"\{\{\s*calculator\s+(\w+)\s*\}\}")
# The texts calculator.js writes itself (labels are in the HTML already); every error message is one of them.
SCRIPT_TEXTS = ("result_none", "calc_chart_title", "calc_chart_title_commission", "calc_chart_desc", "calc_link_copied")
NUMERIC = ("base", "payments", "target", "achievement", "threshold", "cap", "revenue")
_state: dict = {}


def on_config(config):
    with stop_build_on_data_error():
        _state["data"] = load_figures()
    _state["env"] = environment(config)
    return config


def on_page_markdown(markdown, page, config, files):
    if "{{" not in markdown or not MARKER.search(markdown):
        return markdown
    lang = page_language(page, config)
    page.meta["calculator"] = True  # the theme loads the calculator's scripts on this page only

    def expand(match):
        part = match.group(1)
        if part not in RENDERERS:
            raise PluginError(f"{page.file.src_uri}: unknown calculator marker '{part}'")
        html = RENDERERS[part](lang)
        html = "\n".join(line for line in html.splitlines() if line.strip())  # one raw HTML block for Markdown
        return f"\n\n{html}\n\n"

    return MARKER.sub(expand, markdown)


def _render(template: str, lang: str, **values) -> str:
    return _state["env"].get_template(template).render(t=lambda key: t(key, lang), **values)


def field_text(name: str, value: str, lang: str) -> str:
    """A URL parameter as a reader would type it in this language (40 000; 100:1,5; 120:2)."""
    if name in ("tiers", "brackets"):
        return "; ".join(":".join(fmt.number(part, lang) for part in pair.split(":")) for pair in value.split(",")
                         if pair)
    if name in NUMERIC and re.fullmatch(r"\d+(\.\d+)?", value):
        return fmt.number(value, lang)
    return value


def _form(lang: str) -> str:
    data = _state["data"]
    params = calculator_data.default_params(data, lang)
    country = data["countries"][params["country"]]
    params.setdefault("payments", str(country["payments"]))
    params.setdefault("mode", "bonus")
    strings = {key: texts[lang] for key, texts in load_strings().items()}

    def options(name, values):
        return [{"value": v, "text": strings[f"calc_{name}_{v}"]} for v in values]

    countries = sorted(data["countries"], key=lambda code: fmt.country_name(code, lang))
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
    examples = {ex["id"]: ex["params"] for ex in calculator_data.examples(data)}
    notes = [{"code": code, "text": fmt.country_note(c, lang)}
             for code, c in data["countries"].items() if c.get("calculator_note")]
    config = {
        "lang": lang,
        "countries": calculator_data.model_countries(data),
        "examples": {"tiers": examples["accelerator"]["tiers"], "brackets": examples["commission"]["brackets"]},
        "text": {key: value for key, value in strings.items() if key.startswith("err_") or key in SCRIPT_TEXTS},
    }
    config_json = json.dumps(config, ensure_ascii=False, separators=(",", ":")).replace("</", "<\\/")
    return _render("calculator_form.html", lang, config_json=config_json, fields=fields, notes=notes,
                   country=params["country"],
                   tiers_example=field_text("tiers", config["examples"]["tiers"], lang),
                   brackets_example=field_text("brackets", config["examples"]["brackets"], lang),
                   scenarios=[{"raw": s, "text": fmt.percent(s, lang)} for s in data["calculator"]["scenarios"]])


def _summary(params: dict, lang: str, currency: str) -> str:
    """One line that describes an example's plan with the form's own labels."""
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


def _examples(lang: str) -> str:
    data = _state["data"]
    rows = []
    for ex in calculator_data.examples(data):
        currency = data["countries"][ex["params"]["country"]]["currency"]
        results = ex["results"]
        rows.append({
            "id": ex["id"], "title": t(f"example_{ex['id']}", lang), "results": results,
            "summary": f"{fmt.country_name(ex['params']['country'], lang)}; {_summary(ex['params'], lang, currency)}",
            "query": "&".join(f"{k}={v}" for k, v in ex["params"].items()),
            "text": {k: fmt.amount(results[k], currency, lang) if results[k] else t("result_none", lang)
                     for k in ("variable", "total", "ote")},
        })
    return _render("calculator_examples.html", lang, examples=rows)


def _parameters(lang: str) -> str:
    limits = salary_model.LIMITS

    def span(key, unit=""):
        low, high = limits[key]
        return f"{fmt.number(low, lang)}{unit} {fmt.EN_DASH} {fmt.number(high, lang)}{unit}"

    def s(key):
        return t(key, lang)

    bonus, commission = s("param_only_bonus"), s("param_only_commission")
    rows = [
        ("country", s("calc_country"), s("param_country_values"), s("language_country")),
        ("payments", s("calc_payments"), span("payments"), s("country_payments")),
        ("basis", s("calc_basis"), f"year ({s('calc_basis_year')}), month ({s('calc_basis_month')})", "year"),
        ("base", s("calc_base"), f"> {fmt.number(0, lang)}, ≤ {fmt.number(limits['base'][1], lang)}", s("required")),
        ("mode", s("calc_mode"), f"bonus ({s('calc_mode_bonus')}), commission ({s('calc_mode_commission')})", "bonus"),
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
    return _render("calculator_parameters.html", lang, parameters=parameters)


RENDERERS = {"form": _form, "examples": _examples, "parameters": _parameters}
