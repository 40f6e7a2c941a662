"""Production hosting (scripts/amkam/hosting/): the tests' nginx serves the site with the repository's rules;
the deployment check passes against it; the strict CSP allows every inline part of every page and nothing else;
the same build works from another address; the static-host files say the same as nginx."""

from __future__ import annotations

import gzip
import subprocess
import sys
import urllib.request

import brotli
import pytest

from amkam.hosting import csp, rules, static_hosts
from browser import PageWatch
from conftest import LANGUAGES, PAGES, ROOT, page_path, start_server


def get(url: str, encoding: str = "identity") -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def run_check(base_url: str, public_url: str, *options: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "amkam.hosting", "check", base_url, "--public-url", public_url,
                           *options], capture_output=True, text=True, timeout=300,
                          env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "scripts")})


def test_the_deployment_check_passes_on_every_page_of_the_local_nginx(site):
    result = run_check(site.url, site.url, "--all-pages")
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"{len(LANGUAGES) * len(PAGES)} pages" in result.stdout


def test_the_deployment_check_fails_on_a_host_without_the_rules(site, tmp_path):
    # The same pages from a bare nginx-like host: python's http.server sends no security header, no 404 per language.
    server = subprocess.Popen([sys.executable, "-m", "http.server", "0", "--bind", "127.0.0.1", "-d", str(site.root)],
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        line = server.stdout.readline()
        port = line.split("port ")[1].split()[0]
        result = run_check(f"http://127.0.0.1:{port}/", site.url)
    finally:
        server.terminate()
        server.wait(timeout=10)
        server.stdout.close()
    assert result.returncode == 1
    assert "no Content-Security-Policy" in result.stdout and "expected 'fr'" in result.stdout


def test_caching_fingerprinted_assets_for_a_year_and_revalidating_the_rest(site):
    assets = rules.fingerprinted_files(site.root)
    assert any("bundle." in path for path in assets) and any("main." in path for path in assets)
    for path in assets:
        status, headers, _ = get(site.url + path.lstrip("/"))
        assert (status, headers["cache-control"]) == (200, rules.CACHE_IMMUTABLE), path
    for path in ("", "fr/compensation/", "search/search_index.json", "assets/images/favicon.png", "sitemap.xml",
                 "assets/javascripts/calculator/calculator.js"):
        status, headers, _ = get(site.url + path)
        assert status == 200 and headers["cache-control"] == rules.CACHE_REVALIDATE, path
        assert "etag" in headers or "last-modified" in headers, path


@pytest.mark.parametrize("encoding", ["br", "gzip"])
def test_precompressed_copies_are_served_and_equal_the_files(site, encoding):
    for path in ("cs/salary-calculator/index.html", "assets/javascripts/calculator/calculator.js",
                 "sk/search/search_index.json"):
        assert (site.root / f"{path}.gz").is_file() and (site.root / f"{path}.br").is_file(), path
        status, headers, body = get(site.url + path, encoding)
        assert status == 200 and headers["content-encoding"] == encoding and "Accept-Encoding" in headers["vary"]
        decoded = brotli.decompress(body) if encoding == "br" else gzip.decompress(body)
        assert decoded == (site.root / path).read_bytes(), path


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_missing_url_gets_its_languages_404_page_with_status_404(site, lang):
    for missing in ("no-such-page/", "key-account-manager/no-such-section/", "no-such-file.html"):
        status, headers, body = get(site.url + page_path(lang, "index") + missing)
        assert status == 404, missing
        assert f'<html lang="{lang}"' in body.decode("utf-8"), missing
        assert headers["content-security-policy"] and headers["x-content-type-options"] == "nosniff"


def test_api_answers_json_404_with_cors(site):
    status, headers, body = get(site.url + "api/v1/none.json")
    assert status == 404
    assert headers["content-type"].startswith("application/json") and headers["access-control-allow-origin"] == "*"
    assert body.decode() == rules.API_NOT_FOUND


def test_no_per_page_sitemaps(site):
    assert [p.relative_to(site.root).as_posix() for p in site.root.rglob("sitemap.xml")] == ["sitemap.xml"]


def test_every_page_holds_only_inline_code_the_served_policy_allows(site):
    _, headers, _ = get(site.url)
    policy = headers["content-security-policy"]
    assert policy == csp.site_policy(site.root)
    assert "'unsafe-inline'" not in policy and "'unsafe-hashes'" not in policy
    for path in site.root.rglob("*.html"):
        assert csp.violations(path.read_text("utf-8"), policy) == [], path
    directives = csp.parse(policy)
    assert directives["default-src"] == ["'self'"] and directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"] and directives["frame-ancestors"] == ["'self'"]
    # Material's inline scripts are the same on every page (extra.scope), so are site.css and site.js; component
    # pages (calculator, job-ad builder) add their stylesheet: a few hashes, never one per page.
    assert len(directives["script-src"]) <= 6
    assert len(directives["script-src"]) + len(directives["style-src"]) - 2 <= csp.MAX_HASHES


@pytest.mark.parametrize("inline", [
    '<button onclick="go()">x</button>',
    '<td style="text-align: right">1</td>',
    '<a href="javascript:go()">x</a>',
    "<script>var added = 1;</script>",
    "<style>.added{color:red}</style>",
])
def test_the_csp_check_fails_on_inline_code_the_policy_does_not_allow(site, tmp_path, inline):
    policy = csp.site_policy(site.root)
    page = site.file("fr", "faq").read_text("utf-8").replace("</main>", inline + "</main>", 1)
    assert csp.violations(page, policy)
    if "<script>" in inline or "<style>" in inline:
        return  # a new identical block on every page would just get its hash; attributes never can
    copy = tmp_path / "site"
    (copy / "fr" / "faq").mkdir(parents=True)
    (copy / "fr" / "faq" / "index.html").write_text(page, "utf-8")
    with pytest.raises(csp.PolicyError, match="fr/faq/index.html"):
        csp.site_policy(copy)


def test_the_security_headers(site):
    _, headers, _ = get(site.url + "fr/")
    assert "max-age=" in headers["strict-transport-security"]
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "strict-origin-when-cross-origin"
    assert "clipboard-write=(self)" in headers["permissions-policy"]
    assert "server" not in headers or "/" not in headers["server"]  # no version


@pytest.mark.parametrize("host", static_hosts.HOSTS)
def test_static_host_files_carry_the_same_rules(site, tmp_path, host):
    written = static_hosts.write(site.root, csp.site_policy(site.root), host, tmp_path)
    headers_text = (tmp_path / "_headers").read_text("utf-8")
    parsed = dict(static_hosts.parse_headers(headers_text))
    _, served, _ = get(site.url)
    everything = dict(parsed["/*"])
    for name in rules.security_headers(""):
        assert everything[name] == served[name.lower()], name  # the same values nginx sends
    assert everything["Cache-Control"] == rules.CACHE_REVALIDATE
    assert dict(parsed["/api/*"])["Access-Control-Allow-Origin"] == "*"
    assets = rules.fingerprinted_files(site.root)
    assert assets
    for path in assets:
        rule = parsed[path]
        assert dict(rule)["Cache-Control"] == rules.CACHE_IMMUTABLE
        assert (("!", "Cache-Control") in rule) == (host == "cloudflare")  # Cloudflare combines matching rules
    redirects = static_hosts.parse_redirects((tmp_path / "_redirects").read_text("utf-8"))
    if host == "netlify":
        for lang in LANGUAGES:
            prefix = "/" + page_path(lang, "index")
            rule = next(r for r in redirects if r[0] == prefix + "*")
            assert rule[1:] == (prefix + "404.html", 404) and (site.root / rule[1].lstrip("/")).is_file()
        assert redirects[0] == ("/api/*", "/" + rules.API_NOT_FOUND_FILE, 404) and redirects[-1][0] == "/*"
        assert (tmp_path / rules.API_NOT_FOUND_FILE).read_text() == rules.API_NOT_FOUND
    else:  # the nearest 404.html, each language's own: no rule
        assert redirects == [] and all((site.root / page_path(lang, "index") / "404.html").is_file()
                                       for lang in LANGUAGES)
        lines = headers_text.splitlines()
        assert len(parsed) <= static_hosts.CLOUDFLARE_MAX_RULES
        assert max(map(len, lines)) <= static_hosts.CLOUDFLARE_MAX_LINE
    assert len(written) == (3 if host == "netlify" else 2)


@pytest.mark.browser
def test_the_csp_is_enforced_and_a_violation_is_caught(site, page):
    watch = PageWatch(page)
    page.goto(site.page_url("es", "faq"), wait_until="networkidle")
    assert not watch.problems, watch.problems
    page.evaluate("""() => { const s = document.createElement('script'); s.textContent = 'window.injected = 1';
                             document.body.append(s); }""")
    page.wait_for_timeout(200)
    assert page.evaluate("window.injected") is None
    assert any("CSP violation: script-src" in problem for problem in watch.problems), watch.problems


@pytest.fixture(scope="module")
def elsewhere(site):
    """The same built folder served at another address than the one it was built for (SITE_URL)."""
    process, url = start_server(site.root)
    assert url != site.url
    yield url
    process.stop()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_build_works_from_another_address(site, page, elsewhere, lang):
    watch = PageWatch(page)
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for name in PAGES:
        page.goto(elsewhere + page_path(lang, name), wait_until="networkidle")
        # Canonical and hreflang keep the public address the site was built for.
        assert page.locator('link[rel="canonical"]').get_attribute("href") == site.page_url(lang, name)
        hreflang = page.locator(f'head link[rel="alternate"][hreflang="{lang}"]')
        assert hreflang.get_attribute("href") == site.page_url(lang, name)
    # Language switch, from another address: stays there, on the same page.
    target = LANGUAGES[(LANGUAGES.index(lang) + 1) % len(LANGUAGES)]
    page.goto(elsewhere + page_path(lang, "key-account-manager"), wait_until="networkidle")
    page.locator(".md-header .md-select button").first.hover()
    page.locator(f'.md-select__link[hreflang="{target}"]').first.click()
    page.wait_for_url(elsewhere + page_path(target, "key-account-manager"))
    # Search (its worker and index come from this address).
    page.keyboard.press("/")
    page.locator("input.md-search__input").fill("kam")
    page.locator("input.md-search__input").press("End")
    page.locator(".md-search-result__link").first.wait_for()
    assert page.locator(".md-search-result__link").first.get_attribute("href").startswith(elsewhere)
    # The calculator.
    page.goto(elsewhere + page_path(lang, "salary-calculator") + "?country=FR&base=45000&target=15&achievement=90",
              wait_until="networkidle")
    assert page.locator('[data-result="total"]').get_attribute("data-value") == "51075.00"
    page.wait_for_load_state("networkidle")
    assert not watch.problems, watch.problems
    assert all(url.startswith(elsewhere) for url in requests), [u for u in requests if not u.startswith(elsewhere)]
    assert not any(url.endswith("sitemap.xml") for url in requests)


def test_aligned_table_columns_become_classes_not_style_attributes():
    from amkam.postprocess import align_classes

    html = '<table><tr><th style="text-align: right;">a</th><td style="text-align: center;">1</td></tr></table>'
    assert align_classes(html) == ('<table><tr><th class="align-right">a</th><td class="align-center">1</td></tr>'
                                   '</table>')
    assert csp.inline_parts(align_classes(html)).forbidden == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_only_embed_pages_may_be_framed_by_other_sites(site, lang):
    embed_status, embed_headers, _ = get(site.url + page_path(lang, "embed/salary-calculator"))
    page_status, page_headers, _ = get(site.url + page_path(lang, "salary-calculator"))
    assert embed_status == page_status == 200
    assert csp.parse(embed_headers["content-security-policy"])["frame-ancestors"] == ["*"]
    assert csp.parse(page_headers["content-security-policy"])["frame-ancestors"] == ["'self'"]
    assert "x-frame-options" not in embed_headers


@pytest.mark.parametrize("host", static_hosts.HOSTS)
def test_static_hosts_open_framing_on_embed_pages_only(site, tmp_path, host):
    static_hosts.write(site.root, csp.site_policy(site.root), host, tmp_path)
    parsed = dict(static_hosts.parse_headers((tmp_path / "_headers").read_text("utf-8")))
    for path in rules.EMBED_PATHS:
        rule = parsed[path]
        assert csp.parse(dict(rule)["Content-Security-Policy"])["frame-ancestors"] == ["*"]
        assert (("!", "Content-Security-Policy") in rule) == (host == "cloudflare")
    assert csp.parse(dict(parsed["/*"])["Content-Security-Policy"])["frame-ancestors"] == ["'self'"]
