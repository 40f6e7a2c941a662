"""In a real browser: language switching, the language offer on the root, and pages that load cleanly."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from browser import PageWatch
from conftest import EMBEDS, LANGUAGES, PAGES, page_path

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("source,target", [("fr", "sk"), ("sk", "cs"), ("cs", "es"), ("es", "en"), ("en", "fr")])
def test_language_switcher_opens_the_same_page_and_section(site, page, source, target):
    page.goto(site.page_url(source, "key-account-manager") + "#responsibilities")
    page.locator(".md-header .md-select button").first.hover()
    page.locator(f'.md-select__link[hreflang="{target}"]').first.click()
    page.wait_for_url(site.page_url(target, "key-account-manager") + "#responsibilities")
    assert page.evaluate("document.documentElement.lang") == target
    assert page.locator("#responsibilities").is_visible()


def test_language_switcher_keeps_the_query_string(site, page):
    page.goto(site.page_url("fr", "salary-calculator") + "?country=FR&base=45000&target=15&achievement=90")
    query = urlsplit(page.url).query  # as the calculator keeps it in step
    assert "base=45000" in query
    page.locator(".md-header .md-select button").first.hover()
    page.locator('.md-select__link[hreflang="cs"]').first.click()
    page.wait_for_url(site.page_url("cs", "salary-calculator") + "?" + query)
    # 45,000 + 15 % × 90 % × 45,000
    assert page.locator('[data-result="total"]').get_attribute("data-value") == "51075.00"


@pytest.mark.parametrize("preferred", ["fr-FR", "sk", "cs-CZ", "es-ES"])
def test_root_offers_the_preferred_language_without_redirecting(site, browser, preferred):
    context = browser.new_context(locale=preferred)
    tab = context.new_page()
    tab.goto(site.url)
    lang = preferred.split("-")[0]
    offer = tab.locator(f'#lang-suggest [data-lang="{lang}"] a')
    offer.wait_for(state="visible")
    assert tab.url == site.url  # offered, not forced
    assert offer.get_attribute("href") == site.page_url(lang, "index")
    assert offer.get_attribute("lang") == lang
    tab.locator("#lang-suggest [data-dismiss]").click()
    assert not tab.locator("#lang-suggest").is_visible()
    tab.reload()
    assert not tab.locator("#lang-suggest").is_visible()  # dismissal is remembered
    context.close()


def test_root_offers_nothing_to_an_english_reader(site, browser):
    context = browser.new_context(locale="en-GB")
    tab = context.new_page()
    tab.goto(site.url)
    tab.wait_for_load_state("load")
    assert not tab.locator("#lang-suggest").is_visible()
    context.close()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_loads_without_console_error_or_failed_request(site, page, lang):
    watch = PageWatch(page)
    for name in PAGES + EMBEDS:
        page.goto(site.url + page_path(lang, name), wait_until="networkidle")
    assert not watch.problems, watch.problems
