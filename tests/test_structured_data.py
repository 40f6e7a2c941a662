"""schema.org `Occupation` JSON-LD on the occupation pages: valid schema.org, in the page's language, and every
number and code the one in the data files."""

from __future__ import annotations

import json
import re

import pytest
import yaml

from amkam import formatting as fmt
from amkam import pay
from amkam.registry import load_registry
from conftest import DEFAULT_LANGUAGE, FIGURES, LANGUAGES, PAGES, ROOT, build_with_broken_data

OCCUPATIONS_YML = "docs/assets/data/occupations.yml"
OCCUPATION_PAGES = ("account-manager", "key-account-manager")

# The types and properties the markup may use, as schema.org defines them (schema.org/Occupation and the pages
# of each type; properties inherited from Thing included where used). MonetaryAmountDistribution is a
# QuantitativeValueDistribution, not a MonetaryAmount: it has no minValue, maxValue or value.
SCHEMA = {
    "Occupation": {"name", "description", "occupationalCategory", "sameAs", "skills", "responsibilities",
                   "estimatedSalary", "occupationLocation", "educationRequirements", "experienceRequirements",
                   "qualifications", "alternateName", "url", "identifier"},
    "CategoryCode": {"codeValue", "inCodeSet", "name", "termCode", "inDefinedTermSet", "description", "url"},
    "CategoryCodeSet": {"name", "hasCategoryCode", "description", "url"},
    "MonetaryAmountDistribution": {"currency", "duration", "median", "percentile10", "percentile25", "percentile75",
                                   "percentile90", "name", "description"},
    "Country": {"name", "identifier", "sameAs"},
}
# figures.yml statistic -> the distribution field that means the same.
STAT_FIELDS = {"median": "median", "p10": "percentile10", "p25": "percentile25", "q1": "percentile25",
               "p75": "percentile75", "q3": "percentile75", "p90": "percentile90"}
DURATIONS = {"year": "P1Y", "month": "P1M"}
SECTIONS = [(lang, page) for lang in LANGUAGES for page in OCCUPATION_PAGES]


DATA = yaml.safe_load((ROOT / OCCUPATIONS_YML).read_text("utf-8"))
REGISTRY = load_registry(ROOT / "docs" / "assets" / "data" / "site.yml")


def jsonld(site, lang, page) -> dict:
    scripts = site.soup(lang, page).select('head script[type="application/ld+json"]')
    assert len(scripts) == 1
    return json.loads(scripts[0].string)


def nodes(value):
    """Every JSON object in the markup, nested ones included."""
    if isinstance(value, dict):
        yield value
        for item in value.values():
            yield from nodes(item)
    elif isinstance(value, list):
        for item in value:
            yield from nodes(item)


def section_items(soup, section_id: str) -> list[str]:
    """What the page lists in a section: its ### headings, or else its list items."""
    heading = soup.select_one(f"article h2#{section_id}")
    headings, items = [], []
    for sibling in heading.find_next_siblings():
        if sibling.name == "h2":
            break
        if sibling.name == "h3":
            headings.append(sibling)
        items += sibling.select("li") if sibling.name in ("ul", "ol") else []
    texts = []
    for node in headings or items:
        for link in node.select("a.headerlink"):
            link.extract()
        texts.append(" ".join(node.get_text(" ").split()))
    return texts


def test_the_data_file_covers_exactly_the_occupation_pages_and_is_not_published(site):
    assert set(DATA["occupations"]) == set(OCCUPATION_PAGES)
    assert not (site.root / "assets" / "data" / "occupations.yml").exists()


@pytest.mark.parametrize("lang,page", SECTIONS)
def test_markup_uses_only_schema_org_types_and_properties(site, lang, page):
    data = jsonld(site, lang, page)
    assert data["@context"] == "https://schema.org" and data["@type"] == "Occupation"
    for node in nodes(data):
        assert node.get("@type") in SCHEMA, node
        unknown = set(node) - {"@context", "@type"} - SCHEMA[node["@type"]]
        assert not unknown, f"{node['@type']} has no property {unknown}"


@pytest.mark.parametrize("lang,page", SECTIONS)
def test_texts_are_the_page_s_own_in_its_language(site, lang, page):
    soup = site.soup(lang, page)
    data = jsonld(site, lang, page)
    h1 = soup.select_one("article h1")
    for link in h1.select("a.headerlink"):
        link.extract()
    assert data["name"] == h1.get_text(strip=True)
    assert data["description"] == soup.select_one('meta[name="description"]')["content"]
    item = DATA["occupations"][page]
    assert data["skills"] == [DATA["skills"][key][lang] for key in item["skills"]]
    # Responsibilities come from the data file (titles), never from the page; the KAM's are the page's own headings.
    titles = [entry["title"][lang] for entry in item["responsibilities"]["items"]]
    assert data["responsibilities"] and data["responsibilities"] == titles
    if page == "key-account-manager":
        assert titles == section_items(soup, item["responsibilities"]["section"])
    if lang != DEFAULT_LANGUAGE:
        english = jsonld(site, DEFAULT_LANGUAGE, page)
        assert not set(data["skills"]) & set(english["skills"])
        assert data["responsibilities"] != english["responsibilities"]


