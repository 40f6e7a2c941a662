"""One term per concept and language (issue 9, point 3): the terminology in glossary.yml (`terminology:`) names,
for each concept and language, the preferred term and the variants to avoid.

Checked: the built text of every page in every language (visible text, title, description and the `title`,
`aria-label`, `alt` and `placeholder` attributes) and every data string of that language, including those only the
calculator's script shows. Text marked with another `lang` (a source's own title, the glossary's names in other
languages) is left out: it is quoted, not written by us. Also: the role pages open with the names job ads use, and
the calculator's name does not promise a gross-to-net calculation."""

from __future__ import annotations

import pytest
import yaml
from bs4 import BeautifulSoup

from amkam.terminology import find_avoided, variant_pattern
from conftest import LANGUAGES, PAGES, ROOT, SITE_DATA

GLOSSARY = SITE_DATA.glossary
DATA_DIR = ROOT / "docs" / "assets" / "data"
ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")

# Where a page may use an avoided variant: (lang, page) -> [(the exact passage, why)]. The passage is removed from
# the page's text before the check, and must be there: an exception that no longer applies fails the test.
EXCEPTIONS = {
    ("sk", "salary-calculator"): [
        ("nie je to mzdová kalkulačka, ktorá prepočítava hrubú mzdu na čistú",
         "explains that this calculator is not a gross-to-net 'mzdová kalkulačka'"),
    ],
    ("sk", "faq"): [
        ("pomocou mzdovej kalkulačky (prepočtu hrubej mzdy na čistú)",
         "sends the reader to a gross-to-net 'mzdová kalkulačka', the other tool, for net pay"),
    ],
}


def _own_text(soup: BeautifulSoup, lang: str) -> str:
    soup = BeautifulSoup(str(soup), "html.parser")  # a copy: the site fixture caches pages
    for element in soup(["script", "style", "template"]):
        element.decompose()
    for foreign in soup.select("body [lang]"):
        if foreign.get("lang") != lang:
            foreign.decompose()
    parts = [soup.title.get_text(" ") if soup.title else ""]
    description = soup.select_one('meta[name="description"]')
    parts.append(description.get("content", "") if description else "")
    parts.extend(element[name] for name in ATTRIBUTES for element in soup.body.select(f"[{name}]"))
    parts.append(soup.body.get_text(" "))
    return "\n".join(" ".join(part.split()) for part in parts)


def _data_strings(node, lang: str, path: str = ""):
    """Every string of one language in a data file: the value of a key named after the language."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == lang and isinstance(value, str):
                yield f"{path}.{key}", value
            else:
                yield from _data_strings(value, lang, f"{path}.{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _data_strings(value, lang, f"{path}[{i}]")


def _report(found) -> str:
    return "; ".join(f"'{f['found']}' (use '{f['preferred']}' for {f['concept']}): …{f['context']}…" for f in found)


def test_variant_matching():
    assert variant_pattern("variabiln*").search("Výše variabilní složky")
    assert variant_pattern("variabiln*").search("VARIABILNEJ zložky")
    assert not variant_pattern("variabiln*").search("nevariabilní")  # whole words only
    assert variant_pattern("fixn* mzd*").search("fixnou\u00a0mzdou")  # any space between words
    assert not variant_pattern("à objectif atteint").search("à objectifs atteints")  # a word without `*` is exact
    assert variant_pattern("gestor/a de cuentas clave").search("un gestor/a de cuentas clave")


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_page_uses_the_preferred_terms(site, lang, page):
    text = _own_text(site.soup(lang, page), lang)
    for passage, _why in EXCEPTIONS.get((lang, page), []):
        assert passage in text, f"{lang}/{page}: the exception no longer applies, remove it: {passage!r}"
        text = text.replace(passage, " ")
    found = find_avoided(text, GLOSSARY, lang)
    assert not found, f"{lang}/{page}: {_report(found)}"


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", ["figures", "glossary", "occupations", "strings", "site"])
def test_data_strings_use_the_preferred_terms(lang, name):
    data = yaml.safe_load((DATA_DIR / f"{name}.yml").read_text("utf-8"))
    if name == "glossary":  # the terminology itself names the variants
        data = {"terms": data["terms"]}
    bad = {path: found for path, text in _data_strings(data, lang) if (found := find_avoided(text, GLOSSARY, lang))}
    assert not bad, f"{name}.yml, {lang}: " + " | ".join(f"{path}: {_report(f)}" for path, f in bad.items())


def _first_paragraph(soup: BeautifulSoup) -> str:
    heading = soup.select_one("article h1")
    return " ".join(heading.find_next("p").get_text(" ").split())


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", sorted(GLOSSARY["job_ad_names"]))
def test_role_page_opens_with_the_job_ad_names(site, lang, page):
    first = _first_paragraph(site.soup(lang, page))
    missing = [name for name in GLOSSARY["job_ad_names"][page][lang] if name.casefold() not in first.casefold()]
    assert not missing, f"{lang}/{page}: the first paragraph does not name {missing}: {first[:200]}"


TITLED = [(concept, page) for concept in GLOSSARY["terminology"] if (page := concept.get("title_of"))]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("concept,page", TITLED, ids=[c["concept"] for c, _ in TITLED])
def test_page_is_named_with_the_preferred_term(site, lang, concept, page):
    soup = site.soup(lang, page)
    preferred = concept[lang]["preferred"].split(" (")[0].casefold()  # a part in parentheses is optional
    for where, text in (("title", soup.title.get_text()), ("H1", soup.select_one("article h1").get_text())):
        assert preferred in text.casefold(), f"{lang}/{page}: the {where} {text!r} does not say {preferred!r}"
        found = find_avoided(text, GLOSSARY, lang)
        assert not found, f"{lang}/{page}: the {where} says {_report(found)}"


@pytest.mark.parametrize("lang", ["sk", "cs"])
def test_calculator_does_not_promise_gross_to_net(site, lang):
    """In Czech and Slovak a 'mzdová kalkulačka' turns gross pay into net pay; this calculator does not."""
    soup = site.soup(lang, "salary-calculator")
    names = [soup.title.get_text(), soup.select_one("article h1").get_text()]
    names += [text for _, text in _data_strings(SITE_DATA.strings, lang)]
    gross_to_net = variant_pattern("mzdov* kalkulačk*")
    assert not [name for name in names if gross_to_net.search(name)]


def test_terminology_references_are_checked():
    """A concept naming a glossary term or a page that does not exist stops the build with the file and entry."""
    import copy

    from amkam import validation
    from amkam.errors import DataError

    for change, expected in (
        (lambda g: g["terminology"][0].update(glossary="no-such-term"), "unknown glossary term"),
        (lambda g: g["job_ad_names"].update({"no-such-page": g["job_ad_names"]["account-manager"]}), "no page"),
        (lambda g: g["terminology"].append(copy.deepcopy(g["terminology"][0])), "duplicate id"),
    ):
        glossary = copy.deepcopy(GLOSSARY)
        change(glossary)
        with pytest.raises(DataError, match=expected):
            validation.check_references(SITE_DATA.figures, glossary, SITE_DATA.occupations, SITE_DATA.strings,
                                        docs_dir=ROOT / "docs")
