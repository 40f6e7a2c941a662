"""The open data (/api/v1/, issue 11 item 3): every file is UTF-8 JSON, valid against the schema it names (published
beside it), licensed, dated, complete in every language, and every id is an anchor on the built pages."""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin, urlsplit

import pytest
from jsonschema import Draft202012Validator

from amkam import open_data, pay, validation
from amkam.errors import DataError
from conftest import FIGURES, LANGUAGES, SITE_DATA, page_path

FILES = open_data.FILES
API = "api/v1"


def raw(site, path: str) -> bytes:
    return (site.root / path).read_bytes()


@pytest.fixture(scope="module")
def docs(site) -> dict[str, dict]:
    return {name: json.loads(raw(site, f"{API}/{name}.json").decode("utf-8")) for name in FILES}


def local(site, url: str):
    """A site URL as the built file it names."""
    assert url.startswith(site.url), f"{url} is not on the site ({site.url})"
    return site.root / urlsplit(url).path.lstrip("/")


_ids: dict = {}


def anchors(site, path) -> set[str]:
    if path not in _ids:
        _ids[path] = set(re.findall(r'\sid="([^"]+)"', path.read_text("utf-8")))
    return _ids[path]


def links(node):
    """Every `link` of a document, at any depth."""
    if isinstance(node, dict):
        if isinstance(node.get("link"), str):
            yield node["link"]
        for value in node.values():
            yield from links(value)
    elif isinstance(node, list):
        for value in node:
            yield from links(value)


@pytest.mark.parametrize("name", FILES)
def test_every_file_is_utf8_json(site, name):
    data = raw(site, f"{API}/{name}.json")
    assert not data.startswith(b"\xef\xbb\xbf"), "no byte-order mark"
    json.loads(data.decode("utf-8", errors="strict"))
    assert "Ã" not in data.decode("utf-8"), "double-encoded text"


