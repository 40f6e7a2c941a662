"""Role sheets (issue 11, item 1): for the AM and the KAM, one page per language built from occupations.yml and
figures.yml (summary, responsibilities, ESCO skills, usual requirements, classification codes, pay for a country the
reader picks), which Chromium prints to at most two A4 pages, in the page's language, with every responsibility and
without the site's navigation, search or footer."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from browser import PageWatch
from conftest import FIGURES, LANGUAGES, SITE_DATA, t

SHEETS = {"role-sheet-am": "account-manager", "role-sheet-kam": "key-account-manager"}
SECTIONS = ["summary", "responsibilities", "skills", "requirements", "codes", "pay"]
OCCUPATIONS = SITE_DATA.occupations["occupations"]
MAX_PAGES = 2


def words(text: str) -> str:
    """Text as the PDF's text layer gives it back, compared without line breaks, hyphenation or odd spaces."""
    text = text.replace("\u00ad", "").replace("-\n", "")
    return re.sub(r"\s+", " ", text).strip()


def own_country(lang: str) -> str:
    return SITE_DATA.registry.language(lang).country


# --- the built pages (no browser) --------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_sheet_holds_every_part_from_the_data(site, lang, sheet):
    soup = site.soup(lang, sheet)
    item = OCCUPATIONS[SHEETS[sheet]]
    article = soup.select_one("article")
    assert [h["id"] for h in article.select("h2")] == SECTIONS  # the same anchors in every language
    assert words(article.select_one(".sheet-summary").get_text()) == words(item["sheet"]["summary"][lang])
    shown = [li["id"].removeprefix("sheet-") for li in article.select(".sheet-responsibilities li")]
    assert shown == [r["id"] for r in item["responsibilities"]["items"]]
    skills = [words(li.get_text()) for li in article.select(".sheet-skills li")]
    assert skills == [words(SITE_DATA.occupations["skills"][key][lang]) for key in item["skills"]]
    source = FIGURES["classifications"][item["sheet"]["skills_from"]]
    assert article.select_one(f'.sheet-skills-from a[href="{source["uri"]}"]') is not None
    codes = words(article.select_one("#sheet-codes-table").get_text())
    for key in item["isco"] + item["sheet"]["national"]:
        entry = FIGURES["classifications"][key]
        assert entry.get("isco", entry.get("code")) in codes, key
        if "uri" in entry:
            assert entry["uri"] in codes, key
    assert "SOC 2020" in codes  # the UK code of the salary figures that stand for both roles
    assert len(article.select(".sheet-requirements dt")) == len([k for k in item["glance"] if k != "role"])
    countries = [card["data-country"] for card in article.select(".pay-country")]
    assert countries[0] == own_country(lang) and set(countries) == set(FIGURES["pay"]["countries"])
    button = article.select_one("[data-print]")
    assert button.get_text(strip=True) == t("sheet_print", lang) and button.parent.has_attr("hidden")
    assert not soup.select("[onclick], [style]")  # a strict CSP is coming: no inline handler or style


@pytest.mark.parametrize("lang", LANGUAGES)
def test_sheets_are_linked_from_the_home_and_occupation_pages(site, lang):
    for page, sheets in (("index", ["role-sheet-am/", "role-sheet-kam/"]),
                         ("account-manager", ["role-sheet-am/"]), ("key-account-manager", ["role-sheet-kam/"])):
        hrefs = {a["href"] for a in site.soup(lang, page).select("article a[href]")}
        for sheet in sheets:
            assert any(href.endswith(sheet) for href in hrefs), f"{lang}/{page} does not link {sheet}"


# --- in the browser -------------------------------------------------------------------------------------------

