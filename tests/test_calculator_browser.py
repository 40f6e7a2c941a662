"""The salary calculator in a real browser, in all five languages: URL contract, typing, sharing, errors, no-JS."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest
import yaml
from playwright.sync_api import expect

from amkam import calculator, salary_model
from browser import PageWatch
from conftest import FIGURES, LANGUAGES, SITE_DATA, t
from js_model import CASES as CASES_FILE

pytestmark = pytest.mark.browser

CASES = yaml.safe_load(CASES_FILE.read_text("utf-8"))["cases"]
VALID = [c for c in CASES if "results" in c["expect"]]
RESULTS = ("variable", "total", "ote", "per-payment", "monthly-average")


def url_for(site, lang, query=""):
    return site.page_url(lang, "salary-calculator") + (f"?{query}" if query else "")


def query_of(params):
    return "&".join(f"{k}={v}" for k, v in params.items())


def values(page):
    return {key: page.locator(f'[data-result="{key}"]').get_attribute("data-value") for key in RESULTS}


def expected_values(results):
    return {key: results.get(key) for key in RESULTS}


@pytest.fixture
def watched(page):
    watch = PageWatch(page)
    yield page
    assert not watch.problems, watch.problems


@pytest.mark.parametrize("case", VALID, ids=[c["name"] for c in VALID])
def test_url_parameters_give_the_model_results(site, watched, case):
    watched.goto(url_for(site, "en", query_of(case["params"])))
    assert values(watched) == expected_values(case["expect"]["results"])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_language_opens_on_its_country_with_results_at_once(site, watched, lang):
    watched.goto(url_for(site, lang))
    params = calculator.default_params(SITE_DATA, lang)
    assert watched.locator('select[name="country"]').input_value() == params["country"]
    outcome = salary_model.compute(params, calculator.model_countries(FIGURES), calculator.model_limits(FIGURES))
    assert values(watched) == expected_values(outcome["results"])
    assert parse_qs(urlsplit(watched.url).query)["country"] == [params["country"]]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_accelerator_link_shows_formatted_amounts_in_the_page_language(site, watched, lang):
    watched.goto(url_for(site, lang, "country=FR&base=40000&target=20&achievement=130&tiers=100%3A1.5%2C120%3A2"))
    total = watched.locator('[data-result="total"]')
    assert total.get_attribute("data-value") == "52000.00"
    expected = watched.evaluate("(l) => new Intl.NumberFormat(l, {style: 'currency', currency: 'EUR', "
                                "minimumFractionDigits: 0}).format(52000)", lang)
    assert total.inner_text() == expected
    # Written back unencoded, so a shared link stays readable.
    assert "tiers=100:1.5,120:2" in watched.url


TYPED = {  # how a reader types 40,000.50 in each language
    "en": "40,000.50", "fr": "40\u202f000,50", "sk": "40\u00a0000,50", "cs": "40 000,50", "es": "40.000,50",
}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_typing_in_the_locale_format_updates_results_and_url_and_the_link_reopens_them(site, watched, lang):
    watched.goto(url_for(site, lang, "country=FR&base=1&target=20&achievement=100"))
    watched.fill('input[name="base"]', TYPED[lang])
    assert watched.locator('[data-result="total"]').get_attribute("data-value") == "48000.60"
    assert parse_qs(urlsplit(watched.url).query)["base"] == ["40000.50"]
    watched.fill('input[name="tiers"]', "100:1,5; 120:2" if lang != "en" else "100:1.5; 120:2")
    watched.fill('input[name="achievement"]', "130")
    shown = values(watched)
    assert shown["total"] == "52000.65"  # 40,000.50 + 20 % × 1.5 × … = 40,000.50 + 12,000.15
    assert "tiers=100:1.5,120:2" in watched.url
    watched.goto(watched.url)  # a shared link, opened again
    assert values(watched) == shown
    assert watched.locator('input[name="base"]').input_value().replace("\u202f", " ").replace("\u00a0", " ") \
        .replace(" ", "") in ("40,000.5", "40000,5", "40.000,5")


def message_start(key, lang):
    """The fixed words a message begins with, before its first placeholder."""
    return t(key, lang).split("{")[0].strip()


INVALID = [
    # (parameter, URL value, message key)
    ("base", "", "err_required"),
    ("base", "abc", "err_number"),
    ("base", "0", "err_base_range"),
    ("target", "301", "err_range"),
    ("payments", "12.5", "err_integer"),
    ("payments", "17", "err_integer"),
    ("tiers", "100-2", "err_tiers_pairs"),
    ("tiers", "100:1.5,100:2", "err_tiers_order"),
    ("tiers", "99:2", "err_tiers_range"),
    ("cap", "99", "err_range"),
    ("country", "XX", "err_choice"),
    ("basis", "week", "err_choice"),
    ("mode", "x", "err_choice"),
]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name,value,key", INVALID, ids=[f"{n}={v or 'empty'}" for n, v, _ in INVALID])
def test_invalid_input_in_the_url_gets_a_message_in_the_page_language_and_no_number(site, watched, lang, name,
                                                                                    value, key):
    params = {"country": "FR", "base": "40000", "target": "20", "achievement": "100", name: value}
    watched.goto(url_for(site, lang, query_of(params)))
    field = watched.locator(f'[name="{name}"]')
    assert field.get_attribute("aria-invalid") == "true"
    error_id = f"calc-{name}-error"
    assert error_id in field.get_attribute("aria-describedby").split()
    message = watched.locator(f"#{error_id}")
    assert message.is_visible()
    assert message.inner_text().startswith(message_start(key, lang))
    for result in RESULTS:
        element = watched.locator(f'[data-result="{result}"]')
        assert element.get_attribute("data-value") is None
        assert not re.search(r"\d", element.inner_text())
    # What the reader gave is kept: shown in the field (in the page's notation) and in the shareable link.
    assert bool(field.input_value()) == bool(value)
    assert parse_qs(urlsplit(watched.url).query, keep_blank_values=True)[name] == [value]
    if name != "base":
        assert watched.locator('input[name="base"]').input_value().replace("\u202f", "").replace(
            "\u00a0", "").replace(",", "").replace(".", "") == "40000"


@pytest.mark.parametrize("lang", ["fr", "cs"])
def test_typing_an_invalid_value_keeps_the_form_and_recovers(site, watched, lang):
    watched.goto(url_for(site, lang, "country=FR&base=40000&target=20&achievement=100"))
    watched.fill('input[name="target"]', "trois cents")
    assert watched.locator('input[name="target"]').get_attribute("aria-invalid") == "true"
    assert watched.locator('[data-result="total"]').get_attribute("data-value") is None
    assert parse_qs(urlsplit(watched.url).query)["target"] == ["trois cents"]  # the link keeps what was typed
    assert watched.locator('input[name="achievement"]').input_value() == "100"
    watched.fill('input[name="target"]', "20")
    assert watched.locator('input[name="target"]').get_attribute("aria-invalid") is None
    assert watched.locator('[data-result="total"]').get_attribute("data-value") == "48000.00"


INJECTION = '"><img src=x onerror="window.__xss=1"><script>window.__xss=2</script>'


@pytest.mark.parametrize("name", ["country", "payments", "basis", "base", "mode", "target", "achievement",
                                  "threshold", "tiers", "cap", "revenue", "brackets"])
def test_script_injection_in_a_parameter_does_not_execute(site, watched, name):
    params = {"country": "FR", "base": "40000", "target": "20", "achievement": "100", "revenue": "1000",
              "brackets": "0:5", name: INJECTION}
    if name in ("revenue", "brackets"):
        params["mode"] = "commission"
    watched.goto(url_for(site, "en", "&".join(f"{k}={quote(v, safe=':,')}" for k, v in params.items())))
    assert watched.evaluate("window.__xss") is None
    assert watched.locator("#calculator img").count() == 0
    assert watched.locator("#calculator script:not([type])").count() == 0
    assert watched.locator(f'[name="{name}"]').get_attribute("aria-invalid") == "true"


def test_commission_mode_has_no_ote_and_hides_the_bonus_fields(site, watched):
    watched.goto(url_for(site, "es", "country=ES&base=30000&mode=commission&revenue=900000&brackets=0:2,500000:4"))
    ote = watched.locator('[data-result="ote"]')
    assert ote.get_attribute("data-value") is None and not re.search(r"\d", ote.inner_text())
    assert watched.locator('[data-result="variable"]').get_attribute("data-value") == "26000.00"
    assert not watched.locator('input[name="target"]').is_visible()
    assert watched.locator('input[name="revenue"]').is_visible()


def test_changing_country_changes_currency_and_usual_payments(site, watched):
    watched.goto(url_for(site, "en", "country=FR&base=40000&target=20&achievement=100"))
    watched.select_option('select[name="country"]', "ES")
    assert watched.locator('input[name="payments"]').input_value() == "14"
    assert watched.locator('[data-result="per-payment"]').get_attribute("data-value") == "2857.14"
    assert "€" in watched.locator('[data-result="total"]').inner_text()
    watched.select_option('select[name="country"]', "CZ")
    assert "CZK" in watched.locator('[data-result="total"]').inner_text()
    watched.select_option('select[name="country"]', "NL")  # the model leaves out the holiday allowance: said so
    assert watched.locator('[data-note="NL"]').is_visible()
    assert watched.locator('[data-note]:visible').count() == 1


def test_chart_and_scenarios_follow_the_plan(site, watched):
    watched.goto(url_for(site, "en", "country=FR&base=40000&target=20&achievement=130&tiers=100:1.5,120:2"))
    watched.locator("#calc-chart circle.calc-point").wait_for()
    assert watched.locator("#calc-chart circle.calc-point").count() == 1
    expect(watched.locator("#calc-chart-desc")).to_contain_text("130%")
    rows = {row.get_attribute("data-level"): row.locator('[data-scenario="total"]').inner_text()
            for row in watched.locator("[data-level]").all()}
    assert rows["100"] == "€48,000" and rows["150"] == "€55,200"  # f = 100 + 20 × 1.5 + 30 × 2 = 190 %


def test_copy_link_copies_the_address_of_the_calculation(site, browser):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(url_for(site, "fr", "country=FR&base=40000&target=20&achievement=120"))
    tab.click("#calc-copy")
    tab.locator("#calc-copied").filter(has_text=t("calc_link_copied", "fr")).wait_for()
    assert tab.evaluate("navigator.clipboard.readText()") == tab.url
    context.close()


def test_the_form_is_usable_with_the_keyboard_alone(site, watched):
    watched.goto(url_for(site, "en", "country=FR&base=40000&target=20&achievement=100"))
    watched.locator('select[name="country"]').focus()
    watched.keyboard.press("Tab")  # country -> basis
    watched.keyboard.press("Tab")  # basis -> base
    assert watched.evaluate("document.activeElement.name") == "base"
    watched.keyboard.press("Control+A")
    watched.keyboard.type("50000")
    assert watched.locator('[data-result="total"]').get_attribute("data-value") == "60000.00"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_without_javascript_the_page_shows_worked_examples_that_the_script_confirms(site, browser, lang):
    static = browser.new_context(java_script_enabled=False)
    tab = static.new_page()
    tab.goto(url_for(site, lang))
    assert not tab.locator("#calculator").is_visible()
    assert tab.locator(".calc-nojs").is_visible()
    rows = tab.locator("#calc-examples tbody tr").all()
    examples = {row.get_attribute("data-query"): {
        key: row.locator(f'[data-example="{key}"]').get_attribute("data-value") for key in ("variable", "total", "ote")
    } for row in rows}
    assert len(examples) == len(FIGURES["calculator"]["examples"])
    for row in rows:
        assert re.search(r"\d", row.locator('[data-example="total"]').inner_text())
    static.close()

    live = browser.new_context()
    tab = live.new_page()
    for query, numbers in examples.items():
        tab.goto(url_for(site, lang, query))
        shown = {key: tab.locator(f'[data-result="{key}"]').get_attribute("data-value") for key in numbers}
        assert shown == numbers, query
    live.close()


def test_missing_markup_is_reported_by_name(site, page):
    """If the page lacks an element the script needs, the console says which, instead of an obscure failure."""
    messages, errors = [], []
    page.on("console", lambda msg: messages.append((msg.type, msg.text)))
    page.on("pageerror", lambda err: errors.append(str(err)))
    url = url_for(site, "en", "country=FR&base=40000&target=20&achievement=100")

    def trimmed(route):
        response = route.fetch()
        html = response.text()
        for old, new in (('id="calc-status"', 'id="calc-status-removed"'), ('name="cap"', 'name="removed"')):
            assert html.count(old) == 1, old
            html = html.replace(old, new)
        route.fulfill(response=response, body=html)

    page.route(url, trimmed)
    page.goto(url)
    page.wait_for_function("() => window.Calculator")
    assert not errors, errors
    reported = [text for kind, text in messages if kind == "error" and text.startswith("calculator: missing")]
    assert reported, messages
    assert "#calc-status" in reported[0] and 'form field "cap"' in reported[0]
    assert page.locator('[data-result="total"]').get_attribute("data-value") is None  # nothing half-done


# The same inputs through the Python and the browser twins: field_text / toField (a URL value as the page's language
# writes it in a field) and formatting.amount / formatMoney (whole amounts without cents).
FIELD_VALUES = [
    ("base", "40000"), ("base", "40000.5"), ("base", "1234.56"), ("base", "100000000"), ("base", "0.05"),
    ("payments", "14"), ("target", "20"), ("achievement", "100.0000625"), ("revenue", "10000000000"),
    ("threshold", "0"), ("cap", "150"), ("base", "abc"), ("base", ""), ("base", "1e3"), ("base", "-5"),
    ("tiers", "100:1.5,120:2"), ("tiers", "110:1.5,130:2,150:3"), ("brackets", "0:2,500000:4"),
    ("brackets", "0:1,1000:2.5"), ("tiers", "100-2"), ("tiers", "100:1.5,,120:2"), ("tiers", "a:b,100:x"),
    ("tiers", ""), ("country", "FR"), ("basis", "month"), ("mode", "commission"),
]
AMOUNTS = ["0.00", "0.01", "0.5", "1234.5", "3333.33", "48000.00", "48000.50", "52000.65", "100000000.00",
           "3100000000.00", "258333333.33"]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_field_text_and_to_field_agree(site, watched, lang):
    watched.goto(url_for(site, lang))
    shown = watched.evaluate("([items, lang]) => items.map(([n, v]) => Calculator.toField(n, v, lang))",
                             [FIELD_VALUES, lang])
    assert shown == [calculator.field_text(n, v, lang) for n, v in FIELD_VALUES]


@pytest.mark.parametrize("lang", LANGUAGES)
def test_whole_amounts_without_cents_in_both_formatters(site, watched, lang):
    from amkam import formatting

    watched.goto(url_for(site, lang))
    currencies = sorted({c["currency"] for c in FIGURES["countries"].values()})
    items = [[a, c] for a in AMOUNTS for c in currencies]
    shown = watched.evaluate("([items, lang]) => items.map(([a, c]) => Calculator.formatMoney(+a, c, lang))",
                             [items, lang])
    assert shown == [formatting.amount(a, c, lang) for a, c in items]


# Comparing two offers: offer B under the same parameter names prefixed b_, sharing offer A's country (issue 11.5).
PLAN_A = "country=FR&base=40000&target=20&achievement=100"
COMPARE_JS = "/assets/javascripts/calculator/compare.js"


def compared(page):
    """The comparison table: result -> (offer A, offer B, difference) data-values."""
    return {row.get_attribute("data-compare"): tuple(row.locator(f'[data-plan="{k}"]').get_attribute("data-value")
                                                     for k in ("a", "b", "diff"))
            for row in page.locator("[data-compare]").all()}


def requested(page):
    urls = []
    page.on("request", lambda request: urls.append(request.url))
    return urls


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_comparison_link_shows_both_offers_their_difference_and_both_curves(site, watched, lang):
    watched.goto(url_for(site, lang, PLAN_A + "&b_base=45000&b_target=10&b_achievement=150"))
    watched.locator("[data-compare]").first.wait_for()
    rows = compared(watched)
    assert rows["total"] == ("48000.00", "51750.00", "3750.00")  # 45,000 + 10 % × 150 % of 45,000
    assert rows["ote"] == ("48000.00", "49500.00", "1500.00")
    assert values(watched)["total"] == "48000.00"  # offer A's own results stay
    assert watched.locator("#calc-a-title").inner_text() == t("calc_plan_a", lang)
    assert watched.locator("#calc-b-title").inner_text() == t("calc_plan_b", lang)
    assert watched.locator('[name="b_base"]').is_visible() and watched.locator('[name="b_country"]').count() == 0
    assert watched.locator("#calc-compare").get_attribute("aria-pressed") == "true"
    # Same mode: both curves on offer A's chart, labelled; offer B's own chart stays hidden.
    watched.locator("#calc-chart .calc-curve-b").first.wait_for()
    expect(watched.locator("#calc-chart-desc")).to_contain_text(t("calc_plan_b", lang))
    assert not watched.locator("#calc-b-chart").is_visible()
    # Offer B's scenarios, in the page's currency format.
    b_total = watched.locator('#calc-b-scenarios [data-level="100"] [data-scenario="total"]').inner_text()
    expected = watched.evaluate("(l) => new Intl.NumberFormat(l, {style: 'currency', currency: 'EUR', "
                                "minimumFractionDigits: 0}).format(49500)", lang)
    assert b_total == expected
    difference = watched.locator('[data-compare="total"] [data-plan="diff"]').inner_text()
    assert difference.startswith("+") and re.search(r"3.?750", difference.replace("\u202f", "").replace("\u00a0", ""))
    # The address carries offer B, and reopens the same comparison.
    query = parse_qs(urlsplit(watched.url).query)
    assert query["b_base"] == ["45000"] and query["b_mode"] == ["bonus"] and "b_country" not in query
    watched.goto(watched.url)
    watched.locator("[data-compare]").first.wait_for()
    assert compared(watched) == rows


def test_without_a_comparison_the_url_and_page_stay_as_they_were_and_the_code_loads_on_demand(site, watched):
    urls = requested(watched)
    watched.goto(url_for(site, "en", PLAN_A))
    assert values(watched)["total"] == "48000.00"
    assert not any(COMPARE_JS in u for u in urls)
    assert "b_" not in watched.url and watched.locator("[data-compare]").count() == 0
    assert watched.locator("#calc-compare").get_attribute("aria-pressed") == "false"
    watched.click("#calc-compare")
    watched.locator('[name="b_base"]').wait_for()
    assert sum(COMPARE_JS in u for u in urls) == 1
    # Offer B starts as a copy of offer A.
    assert watched.locator('[name="b_base"]').input_value() == "40,000"
    assert compared(watched)["total"] == ("48000.00", "48000.00", "0.00")
    watched.fill('[name="b_base"]', "50,000")
    assert compared(watched)["total"] == ("48000.00", "60000.00", "12000.00")
    assert parse_qs(urlsplit(watched.url).query)["b_base"] == ["50000"]
    watched.click("#calc-compare")  # closes offer B: offer A's page and address again
    assert watched.locator('[name="b_base"]').count() == 0 and watched.locator("[data-compare]").count() == 0
    assert "b_" not in watched.url
    assert parse_qs(urlsplit(watched.url).query)["base"] == ["40000"]


def test_offers_of_different_modes_get_a_chart_each_and_share_the_country(site, watched):
    watched.goto(url_for(site, "es", PLAN_A + "&b_base=30000&b_mode=commission&b_revenue=900000"
                                              "&b_brackets=0:2,500000:4"))
    watched.locator("#calc-b-chart .calc-curve").wait_for()
    assert watched.locator("#calc-chart .calc-curve-b").count() == 0
    assert compared(watched)["variable"] == ("8000.00", "26000.00", "18000.00")
    assert compared(watched)["ote"][1:] == (None, None)
    assert not watched.locator("#calc-b-scenarios").is_visible()
    assert watched.locator("#calc-b-scenarios-note").is_visible()
    assert watched.locator('[name="b_revenue"]').is_visible() and not watched.locator('[name="b_target"]').is_visible()
    watched.select_option('select[name="country"]', "CZ")  # offer B follows offer A's country
    assert "CZK" in watched.locator('[data-compare="total"] [data-plan="b"]').inner_text()
    assert watched.locator('[name="b_payments"]').input_value() == watched.locator('[name="payments"]').input_value()


B_INVALID = [("b_target", "301", "err_range"), ("b_base", "abc", "err_number"), ("b_tiers", "100-2", "err_tiers_pairs")]


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name,value,key", B_INVALID, ids=[n for n, _, _ in B_INVALID])
def test_invalid_input_in_offer_b_gets_a_message_and_keeps_everything(site, watched, lang, name, value, key):
    offer_b = {"b_base": "45000", "b_target": "10", "b_achievement": "100", name: value}
    watched.goto(url_for(site, lang, PLAN_A + "&" + query_of(offer_b)))
    field = watched.locator(f'[name="{name}"]')
    field.wait_for()
    assert field.get_attribute("aria-invalid") == "true"
    error_id = f"calc-b-{name[2:]}-error"
    assert error_id in field.get_attribute("aria-describedby").split()
    assert watched.locator(f"#{error_id}").inner_text().startswith(message_start(key, lang))
    assert watched.locator("#calc-b-status").inner_text() == t("calc_plan_b_invalid", lang)
    # Offer A is untouched; offer B has no number; what was typed stays in the field and the link.
    assert values(watched)["total"] == "48000.00"
    assert watched.locator('[name="target"]').get_attribute("aria-invalid") is None
    rows = compared(watched)
    assert rows["total"] == ("48000.00", None, None)
    assert not re.search(r"\d", watched.locator('[data-compare="total"] [data-plan="b"]').inner_text())
    assert field.input_value()
    assert parse_qs(urlsplit(watched.url).query)[name] == [value]
    # Corrected, the comparison comes back.
    watched.fill(f'[name="{name}"]', {"b_target": "10", "b_base": "45000", "b_tiers": ""}[name])
    assert field.get_attribute("aria-invalid") is None
    assert compared(watched)["total"] == ("48000.00", "49500.00", "1500.00")
    assert not watched.locator("#calc-b-status").is_visible()
