"""The site's open data: versioned JSON files built from the same data files as the pages (no mkdocs here).

    /api/v1/roles.json        the AM and the KAM: name, responsibilities, skills, classification codes
    /api/v1/salaries.json     every salary figure with its classification (pay.py) and its source; the sources
    /api/v1/glossary.json     every glossary term and its definition
    /api/v1/calculator.json   the calculator's countries, limits, scenarios, examples and URL parameters
    /api/v1/schemas/          the JSON Schema of each file, and the schemas the build validates the data files with

Every text is given in every language of the site. Every `id` is the anchor of the entry on the site's pages and
its `link` the page and anchor, relative to a language's home (`languages`): `key-account-manager/#client-needs`,
`glossary/#ote`, `salaries-europe/#fig-fr-kam-junior`, `sources/#src-apec`. Each file names its schema (`$schema`),
its licence and the date the figures were last reviewed (figures.yml `pay.reviewed`).

`documents` builds the files as dicts (pure functions of SiteData); `write` checks each against its schema and
writes it with the schemas. The documentation pages (docs/<lang>/open-data.md) show `files_table` and `licence`.
"""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path

from jsonschema import Draft202012Validator
from jsonschema.exceptions import best_match

from . import calculator, pay, validation
from . import formatting as fmt
from .data import SiteData
from .errors import DataError
from .templates import render
from .urls import relative_url

VERSION = "v1"
API_DIR = f"api/{VERSION}"  # site-relative
SCHEMAS_DIR = f"{API_DIR}/schemas"
FILES = ("roles", "salaries", "glossary", "calculator")
# Each API file's own schema (scripts/amkam/schemas/api-<name>.schema.json): none has a data file's shape.
API_SCHEMAS = {name: f"api-{name}" for name in FILES}
# The schemas published beside the files: the API files' own, and the data files' (validation.KINDS).
PUBLISHED_SCHEMAS = (*API_SCHEMAS.values(), *validation.KINDS)
SCHEMA_HOST = "https://am-kam.example.org/"  # the `$id` host in the source schemas, replaced by the site's URL
LICENCE = {"id": "CC-BY-4.0", "name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/"}
# The data files each API file is built from (as an editor finds them).
FROM = {"roles": ("occupations", "glossary", "figures"), "salaries": ("figures",), "glossary": ("glossary",),
        "calculator": ("figures",)}


# --- the documents -------------------------------------------------------------------------------------------------

def _base(site_url: str) -> str:
    return site_url.rstrip("/") + "/"


def schema_url(site_url: str, name: str) -> str:
    return f"{_base(site_url)}{SCHEMAS_DIR}/{name}.schema.json"


def file_path(name: str) -> str:
    """Site-relative path of an API file: 'api/v1/roles.json'."""
    return f"{API_DIR}/{name}.json"


def _texts(site: SiteData, key: str) -> dict[str, str]:
    return {lang: site.t(key, lang) for lang in site.registry.codes}


def _header(site: SiteData, site_url: str, name: str) -> dict:
    registry = site.registry
    base = _base(site_url)
    return {
        "$schema": schema_url(site_url, API_SCHEMAS[name]),
        "version": VERSION,
        "reviewed": pay.reviewed(site.figures).isoformat(),
        "licence": {**LICENCE, "attribution": f"{registry.language(registry.default_language).site_name}, {base}",
                    "notice": _texts(site, "open_data_licence_notice")},
        "languages": {lang: base + registry.root(lang) for lang in registry.codes},
        "generated_from": [validation.FILES[kind] for kind in FROM[name]],
    }


def _code_id(key: str) -> str:
    return "code-" + key.replace("_", "-")


def _link(page: str, anchor: str | None = None) -> str:
    return f"{page}/" + (f"#{anchor}" if anchor else "")


