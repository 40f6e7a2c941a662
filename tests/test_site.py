"""The built site as a reader, an HR person or a search engine meets it: pages, languages, links, figures."""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from amkam import formatting as fmt
from conftest import DEFAULT_LANGUAGE, EMBEDS, FIGURES, LANGUAGES, PAGES, ROOT, SITE_DATA, page_path, t

SECTIONS = [(lang, page) for lang in LANGUAGES for page in PAGES]


def built_pages(site, lang):
    base = site.root / page_path(lang, "index")
    others = {f"{x}" for x in LANGUAGES if x != DEFAULT_LANGUAGE}
    found = set()
    for html in base.rglob("index.html"):
        rel = html.relative_to(base).parent.as_posix()
        top = rel.split("/")[0]
        if lang == DEFAULT_LANGUAGE and top in others or top in ("assets", "search"):
            continue
        found.add("index" if rel == "." else rel)
    return found


def test_strict_build_prints_no_warning(site):
    assert "WARNING" not in site.log


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_page_exists_in_every_language(site, lang):
    assert built_pages(site, lang) == set(PAGES) | set(EMBEDS)


@pytest.mark.parametrize("lang,page", SECTIONS + [(lang, embed) for lang in LANGUAGES for embed in EMBEDS])
def test_html_lang_is_the_page_language(site, lang, page):
    assert site.soup(lang, page).html["lang"] == lang


def heading_ids(soup):
    return [h.get("id") for h in soup.select("article h2, article h3")]


@pytest.mark.parametrize("lang,page", [(lang, page) for lang, page in SECTIONS if lang != DEFAULT_LANGUAGE])
def test_heading_ids_are_the_same_in_every_language(site, lang, page):
    expected = heading_ids(site.soup(DEFAULT_LANGUAGE, page))
    found = heading_ids(site.soup(lang, page))
    if page == "glossary":  # terms are in each language's alphabetical order; the ids are the same
        expected, found = sorted(expected), sorted(found)
    if page in ("salaries-europe", "role-sheet-am", "role-sheet-kam"):  # country cards: the language's first
        expected, found = sorted(expected), sorted(found)
    assert found == expected


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_heading_in_markdown_has_an_explicit_id(lang):
    missing = []
    for md in sorted((ROOT / "docs" / lang).glob("*.md")):
        for line in md.read_text("utf-8").splitlines():
            if re.match(r"^#{2,3} ", line) and not re.search(r"\{\s*#[a-z0-9-]+\s*\}\s*$", line):
                missing.append(f"{md.name}: {line}")
    assert not missing, "headings without an explicit { #id }:\n" + "\n".join(missing)


def ids_of(site, url_path):
    """The ids a built page offers as anchors."""
    target = site.root / url_path.lstrip("/")
    if target.is_dir() or url_path.endswith("/"):
        target = target / "index.html"
    text = target.read_text("utf-8")
    return set(re.findall(r'\sid="([^"]+)"', text))


@pytest.mark.parametrize("lang,page", SECTIONS)
def test_internal_links_and_anchors_resolve(site, lang, page):
    page_url = site.page_url(lang, page)
    broken = []
    for link in site.soup(lang, page).select("a[href]"):
        target = urljoin(page_url, link["href"])
        if not target.startswith(site.url):
            continue
        parts = urlsplit(target)
        path = parts.path
        file = site.root / path.lstrip("/")
        if path.endswith("/"):
            file = file / "index.html"
        if not file.is_file():
            broken.append(f"{link['href']} (no {path})")
        elif parts.fragment and file.suffix == ".html" and parts.fragment not in ids_of(site, path):
            broken.append(f"{link['href']} (no #{parts.fragment})")
    assert not broken, f"{page_path(lang, page)}: broken links: {broken}"


def norm(text: str) -> str:
    """Collapse white space, no-break spaces included, so formatted numbers compare as a reader sees them."""
    return " ".join(text.replace("\u00a0", " ").replace("\u202f", " ").split())


def text_of(node) -> str:
    return norm(node.get_text(" "))


def salary_stat_texts(row, lang):
    """Every figure of a row, formatted: this checks that each data value reaches the page. How a locale writes an
    amount or a percent is pinned to CLDR literals in tests/test_formatting.py and in the literal tests below."""
    stats = dict(row["stats"])
    texts = []
    if "low" in stats:
        low, high = stats.pop("low"), stats.pop("high")
        texts.append(fmt.quantity({"type": "amount", "currency": row["currency"], "low": low, "high": high}, lang))
    for key, value in stats.items():
        texts.append(fmt.percent(value, lang) if key in ("variable_pct", "actual_bonus_pct")
                     else fmt.amount(value, row["currency"], lang))
    return texts


