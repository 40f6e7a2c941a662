"""Material's search, in a real browser, in every language: results come from the page's language only, accents do
not matter, and Czech and Slovak queries find other forms of the word (scripts/hooks/search_index.py,
docs/assets/javascripts/workers/search-i18n.js)."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import pytest
from playwright.sync_api import expect

from browser import PageWatch
from conftest import DEFAULT_LANGUAGE, LANGUAGES, lang_prefix

pytestmark = pytest.mark.browser

# A word each language's pages use and no other language's do (the glossary quotes terms in all five languages).
OWN_WORD = {"en": "negotiation", "fr": "entretien", "sk": "zmluva", "cs": "země", "es": "empresa"}
# Typed without accents, found with them.
ACCENTS = [("en", "declenchement", "déclenchement"), ("fr", "remuneration", "rémunération"),
           ("es", "comision", "comisión"), ("cs", "kalkulacka", "kalkulačka"), ("sk", "kalkulacka", "kalkulačka")]
# Query, and the forms of it that results must show (besides the query itself, which prefix search finds anyway).
FORMS = [("mzda", {"mzdy", "mzdu"}), ("mzdy", {"mzda"}), ("plat", {"platy"})]


@dataclass
class Results:
    meta: str
    links: list[str]
    marks: list[str]  # highlighted words, lowercased, without the punctuation around them
    none: str  # the page's text for "no results"
    problems: list[str]


def search(site, page, lang: str, query: str) -> Results:
    """Open a page in `lang`, type `query` in material's search box as one keystroke batch, read the results."""
    watch = PageWatch(page)
    page.goto(site.page_url(lang, "compensation"), wait_until="networkidle")
    texts = json.loads(page.locator("#__config").text_content())["translations"]
    page.keyboard.press("/")  # material's shortcut: opens search and focuses the box
    box = page.locator("input.md-search__input")
    box.fill(query)
    box.press("End")  # material reads the box on keyup: one query, not one per letter
    meta = page.locator(".md-search-result__meta")
    expect(meta).not_to_have_text(texts["search.result.placeholder"])
    links = page.locator(".md-search-result__link").evaluate_all("els => els.map(a => a.href)")
    marks = page.locator(".md-search-result mark").evaluate_all("els => els.map(m => m.textContent)")
    marks = [re.sub(r"^\W+|\W+$", "", mark).lower() for mark in marks]
    page.wait_for_load_state("networkidle")
    return Results(meta.text_content(), links, marks, texts["search.result.none"], watch.problems)


def in_section(link: str, site, lang: str) -> bool:
    if lang != DEFAULT_LANGUAGE:
        return link.startswith(site.url + lang_prefix(lang))
    return link.startswith(site.url) and not any(link.startswith(site.url + lang_prefix(other))
                                                 for other in LANGUAGES if other != DEFAULT_LANGUAGE)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_word_every_language_uses_finds_this_language_only(site, page, lang):
    found = search(site, page, lang, "KAM")
    assert found.links and all(in_section(link, site, lang) for link in found.links), found.links
    assert not found.problems, found.problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_this_language_word_is_found_and_another_language_word_is_not(site, page, lang):
    found = search(site, page, lang, OWN_WORD[lang])
    assert found.links and all(in_section(link, site, lang) for link in found.links), found.links
    assert not found.problems, found.problems

    other = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]
    found = search(site, page, lang, OWN_WORD[other])  # a word of the next language's pages only
    assert found.meta == found.none and not found.links, found.links
    assert not found.problems, found.problems


@pytest.mark.parametrize("lang,query,word", ACCENTS)
def test_accents_do_not_matter_and_results_keep_them(site, page, lang, query, word):
    found = search(site, page, lang, query)
    assert found.links and all(in_section(link, site, lang) for link in found.links), found.links
    assert word in found.marks, found.marks  # the snippet shows, and highlights, the accented word
    assert not found.problems, found.problems


@pytest.mark.parametrize("lang", ["cs", "sk"])
@pytest.mark.parametrize("query,forms", FORMS)
def test_czech_and_slovak_queries_find_other_forms_of_the_word(site, page, lang, query, forms):
    found = search(site, page, lang, query)
    assert found.links and all(in_section(link, site, lang) for link in found.links), found.links
    assert forms & set(found.marks), found.marks
    assert not found.problems, found.problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_has_its_own_index_with_the_same_sections(site, lang):
    index = json.loads((site.root / lang_prefix(lang) / "search" / "search_index.json").read_text("utf-8"))
    english = json.loads((site.root / "search" / "search_index.json").read_text("utf-8"))
    # Locations are relative to the language's section, and every language indexes the same pages and headings.
    assert sorted(doc["location"] for doc in index["docs"]) == sorted(doc["location"] for doc in english["docs"])
    assert index["config"]["locale"] == lang


def test_the_abbreviation_am_finds_the_account_manager_page(site, page):
    """"AM" is an English stop word; the site's indexes keep it, since it names one of the two jobs."""
    found = search(site, page, "en", "AM")
    assert site.page_url("en", "account-manager") in {re.split(r"[?#]", link)[0] for link in found.links}