def roles(site: SiteData, site_url: str) -> dict:
    occupations = site.occupations
    terms = {term["id"]: term["term"] for term in site.glossary["terms"]}
    out = []
    for page, item in occupations["occupations"].items():
        section = item["responsibilities"]["section"]
        out.append({
            "id": page,
            "role": item["glance"]["role"],
            "link": _link(page),
            "name": terms[page],
            "responsibilities": {
                "id": section, "link": _link(page, section),
                "items": [{"id": entry["id"], "link": _link(page, entry["id"]), "title": entry["title"],
                           "summary": entry["summary"]} for entry in item["responsibilities"]["items"]],
            },
            "skills": {
                "id": "skills", "link": _link(page, "skills"),
                "from": _code_id("kam_esco"),  # the ESCO occupation whose skills these are (occupations.yml)
                "items": [{"id": key, "link": _link("career-path", "skills"), "label": occupations["skills"][key]}
                          for key in item["skills"]],
            },
            "codes": [_code_id(key) for key in item["isco"]],
            "same_as": _code_id(item["same_as"]) if item.get("same_as") else None,
        })
    codes = []
    for key, entry in site.figures["classifications"].items():
        code = {"id": _code_id(key), "link": _link("sources", _code_id(key)), "system": entry["system"],
                "label": entry["label"], "lang": entry["lang"]}
        code.update({field: entry[field] for field in ("isco", "esco_code", "code", "uri", "system_lang")
                     if field in entry})
        codes.append(code)
    return {**_header(site, site_url, "roles"), "roles": out, "codes": codes}


def _source_id(key: str | None) -> str | None:
    return f"src-{key}" if key and key not in validation.NOT_A_SOURCE else None


def salaries(site: SiteData, site_url: str) -> dict:
    figures = site.figures
    sources = figures["sources"]
    rows = []
    for row in figures["salaries"]:
        source = sources.get(row["source"]) if _source_id(row["source"]) else None
        item = {
            "id": f"fig-{row['id']}", "link": _link("salaries-europe", f"fig-{row['id']}"),
            "status": pay.status(figures, row["year"]),
            "country": row["country"], "roles": list(pay.roles_of(row)), "population": row["population"],
            "label": row["label"], "gross": row["gross"], "currency": row["currency"], "period": row["period"],
            "covers": row["covers"], "year": row["year"], "stats": row["stats"],
            "source": _source_id(row["source"]), "publisher": source["publisher"] if source else None,
        }
        if row.get("occupation"):
            item["occupation"] = {k: v for k, v in row["occupation"].items()}
        rows.append(item)
    out_sources = []
    for key, source in sources.items():
        entry = {"id": f"src-{key}", "link": _link("sources", f"src-{key}"), "publisher": source["publisher"],
                 "title": source["title"], "lang": source["lang"], "url": source["url"],
                 "published": None if source["published"] is None else str(source["published"])}
        if source.get("via"):
            entry["via"] = dict(source["via"])
        out_sources.append(entry)
    rules = {"current_years": figures["pay"]["current_years"],
             "historical_years": figures["pay"]["historical_years"], "statuses": list(pay.STATUSES)}
    return {**_header(site, site_url, "salaries"), "classification": rules, "figures": rows,
            "sources": out_sources}


def glossary(site: SiteData, site_url: str) -> dict:
    terms = [{"id": term["id"], "link": _link("glossary", term["id"]), "term": term["term"],
              "definition": term["definition"]} for term in site.glossary["terms"]]
    return {**_header(site, site_url, "glossary"), "terms": terms}


def calculator_data(site: SiteData, site_url: str) -> dict:
    figures = site.figures
    calc = figures["calculator"]
    countries = {}
    for code, country in figures["countries"].items():
        entry = {"currency": country["currency"], "payments": country["payments"], "quoted": country["quoted"],
                 "source": _source_id(country.get("source"))}
        if "payments_max" in country:
            entry["payments_max"] = country["payments_max"]
        if country.get("note"):
            entry["note"] = country["note"]
        countries[code] = entry
    examples = [{"id": f"example-{ex['id']}", "link": _link("salary-calculator", f"example-{ex['id']}"),
                 "params": ex["params"], "results": ex["results"]} for ex in calculator.examples(figures)]
    parameters = [{"id": f"param-{name}", "name": name, "link": _link("salary-calculator", f"param-{name}")}
                  for name in validation.CALC_ERRORS]
    return {**_header(site, site_url, "calculator"), "countries": countries,
            "limits": copy.deepcopy(calc["limits"]), "scenarios": list(calc["scenarios"]),
            "local_plans": copy.deepcopy(calc.get("local_plans", {})), "parameters": parameters,
            "examples": examples}