@pytest.mark.parametrize("lang", LANGUAGES)
def test_salaries_page_shows_every_salary_figure_formatted_for_the_locale(site, lang):
    soup = site.soup(lang, "salaries-europe")
    for row in FIGURES["salaries"]:
        cells = soup.select_one(f"#fig-{row['id']}")
        assert cells is not None, f"row {row['id']} missing"
        text = cells.get_text()
        for expected in salary_stat_texts(row, lang):
            assert expected in text, f"{row['id']}: {expected!r} not in {text!r}"
        assert fmt.country_name(row["country"], lang) in text
        assert t(f"covers_{row['covers']}", lang) in text
        assert t(f"period_{row['period']}", lang) in text
        published = FIGURES["sources"][row["source"]]["published"]
        locale = SITE_DATA.registry.language(lang).locale
        # A publication date as the locale writes it ('novembre 2022'), never ISO ('2022-11'): issue 9.
        year = str(row["year"] or (fmt.published(published, locale) if published else t("undated", lang)))
        assert year in text
        assert cells.select_one(f"a[href$='#src-{row['source']}']") is not None


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", ["salaries-europe", "compensation"])
def test_pay_conventions_are_shown_per_country(site, lang, page):
    soup = site.soup(lang, page)
    for code, country in FIGURES["countries"].items():
        row = soup.select_one(f"#conv-{code.lower()}")
        assert row is not None, f"{code} missing from the conventions table"
        text = row.get_text()
        assert fmt.number(country["payments"], lang) in text
        assert country["currency"] in text
        assert fmt.country_name(code, lang) in text


def test_spain_is_shown_with_fourteen_payments(site):
    row = site.soup("en", "compensation").select_one("#conv-es [data-payments]")
    assert row["data-payments"] == "14" and row.get_text().startswith("14")


# The worked example (40,000 € base, 20 % variable: 8,000 €, 48,000 € in all) as each locale writes it, per CLDR
# (tests/test_formatting.py): literals, never computed by the code under test.
WORKED_EXAMPLE_TEXTS = {
    "en": ["€40,000", "€8,000", "€48,000", "20%"],
    "fr": ["40\u202f000\u00a0€", "8\u202f000\u00a0€", "48\u202f000\u00a0€", "20\u00a0%"],
    "sk": ["40\u00a0000\u00a0€", "8\u00a0000\u00a0€", "48\u00a0000\u00a0€", "20\u00a0%"],
    "cs": ["40\u00a0000\u00a0€", "8\u00a0000\u00a0€", "48\u00a0000\u00a0€", "20\u00a0%"],
    "es": ["40.000\u00a0€", "8000\u00a0€", "48.000\u00a0€", "20\u00a0%"],
}


