"""The embeddable calculator (issue 11, item 4), in all five languages: an embed page per language with minimal
chrome and the calculator's URL contract, framed by a host page on another origin with the very snippet the
calculator page offers to copy; the iframe takes its content's height from the embed's message
{type: "amkam:height", height: N}; the numbers equal the full page's; nothing reaches a third party."""

from __future__ import annotations

import functools
import http.server
import json
import re
import threading
from urllib.parse import urlsplit

import pytest
import yaml

from browser import PageWatch
from conftest import DEFAULT_LANGUAGE, EMBEDS, LANGUAGES, ROOT, SITE_DATA, t
from js_model import CASES as CASES_FILE

EMBED = "embed/salary-calculator"
RESULTS = ("variable", "total", "ote", "per-payment", "monthly-average")
# A second origin: a server of its own on another loopback address (127.0.0.2) serves the host pages; the embed comes
# from the site's server (127.0.0.1), so the frame is cross-origin as on a real host. (A page Playwright fulfils
# itself has no address, and Chromium's local-network checks then block the loopback frame.)
QUERY = "country=FR&base=45000&target=15&achievement=90"  # 45,000 + 15 % x 90 % x 45,000 = 51,075
CASES = [c for c in yaml.safe_load(CASES_FILE.read_text("utf-8"))["cases"] if "results" in c["expect"]]


def test_the_registry_names_the_embed_page():
    assert EMBED in EMBEDS
    assert SITE_DATA.registry.embedded_page(EMBED) == "salary-calculator"


