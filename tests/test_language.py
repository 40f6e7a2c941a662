"""Each page reads in its own language: Slovak is not Czech, and nothing is left in English by mistake.

Text marked with another `lang` (glossary names, quoted ESCO labels, source titles) is left out, as WCAG 3.1.2 allows.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from lingua import IsoCode639_1, LanguageDetectorBuilder

from conftest import EMBEDS, LANGUAGES, PAGES

CODES = {lang: getattr(IsoCode639_1, lang.upper()) for lang in LANGUAGES}
DETECTOR = LanguageDetectorBuilder.from_iso_codes_639_1(*CODES.values()).with_preloaded_language_models().build()
MIN_CHARS = 120  # shorter paragraphs (a table cell, a job title) say too little to identify a language


def own_language_blocks(soup, lang):
    article = BeautifulSoup(str(soup.select_one("article")), "html.parser")  # a copy: the site fixture caches pages
    for foreign in article.select("[lang]"):
        if foreign.get("lang") != lang:
            foreign.decompose()
    for noise in article.select("table, .headerlink, code, .fig-src"):
        noise.decompose()
    for block in article.select("p, li, h1, h2, h3, dd"):
        text = " ".join(block.get_text(" ").split())
        if len(text) >= MIN_CHARS:
            yield text


def detected(text):
    language = DETECTOR.detect_language_of(text)
    return language.iso_code_639_1.name.lower() if language else None


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", PAGES + EMBEDS)
def test_page_text_is_in_the_page_language(site, lang, page):
    soup = site.soup(lang, page)
    blocks = list(own_language_blocks(soup, lang))
    assert blocks, "no prose found to check"
    whole = " ".join(blocks)
    assert detected(whole) == lang
    wrong = [(detected(b), b[:90]) for b in blocks if detected(b) != lang]
    assert not wrong, f"{lang}/{page}: paragraphs read as another language: {wrong}"