@pytest.mark.parametrize("name", FILES)
def test_every_file_is_valid_against_the_schema_it_names(site, docs, name):
    document = docs[name]
    schema_file = local(site, document["$schema"])
    assert schema_file.is_file(), f"{document['$schema']} is not published"
    schema = json.loads(schema_file.read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    errors = sorted(Draft202012Validator(schema).iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors[:5]]


def test_the_published_schemas_are_the_build_s_own_on_the_site_s_address(site):
    published = sorted(p.name for p in (site.root / API / "schemas").glob("*.schema.json"))
    assert published == sorted(f"{name}.schema.json" for name in open_data.PUBLISHED_SCHEMAS)
    for name in open_data.PUBLISHED_SCHEMAS:
        schema = json.loads((site.root / API / "schemas" / f"{name}.schema.json").read_text("utf-8"))
        source = json.loads((validation.SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8"))
        assert schema["$id"] == f"{site.url}{API}/schemas/{name}.schema.json"
        assert {**schema, "$id": None} == {**source, "$id": None}, f"{name}: not the schema the build validates with"
    for kind in validation.KINDS:  # the data files' schemas, as the build validates them
        assert validation.schema(kind)["$id"].endswith(f"/{API}/schemas/{kind}.schema.json")


@pytest.mark.parametrize("name", FILES)
def test_every_file_names_its_licence_review_date_and_languages(site, docs, name):
    document = docs[name]
    assert document["version"] == "v1"
    assert document["reviewed"] == pay.reviewed(FIGURES).isoformat()
    licence = document["licence"]
    assert licence["id"] == "CC-BY-4.0" and licence["url"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert site.url in licence["attribution"]
    assert set(licence["notice"]) == set(LANGUAGES) and all("CC BY 4.0" in text for text in licence["notice"].values())
    assert document["languages"] == {lang: site.url + page_path(lang, "index") for lang in LANGUAGES}


@pytest.mark.parametrize("name", FILES)
def test_every_link_resolves_to_an_anchor_on_the_built_pages_in_every_language(site, docs, name):
    document = docs[name]
    found = list(links(document))
    assert found, "no links"
    broken = []
    for lang, home in document["languages"].items():
        for link in found:
            url = urljoin(home, link)
            path, fragment = local(site, url.split("#")[0]) / "index.html", urlsplit(url).fragment
            if not path.is_file() or (fragment and fragment not in anchors(site, path)):
                broken.append(f"{lang}: {link}")
    assert not broken, f"{name}.json: {len(broken)} links without their anchor: {broken[:10]}"


def test_ids_are_the_anchors_of_their_pages(docs):
    """Each id is the anchor its link ends with, and the examples of the brief resolve as stated."""
    def entries(node):
        if isinstance(node, dict):
            if "id" in node and "link" in node:
                yield node
            for value in node.values():
                yield from entries(value)
        elif isinstance(node, list):
            for value in node:
                yield from entries(value)

    for name, document in docs.items():
        for entry in entries(document):
            if "#" in entry["link"] and not entry["link"].endswith("#skills"):
                assert entry["link"].endswith(f"#{entry['id']}"), (name, entry["id"], entry["link"])
    kam = next(role for role in docs["roles"]["roles"] if role["id"] == "key-account-manager")
    assert "key-account-manager/#relationship-management" in [r["link"] for r in kam["responsibilities"]["items"]]
    assert "glossary/#ote" in [term["link"] for term in docs["glossary"]["terms"]]
    assert all(f["link"].startswith("salaries-europe/#fig-") for f in docs["salaries"]["figures"])
    assert all(s["link"].startswith("sources/#src-") for s in docs["salaries"]["sources"])


def test_roles_hold_every_responsibility_skill_and_code_in_every_language(docs):
    occupations = SITE_DATA.occupations
    roles = {role["id"]: role for role in docs["roles"]["roles"]}
    assert set(roles) == set(occupations["occupations"])
    for page, item in occupations["occupations"].items():
        role = roles[page]
        got_items, want_items = role["responsibilities"]["items"], item["responsibilities"]["items"]
        assert [r["id"] for r in got_items] == [r["id"] for r in want_items]
        for got, want in zip(got_items, want_items, strict=True):
            assert got["title"] == want["title"] and got["summary"] == want["summary"]
        assert [s["id"] for s in role["skills"]["items"]] == item["skills"]
        assert all(s["label"] == occupations["skills"][s["id"]] for s in role["skills"]["items"])
        assert set(role["name"]) == set(LANGUAGES)
    codes = {code["id"]: code for code in docs["roles"]["codes"]}
    assert set(codes) == {"code-" + key.replace("_", "-") for key in FIGURES["classifications"]}
    for role in roles.values():
        assert set(role["codes"]) <= set(codes) and role["skills"]["from"] in codes
        assert role["same_as"] is None or role["same_as"] in codes


def test_every_salary_figure_carries_its_classification_and_its_source(docs):
    salaries = docs["salaries"]
    figures = {f["id"]: f for f in salaries["figures"]}
    assert list(figures) == [f"fig-{row['id']}" for row in FIGURES["salaries"]]
    sources = {s["id"]: s for s in salaries["sources"]}
    assert set(sources) == {f"src-{key}" for key in FIGURES["sources"]}
    for row in FIGURES["salaries"]:
        figure = figures[f"fig-{row['id']}"]
        assert figure["status"] in pay.STATUSES
        assert figure["status"] == pay.status(FIGURES, row["year"]), row["id"]
        assert figure["stats"] == row["stats"] and figure["currency"] == row["currency"]
        assert set(figure["label"]) == set(LANGUAGES)
        assert figure["source"] in sources, f"{row['id']}: no source"
        assert figure["publisher"] == sources[figure["source"]]["publisher"]
    assert salaries["classification"]["statuses"] == list(pay.STATUSES)
    assert {f["status"] for f in figures.values()} >= {"current", "historical"}


def test_every_glossary_term_is_there_in_every_language(docs):
    terms = {term["id"]: term for term in docs["glossary"]["terms"]}
    assert list(terms) == [term["id"] for term in SITE_DATA.glossary["terms"]]
    for term in SITE_DATA.glossary["terms"]:
        assert terms[term["id"]]["term"] == term["term"] and terms[term["id"]]["definition"] == term["definition"]


def test_the_calculator_file_gives_the_url_contract(docs):
    calc = docs["calculator"]
    assert calc["limits"] == FIGURES["calculator"]["limits"]
    assert set(calc["countries"]) == set(FIGURES["countries"])
    assert [p["name"] for p in calc["parameters"]] == list(validation.CALC_ERRORS)
    assert [e["id"] for e in calc["examples"]] == [f"example-{e['id']}" for e in FIGURES["calculator"]["examples"]]


def test_a_document_that_breaks_its_schema_stops_the_build():
    document = open_data.documents(SITE_DATA, "https://example.org/")["salaries"]
    open_data.check("salaries", document)
    document["figures"][0]["status"] = "recent"
    with pytest.raises(DataError, match=r"api/v1/salaries\.json: entry 'figures/0/status'"):
        open_data.check("salaries", document)


def test_every_api_schema_property_is_described():
    def walk(node, where, defs):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                while "description" not in sub and "$ref" in sub:
                    sub = defs[sub["$ref"].removeprefix("#/$defs/")]
                assert "description" in sub, f"{where}.{name}"
            for key, value in node.items():
                walk(value, f"{where}.{key}", defs)
        elif isinstance(node, list):
            for value in node:
                walk(value, where, defs)

    for name in open_data.API_SCHEMAS.values():
        schema = json.loads((validation.SCHEMA_DIR / f"{name}.schema.json").read_text("utf-8"))
        Draft202012Validator.check_schema(schema)
        assert schema["title"] and schema["description"]
        walk(schema, name, schema["$defs"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_documentation_page_links_every_file_and_schema_and_is_linked(site, lang):
    soup = site.soup(lang, "open-data")
    page_url = site.page_url(lang, "open-data")
    targets = {urljoin(page_url, a["href"]) for a in soup.select("article a[href]")}
    for name in FILES:
        assert f"{site.url}{API}/{name}.json" in targets
    for name in open_data.PUBLISHED_SCHEMAS:
        assert f"{site.url}{API}/schemas/{name}.schema.json" in targets
    assert soup.select_one("article time[datetime]")["datetime"] == pay.reviewed(FIGURES).isoformat()
    for page in ("index", "sources"):
        hrefs = {urljoin(site.page_url(lang, page), a["href"]).split("#")[0]
                 for a in site.soup(lang, page).select("article a[href]")}
        assert page_url in hrefs, f"{lang}/{page} does not link the open-data page"
