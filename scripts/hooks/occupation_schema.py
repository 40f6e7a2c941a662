"""mkdocs hook: schema.org `Occupation` JSON-LD on the occupation pages, in the page's language.

Nothing is typed here: name and description are the page's front matter, responsibilities are read from the
page's own section, skills come from docs/assets/data/occupations.yml, ISCO-08 groups, ESCO URI and salaries from
figures.yml. Template context `occupation_jsonld`, written into the head by overrides/partials/share-meta.html.

Choices (schema.org, Occupation and MonetaryAmountDistribution):
- occupationalCategory is a CategoryCode in the ISCO-08 code set: schema.org reads a plain code as O*NET-SOC;
- estimatedSalary is a MonetaryAmountDistribution, which only has median and percentile fields (no mean, no
  minimum or maximum): a source's average or range is left out rather than passed off as one of them.
"""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path, PurePosixPath

from markupsafe import Markup
from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import formatting as fmt  # noqa: E402
from i18n_pages import page_language  # noqa: E402
from site_data import (  # noqa: E402
    DISTRIBUTION, DURATION, load_figures, load_occupations, stop_build_on_data_error, t,
)

_state: dict = {}
_jsonld: dict[str, Markup] = {}  # page source path -> its JSON-LD, from content (on_page_content) to head


def on_config(config):
    with stop_build_on_data_error():
        figures = load_figures()
        _state["data"] = load_occupations(figures)
    _state["figures"] = figures
    _jsonld.clear()
    return config


def _text(fragment: str) -> str:
    fragment = re.sub(r'<a class="headerlink".*?</a>', "", fragment, flags=re.S)
    return " ".join(html.unescape(re.sub(r"<[^>]+>", "", fragment)).split())


def section_items(page_html: str, section_id: str) -> list[str]:
    """The `###` headings of a `##` section, or else its list items, as plain text."""
    match = re.search(rf'<h2 id="{re.escape(section_id)}".*?</h2>(.*?)(?=<h2[ >]|\Z)', page_html, flags=re.S)
    if not match:
        return []
    body = match.group(1)
    items = re.findall(r"<h3[^>]*>(.*?)</h3>", body, flags=re.S) or re.findall(r"<li>(.*?)</li>", body, flags=re.S)
    return [_text(item) for item in items]


def _salary(row: dict, lang: str) -> dict:
    source = _state["figures"]["sources"][row["source"]]
    amount = {"@type": "MonetaryAmountDistribution", "name": row["label"][lang],
              "description": f"{t('th_source', lang)}{t('colon', lang)}{source['publisher']}",
              "currency": row["currency"], "duration": DURATION[row["period"]]}
    for stat, value in row["stats"].items():
        if stat in DISTRIBUTION:
            amount[DISTRIBUTION[stat]] = value
    return amount


def occupation(item: dict, page, lang: str, page_html: str) -> dict:
    figures = _state["figures"]
    classifications = figures["classifications"]
    responsibilities = section_items(page_html, item["responsibilities"])
    if not responsibilities:
        raise PluginError(f"{page.file.src_uri}: occupations.yml takes responsibilities from section "
                          f"#{item['responsibilities']}, which has no ### headings or list items")
    data = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": page.meta["title"],
        "description": page.meta["description"],
        "occupationalCategory": [
            {"@type": "CategoryCode", "codeValue": classifications[key]["isco"],
             "inCodeSet": {"@type": "CategoryCodeSet", "name": "ISCO-08"}}
            for key in item.get("isco", [])],
    }
    if "same_as" in item:
        data["sameAs"] = classifications[item["same_as"]]["uri"]
    data["skills"] = [_state["data"]["skills"][key][lang] for key in item.get("skills", [])]
    data["responsibilities"] = responsibilities
    rows = [row for row in figures["salaries"] if row["id"] in item.get("salaries", [])]
    if rows:
        data["estimatedSalary"] = [_salary(row, lang) for row in rows]
        code = rows[0]["country"]
        data["occupationLocation"] = {"@type": "Country", "name": fmt.country_name(code, lang), "identifier": code}
    return data


def on_page_content(html_text, page, config, files):
    item = _state["data"]["occupations"].get(PurePosixPath(page.file.src_uri).stem)
    if item is not None:
        data = occupation(item, page, page_language(page, config), html_text)
        # JSON is data: json.dumps writes it; escaping <, > and & keeps "</script>" out of the page.
        text = json.dumps(data, ensure_ascii=False)
        text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        _jsonld[page.file.src_uri] = Markup(text)
    return html_text


def on_page_context(context, page, config, nav):
    context["occupation_jsonld"] = _jsonld.get(page.file.src_uri)
    return context
