"""mkdocs hook: what search engines and other languages' readers need from a five-language site.

- absolute `hreflang` alternates with `x-default` for every page (template context `seo_alternates`);
- a sitemap with the same alternates, and robots.txt pointing to it;
- one 404 page per language (static-i18n writes every language's 404 to the same /404.html);
- a `sitemap.xml` beside each page, because material's "stay on page" script fetches `sitemap.xml`
  relative to every `link[rel=alternate]`; without it each page view logs failed requests.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from xml.sax.saxutils import escape

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from i18n_pages import default_language, i18n_plugin, language_root, page_language  # noqa: E402

_pages: dict[str, dict] = {}  # page key ('' or 'compensation/') -> {'reviewed': date}
_not_found: dict[str, str] = {}  # language -> its 404.html


def on_config(config):
    if not i18n_plugin(config).building:  # a fresh `mkdocs build`, not static-i18n's per-language rebuild
        _pages.clear()
        _not_found.clear()
    return config


def _site_url(config) -> str:
    return config.site_url.rstrip("/") + "/"


def _languages(config) -> list[str]:
    return [lang.locale for lang in i18n_plugin(config).config.languages if lang.build]


def _page_key(page, config) -> str:
    """The page's URL inside its language section: identical across languages."""
    root = language_root(page_language(page, config), config)
    return page.url[len(root):]


def alternates(key: str, config) -> list[dict]:
    site = _site_url(config)
    links = [{"hreflang": lang, "href": site + language_root(lang, config) + key} for lang in _languages(config)]
    links.append({"hreflang": "x-default", "href": site + language_root(default_language(config), config) + key})
    return links


def on_page_context(context, page, config, nav):
    key = _page_key(page, config)
    _pages.setdefault(key, {"reviewed": page.meta.get("reviewed")})
    context["seo_alternates"] = alternates(key, config)
    return context


def on_post_template(output, template_name, config):
    """Keep each language's 404 page: the next language's build overwrites /404.html."""
    if template_name == "404.html":
        _not_found[i18n_plugin(config).current_language] = output
    return output


@event_priority(-200)  # after static-i18n (-100), which builds the other languages inside its own post_build
def on_post_build(config):
    if i18n_plugin(config).building:
        return
    site_dir = Path(config.site_dir)
    for lang, html in _not_found.items():
        (site_dir / language_root(lang, config) / "404.html").write_text(html, encoding="utf-8")
    sitemap = _sitemap(config, sorted(_pages))
    (site_dir / "sitemap.xml").write_text(sitemap, encoding="utf-8")
    (site_dir / "sitemap.xml.gz").write_bytes(gzip.compress(sitemap.encode("utf-8"), mtime=0))
    for key in _pages:
        for lang in _languages(config):
            folder = site_dir / language_root(lang, config) / key
            # The root's own sitemap.xml is the full one; a page missing in a language is the tests' business.
            if folder.is_dir() and folder != site_dir:
                (folder / "sitemap.xml").write_text(_sitemap(config, [key]), encoding="utf-8")
    (site_dir / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {_site_url(config)}sitemap.xml\n",
                                         encoding="utf-8")


def _sitemap(config, keys: list[str]) -> str:
    rows = []
    for key in keys:
        links = alternates(key, config)
        alt = "".join(f'\n    <xhtml:link rel="alternate" hreflang="{a["hreflang"]}" href="{escape(a["href"])}"/>'
                      for a in links)
        reviewed = _pages[key]["reviewed"]
        lastmod = f"\n    <lastmod>{reviewed}</lastmod>" if reviewed else ""
        for link in links[:-1]:
            rows.append(f"  <url>\n    <loc>{escape(link['href'])}</loc>{lastmod}{alt}\n  </url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
            + "\n".join(rows) + "\n</urlset>\n")
