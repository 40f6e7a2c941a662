"""The Content-Security-Policy of the built site, from its pages.

Pages carry a few inline scripts and one inline stylesheet (material's bootstrap, palette and anchor scripts; our
site.css and site.js, inlined by postprocess.py). The policy allows exactly those by their SHA-256 hash: no
'unsafe-inline', no 'unsafe-hashes'. `check` fails on what a hash cannot allow (a `style="…"` attribute, an `on…`
handler, a `javascript:` URL) and on a policy that grows past what a header (and Cloudflare's 2,000-character
`_headers` line) can hold: an inline script that differs from page to page must become a file or JSON data.
`<script type="application/json">` (material's config) and `application/ld+json` are data, not scripts: no hash.
"""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}
MAX_HASHES = 12  # scripts and styles together: the header stays well under 2,000 characters


@dataclass
class Inline:
    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)
    forbidden: list[str] = field(default_factory=list)  # what no hash allows: style attributes, handlers, js: URLs


class _InlineParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=False)
        self.found = Inline()
        self._open: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name == "style":
                self.found.forbidden.append(f'<{tag} style="{value}">')
            elif name.startswith("on"):
                self.found.forbidden.append(f"<{tag} {name}=…> (inline event handler)")
            elif name in ("href", "src", "action", "formaction") and (value or "").strip().lower().startswith(
                    "javascript:"):
                self.found.forbidden.append(f"<{tag} {name}={value!r}>")
        attributes = dict(attrs)
        if tag == "script" and not attributes.get("src") and attributes.get("type") not in DATA_SCRIPT_TYPES:
            self._open = ("script", [])
        elif tag == "style":
            self._open = ("style", [])

    def handle_data(self, data):
        if self._open:
            self._open[1].append(data)

    def handle_endtag(self, tag):
        if self._open and tag == self._open[0]:
            text = "".join(self._open[1])
            (self.found.scripts if tag == "script" else self.found.styles).append(text)
            self._open = None


def inline_parts(html: str) -> Inline:
    parser = _InlineParser()
    parser.feed(html)
    parser.close()
    return parser.found


def source_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii") + "'"


@dataclass(frozen=True)
class SiteInline:
    script_hashes: tuple[str, ...]
    style_hashes: tuple[str, ...]
    forbidden: dict[str, list[str]]  # page -> what no policy allows
    pages: dict[str, str]  # hash -> first page that holds it (for messages)


def scan(site: Path) -> SiteInline:
    scripts: dict[str, str] = {}
    styles: dict[str, str] = {}
    forbidden: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*.html")):
        where = path.relative_to(site).as_posix()
        found = inline_parts(path.read_text("utf-8"))
        for text in found.scripts:
            scripts.setdefault(source_hash(text), where)
        for text in found.styles:
            styles.setdefault(source_hash(text), where)
        if found.forbidden:
            forbidden[where] = found.forbidden
    return SiteInline(tuple(scripts), tuple(styles), forbidden, {**scripts, **styles})


def policy(script_hashes: tuple[str, ...] | list[str], style_hashes: tuple[str, ...] | list[str]) -> str:
    directives = [
        ("default-src", "'self'"),
        ("script-src", " ".join(["'self'", *sorted(script_hashes)])),
        ("style-src", " ".join(["'self'", *sorted(style_hashes)])),
        ("img-src", "'self' data:"),
        ("font-src", "'self'"),
        ("connect-src", "'self'"),
        ("worker-src", "'self'"),
        ("manifest-src", "'self'"),
        ("object-src", "'none'"),
        ("base-uri", "'self'"),
        ("form-action", "'self'"),
        ("frame-ancestors", "'self'"),
    ]
    return "; ".join(f"{name} {value}" for name, value in directives)


def parse(header: str) -> dict[str, list[str]]:
    """A CSP header as {directive: [sources]}."""
    out = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            out[words[0].lower()] = words[1:]
    return out


def violations(html: str, header: str) -> list[str]:
    """What in one page the policy `header` does not allow."""
    directives = parse(header)
    found = inline_parts(html)
    problems = list(found.forbidden)
    for kind, texts in (("script-src", found.scripts), ("style-src", found.styles)):
        allowed = directives.get(kind, directives.get("default-src", []))
        if "'unsafe-inline'" in allowed:
            problems.append(f"{kind} allows 'unsafe-inline'")
        for text in texts:
            if source_hash(text) not in allowed:
                problems.append(f"inline {kind.split('-')[0]} {source_hash(text)} not allowed: {text[:60]!r}")
    return problems


class PolicyError(ValueError):
    pass


def site_policy(site: Path) -> str:
    """The policy for a built site; raises PolicyError when its pages hold what no strict policy allows."""
    found = scan(site)
    problems = [f"{page}: {item}" for page, items in found.forbidden.items() for item in items]
    count = len(found.script_hashes) + len(found.style_hashes)
    if count > MAX_HASHES:
        problems.append(f"{count} distinct inline scripts and styles (at most {MAX_HASHES}): an inline block that "
                        f"changes from page to page, e.g. in {sorted(set(found.pages.values()))[:5]}")
    if problems:
        raise PolicyError("the pages hold inline code a strict CSP cannot allow (use a class, a file or "
                          "addEventListener):\n  " + "\n  ".join(problems[:40]))
    return policy(found.script_hashes, found.style_hashes)
