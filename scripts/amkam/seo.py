"""What search engines and other languages' readers need from a five-language site: absolute `hreflang`
alternates with `x-default` for every page, a sitemap with the same alternates, and robots.txt pointing to it."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from .registry import Registry


@dataclass(frozen=True)
class Alternate:
    hreflang: str
    href: str


def base_url(site_url: str) -> str:
    return site_url.rstrip("/") + "/"


def alternates(key: str, registry: Registry, site_url: str) -> tuple[Alternate, ...]:
    """The page at `key` ('' or 'compensation/') in every language, then x-default (the default language)."""
    site = base_url(site_url)
    links = [Alternate(lang, site + registry.root(lang) + key) for lang in registry.codes]
    links.append(Alternate("x-default", site + registry.root(registry.default_language) + key))
    return tuple(links)


def sitemap(keys: dict[str, str | None], registry: Registry, site_url: str) -> str:
    """A sitemap of every page key (with its review date, or None) in every language, with its alternates."""
    rows = []
    for key in sorted(keys):
        links = alternates(key, registry, site_url)
        alt = "".join(f'\n    <xhtml:link rel="alternate" hreflang="{a.hreflang}" href="{escape(a.href)}"/>'
                      for a in links)
        reviewed = keys[key]
        lastmod = f"\n    <lastmod>{reviewed}</lastmod>" if reviewed else ""
        for link in links[:-1]:
            rows.append(f"  <url>\n    <loc>{escape(link.href)}</loc>{lastmod}{alt}\n  </url>")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
            + "\n".join(rows) + "\n</urlset>\n")


def robots(site_url: str) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {base_url(site_url)}sitemap.xml\n"
