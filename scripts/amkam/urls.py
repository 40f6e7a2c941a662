"""Site-relative URLs, as the pages link each other."""

from __future__ import annotations

import posixpath


def relative_url(url: str, page_url: str) -> str:
    """`url` as a link from the page at `page_url` (both site-relative, as MkDocs writes them)."""
    if page_url not in ("", "."):
        head, tail = posixpath.split(page_url)
        page_url = head if "." in tail else page_url
    rel = posixpath.relpath("/" + url, "/" + page_url)
    return rel + "/" if url.endswith("/") else rel