def test_worked_example_literals_cover_every_language_and_match_the_data():
    example = FIGURES["worked_example"]
    assert (example["base"], example["variable_pct"]) == (40000, 20)  # the literals below assume these figures
    assert set(WORKED_EXAMPLE_TEXTS) == set(LANGUAGES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_worked_example_is_on_the_compensation_page(site, lang):
    text = site.soup(lang, "compensation").select_one("article").get_text()
    missing = [expected for expected in WORKED_EXAMPLE_TEXTS[lang] if expected not in text]
    assert not missing, f"{lang}: {missing} not on the compensation page"


@pytest.mark.parametrize("expected,lang", [("48\u202f000\u00a0€", "fr"), ("€48,000", "en"),
                                           ("48\u00a0000\u00a0€", "sk"), ("48.000\u00a0€", "es"),
                                           ("48\u00a0000\u00a0€", "cs")])
def test_amounts_follow_each_locale(site, expected, lang):
    assert expected in site.soup(lang, "compensation").get_text()


def test_czech_page_shows_koruna_as_kc(site):
    row = site.soup("cs", "salaries-europe").select_one("#fig-cz-sales-reps").get_text()
    assert "28\u00a0434\u00a0Kč" in row


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_fact_of_the_data_file_appears_in_the_language(site, lang):
    text = " ".join(site.soup(lang, page).get_text() for page in PAGES)
    # A range may be written in any of its sentence forms (fact, fact_from, fact_between markers).
    forms = [None] + [t(f"{key}{suffix}", lang) for key in ("range_from", "range_between")
                      for suffix in ("", "_percent")]
    missing = [name for name, fact in FIGURES["facts"].items()
               if not any(fmt.quantity(fact, lang, form) in text for form in forms)]
    assert not missing, f"facts never shown in {lang}: {missing}"


@pytest.mark.parametrize("lang,page", SECTIONS)
def test_no_number_is_typed_into_markdown(lang, page):
    """Figures come from the data file through markers; a digit in prose means a hand-typed number."""
    text = (ROOT / "docs" / lang / f"{page}.md").read_text("utf-8")
    body = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
    body = re.sub(r"\{\{.*?\}\}", "", body)  # markers
    body = re.sub(r"\{\s*#[a-z0-9-]+\s*\}", "", body)  # heading ids
    body = re.sub(r"\]\([^)]*\)", "]", body)  # link targets
    body = re.sub(r"<[^>]+>", "", body)  # HTML tags and their attributes
    digits = [line for line in body.splitlines() if re.search(r"\d", line)]
    assert not digits, f"{lang}/{page}.md has hand-typed numbers:\n" + "\n".join(digits)


@pytest.mark.parametrize("lang,page", SECTIONS)
def test_every_page_has_localized_title_description_and_review_date(site, lang, page):
    soup = site.soup(lang, page)
    title = soup.title.get_text(strip=True)
    description = soup.select_one('meta[name="description"]')["content"]
    assert title and description
    if lang != DEFAULT_LANGUAGE:
        english = site.soup(DEFAULT_LANGUAGE, page)
        assert description != english.select_one('meta[name="description"]')["content"]
    reviewed = soup.select_one(".page-reviewed time")
    assert reviewed is not None and re.match(r"\d{4}-\d{2}-\d{2}$", reviewed["datetime"])
    assert t("reviewed", lang) in soup.select_one(".page-reviewed").get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", ["compensation", "salaries-europe", "salary-calculator"])
def test_pay_pages_say_amounts_are_gross_and_not_advice(site, lang, page):
    notice = site.soup(lang, page).select_one(".pay-notice")
    assert notice is not None and notice.get_text(strip=True) == t("pay_notice", lang)


THIRD_PARTY_ATTRS = ("src", "srcset", "data", "poster", "action")


@pytest.mark.parametrize("lang,page", SECTIONS)
def test_no_page_requests_a_third_party_host(site, lang, page):
    html = site.file(lang, page).read_text("utf-8")
    soup = site.soup(lang, page)
    own = urlsplit(site.url).netloc
    foreign = []
    for tag in soup.find_all(True):
        for attr in THIRD_PARTY_ATTRS:
            if tag.get(attr) and urlsplit(urljoin(site.url, tag[attr])).netloc != own:
                foreign.append(f"<{tag.name} {attr}={tag[attr]}>")
        rel = tag.get("rel", [])
        if tag.name == "link" and tag.get("href") and "alternate" not in rel and "canonical" not in rel \
                and urlsplit(urljoin(site.url, tag["href"])).netloc != own:
            foreign.append(f"<link href={tag['href']}>")
    assert not foreign, foreign
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_no_stylesheet_or_script_reaches_another_host(site):
    offenders = []
    for path in list(site.root.rglob("*.css")) + list(site.root.rglob("*.js")):
        text = path.read_text("utf-8", errors="replace")
        if re.search(r"@import\s+url\(\s*['\"]?https?://|url\(\s*['\"]?https?://|fonts\.googleapis", text):
            offenders.append(path.name)
    assert not offenders


def alternates_of(soup):
    return {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}


@pytest.mark.parametrize("lang,page", SECTIONS)
def test_alternates_are_absolute_reciprocal_with_x_default(site, lang, page):
    links = alternates_of(site.soup(lang, page))
    expected = {other: site.page_url(other, page) for other in LANGUAGES}
    expected["x-default"] = site.page_url(DEFAULT_LANGUAGE, page)
    assert links == expected
    for other in LANGUAGES:  # each alternate names this page back
        assert alternates_of(site.soup(other, page))[lang] == site.page_url(lang, page)


def test_sitemap_lists_every_page_with_its_alternates_and_x_default(site):
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    tree = ET.parse(site.root / "sitemap.xml")
    entries = {u.find("s:loc", ns).text: {a.get("hreflang"): a.get("href") for a in u.findall("x:link", ns)}
               for u in tree.getroot().findall("s:url", ns)}
    assert set(entries) == {site.page_url(lang, page) for lang, page in SECTIONS}
    for (lang, page) in SECTIONS:
        alts = entries[site.page_url(lang, page)]
        assert alts["x-default"] == site.page_url(DEFAULT_LANGUAGE, page)
        assert {k: v for k, v in alts.items() if k != "x-default"} == {x: site.page_url(x, page) for x in LANGUAGES}


def test_robots_txt_points_to_the_sitemap(site):
    robots = (site.root / "robots.txt").read_text("utf-8")
    assert f"Sitemap: {site.url}sitemap.xml" in robots.splitlines()


def fetch(url):
    try:
        with urllib.request.urlopen(url) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        with error:
            return error.code, error.read().decode("utf-8")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_page_answers_404_in_its_language(site, lang):
    status, body = fetch(site.url + page_path(lang, "index") + "no-such-page/deeper/")
    assert status == 404
    assert f'<html lang="{lang}"' in body
    assert f"<h1>{t('not_found_title', lang)}</h1>" in body
    home = re.search(r'<ul class="not-found-links">\s*<li><a href="([^"]+)"', body).group(1)
    assert urljoin(site.url + "x/y/", home) == site.page_url(lang, "index")  # links work from any depth


def test_canonical_urls_are_absolute(site):
    for lang, page in SECTIONS:
        canonical = site.soup(lang, page).select_one('link[rel="canonical"]')["href"]
        assert canonical == site.page_url(lang, page)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_glossary_names_in_other_languages_carry_their_lang(site, lang):
    soup = site.soup(lang, "glossary")
    names = soup.select(".glossary-name [lang]")
    assert names and {n["lang"] for n in names} == set(LANGUAGES) - {lang}
    assert soup.select_one("h3#ote") is not None


def test_the_data_file_is_not_published_as_a_page(site):
    assert not (site.root / "assets" / "data" / "figures.yml").exists()
    assert Path(site.root / "sitemap.xml").read_text("utf-8").count("figures") == 0
