"""The job-ad builder in a real browser, in all five languages: a link opens its draft in the ad's language, the
URL follows the fields, bad input gives a localized message and no draft (nothing typed is lost), HTML output
escapes what was typed, and the page logs nothing to the console."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from amkam import job_ad
from browser import PageWatch
from conftest import LANGUAGES, SITE_DATA, t

pytestmark = pytest.mark.browser

ADS = SITE_DATA.job_ads["ads"]
VALID = "role=key-account-manager&level=senior&country={country}&adlang={adlang}&min=40000&max=52000&period=year" \
        "&structure=variable&target=20&payments=14"


def url_for(site, lang, query=""):
    return site.page_url(lang, "job-ad-builder") + (f"?{query}" if query else "")


@pytest.fixture
def watched(page):
    watch = PageWatch(page)
    yield page
    assert not watch.problems, watch.problems


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_link_opens_its_draft_in_the_ads_language(site, watched, lang):
    adlang = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]  # the ad's language differs from the page's
    watched.goto(url_for(site, lang, VALID.format(country="SK", adlang=adlang)))
    preview = watched.locator("#jobad-preview")
    assert preview.is_visible()
    assert preview.get_attribute("lang") == adlang
    ad = ADS[adlang]
    title = preview.locator("h3").inner_text()
    assert ad["neutral"] in title and "Key Account Manager" in title
    text = watched.locator("#jobad-source").input_value()
    assert ad["rules"]["eu-pay-transparency"].split(",")[0][:20] in text
    assert ad["pay"] in text and ad["responsibilities"] in text
    resp = SITE_DATA.occupations["occupations"]["key-account-manager"]["responsibilities"]["items"]
    assert all(item["title"][adlang] in text for item in resp)
    assert "§ 62 ods. 2" in text  # Slovakia: the base pay rule


@pytest.mark.parametrize("lang", LANGUAGES)
def test_outside_the_eu_no_directive_and_germany_uses_m_w_d(site, watched, lang):
    watched.goto(url_for(site, lang, VALID.format(country="GB", adlang=lang)))
    text = watched.locator("#jobad-source").input_value()
    assert "2023/970" not in text and "§ 62" not in text
    watched.goto(url_for(site, lang, VALID.format(country="DE", adlang=lang)))
    assert "(m/w/d)" in watched.locator("#jobad-preview h3").inner_text()
    assert "2023/970" in watched.locator("#jobad-source").input_value()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_fields_write_the_url_and_the_url_reopens_the_draft(site, watched, lang):
    watched.goto(url_for(site, lang))
    assert watched.locator("#jobad-preview").is_hidden()
    assert watched.locator("#jobad-status").inner_text() == t("ja_status_empty", lang)
    watched.fill("#jobad-min", "30000")
    watched.fill("#jobad-max", "36000")
    watched.select_option("#jobad-level", "junior")
    query = parse_qs(urlsplit(watched.url).query)
    assert query["min"] == ["30000"] and query["max"] == ["36000"] and query["level"] == ["junior"]
    assert query["adlang"] == [lang]
    source = watched.locator("#jobad-source").input_value()
    watched.goto(watched.url)
    assert watched.locator("#jobad-source").input_value() == source


@pytest.mark.parametrize("lang", LANGUAGES)
def test_bad_input_gives_a_localized_message_no_draft_and_keeps_what_was_typed(site, watched, lang):
    watched.goto(url_for(site, lang, "min=abc&max=52000&structure=variable&target=999&role=nurse"))
    assert watched.locator("#jobad-preview").is_hidden()
    assert watched.locator("#jobad-source").input_value() == ""
    assert watched.locator("#jobad-status").inner_text() == t("ja_status_invalid", lang)
    assert watched.locator("#jobad-min").input_value() == "abc"
    assert watched.locator("#jobad-min").get_attribute("aria-invalid") == "true"
    assert watched.locator("#jobad-min-error").inner_text().startswith(t("err_number", lang).split("{")[0][:8])
    assert watched.locator("#jobad-role").input_value() == "nurse"
    assert watched.locator("#jobad-role-error").inner_text() == t("err_choice", lang)
    assert watched.locator("#jobad-target-error").is_visible()
    assert parse_qs(urlsplit(watched.url).query)["min"] == ["abc"]
    watched.fill("#jobad-max", "1000")
    watched.fill("#jobad-min", "2000")
    assert watched.locator("#jobad-max-error").inner_text() == t("ja_err_order", lang)


@pytest.mark.parametrize("fmt", ["html", "markdown", "text"])
def test_typed_text_is_escaped_in_html_and_markdown(site, watched, fmt):
    evil = '<img src=x onerror="alert(1)">&Co*'
    watched.goto(url_for(site, "en", VALID.format(country="FR", adlang="fr") + f"&format={fmt}"))
    watched.fill("#jobad-company", evil)
    source = watched.locator("#jobad-source").input_value()
    if fmt == "html":
        assert "<img" not in source and "&lt;img src=x onerror=&quot;alert(1)&quot;&gt;&amp;Co*" in source
        assert source.startswith('<article lang="fr">')
    elif fmt == "markdown":
        assert "\\<img" in source and "&Co\\*" in source
    else:
        assert evil in source
    assert watched.locator("#jobad-preview img").count() == 0
    assert evil in watched.locator("#jobad-preview").inner_text()


def test_parameters_table_lists_every_url_parameter(site):
    for lang in LANGUAGES:
        rows = site.soup(lang, "job-ad-builder").select("#jobad-parameters tbody th code")
        assert [row.get_text() for row in rows] == list(job_ad.PARAMETERS)


def test_rules_table_names_each_source_and_date(site):
    for lang in LANGUAGES:
        table = site.soup(lang, "job-ad-builder").select_one("#jobad-rules")
        for rule in SITE_DATA.job_ads["rules"]:
            row = table.select_one(f"#jobad-rule-{rule['id']}")
            assert row.select_one(f'a[href="{rule["url"]}"]') and row.select_one("time")["datetime"] == rule["checked"]
