"""Pay a reader can trust (issue 8): which figures may be headlines, the declared gaps, and what the built pages show.

Data tests (no build) check the rules of scripts/amkam/pay.py on the real data and on synthetic figures added in
memory: a historical or undated figure never reaches a headline (FAQ answer, country summary, at-a-glance box,
structured data, calculator default), and a core country without a current AM or KAM figure declares a gap.
Built-page tests check that every figure shown carries its year and its source next to it.
"""

from __future__ import annotations

import copy
import dataclasses
import re

import pytest

from amkam import calculator, markers, occupation, pay
from amkam import formatting as fmt
from conftest import FIGURES, LANGUAGES, SITE_DATA

ROLES = pay.ROLES
CORE = FIGURES["pay"]["core"]
REVIEW_YEAR = pay.reviewed(FIGURES).year


def country_of(lang: str) -> str:
    return SITE_DATA.registry.language(lang).country


def row(row_id: str, country: str, year, amount: float, **extra) -> dict:
    """A synthetic salary figure for `role` (default kam), in the currency of `country`."""
    base = {"id": row_id, "country": country, "role": "kam", "population": "not_stated", "gross": True,
            "source": "apec_2025", "year": year, "currency": FIGURES["countries"][country]["currency"],
            "period": "year", "covers": "total", "stats": {"median": amount},
            "label": {lang: f"synthetic {row_id}" for lang in LANGUAGES}}
    base.update(extra)
    return base


def site_with(*rows: dict, drop_gaps: tuple[str, ...] = ()):
    """The real site data with extra salary rows (and gaps removed for some countries), for the core functions."""
    figures = copy.deepcopy(FIGURES)
    figures["salaries"].extend(copy.deepcopy(list(rows)))
    for code in drop_gaps:
        figures["pay"]["countries"][code].pop("gaps", None)
    return dataclasses.replace(SITE_DATA, figures=figures)


def rendered(site, lang: str, page: str, marker: str) -> str:
    ref = markers.PageRef(lang, f"{lang}/{page}.md", f"{lang}/{page}/")
    return markers.render_markers(marker, ref, site).markdown


HISTORICAL = row("synthetic-old", "FR", REVIEW_YEAR - 15, 123457)
UNDATED = row("synthetic-undated", "FR", None, 234568)
IN_BETWEEN = row("synthetic-between", "FR", REVIEW_YEAR - 6, 345679)
CURRENT = row("synthetic-current", "FR", REVIEW_YEAR - 1, 456791)


# --- the rule -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("age,status", [(0, "current"), (4, "current"), (5, "in_between"), (8, "in_between"),
                                        (9, "historical"), (22, "historical")])
def test_status_follows_from_the_year_and_the_review_date(age, status):
    assert pay.status(FIGURES, REVIEW_YEAR - age) == status


def test_a_figure_without_a_year_is_undated():
    assert pay.status(FIGURES, None) == "undated"


def test_every_core_country_has_a_current_figure_or_a_declared_gap_for_both_roles():
    assert set(CORE) >= {"FR", "ES", "GB", "CZ", "SK", "DE"}
    for code in CORE:
        for role in ROLES:
            has_figure = pay.headline(FIGURES, code, role) is not None
            gap = pay.gap(FIGURES, code, role)
            assert has_figure or gap, f"{code} {role}: no current figure and no declared gap"
            if gap:
                assert all(gap["searched"][lang].strip() for lang in LANGUAGES)
    assert pay.problems(FIGURES) == []


def test_other_countries_declare_a_figure_or_a_gap_too():
    for code in ("IT", "NL", "CH", "PL"):
        for role in ROLES:
            assert pay.headline(FIGURES, code, role) or pay.gap(FIGURES, code, role), (code, role)


def test_removing_a_gap_without_a_figure_is_a_data_error():
    site = site_with(drop_gaps=("SK",))
    assert any(entry == "pay.countries.SK" for entry, _, _ in pay.problems(site.figures))


