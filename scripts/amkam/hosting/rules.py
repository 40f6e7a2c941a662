"""The hosting rules, described once; nginx.py and static_hosts.py render them for each host.

- Caching: material's fingerprinted assets (a content hash in the name) are cached for a year; everything else
  (pages, JSON, images, unhashed scripts) is revalidated on every use (ETag / Last-Modified answer 304).
- Not found: each language's section answers with its own 404 page and status 404; `/api/` answers with JSON.
- Security headers on every response; the CSP's hashes come from the built pages (csp.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

CACHE_IMMUTABLE = "public, max-age=31536000, immutable"
CACHE_REVALIDATE = "public, no-cache"
# material's hashed files: bundle.a5f9d56c.min.js, main.57a0d79d.min.css, workers/search.xxxxxxxx.min.js
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")
FINGERPRINTED_NGINX = r"\.[0-9a-f]{8}\.min\.(?:js|css)$"

API_PREFIX = "/api/"
API_NOT_FOUND = '{"error": "not found", "status": 404}'
API_NOT_FOUND_FILE = "api/404.json"  # for static hosts, which answer a 404 with a file
API_HEADERS = {"Access-Control-Allow-Origin": "*"}

# Embed pages (registry `embeds`, /embed/… and /fr/embed/…) are framed by other sites: only their CSP allows any
# ancestor; every other page may be framed by the site itself only.
EMBED_NGINX = r"^/([a-z]{2}/)?embed/"
EMBED_PATHS = ("/embed/*", "/*/embed/*")  # the same paths, as static hosts write them

HSTS = "max-age=63072000; includeSubDomains"
PERMISSIONS_POLICY = ("accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), "
                      "payment=(), usb=(), clipboard-write=(self)")


def security_headers(csp: str) -> dict[str, str]:
    """The headers every response carries (in nginx: also errors, `always`)."""
    return {
        "Content-Security-Policy": csp,
        "Strict-Transport-Security": HSTS,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "strict-origin-when-cross-origin",
        "Permissions-Policy": PERMISSIONS_POLICY,
        "Cross-Origin-Opener-Policy": "same-origin",
    }


def embed_policy(policy: str) -> str:
    """The site's CSP with framing by any origin: for embed pages only."""
    framed = policy.replace("frame-ancestors 'self'", "frame-ancestors *")
    if framed == policy:
        raise ValueError("the policy has no frame-ancestors 'self' to open for embed pages")
    return framed


@dataclass(frozen=True)
class NotFound:
    prefix: str  # "/fr/" (the default language: "/")
    page: str    # "/fr/404.html"


def not_found_pages(site: Path) -> list[NotFound]:
    """Each language's section (a top-level folder with its own 404.html) and its 404 page, the default language's
    (at the root) last. Read from the built site, so that any host's rules follow the languages it holds."""
    rules = [NotFound(f"/{p.parent.name}/", f"/{p.parent.name}/404.html") for p in sorted(site.glob("*/404.html"))]
    return rules + [NotFound("/", "/404.html")]


def fingerprinted_files(site: Path) -> list[str]:
    """Site paths of the fingerprinted assets in a built site ("/assets/javascripts/bundle.a5f9d56c.min.js")."""
    return sorted("/" + p.relative_to(site).as_posix() for p in site.rglob("*")
                  if p.is_file() and FINGERPRINTED.search(p.name))