def snippet(site, lang):
    """The snippet the calculator page offers to copy, as text."""
    code = site.soup(lang, "salary-calculator").select_one("#calc-embed-snippet pre code")
    assert code is not None, f"{lang}: no embed snippet on the calculator page"
    return code.get_text()


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_calculator_page_offers_a_snippet_with_the_embed_url_in_its_language(site, lang):
    text = snippet(site, lang)
    src = re.search(r'<iframe src="([^"]+)"', text).group(1)
    assert src == site.page_url(lang, EMBED)
    assert f'title="{t("calc_embed_title", lang).replace("&", "&amp;")}"' in text
    assert '"amkam:height"' in text and f'event.origin !== "{site.url.rstrip("/")}"' in text
    assert site.soup(lang, "salary-calculator").select_one("h2#embed") is not None


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_embed_page_has_minimal_chrome_noindex_and_the_full_page_as_canonical(site, lang):
    soup = site.soup(lang, EMBED)
    assert soup.html["lang"] == lang
    assert soup.select_one('meta[name="robots"]')["content"] == "noindex"
    assert soup.select_one('link[rel="canonical"]')["href"] == site.page_url(lang, "salary-calculator")
    assert not soup.select('link[rel="alternate"], meta[property^="og:"]')
    for chrome in (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-search", "nav"):
        assert not soup.select(chrome), f"{lang}: the embed page has {chrome}"
    assert soup.select_one("#calculator #calc-config") is not None
    scripts = [s.get("src", "") for s in soup.select("script[src]")]
    assert any(s.endswith("calculator/calculator.js") for s in scripts)
    assert any(s.endswith("calculator/embed.js") for s in scripts)
    assert not soup.select("[style]") and not [tag for tag in soup.find_all(True)
                                              if any(a.startswith("on") for a in tag.attrs)]


def test_embed_pages_are_not_in_the_sitemap_search_or_navigation(site):
    assert "embed/" not in (site.root / "sitemap.xml").read_text("utf-8")
    for lang in LANGUAGES:
        root = site.root if lang == DEFAULT_LANGUAGE else site.root / lang
        index = json.loads((root / "search" / "search_index.json").read_text("utf-8"))
        assert not [doc["location"] for doc in index["docs"] if "embed/" in doc["location"]]
        assert not site.soup(lang, "salary-calculator").select('.md-nav a[href*="embed/"]')


def host_html(text: str, query: str) -> str:
    """A page of another site that pastes the snippet, with a query added to the embed's address."""
    if query:
        text = re.sub(r'(<iframe src="[^"]+)"', lambda m: f'{m.group(1)}?{query.replace("&", "&amp;")}"', text)
    return ('<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">'
            '<title>Host</title></head>'
            f'<body><h1>A careers page</h1>\n{text}\n<p id="after">After the calculator</p></body></html>')


@pytest.fixture(scope="module")
def host(tmp_path_factory):
    """The second origin: (folder it serves, its base URL)."""
    folder = tmp_path_factory.mktemp("host")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(folder))
    handler.log_message = lambda *args: None
    server = http.server.ThreadingHTTPServer(("127.0.0.2", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield folder, f"http://127.0.0.2:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def open_host(page, site, host, lang, query=""):
    """The host page on the second origin; returns the iframe element, its frame, and every request made."""
    folder, base = host
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    name = f"host-{lang}-{len(list(folder.iterdir()))}.html"
    (folder / name).write_text(host_html(snippet(site, lang), query), "utf-8")
    page.goto(base + name, wait_until="load")
    iframe = page.locator("iframe")
    iframe.scroll_into_view_if_needed()  # the snippet's iframe loads lazily
    handle = iframe.element_handle()
    frame = handle.content_frame()
    for _ in range(100):
        if frame is not None and frame.url.startswith(site.url):
            break
        page.wait_for_timeout(50)
        frame = handle.content_frame()
    frame.wait_for_load_state("load")
    frame.locator('[data-result="total"][data-value]').wait_for(state="attached")
    return iframe, frame, requests


def frame_fits(page, iframe, frame):
    """Waits until the iframe is as tall as the embed's content (no scroll bar inside, no empty band)."""
    content = 0
    for _ in range(100):
        height = iframe.evaluate("f => f.getBoundingClientRect().height")
        content = frame.evaluate("() => Math.ceil(document.querySelector('.md-main__inner').getBoundingClientRect()"
                                 ".bottom + parseFloat(getComputedStyle(document.querySelector('.md-main__inner'))"
                                 ".marginBottom))")
        inner = frame.evaluate("() => document.documentElement.scrollHeight")
        if abs(height - content) <= 1 and inner <= height + 1:
            return height
        page.wait_for_timeout(50)
    raise AssertionError(f"iframe height {height}, embed content {content}, embed scrollHeight {inner}")


def values(target):
    return {key: target.locator(f'[data-result="{key}"]').get_attribute("data-value") for key in RESULTS}


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_host_on_another_origin_embeds_it_resized_with_the_full_page_s_numbers(site, browser, host, lang):
    context = browser.new_context(viewport={"width": 800, "height": 700})
    page = context.new_page()
    watch = PageWatch(page)
    iframe, frame, requests = open_host(page, site, host, lang, QUERY)
    assert urlsplit(page.url).netloc != urlsplit(frame.url).netloc  # two origins
    assert frame.evaluate("document.documentElement.lang") == lang
    assert frame.url.startswith(site.page_url(lang, EMBED) + "?")
    first = frame_fits(page, iframe, frame)
    assert first != 900  # the snippet's initial height was replaced by the message's

    embedded = values(frame)
    full = context.new_page()
    full.goto(site.page_url(lang, "salary-calculator") + "?" + QUERY, wait_until="load")
    assert embedded == values(full)
    assert urlsplit(frame.url).query == urlsplit(full.url).query  # the URL contract, kept in step the same way
    assert embedded["total"] == "51075.00"
    full.close()

    # The content changes height (error messages shown, the chart and results withdrawn): the iframe follows.
    frame.locator('input[name="base"]').fill("abc")
    frame.locator('input[name="target"]').fill("301")
    frame.locator(".calc-error:visible").first.wait_for()
    assert frame_fits(page, iframe, frame) != first
    assert frame.locator('[data-result="total"]').get_attribute("data-value") is None

    own = {urlsplit(site.url).netloc, urlsplit(host[1]).netloc}
    assert not [url for url in requests if urlsplit(url).scheme != "data" and urlsplit(url).netloc not in own]
    assert not watch.problems, watch.problems
    context.close()


@pytest.mark.browser
def test_the_embed_answers_only_with_its_height(site, browser, host):
    """The message shape the README documents: exactly {type: "amkam:height", height: <integer>}."""
    context = browser.new_context()
    page = context.new_page()
    page.add_init_script("window.__messages = []; addEventListener('message', e => window.__messages.push(e.data));")
    iframe, frame, _ = open_host(page, site, host, "fr")
    frame_fits(page, iframe, frame)
    messages = page.evaluate("window.__messages")
    assert messages
    for message in messages:
        assert set(message) == {"type", "height"} and message["type"] == "amkam:height"
        assert isinstance(message["height"], int) and message["height"] > 0
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize("case", CASES[::6], ids=[c["name"] for c in CASES[::6]])
def test_the_embed_keeps_the_calculator_s_url_contract(site, page, case):
    watch = PageWatch(page)
    query = "&".join(f"{k}={v}" for k, v in case["params"].items())
    page.goto(site.page_url("en", EMBED) + "?" + query, wait_until="load")
    assert values(page) == {key: case["expect"]["results"].get(key) for key in RESULTS}
    assert not watch.problems, watch.problems


@pytest.mark.browser
def test_the_snippet_has_a_copy_button(site, page):
    page.goto(site.page_url("fr", "salary-calculator"), wait_until="load")
    page.locator("#calc-embed-snippet pre").scroll_into_view_if_needed()  # material adds it once in view
    button = page.locator('#calc-embed-snippet button[data-md-type="copy"]')
    button.wait_for(state="attached")
    assert button.count() == 1


def test_the_readme_documents_the_embed():
    readme = (ROOT / "README.md").read_text("utf-8")
    for needle in ("/embed/salary-calculator/", "/fr/embed/salary-calculator/", '"amkam:height"', "<iframe",
                   "frame-ancestors"):
        assert needle in readme, needle
