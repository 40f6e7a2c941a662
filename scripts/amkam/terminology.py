"""The site's terminology (glossary.yml, `terminology:`): one preferred term per concept and language, and the
variants to avoid, matched the way tests/test_terminology.py and writers' tools need.

A variant is a phrase of whole words, compared case-insensitively with any run of spaces (no-break ones included)
between words; a `*` ending a word stands for any letters, a stem that catches inflected forms ("variabiln*"
finds "variabilní", "variabilnej", "variabilných")."""

from __future__ import annotations

import re
from functools import cache


@cache
def variant_pattern(variant: str) -> re.Pattern:
    """The regular expression that finds one avoided variant in text."""
    words = [re.escape(word[:-1]) + r"\w*" if word.endswith("*") else re.escape(word) for word in variant.split()]
    return re.compile(r"(?<!\w)" + r"\s+".join(words) + r"(?!\w)", re.IGNORECASE)


def avoided(glossary: dict, lang: str) -> list[tuple[str, str, str]]:
    """(concept, preferred term, variant) for every variant the language avoids."""
    return [(concept["concept"], concept[lang]["preferred"], variant)
            for concept in glossary.get("terminology", []) if lang in concept
            for variant in concept[lang]["avoid"]]


def find_avoided(text: str, glossary: dict, lang: str) -> list[dict]:
    """Every use in `text` of a variant the language avoids, with its concept, the preferred term and context."""
    found = []
    for concept, preferred, variant in avoided(glossary, lang):
        for match in variant_pattern(variant).finditer(text):
            context = " ".join(text[max(0, match.start() - 50):match.end() + 50].split())
            found.append({"concept": concept, "variant": variant, "found": match.group(0),
                          "preferred": preferred, "context": context})
    return found
