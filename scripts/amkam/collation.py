"""Alphabetical order as each language's readers expect it, from ICU (PyICU) collation rules.

Czech and Slovak sort "ch" as one letter after "h" and "č" after "c" ("Česko" comes before "D", not last); Slovak
puts "ä" after "a" and "ô" after "o"; French, Spanish and English ignore accents at first. A code-point or
accent-stripping sort gets these wrong, so every list the site sorts for readers goes through `sort_key`."""

from __future__ import annotations

from functools import lru_cache
from typing import Callable

import icu

# The ICU locale of each site language: the country whose usage the site follows.
LOCALES = {"en": "en_GB", "fr": "fr_FR", "sk": "sk_SK", "cs": "cs_CZ", "es": "es_ES"}


@lru_cache(maxsize=None)
def collator(lang: str) -> icu.Collator:
    """ICU's collator for a site language (or any ICU locale id)."""
    return icu.Collator.createInstance(icu.Locale(LOCALES.get(lang, lang)))


def sort_key(lang: str) -> Callable[[str], bytes]:
    """A `key=` for sorted(): orders texts alphabetically in `lang`."""
    return collator(lang).getSortKey


def sorted_texts(texts, lang: str) -> list[str]:
    """The texts in `lang`'s alphabetical order."""
    return sorted(texts, key=sort_key(lang))