def test_role_figures_are_a_role_or_an_occupation_code_and_context_is_neither():
    for item in FIGURES["salaries"]:
        roles = pay.roles_of(item)
        assert set(roles) <= set(ROLES)
        if item.get("occupation"):
            assert len(item["occupation"]["code"]) >= 4 and item["occupation"]["stands_for"]
    for code, _entry in FIGURES["pay"]["countries"].items():
        national = pay.national(FIGURES, code)
        if national:
            assert not pay.roles_of(national) and pay.status(FIGURES, national["year"]) == "current"


# --- headlines never use historical, in-between or undated figures ---------------------------------------------

def test_headline_figures_of_the_real_data_are_all_current():
    for code in FIGURES["pay"]["countries"]:
        for role in ROLES:
            for item in pay.headline_figures(FIGURES, code, role):
                assert pay.status(FIGURES, item["year"]) == "current", (code, role, item["id"])


@pytest.mark.parametrize("figure", [HISTORICAL, UNDATED, IN_BETWEEN], ids=["historical", "undated", "in-between"])
def test_an_old_or_undated_role_figure_reaches_no_headline(figure):
    site = site_with(figure)
    amount = fmt.amount(figure["stats"]["median"], "EUR", "fr")
    assert pay.headline(site.figures, "FR", "kam") is None
    assert amount not in rendered(site, "fr", "faq", "{{ figures answer:kam }}")
    assert amount not in rendered(site, "fr", "salaries-europe", "{{ figures summary:countries }}")
    assert amount not in rendered(site, "fr", "key-account-manager", "{{ figures glance:key-account-manager }}")
    data = occupation.occupation(site, "key-account-manager", "fr", "KAM", "KAM")
    assert "estimatedSalary" not in data and "occupationLocation" not in data
    assert calculator.default_params(site, "fr")["base"] != str(figure["stats"]["median"])


def test_a_current_role_figure_is_the_headline_everywhere():
    site = site_with(CURRENT)
    amount = fmt.amount(CURRENT["stats"]["median"], "EUR", "fr")
    assert amount in rendered(site, "fr", "faq", "{{ figures answer:kam }}")
    assert amount in rendered(site, "fr", "salaries-europe", "{{ figures summary:countries }}")
    assert amount in rendered(site, "fr", "key-account-manager", "{{ figures glance:key-account-manager }}")
    data = occupation.occupation(site, "key-account-manager", "fr", "KAM", "KAM")
    assert data["occupationLocation"]["identifier"] == "FR"
    assert data["estimatedSalary"][0]["median"] == CURRENT["stats"]["median"]
    # another language's page does not borrow France's figure
    assert "estimatedSalary" not in occupation.occupation(site, "key-account-manager", "en", "KAM", "KAM")
    params = calculator.default_params(site, "fr")
    assert params["base"] == str(CURRENT["stats"]["median"]) and params["basis"] == "year"


def test_an_occupation_code_standing_for_both_roles_heads_both():
    code_row = row("synthetic-code", "GB", REVIEW_YEAR - 1, 55555, role=None,
                   occupation={"system": "UK SOC 2020", "code": "3556", "title": "Sales accounts and business "
                               "development managers", "lang": "en", "stands_for": ["am", "kam"]})
    site = site_with(code_row)
    assert pay.headline(site.figures, "GB", "am")["id"] == pay.headline(site.figures, "GB", "kam")["id"]
    text = rendered(site, "en", "salaries-europe", "{{ figures summary:countries }}")
    assert "UK SOC 2020 3556" in text and "Key Account Manager salary" not in text


# --- calculator defaults ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_calculator_opens_on_the_language_s_country_and_its_usual_quoting(lang):
    params = calculator.default_params(SITE_DATA, lang)
    country = country_of(lang)
    assert params["country"] == country
    if country in ("SK", "CZ"):
        assert params["basis"] == "month"
    if country == "ES":
        assert FIGURES["countries"]["ES"]["payments"] == 14 and "payments" not in params
    if calculator.default_figure(FIGURES, country) is None:
        assert country in calculator.default_note(SITE_DATA, lang) or fmt.country_name(country, lang) in \
            calculator.default_note(SITE_DATA, lang)


# --- built pages -----------------------------------------------------------------------------------------------

