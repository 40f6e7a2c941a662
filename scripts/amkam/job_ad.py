"""The job-ad builder (docs/<lang>/job-ad-builder.md): its markers `{{ jobad form }}` (the form, with the settings
job-ad.js reads as JSON: every ad language's texts and role descriptions, since the ad's language may differ from
the page's), `{{ jobad levels }}` (seniority levels and their experience), `{{ jobad rules }}` (the rules a draft
follows in each country, with their sources) and `{{ jobad parameters }}` (the URL contract's table).

Data: docs/assets/data/job_ads.yml; roles from occupations.yml; currencies, payments and pay limits from
figures.yml. Every URL parameter is a field's `name`; PARAMETERS lists them in URL order.
"""

from __future__ import annotations

import datetime as dt
import json

from babel import Locale
from markupsafe import Markup

from . import calculator, collation
from . import formatting as fmt
from .data import SiteData
from .templates import render
from .urls import relative_url

PARAMETERS = ("role", "level", "country", "adlang", "min", "max", "period", "structure", "target", "payments",
              "company", "location", "format")
LEVELS = ("junior", "experienced", "senior")
PERIODS = ("year", "month")
STRUCTURES = ("fixed", "variable")
FORMATS = ("text", "markdown", "html")
TEXT_MAX = 80  # characters of the employer's name and of the place of work
DEFAULT_ROLE = "key-account-manager"


def level_years(site: SiteData, name: str) -> dict:
    """A level's experience in years: {'low': 3, 'high': 5}, {'low': 5} (or more) or {'high': 2} (up to)."""
    level = site.job_ads["levels"][name]
    if "fact" in level:
        fact = site.figures["facts"][level["fact"]]
        return {"low": fact["value"]} if "value" in fact else {"low": fact["low"], "high": fact["high"]}
    return {k: level[k] for k in ("low", "high") if k in level}


def years_text(years: dict, pattern: dict[str, str], lang: str) -> str:
    """Years of experience in words: the 'range', 'min' or 'max' pattern with its numbers in the language's form."""
    kind = "range" if len(years) == 2 else "min" if "low" in years else "max"
    text = pattern[kind]
    for key, value in years.items():
        text = text.replace("{" + key + "}", fmt.number(value, lang))
    return text


def _language_name(code: str, lang: str) -> str:
    name = Locale.parse(lang).languages[code]
    return name[:1].upper() + name[1:]


def config(site: SiteData, lang: str) -> dict:
    """What job-ad.js needs: data for every ad language, limits, the page language's messages."""
    data, figures, occupations = site.job_ads, site.figures, site.occupations
    limits = calculator.model_limits(figures)
    roles = {}
    for role in data["roles"]:
        occupation = occupations["occupations"][role]
        roles[role] = {
            "name": data["roles"][role]["name"],
            "responsibilities": [{"title": item["title"], "summary": item["summary"]}
                                 for item in occupation["responsibilities"]["items"]],
            "skills": [occupations["skills"][skill] for skill in occupation["skills"]],
        }
    return {
        "lang": lang,
        "defaults": defaults(site, lang),
        "roles": roles,
        "levels": {name: level_years(site, name) for name in LEVELS},
        "countries": calculator.model_countries(figures),
        "rules": [{"id": r["id"], "countries": r["countries"], "citation": r["citation"]} for r in data["rules"]],
        "ads": data["ads"],
        "neutralByCountry": data["neutral_by_country"],
        "limits": {"amount": limits["base"][1], "target": limits["target"], "payments": limits["payments"],
                   "text": TEXT_MAX},
        "text": {key: value for key, value in site.ui(lang).items()
                 if key.startswith(("ja_err_", "ja_status_", "ja_copied", "ja_link_copied"))
                 or key in ("err_required", "err_number", "err_range", "err_base_range", "err_integer", "err_choice")},
    }


def defaults(site: SiteData, lang: str) -> dict:
    """The draft a language's page opens with, in URL form (no pay range: the employer gives it)."""
    country = site.registry.language(lang).country
    return {"role": DEFAULT_ROLE, "level": "experienced", "country": country, "adlang": lang, "min": "", "max": "",
            "period": "year", "structure": "fixed", "target": "",
            "payments": str(site.figures["countries"][country]["payments"]), "company": "", "location": "",
            "format": "text"}