@pytest.mark.parametrize("lang,page", SECTIONS)
def test_codes_are_isco_08_and_the_esco_uri_only_where_it_is_the_same_occupation(site, lang, page):
    data = jsonld(site, lang, page)
    item = DATA["occupations"][page]
    codes = [(c["codeValue"], c["inCodeSet"]["name"]) for c in data["occupationalCategory"]]
    assert codes == [(FIGURES["classifications"][key]["isco"], "ISCO-08") for key in item["isco"]]
    assert all(re.fullmatch(r"\d{4}", code) for code, _ in codes)
    if page == "key-account-manager":
        assert data["sameAs"] == FIGURES["classifications"]["kam_esco"]["uri"]
    else:  # ESCO has no "account manager" occupation: the closest ones are not the same occupation
        assert "sameAs" not in data


@pytest.mark.parametrize("lang,page", SECTIONS)
def test_salaries_are_current_figures_for_the_language_s_country(site, lang, page):
    """estimatedSalary: the current figures for the page's role in the language's country (pay.py), with that
    country as occupationLocation; none where the country declares a gap."""
    data = jsonld(site, lang, page)
    country = REGISTRY.language(lang).country
    role = DATA["occupations"][page]["glance"]["role"]
    rows = [row for row in pay.headline_figures(FIGURES, country, role)
            if row["period"] in DURATIONS and set(row["stats"]) & set(STAT_FIELDS)]
    if not rows:
        assert pay.gap(FIGURES, country, role) is not None, (lang, page, "no figure and no declared gap")
        assert "estimatedSalary" not in data and "occupationLocation" not in data
        return
    assert len(data["estimatedSalary"]) == len(rows)
    for row, amount in zip(rows, data["estimatedSalary"], strict=True):
        assert pay.status(FIGURES, row["year"]) == "current" and row["source"] != "brief"
        assert amount["name"] == row["label"][lang]
        assert FIGURES["sources"][row["source"]]["publisher"] in amount["description"]
        assert amount["currency"] == row["currency"] and amount["duration"] == DURATIONS[row["period"]]
        expected = {STAT_FIELDS[stat]: value for stat, value in row["stats"].items() if stat in STAT_FIELDS}
        numbers = {key: value for key, value in amount.items() if isinstance(value, (int, float))}
        assert expected and numbers == expected
    assert data["occupationLocation"] == {"@type": "Country", "name": fmt.country_name(country, lang),
                                          "identifier": country}


def test_no_page_declares_another_language_s_country(site):
    """The German job-ad figure and location that every language's KAM page carried are gone."""
    for lang in LANGUAGES:
        for page in OCCUPATION_PAGES:
            location = jsonld(site, lang, page).get("occupationLocation")
            assert location is None or location["identifier"] == REGISTRY.language(lang).country, (lang, page)


def test_no_other_page_carries_occupation_markup(site):
    for lang in LANGUAGES:
        for page in set(PAGES) - set(OCCUPATION_PAGES):
            assert not site.soup(lang, page).select('script[type="application/ld+json"]'), (lang, page)


CORRUPTIONS = [
    # (what is broken, text replaced, replacement, words the error must contain)
    ("unknown skill",
     "             needs_analysis, maximise_revenue]\n    responsibilities:\n      section: responsibilities",
     "             needs_analysis, maximise_revenues]\n    responsibilities:\n      section: responsibilities",
     ["occupations.yml", "occupations.key-account-manager", "'skills[11]'", "maximise_revenues"]),
    ("glance for an unknown role", "    glance:\n      role: kam\n", "    glance:\n      role: ceo\n",
     ["occupations.yml", "occupations.key-account-manager", "'glance.role'", "'ceo' is not one of am, kam"]),
    ("missing translation", "    sk: vyjednávanie cien\n", "",
     ["occupations.yml", "skills.negotiate_price", "sk", "missing"]),
]


@pytest.mark.parametrize("what,old,new,words", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_a_bad_occupation_entry_fails_the_build_naming_the_field(tmp_path, what, old, new, words):
    code, message, output = build_with_broken_data(tmp_path, OCCUPATIONS_YML, old, new)
    assert code != 0, f"the build accepted an occupation entry with a {what}"
    for word in words:
        assert word in message, f"{word!r} not in the error: {message or output[-2000:]}"
    assert "Traceback" not in output