def _assert_year_and_source(element, where):
    assert element.select_one(".fig-year") is not None, f"{where}: no year next to the figure"
    assert element.select_one("a.fig-source") is not None, f"{where}: no source next to the figure"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_figure_on_the_salaries_page_has_its_year_and_source_next_to_it(site, lang):
    soup = site.soup(lang, "salaries-europe")
    rows = soup.select("#salary-table tbody tr, #historical-table tbody tr")
    assert len(rows) == len(FIGURES["salaries"])
    for tr in rows:
        _assert_year_and_source(tr, tr["id"])
    for dd in soup.select(".pay-summary dd.pay-figure"):  # role figures, national figures, minimum wages
        _assert_year_and_source(dd, dd.get_text(" ", strip=True)[:60])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_historical_figures_are_apart_and_marked(site, lang):
    soup = site.soup(lang, "salaries-europe")
    for tr in soup.select("#salary-table tbody tr"):
        assert tr["data-status"] != "historical", tr["id"]
    historical = soup.select("#historical-table tbody tr")
    assert historical and all(tr["data-status"] == "historical" for tr in historical)
    for tr in historical:
        assert SITE_DATA.t("status_historical", lang) in tr.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_withdrawn_row_keeps_its_anchor(site, lang):
    soup = site.soup(lang, "salaries-europe")
    for item in FIGURES["pay"]["withdrawn"]:
        note = soup.find(id=f"fig-{item['id']}")
        assert note is not None and item["note"][lang][:30] in note.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_summary_opens_on_the_reader_s_country_then_every_other(site, lang):
    soup = site.soup(lang, "salaries-europe")
    cards = soup.select(".pay-summary .pay-country")
    codes = [card["data-country"] for card in cards]
    assert codes[0] == country_of(lang)
    assert sorted(codes) == sorted(FIGURES["pay"]["countries"])
    for card in cards:
        code = card["data-country"]
        for role in ROLES:
            cell = card.find(id=f"pay-{code.lower()}-{role}")
            if pay.headline(FIGURES, code, role) is None:
                assert "pay-gap" in cell["class"]
        gap = pay.gap(FIGURES, code, "kam")
        if gap:
            assert gap["searched"][lang][:40] in card.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_faq_answers_both_pay_questions_for_the_reader_s_country(site, lang):
    soup = site.soup(lang, "faq")
    country = fmt.country_name(country_of(lang), lang)
    for anchor in ("am-pay", "typical-pay"):
        answer = soup.find(id=anchor).find_next("p")
        text = answer.get_text(" ", strip=True)
        assert country in text, (anchor, text[:200])
        assert answer.select_one('a[href*="salaries-europe/#summary"]') is not None
        tool = pay.country_pay(FIGURES, country_of(lang)).get("gross_to_net")
        if tool:
            assert answer.select_one(f'a[href="{tool["url"]}"]') is not None
        for item in FIGURES["salaries"]:  # no historical or undated figure in the answer
            if pay.status(FIGURES, item["year"]) in ("historical", "undated", "in_between"):
                for stat, value in item["stats"].items():
                    if stat.endswith("_pct"):
                        continue
                    amount = re.escape(fmt.amount(value, item["currency"], lang))
                    assert not re.search(r"(?<![\d\s.,\u00a0\u202f])" + amount, text), (anchor, item["id"])


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("page", ["account-manager", "key-account-manager"])
def test_at_a_glance_shows_sourced_facts_for_the_reader_s_country(site, lang, page):
    box = site.soup(lang, page).select_one(".at-a-glance")
    assert box is not None
    assert fmt.country_name(country_of(lang), lang) in box.get_text()
    for figure in box.select(".pay-figure, .fig-fact"):
        _assert_year_and_source(figure, f"{lang}/{page}")
    assert len(box.select("dt")) == 7


@pytest.mark.parametrize("lang", LANGUAGES)
def test_local_rules_lead_with_the_reader_s_country_with_source_and_date(site, lang):
    rows = site.soup(lang, "compensation").select("#rules-table tbody tr")
    assert rows and rows[0]["data-country"] == country_of(lang) or country_of(lang) not in \
        {rule["country"] for rule in FIGURES["pay"]["rules"]}
    assert len(rows) == len(FIGURES["pay"]["rules"])
    for tr in rows:
        assert len(tr.select("td")) == 4 and tr.select("td")[-1].get_text(strip=True)
