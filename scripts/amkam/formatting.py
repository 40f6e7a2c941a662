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
from babel.dates import format_skeleton as _babel_skeleton
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


def _formatter(spec: dict, lang: str):
    return {
        "amount": lambda v: amount(v, spec["currency"], lang),
        "percent": lambda v: percent(v, lang),
        "count": lambda v: number(v, lang),
        "multiplier": lambda v: number(v, lang),
        "year": year,
    }[spec["type"]]


def quantity(spec: dict, lang: str, form: str | None = None) -> str:
    """A typed figure from the data file (a fact, or a figure named in a note), as text.

    A range is written compactly by default: '10–30 %' (one percent sign, CLDR's range dash), '3–5',
    '70 000 € – 100 000 €' (spaced dash between amounts, which carry their own symbol). `form` is a sentence
    pattern of the page's language for the range, with {low} and {high} (bare numbers for percents: 'de {low} à
    {high} %') or {low_unit} and {high_unit} (each with its unit: 'entre el {low_unit} y el {high_unit}')."""
    kind = spec["type"]
    if kind == "ratio":
        return ":".join(number(part, lang) for part in spec["value"])
    fmt = _formatter(spec, lang)
    if "value" in spec:
        return fmt(spec["value"])
    bare = number if kind == "percent" else (lambda v, _lang: fmt(v))
    if form is not None:
        return form.format(low=bare(spec["low"], lang), high=bare(spec["high"], lang),
                           low_unit=fmt(spec["low"]), high_unit=fmt(spec["high"]))
    if kind == "percent":  # the percent sign once, after the range: 10–30 %, 10–30%
        return percent(spec["high"], lang).replace(number(spec["high"], lang), f"{number(spec['low'], lang)}{EN_DASH}"
                                                   f"{number(spec['high'], lang)}", 1)
    low, high = fmt(spec["low"]), fmt(spec["high"])
    joiner = EN_DASH if kind in ("count", "year") else f" {EN_DASH} "
    return f"{low}{joiner}{high}"


def long_date(value: dt.date, locale: str) -> str:
    """'27 November 2026' (en_GB), '27. listopadu 2026' (cs_CZ): pass the registry's locale, not the language.
    French writes the first day of a month as an ordinal, '1er mars 2026', which CLDR's pattern does not."""
    text = _babel_date(value, format="long", locale=locale)
    if locale.split("_")[0] == "fr" and value.day == 1:
        text = "1er" + text[1:]
    return text


def published(value, locale: str) -> str:
    """A source's publication date from the data file (2023, '2022-11' or a full date) as the locale writes it:
    '2023', 'novembre 2022', 'listopad 2022', 'noviembre de 2022', '27 November 2026'."""
    if isinstance(value, dt.date):
        return long_date(value, locale)
    text = str(value)
    if re.fullmatch(r"\d{4}", text):
        return text
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return _babel_skeleton("yMMMM", dt.date(int(text[:4]), int(text[5:]), 1), locale=locale)
    return long_date(dt.date.fromisoformat(text), locale)


def country_name(code: str, lang: str) -> str:
    return Locale.parse(lang).territories[code]


def currency_name(code: str, lang: str) -> str:
    return Locale.parse(lang).currencies[code]


def country_note(country: dict, lang: str) -> str:
    """A country's note from the data file, with the figures it names in braces formatted for `lang`."""
    return re.sub(r"\{(\w+)\}", lambda m: quantity(country[m.group(1)], lang), country["note"][lang])
