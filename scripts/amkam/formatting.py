"""Locale formatting of the site's figures with Babel (build time).

Whole amounts are shown without cents (48 000 €, €48,000); anything else keeps two decimals.
tests/test_formatting.py checks these functions against literal strings written from CLDR's rules.
"""

from __future__ import annotations

import copy
import datetime as dt
import re
from decimal import Decimal

from babel import Locale
from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal, parse_pattern

EN_DASH = "\u2013"
NBSP = "\u00a0"
# CLDR's minimumGroupingDigits where it is not 1 (Babel ignores it; ICU's Intl.NumberFormat, used by the calculator,
# applies it): Spanish groups only numbers of five digits or more (8000 €, 48.000 €).
MIN_GROUPING_DIGITS = {"es": 2}


def _grouped(number: Decimal, lang: str) -> bool:
    """Whether CLDR puts a group separator in this number (primary group of 3 digits)."""
    return abs(number) >= 10 ** (2 + MIN_GROUPING_DIGITS.get(lang.split("_")[0], 1))


def _apply(pattern_text: str, value, lang: str, *, max_frac: int, currency: str | None = None) -> str:
    """Apply a CLDR pattern with 0..max_frac decimals (no trailing zeros for whole values)."""
    pattern = copy.copy(parse_pattern(pattern_text))
    number = Decimal(str(value))
    whole = number == number.to_integral_value()
    pattern.frac_prec = (0, 0) if whole else (max_frac if currency else 0, max_frac)
    return pattern.apply(number, Locale.parse(lang), currency=currency, currency_digits=False,
                         decimal_quantization=True, group_separator=_grouped(number, lang))


def amount(value, currency: str, lang: str) -> str:
    text = _apply(Locale.parse(lang).currency_formats["standard"].pattern, value, lang,
                  max_frac=2, currency=currency)
    # CLDR currency spacing, which Babel leaves out: a letter code never touches the digits (CZK 28,434).
    return re.sub(r"(?<=[A-Z])(?=\d)|(?<=\d)(?=[A-Z])", NBSP, text)


def percent(value, lang: str) -> str:
    """`value` is in percent: percent(17.2, "fr") -> '17,2 %'."""
    pattern = Locale.parse(lang).percent_formats[None].pattern
    return _apply(pattern, Decimal(str(value)) / 100, lang, max_frac=2)


def number(value, lang: str) -> str:
    number = Decimal(str(value))
    return format_decimal(number, locale=lang, decimal_quantization=False, group_separator=_grouped(number, lang))


def year(value) -> str:
    return str(value)


def quantity(spec: dict, lang: str) -> str:
    """A typed figure from the data file (a fact, or a figure named in a note), as text."""
    kind = spec["type"]
    if kind == "ratio":
        return ":".join(number(part, lang) for part in spec["value"])
    fmt = {
        "amount": lambda v: amount(v, spec["currency"], lang),
        "percent": lambda v: percent(v, lang),
        "count": lambda v: number(v, lang),
        "multiplier": lambda v: number(v, lang),
        "year": year,
    }[kind]
    if "value" in spec:
        return fmt(spec["value"])
    low, high = fmt(spec["low"]), fmt(spec["high"])
    joiner = EN_DASH if kind in ("count", "year") else f" {EN_DASH} "
    return f"{low}{joiner}{high}"


def long_date(value: dt.date, lang: str) -> str:
    return _babel_date(value, format="long", locale=lang)


def country_name(code: str, lang: str) -> str:
    return Locale.parse(lang).territories[code]


def currency_name(code: str, lang: str) -> str:
    return Locale.parse(lang).currencies[code]


def country_note(country: dict, lang: str) -> str:
    """A country's note from the data file, with the figures it names in braces formatted for `lang`."""
    return re.sub(r"\{(\w+)\}", lambda m: quantity(country[m.group(1)], lang), country["note"][lang])