BUILDERS = {"roles": roles, "salaries": salaries, "glossary": glossary, "calculator": calculator_data}


def documents(site: SiteData, site_url: str) -> dict[str, dict]:
    """Every API file, by name, as plain JSON data."""
    return {name: json.loads(json.dumps(BUILDERS[name](site, site_url), default=str)) for name in FILES}


# --- schemas ---------------------------------------------------------------------------------------------------------

@cache
def _source_schema(name: str) -> dict:
    return json.loads((validation.SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8"))


def published_schema(name: str, site_url: str) -> dict:
    """A schema as published: its `$id` on the site's own address."""
    schema = copy.deepcopy(_source_schema(name))
    schema["$id"] = schema_url(site_url, name)
    return schema


def check(name: str, document: dict) -> None:
    """Raise DataError if an API document does not match its schema."""
    error = best_match(Draft202012Validator(_source_schema(API_SCHEMAS[name])).iter_errors(document))
    if error is not None:
        where = "/".join(str(part) for part in error.absolute_path) or "(top)"
        raise DataError(f"{file_path(name)}: entry '{where}': {error.message}")


def _dump(data: dict) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def write(site: SiteData, site_url: str, site_dir: Path) -> list[str]:
    """Write every API file and every schema under `site_dir`; returns the site-relative paths written."""
    written = []
    for name, document in documents(site, site_url).items():
        check(name, document)
        path = site_dir / file_path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(_dump(document), encoding="utf-8")
        written.append(file_path(name))
    folder = site_dir / SCHEMAS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    for name in PUBLISHED_SCHEMAS:
        (folder / f"{name}.schema.json").write_text(_dump(published_schema(name, site_url)), encoding="utf-8")
        written.append(f"{SCHEMAS_DIR}/{name}.schema.json")
    return written


# --- the documentation page ------------------------------------------------------------------------------------------

def _files_table(site: SiteData, lang: str, page_url: str) -> str:
    rows = [{"name": name, "path": "/" + file_path(name), "href": relative_url(file_path(name), page_url),
             "schema": f"{API_SCHEMAS[name]}.schema.json",
             "schema_href": relative_url(f"{SCHEMAS_DIR}/{API_SCHEMAS[name]}.schema.json", page_url),
             "contents": site.t(f"open_data_{name}", lang)} for name in FILES]
    return render("open_data.html", rows=rows, t=lambda key: site.t(key, lang))


def _schemas_table(site: SiteData, lang: str, page_url: str) -> str:
    rows = [{"name": kind, "file": validation.FILES[kind],
             "href": relative_url(f"{SCHEMAS_DIR}/{kind}.schema.json", page_url)} for kind in validation.KINDS]
    return render("open_data_schemas.html", data_schemas=rows, t=lambda key: site.t(key, lang))


def _licence(site: SiteData, lang: str, page_url: str) -> str:
    return f"[{LICENCE['name']}]({LICENCE['url']}deed.{lang})"


def _reviewed(site: SiteData, lang: str, page_url: str) -> str:
    date = pay.reviewed(site.figures)
    return f'<time datetime="{date.isoformat()}">{fmt.long_date(date, site.registry.language(lang).locale)}</time>'


def _version(site: SiteData, lang: str, page_url: str) -> str:
    return f"`/{API_DIR}/`"


MARKERS = {"files": _files_table, "schemas": _schemas_table, "licence": _licence, "reviewed": _reviewed,
           "path": _version}
BLOCKS = ("files", "schemas")


def marker(site: SiteData, lang: str, page_url: str, part: str) -> str | None:
    """`{{ open_data PART }}` on a language's page, or None for an unknown part: `files` and `schemas` (tables),
    `licence` (its name, linked), `reviewed` (the review date), `path` (the API's folder)."""
    renderer = MARKERS.get(part)
    if renderer is None:
        return None
    out = renderer(site, lang, page_url)
    if part in BLOCKS:
        out = "\n".join(line for line in out.splitlines() if line.strip())
        return f"\n\n{out}\n\n"
    return out
