"""Compare two built sites page for page, as a reader's browser sees them: HTML is parsed and compared as a DOM
(white space, attribute order and character escaping ignored), JSON as data, anything else byte for byte.

    .venv/bin/python scripts/compare_sites.py BEFORE_DIR AFTER_DIR

Prints every file that exists in one site only and every file that differs, with the first difference; exits 1
if there is any. Used to prove that a refactoring changed nothing a reader or a crawler would see.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from bs4 import BeautifulSoup, Comment, NavigableString

SKIPPED = {".png", ".gz"}  # share cards are drawn anew; the gzip sitemap mirrors sitemap.xml


def _normalise(node) -> list:
    out = []
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            text = " ".join(str(child).split())
            if text:
                out.append(text)
            continue
        attrs = {k: " ".join(v) if isinstance(v, list) else v for k, v in sorted(child.attrs.items())}
        if child.name in ("script", "style") and child.string:
            body = child.string.strip()
            if child.get("type") in ("application/json", "application/ld+json"):
                body = json.loads(body)
            out.append([child.name, attrs, body])
        else:
            out.append([child.name, attrs, _normalise(child)])
    return out


def _first_difference(a, b, path="") -> str:
    if type(a) is not type(b):
        return f"{path}: {str(a)[:200]!r} != {str(b)[:200]!r}"
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):  # lengths compared below
            if x != y:
                return _first_difference(x, y, f"{path}/{i}")
        return f"{path}: {len(a)} items != {len(b)} items (next: {str((a + b)[min(len(a), len(b))])[:200]!r})"
    if isinstance(a, dict):
        for key in sorted(set(a) | set(b)):
            if a.get(key) != b.get(key):
                return f"{path}@{key}: {str(a.get(key))[:200]!r} != {str(b.get(key))[:200]!r}"
    return f"{path}: {str(a)[:300]!r} != {str(b)[:300]!r}"


def compare(before: Path, after: Path) -> list[str]:
    files_a = {p.relative_to(before) for p in before.rglob("*") if p.is_file()}
    files_b = {p.relative_to(after) for p in after.rglob("*") if p.is_file()}
    report = [f"only before: {p}" for p in sorted(files_a - files_b)]
    report += [f"only after: {p}" for p in sorted(files_b - files_a)]
    for rel in sorted(files_a & files_b):
        if rel.suffix in SKIPPED:
            continue
        a, b = (before / rel).read_bytes(), (after / rel).read_bytes()
        if a == b:
            continue
        if rel.suffix == ".html":
            x = _normalise(BeautifulSoup(a.decode(), "html.parser"))
            y = _normalise(BeautifulSoup(b.decode(), "html.parser"))
        elif rel.suffix == ".json":
            x, y = json.loads(a), json.loads(b)
        else:
            x, y = a.decode(errors="replace").splitlines(), b.decode(errors="replace").splitlines()
        if x != y:
            report.append(f"differs: {rel}: {_first_difference(x, y)}")
    return report


if __name__ == "__main__":
    lines = compare(Path(sys.argv[1]), Path(sys.argv[2]))
    print("\n".join(lines) or "no difference")
    sys.exit(1 if lines else 0)