@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("sheet", SHEETS)
def test_sheet_prints_to_two_a4_pages_at_most(site, page, lang, sheet):
    watch = PageWatch(page)
    page.goto(site.page_url(lang, sheet), wait_until="networkidle")
    country = own_country(lang)
    assert page.locator("#pay-country").input_value() == country
    assert page.locator(".pay-country:visible").count() == 1
    assert page.locator(f'.pay-country[data-country="{country}"]').is_visible()
    page.emulate_media(media="print")
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=False)))
    text = words("\n".join(p.extract_text() for p in pdf.pages))
    assert 1 <= len(pdf.pages) <= MAX_PAGES, f"{lang}/{sheet}: {len(pdf.pages)} pages"
    item = OCCUPATIONS[SHEETS[sheet]]
    for r in item["responsibilities"]["items"]:  # every responsibility, in the page's language
        assert words(r["title"][lang]) in text, r["id"]
        assert words(r["summary"][lang])[:40] in text, r["id"]
    assert words(item["sheet"]["summary"][lang])[:60] in text
    for heading in page.locator("article h2").all_inner_texts():
        assert words(heading.replace("¶", "")) in text
    assert t("gap_no_current", lang) in text  # no current figure today: the declared gap is said
    # No navigation, search, footer, picker or print button on paper.
    for gone in (t("sheet_print", lang), t("sheet_pick", lang), t("summary_pick", lang)):
        assert words(gone) not in text
    for chrome in (".md-header", ".md-tabs", ".md-sidebar", ".md-search", ".md-footer", ".headerlink", ".pay-picker"):
        assert not page.locator(chrome).first.is_visible() if page.locator(chrome).count() else True, chrome
    assert "Material for MkDocs" not in text  # the footer
    assert words(SITE_DATA.registry.language(lang).site_name) not in text  # the header and the sidebar's title
    assert not watch.problems, watch.problems


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_country_choice_is_kept_in_the_url(site, page, lang):
    watch = PageWatch(page)
    page.goto(site.page_url(lang, "role-sheet-kam") + "?country=DE", wait_until="networkidle")
    assert page.locator("#pay-country").input_value() == "DE"
    assert page.locator(".pay-country:visible").count() == 1
    assert page.locator('.pay-country[data-country="DE"]').is_visible()
    other = "FR" if lang != "fr" else "ES"
    page.select_option("#pay-country", other)
    assert page.locator(f'.pay-country[data-country="{other}"]').is_visible()
    assert not page.locator('.pay-country[data-country="DE"]').is_visible()
    assert f"country={other}" in page.url
    page.select_option("#pay-country", own_country(lang))  # the default country leaves a clean URL
    assert "country=" not in page.url
    national = FIGURES["pay"]["countries"][other].get("national")
    page.reload(wait_until="networkidle")
    assert page.locator("#pay-country").input_value() == own_country(lang)
    if national:
        page.goto(site.page_url(lang, "role-sheet-kam") + f"?country={other}", wait_until="networkidle")
        card = page.locator(f'.pay-country[data-country="{other}"]')
        assert card.locator(".pay-figure").count() == 1  # the national figure for context, with its source
        assert card.locator(".pay-figure a.fig-source").count() == 1
    assert not watch.problems, watch.problems


@pytest.mark.browser
def test_print_button_opens_the_print_dialog(site, page):
    page.add_init_script("window.print = function () { window.__printed = (window.__printed || 0) + 1; };")
    watch = PageWatch(page)
    page.goto(site.page_url("fr", "role-sheet-am"), wait_until="networkidle")
    page.get_by_role("button", name=t("sheet_print", "fr")).click()
    assert page.evaluate("window.__printed") == 1
    assert not watch.problems, watch.problems


@pytest.mark.browser
def test_sheet_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(site.page_url("cs", "role-sheet-am"), wait_until="load")
    cards = tab.locator(".pay-country")
    assert cards.count() == len(FIGURES["pay"]["countries"])
    assert cards.first.get_attribute("data-country") == "CZ"
    assert tab.locator(".pay-country:visible").count() == cards.count()  # every country's pay, the reader's first
    assert not tab.locator("[data-print]").is_visible()  # no button that would do nothing
    context.close()