def form(site: SiteData, lang: str) -> str:
    strings = site.ui(lang)
    values = defaults(site, lang)
    by_name = collation.sort_key(site.registry.language(lang).locale)
    countries = sorted(site.figures["countries"], key=lambda code: by_name(fmt.country_name(code, lang)))

    def options(name, choices):
        return [{"value": v, "text": strings[f"ja_{name}_{v}"]} for v in choices]

    levels = [{"value": name, "text": f"{strings[f'ja_level_{name}']} "
                                      f"({years_text(level_years(site, name), _years_patterns(strings), lang)})"}
              for name in LEVELS]
    fields = {
        "role": {"options": [{"value": r, "text": site.job_ads["roles"][r]["name"]} for r in site.job_ads["roles"]]},
        "level": {"options": levels},
        "country": {"options": [{"value": c, "text": fmt.country_name(c, lang)} for c in countries]},
        "adlang": {"options": [{"value": code, "text": _language_name(code, lang)}
                               for code in site.registry.codes]},
        "min": {"inputmode": "decimal"}, "max": {"inputmode": "decimal"},
        "period": {"options": options("period", PERIODS)},
        "structure": {"options": options("structure", STRUCTURES)},
        "target": {"inputmode": "decimal"}, "payments": {"inputmode": "numeric"},
        "company": {"inputmode": "text"}, "location": {"inputmode": "text"},
        "format": {"options": options("format", FORMATS)},
    }
    for name, spec in fields.items():
        spec["label"] = strings[f"ja_{name}"]
        spec["value"] = values[name]
    config_json = Markup(json.dumps(config(site, lang), ensure_ascii=False, separators=(",", ":"))
                         .replace("</", "<\\/"))
    return render("job_ad_form.html", t=strings.__getitem__, fields=fields, config_json=config_json,
                  lang=lang, text_max=TEXT_MAX)


def _years_patterns(strings: dict) -> dict:
    return {"range": strings["ja_years_range"], "min": strings["ja_years_min"], "max": strings["ja_years_max"]}


def levels_table(site: SiteData, lang: str, page_url: str) -> str:
    strings = site.ui(lang)
    sources_url = relative_url(site.registry.root(lang) + "sources/", page_url)
    rows = []
    for name in LEVELS:
        level = site.job_ads["levels"][name]
        source_href = source_name = None
        if "fact" in level:
            source_id = site.figures["facts"][level["fact"]]["source"]
            source_href = f"{sources_url}#src-{source_id}"
            source_name = site.figures["sources"][source_id]["publisher"].split(",")[0]
        rows.append({"id": name, "name": strings[f"ja_level_{name}"],
                     "years": years_text(level_years(site, name), _years_patterns(strings), lang),
                     "source_href": source_href, "source_name": source_name or strings["ja_editorial"]})
    return render("job_ad_levels.html", t=strings.__getitem__, rows=rows)


def rules_table(site: SiteData, lang: str) -> str:
    strings = site.ui(lang)
    locale = site.registry.language(lang).locale
    rows = [{
        "id": rule["id"], "name": rule["name"][lang],
        "citation": rule["citation"], "citation_lang": rule["citation_lang"],
        "countries": ", ".join(fmt.country_name(code, lang) for code in rule["countries"]),
        "requires": [strings[f"ja_requires_{r}"] for r in rule["requires"]],
        "url": rule["url"], "publisher": rule["publisher"],
        "checked": fmt.long_date(dt.date.fromisoformat(rule["checked"]), locale), "checked_iso": rule["checked"],
    } for rule in site.job_ads["rules"]]
    return render("job_ad_rules.html", t=strings.__getitem__, rows=rows)


def _codes(values) -> Markup:
    return Markup(", ").join(Markup("<code>{}</code>").format(v) for v in values)


def parameters_table(site: SiteData, lang: str) -> str:
    strings = site.ui(lang)
    limits = calculator.model_limits(site.figures)

    def s(key):
        return strings[key]

    def span(key):
        low, high = limits[key]
        return f"{fmt.number(low, lang)} {fmt.EN_DASH} {fmt.number(high, lang)}"

    amount = s("ja_param_values_amount").replace("{max}", fmt.number(limits["base"][1], lang))
    text = s("ja_param_values_text").replace("{max}", fmt.number(TEXT_MAX, lang))
    rows = [
        ("role", s("ja_role"), _codes(site.job_ads["roles"]), _codes([DEFAULT_ROLE])),
        ("level", s("ja_level"), _codes(LEVELS), _codes(["experienced"])),
        ("country", s("ja_country"), s("param_country_values"), s("language_country")),
        ("adlang", s("ja_adlang"), _codes(site.registry.codes), s("ja_param_default_lang")),
        ("min", s("ja_min"), amount, s("required")),
        ("max", s("ja_max"), amount, s("required")),
        ("period", s("ja_period"), _codes(PERIODS), _codes(["year"])),
        ("structure", s("ja_structure"), _codes(STRUCTURES), _codes(["fixed"])),
        ("target", f"{s('ja_target')}, {s('ja_param_only_variable')}", span("target"), s("required")),
        ("payments", s("ja_payments"), span("payments"), s("ja_param_default_payments")),
        ("company", s("ja_company"), text, s("none")),
        ("location", s("ja_location"), text, s("none")),
        ("format", s("ja_format"), _codes(FORMATS), _codes(["text"])),
    ]
    parameters = [{"name": n, "meaning": m, "allowed": a, "default": d} for n, m, a, d in rows]
    return render("job_ad_parameters.html", t=strings.__getitem__, parameters=parameters)
