"""schema.org `Occupation` JSON-LD of the occupation pages, in the page's language, computed from the data files
alone: name and description are the page's front matter, responsibilities and skills come from occupations.yml,
ISCO-08 groups, the ESCO URI and salaries from figures.yml.

Choices (schema.org, Occupation and MonetaryAmountDistribution):
- occupationalCategory is a CategoryCode in the ISCO-08 code set: schema.org reads a plain code as O*NET-SOC;
- estimatedSalary is the current figure for the page's role (occupations.yml `glance.role`) in the language's
  country, chosen by rule (pay.py), with occupationLocation that country; none where the country declares a gap
  or the figure has no median or percentile per year or month. Never a figure of another country.
- estimatedSalary is a MonetaryAmountDistribution, which only has median and percentile fields (no mean, no
  minimum or maximum): a source's average or range is left out rather than passed off as one of them.
"""

from __future__ import annotations

import json

from markupsafe import Markup

from . import formatting as fmt
from . import pay
from .data import DISTRIBUTION, DURATION, SiteData


def _salary(site: SiteData, row: dict, lang: str) -> dict:
    source = site.figures["sources"][row["source"]]
    amount = {"@type": "MonetaryAmountDistribution", "name": row["label"][lang],
              "description": f"{site.t('th_source', lang)}{site.t('colon', lang)}{source['publisher']}",
              "currency": row["currency"], "duration": DURATION[row["period"]]}
    for stat, value in row["stats"].items():
        if stat in DISTRIBUTION:
            amount[DISTRIBUTION[stat]] = value
    return amount


def occupation(site: SiteData, page: str, lang: str, title: str, description: str) -> dict | None:
    """The Occupation of page `page` ('key-account-manager'), or None for a page that describes none."""
    item = site.occupations["occupations"].get(page)
    if item is None:
        return None
    figures = site.figures
    classifications = figures["classifications"]
    data = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": title,
        "description": description,
        "occupationalCategory": [
            {"@type": "CategoryCode", "codeValue": classifications[key]["isco"],
             "inCodeSet": {"@type": "CategoryCodeSet", "name": "ISCO-08"}}
            for key in item.get("isco", [])],
    }
    if "same_as" in item:
        data["sameAs"] = classifications[item["same_as"]]["uri"]
    data["skills"] = [site.occupations["skills"][key][lang] for key in item.get("skills", [])]
    data["responsibilities"] = [entry["title"][lang] for entry in item["responsibilities"]["items"]]
    rows = estimated_salary_rows(site, page, lang)
    if rows:
        data["estimatedSalary"] = [_salary(site, row, lang) for row in rows]
        code = rows[0]["country"]
        data["occupationLocation"] = {"@type": "Country", "name": fmt.country_name(code, lang), "identifier": code}
    return data


def estimated_salary_rows(site: SiteData, page: str, lang: str) -> list[dict]:
    """The figures of a page's estimatedSalary: current figures for its role in the language's country that
    schema.org can express (a median or percentile, per year or month)."""
    item = site.occupations["occupations"].get(page) or {}
    role = item.get("glance", {}).get("role")
    if role is None:
        return []
    country = site.registry.language(lang).country
    return [row for row in pay.headline_figures(site.figures, country, role)
            if row["period"] in DURATION and set(row["stats"]) & set(DISTRIBUTION)]


def json_ld(data: dict) -> Markup:
    """JSON for a <script type="application/ld+json">: escaping <, > and & keeps "</script>" out of the page."""
    text = json.dumps(data, ensure_ascii=False)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
