"""Alphabetical order as each language's readers expect it, from ICU (PyICU) collation rules.

Czech and Slovak sort "ch" as one letter after "h" and "č" after "c" ("Česko" comes before "D", not last); Slovak
puts "ä" after "a" and "ô" after "o"; French, Spanish and English ignore accents at first. A code-point or
accent-stripping sort gets these wrong, so every list the site sorts for readers goes through `sort_key`."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

import icu


@cache
def collator(locale: str) -> icu.Collator:
    """ICU's collator for a locale: a language's locale from the registry (cs_CZ), or a language code (cs)."""
    return icu.Collator.createInstance(icu.Locale(locale))


def sort_key(locale: str) -> Callable[[str], bytes]:
    """A `key=` for sorted(): orders texts alphabetically for `locale`."""
    return collator(locale).getSortKey


def sorted_texts(texts, locale: str) -> list[str]:
    """The texts in `locale`'s alphabetical order."""
    return sorted(texts, key=sort_key(locale))
