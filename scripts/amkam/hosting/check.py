"""Check a deployed site, from outside, against the hosting rules: one command for a public host, a preview or
the tests' local nginx.

    python -m amkam.hosting check https://am-kam.example.org/ [--public-url URL] [--all-pages]

Verifies on every page of the sitemap (or each language's home without --all-pages): status 200, the security
headers, a strict CSP that allows every inline script and style of the page (and nothing inline it cannot),
revalidated caching, canonical and hreflang alternates on the public address (absolute, with x-default); then a
missing URL in each language (its own 404 page, status 404), a fingerprinted asset (a year, immutable; brotli),
and the JSON 404 with CORS under /api/. Exit status 1 when anything fails.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from . import csp, rules

MISSING = "amkam-check-missing/"
REQUIRED_DIRECTIVES = {"default-src": "'self'", "object-src": "'none'", "base-uri": "'self'",
                       "frame-ancestors": None}


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


def fetch(url: str, encoding: str = "identity") -> Response:
    request = urllib.request.Request(url, headers={"Accept-Encoding": encoding, "User-Agent": "amkam-check"})
    try:
        with urllib.request.urlopen(request, timeout=20) as response:
            return Response(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
    except urllib.error.HTTPError as error:
        return Response(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())


@dataclass
class Report:
    failures: list[str] = field(default_factory=list)
    checked: int = 0

    def expect(self, ok: bool, what: str) -> bool:
        self.checked += 1
        if not ok:
            self.failures.append(what)
        return ok


def security_problems(headers: dict[str, str]) -> list[str]:
    problems = []
    policy = headers.get("content-security-policy")
    if not policy:
        return ["no Content-Security-Policy"]
    directives = csp.parse(policy)
    for name, value in REQUIRED_DIRECTIVES.items():
        if name not in directives or (value and directives[name] != [value]):
            problems.append(f"CSP {name} is {directives.get(name)}, expected {value or 'set'}")
    for name in ("script-src", "style-src"):
        sources = directives.get(name, directives.get("default-src", []))
        if "'unsafe-inline'" in sources or "'unsafe-eval'" in sources or "*" in sources:
            problems.append(f"CSP {name} is not strict: {' '.join(sources)}")
    hsts = re.search(r"max-age=(\d+)", headers.get("strict-transport-security", ""))
    if not hsts or int(hsts.group(1)) < 15552000:
        problems.append(f"Strict-Transport-Security: {headers.get('strict-transport-security')}")
    if headers.get("x-content-type-options", "").lower() != "nosniff":
        problems.append("X-Content-Type-Options is not nosniff")
    if not headers.get("referrer-policy"):
        problems.append("no Referrer-Policy")
    if "clipboard-write=(self)" not in headers.get("permissions-policy", "").replace(" ", ""):
        problems.append(f"Permissions-Policy does not allow clipboard-write: {headers.get('permissions-policy')}")
    return problems


def revalidates(cache_control: str) -> bool:
    value = cache_control.replace(" ", "").lower()
    return "no-cache" in value or ("max-age=0" in value and "must-revalidate" in value)


def check_page(report: Report, url: str, public: str, base: str) -> BeautifulSoup | None:
    response = fetch(url)
    if not report.expect(response.status == 200, f"{url}: status {response.status}"):
        return None
    for problem in security_problems(response.headers):
        report.expect(False, f"{url}: {problem}")
    report.expect(revalidates(response.headers.get("cache-control", "")),
                  f"{url}: Cache-Control {response.headers.get('cache-control')!r} does not revalidate")
    for problem in csp.violations(response.text, response.headers.get("content-security-policy", "")):
        report.expect(False, f"{url}: {problem}")
    soup = BeautifulSoup(response.text, "html.parser")
    canonical = soup.select_one('head link[rel="canonical"]')
    expected = public + url[len(base):]
    report.expect(canonical is not None and canonical["href"] == expected,
                  f"{url}: canonical {canonical and canonical['href']!r}, expected {expected!r}")
    alternates = {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}
    report.expect("x-default" in alternates, f"{url}: no x-default alternate")
    report.expect(alternates.get(soup.html.get("lang")) == expected,
                  f"{url}: no alternate for its own language at {expected}")
    for lang, href in alternates.items():
        report.expect(href.startswith(public), f"{url}: hreflang {lang} {href} is not on {public}")
    return soup


def run(args: argparse.Namespace) -> int:
    base = args.base_url.rstrip("/") + "/"
    report = Report()
    home = fetch(base)
    if home.status != 200:
        print(f"FAIL {base}: status {home.status}")
        return 1
    soup = BeautifulSoup(home.text, "html.parser")
    canonical = soup.select_one('head link[rel="canonical"]')
    public = (args.public_url or (canonical["href"] if canonical else base)).rstrip("/") + "/"
    alternates = {link["hreflang"]: link["href"] for link in soup.select('head link[rel="alternate"][hreflang]')}
    sections = {lang: base + href[len(public):] for lang, href in alternates.items() if lang != "x-default"}
    if args.all_pages:
        sitemap = fetch(base + "sitemap.xml")
        report.expect(sitemap.status == 200, f"{base}sitemap.xml: status {sitemap.status}")
        pages = [base + loc[len(public):] for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap.text)
                 if loc.startswith(public)]
        report.expect(bool(pages), f"sitemap.xml lists no page on {public}")
    else:
        pages = list(sections.values())
    for url in pages:
        check_page(report, url, public, base)

    for lang, section in sections.items():  # each language's own 404 page, status 404
        missing = fetch(section + MISSING)
        page_lang = BeautifulSoup(missing.text, "html.parser").html
        report.expect(missing.status == 404, f"{section}{MISSING}: status {missing.status}, expected 404")
        report.expect(page_lang is not None and page_lang.get("lang") == lang,
                      f"{section}{MISSING}: 404 page in {page_lang and page_lang.get('lang')!r}, expected {lang!r}")
        for problem in security_problems(missing.headers):
            report.expect(False, f"{section}{MISSING}: {problem}")

    assets = [urljoin(base, tag.get("src") or tag.get("href")) for tag in soup.select("script[src], link[href]")
              if rules.FINGERPRINTED.search((tag.get("src") or tag.get("href") or "").split("?")[0])]
    if report.expect(bool(assets), f"{base}: links no fingerprinted asset"):
        asset = fetch(assets[0], "br, gzip")
        report.expect(asset.status == 200, f"{assets[0]}: status {asset.status}")
        cache = asset.headers.get("cache-control", "")
        report.expect("immutable" in cache and "max-age=31536000" in cache, f"{assets[0]}: Cache-Control {cache!r}")
        report.expect(asset.headers.get("content-encoding") in ("br", "gzip"),
                      f"{assets[0]}: not compressed ({asset.headers.get('content-encoding')})")
        if args.brotli:
            report.expect(asset.headers.get("content-encoding") == "br", f"{assets[0]}: not brotli")

    api = fetch(base + rules.API_PREFIX.lstrip("/") + "amkam-check-missing.json")
    report.expect(api.status == 404, f"/api/ missing file: status {api.status}")
    report.expect(api.headers.get("access-control-allow-origin") == "*", "/api/: no Access-Control-Allow-Origin: *")
    if args.json_404:
        try:
            json.loads(api.text)
            is_json = api.headers.get("content-type", "").startswith("application/json")
        except ValueError:
            is_json = False
        report.expect(is_json, f"/api/ 404 is not JSON: {api.headers.get('content-type')} {api.text[:60]!r}")

    for failure in report.failures:
        print(f"FAIL {failure}")
    print(f"{report.checked - len(report.failures)}/{report.checked} checks passed on {base} "
          f"({len(pages)} pages, {len(sections)} languages; public address {public})")
    return 1 if report.failures else 0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("base_url", help="where the site is served (https://…/ or http://127.0.0.1:PORT/)")
    parser.add_argument("--public-url", help="the address the site was built for (default: the home's canonical)")
    parser.add_argument("--all-pages", action="store_true", help="every page of the sitemap, not only the homes")
    parser.add_argument("--no-brotli", dest="brotli", action="store_false", help="accept gzip without brotli")
    parser.add_argument("--no-json-404", dest="json_404", action="store_false",
                        help="accept an HTML 404 under /api/ (Cloudflare Pages without a Worker)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_arguments(parser)
    sys.exit(run(parser.parse_args()))
