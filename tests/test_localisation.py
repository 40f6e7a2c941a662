"""No English on the other languages' pages, and no ISO dates in anyone's prose (issue 9, points 1, 2 and 6).

The denylist is built from the English build itself: every interface string outside `article` (theme, plugins,
our templates: menus, toggles, footer), every `title`, `aria-label`, `alt` and `placeholder`, the tables and
citations the build renders from the data files (headers, captions, cells, `.fig-src`), and the English value of
every strings.yml entry. A French, Slovak, Czech or Spanish page fails when one of its visible strings or attributes
is one of those, unless it is a name or a loanword local job ads use (ALLOWED), a text the language's own strings.yml
entry also uses, or sits in an element whose `lang` differs from the page's (a name in its own language).
Every HTML file of each language's section is checked, so a new page is checked without listing it here.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Comment

from conftest import DEFAULT_LANGUAGE, LANGUAGES, SITE_DATA

ATTRIBUTES = ("title", "aria-label", "alt", "placeholder")
NOT_TEXT = ("script", "style", "code", "pre", "template", "svg")
# Page titles and headings repeated by the theme outside `article` (navigation, header, footer links): page content,
# checked by the language tests, not interface text.
CONTENT_OUTSIDE_ARTICLE = ".md-nav__link, .md-ellipsis, .md-header__topic, .md-select__link, .md-nav__title"
DATA_RENDERED = "table th, table td, table caption, .fig-src"
OTHER_LANGUAGES = [lang for lang in LANGUAGES if lang != DEFAULT_LANGUAGE]

# Names and loanwords that local job ads and readers use as they are, in every language.
ALLOWED = {
    "Account Manager", "Account Managers", "Key Account Manager", "Key Account Managers", "AM", "KAM", "CRM", "OTE",
    "KPI", "NPS", "Net Promoter Score (NPS)", "Bonus", "ESCO", "ISCO-08", "AM & KAM", "euraiqa",
}
# Words that are the same in English and in that language (checked against the language's dictionary use).
SAME_WORD = {
    "fr": {"Navigation", "Sources", "Source", "Commission", "commission", "Mission", "Date", "Code", "Note"},
    "es": {"no", "bonus"},
    "sk": set(),
    "cs": set(),
}
ISO_DATE = re.compile(r"(?<![\d/.\-])\d{4}-\d{2}(?:-\d{2})?(?![\d\-])")


def _text(value: str) -> str:
    return " ".join(value.split())


def _is_name_or_number(text: str) -> bool:
    """Strings no language translates: figures and codes, and names (every word capitalised, or a web address)."""
    if not re.search(r"[^\W\d_]", text) or re.fullmatch(r"[\w.\-]+\.[a-z]{2,}(/\S*)?", text):
        return True  # a figure, a code, a web address
    words = re.findall(r"[^\W\d_][\w.\-'’]*", text)
    return all(w[0].isupper() or "." in w for w in words)


def foreign(element, lang: str) -> bool:
    """Inside an element marked with another language than the page's (a name in its own language)."""
    for node in [element, *element.parents]:
        if getattr(node, "get", None) and node.get("lang") is not None:
            return node.get("lang") != lang
    return False


def visible_strings(soup, lang: str | None):
    """(where, text) for every visible text and labelling attribute of a page (or element), outside elements in
    another language than `lang` (all of them if `lang` is None)."""
    def skip(element) -> bool:
        return lang is not None and foreign(element, lang)
    if getattr(soup, "title", None) and soup.title.string is not None:
        yield "<title>", _text(soup.title.get_text())
    body = soup.body or soup
    for element in body.find_all(True):
        if element.name in NOT_TEXT or element.find_parent(NOT_TEXT) or skip(element):
            continue
        for attribute in ATTRIBUTES:
            if element.get(attribute):
                yield f"{element.name}[{attribute}]", _text(element[attribute])
    for node in body.find_all(string=True):
        if isinstance(node, Comment) or node.find_parent(NOT_TEXT) or skip(node.parent):
            continue
        text = _text(node)
        if text:
            yield node.parent.name, text


def english_interface_strings(root: Path) -> dict[str, str]:
    """The denylist: English interface, attribute and data-rendered strings of the English build -> where found."""
    found: dict[str, str] = {}
    others = tuple(f"{lang}/" for lang in OTHER_LANGUAGES)
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(root).as_posix()
        if rel.startswith(others):
            continue
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for element in soup.select(CONTENT_OUTSIDE_ARTICLE):
            element.decompose()
        article = soup.select_one("article")
        if article is not None:
            article.extract()
            for where, text in visible_strings(article, "en"):  # labelling attributes of the page's content
                if "[" in where:
                    found.setdefault(text, rel)
            for element in article.select(DATA_RENDERED):  # tables and citations rendered from the data files
                for node in element.find_all(string=True):
                    if _text(node) and not foreign(node.parent, "en"):
                        found.setdefault(_text(node), rel)
        for _, text in visible_strings(soup, "en"):  # the interface: everything outside `article`
            found.setdefault(text, rel)
    for key, texts in SITE_DATA.strings.items():
        if "{" not in texts["en"]:
            found.setdefault(_text(texts["en"]), f"strings.yml {key}")
    return found


@lru_cache(maxsize=1)
def denylist(root: str) -> dict[str, str]:
    return english_interface_strings(Path(root))


def allowed(text: str, lang: str) -> bool:
    own = {_text(texts[lang]) for texts in SITE_DATA.strings.values()}
    return text in ALLOWED or text in SAME_WORD[lang] or text in own or _is_name_or_number(text)


def english_on(path: Path, lang: str, deny: dict[str, str]) -> list[str]:
    soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
    return sorted({f"{where}: {text!r} (English: {deny[text]})" for where, text in visible_strings(soup, lang)
                   if text in deny and not allowed(text, lang)})


@pytest.mark.parametrize("lang", OTHER_LANGUAGES)
def test_no_english_interface_or_data_strings(site, lang):
    deny = denylist(str(site.root))
    assert "Dark mode" in deny and "Permanent link" in deny, "the denylist lost material's own strings"
    pages = sorted((site.root / lang).rglob("*.html"))
    assert len(pages) > 10
    problems = {path.relative_to(site.root).as_posix(): found
                for path in pages if (found := english_on(path, lang, deny))}
    assert not problems, f"English strings on {lang} pages: " + "; ".join(
        f"{page}: {', '.join(found)}" for page, found in problems.items())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_iso_dates_in_visible_text(site, lang):
    others = tuple(f"{code}/" for code in OTHER_LANGUAGES)
    root = site.root / lang if lang != DEFAULT_LANGUAGE else site.root
    found = []
    for path in sorted(root.rglob("*.html")):
        rel = path.relative_to(site.root).as_posix()
        if lang == DEFAULT_LANGUAGE and rel.startswith(others):
            continue
        soup = BeautifulSoup(path.read_text("utf-8"), "html.parser")
        for where, text in visible_strings(soup, None):
            for match in ISO_DATE.finditer(text):
                found.append(f"{rel} {where}: {match.group(0)} in {text[:80]!r}")
    assert not found, ("ISO dates in visible text (dates go through formatting.published / long_date): "
                       + "; ".join(found))
