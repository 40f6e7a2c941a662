"""Locale formatting (amkam.formatting) against literal strings written from CLDR's rules, never computed by the
code under test.

What the literals encode, per CLDR (the same data ICU's Intl.NumberFormat uses in the calculator):
- en: currency `¤#,##0.00`, grouping `,`, decimal `.`, percent `#,##0%` (no space); a letter code (CZK) is kept apart
  from the digits by a no-break space (currencySpacing).
- fr: grouping U+202F (narrow no-break space), decimal `,`, currency `#,##0.00 ¤` and percent `#,##0 %` with U+00A0.
- sk, cs: grouping U+00A0, decimal `,`, currency and percent with U+00A0; cs writes the koruna `Kč`.
- es: grouping `.`, decimal `,`, currency and percent with U+00A0; minimumGroupingDigits 2: a four-digit number has
  no group separator (8000 €, 48.000 €).
Whole amounts are shown without cents (the site's choice); other amounts keep two decimals.
"""

from __future__ import annotations

import datetime as dt

import pytest

from amkam import formatting as fmt

NBSP = "\u00a0"
NNBSP = "\u202f"

AMOUNTS = [  # value, currency, lang, expected
    (48000, "EUR", "en", "€48,000"),
    (48000, "EUR", "fr", f"48{NNBSP}000{NBSP}€"),
    (48000, "EUR", "sk", f"48{NBSP}000{NBSP}€"),
    (48000, "EUR", "cs", f"48{NBSP}000{NBSP}€"),
    (48000, "EUR", "es", f"48.000{NBSP}€"),
    (40000, "EUR", "fr", f"40{NNBSP}000{NBSP}€"),
    (8000, "EUR", "en", "€8,000"),
    (8000, "EUR", "fr", f"8{NNBSP}000{NBSP}€"),
    (8000, "EUR", "cs", f"8{NBSP}000{NBSP}€"),
    (8000, "EUR", "es", f"8000{NBSP}€"),
    (1234.5, "EUR", "es", f"1234,50{NBSP}€"),
    (1234.5, "EUR", "en", "€1,234.50"),
    (1234.5, "EUR", "fr", f"1{NNBSP}234,50{NBSP}€"),
    (1234.5, "EUR", "sk", f"1{NBSP}234,50{NBSP}€"),
    (28434, "CZK", "cs", f"28{NBSP}434{NBSP}Kč"),
    (28434, "CZK", "en", f"CZK{NBSP}28,434"),
    (28434, "CZK", "sk", f"28{NBSP}434{NBSP}CZK"),
    (28434, "CZK", "fr", f"28{NNBSP}434{NBSP}CZK"),
    (28434, "CZK", "es", f"28.434{NBSP}CZK"),
    (1250000, "EUR", "en", "€1,250,000"),
    (1250000, "EUR", "es", f"1.250.000{NBSP}€"),
]

PERCENTS = [  # value in percent, lang, expected
    (17.2, "en", "17.2%"),
    (17.2, "fr", f"17,2{NBSP}%"),
    (17.2, "sk", f"17,2{NBSP}%"),
    (17.2, "cs", f"17,2{NBSP}%"),
    (17.2, "es", f"17,2{NBSP}%"),
    (20, "en", "20%"),
    (20, "fr", f"20{NBSP}%"),
    (12.25, "en", "12.25%"),
    (12.25, "cs", f"12,25{NBSP}%"),
]

NUMBERS = [  # value, lang, expected
    (14, "en", "14"),
    (14, "fr", "14"),
    (1234567.25, "en", "1,234,567.25"),
    (1234567.25, "fr", f"1{NNBSP}234{NNBSP}567,25"),
    (1234567.25, "sk", f"1{NBSP}234{NBSP}567,25"),
    (1234567.25, "cs", f"1{NBSP}234{NBSP}567,25"),
    (1234567.25, "es", "1.234.567,25"),
    (1500, "en", "1,500"),
    (1500, "sk", f"1{NBSP}500"),
    (1500, "es", "1500"),
    (12500, "es", "12.500"),
    (1.5, "en", "1.5"),
    (1.5, "fr", "1,5"),
]

LONG_DATES = [  # CLDR's long date format: en `MMMM d, y`, fr `d MMMM y`, sk/cs `d. MMMM y`, es `d 'de' MMMM 'de' y`
    ("en", "March 1, 2026"),
    ("fr", "1er mars 2026"),  # French typography: the first of the month is an ordinal (CLDR writes "1")
    ("sk", "1. marca 2026"),  # Slovak and Czech month names in the genitive
    ("cs", "1. března 2026"),
    ("es", "1 de marzo de 2026"),
]

RANGES = [  # amount ranges: an en dash between spaces; count ranges: a bare en dash
    ({"type": "amount", "currency": "EUR", "low": 40000, "high": 60000}, "en", "€40,000 – €60,000"),
    ({"type": "amount", "currency": "EUR", "low": 40000, "high": 60000}, "fr",
     f"40{NNBSP}000{NBSP}€ – 60{NNBSP}000{NBSP}€"),
    ({"type": "count", "low": 3, "high": 5}, "cs", "3–5"),
    ({"type": "ratio", "value": [70, 30]}, "es", "70:30"),
    ({"type": "percent", "value": 17.2}, "fr", f"17,2{NBSP}%"),
]


@pytest.mark.parametrize("value,currency,lang,expected", AMOUNTS)
def test_amount_follows_cldr(value, currency, lang, expected):
    assert fmt.amount(value, currency, lang) == expected


@pytest.mark.parametrize("value,lang,expected", PERCENTS)
def test_percent_follows_cldr(value, lang, expected):
    assert fmt.percent(value, lang) == expected


@pytest.mark.parametrize("value,lang,expected", NUMBERS)
def test_number_follows_cldr(value, lang, expected):
    assert fmt.number(value, lang) == expected


@pytest.mark.parametrize("lang,expected", LONG_DATES)
def test_long_date_follows_cldr(lang, expected):
    assert fmt.long_date(dt.date(2026, 3, 1), lang) == expected


@pytest.mark.parametrize("spec,lang,expected", RANGES)
def test_quantity_follows_cldr(spec, lang, expected):
    assert fmt.quantity(spec, lang) == expected
