"""Every list the site sorts is in its language's own alphabetical order, computed by ICU (issue 9, point 4).

Czech and Slovak treat "ch" as one letter after "h" and "č" as a letter after "c" ("Česko" comes before "D…", not
after "Z…" as a code-point sort puts it); Slovak also has "ä" after "a" and "ô" after "o". The glossary's terms
and the calculator's country select are the sorted lists; the salaries and conventions tables keep the data's
order (the reader's country first), so they are not sorted by name."""

from __future__ import annotations

import pytest

from amkam import formatting as fmt
from amkam.collation import sort_key, sorted_texts
from conftest import FIGURES, LANGUAGES, SITE_DATA


def test_czech_ch_is_a_letter_after_h():
    assert sorted_texts(["idea", "chata", "hrad"], "cs") == ["hrad", "chata", "idea"]
    assert sorted_texts(["Chorvatsko", "Itálie", "Harvard", "Gruzie"], "cs") == \
        ["Gruzie", "Harvard", "Chorvatsko", "Itálie"]


def test_czech_c_caron_comes_after_c_and_before_d():
    countries = ["Dánsko", "Zambie", "Česko", "Chorvatsko", "Cypr", "Belgie"]
    assert sorted_texts(countries, "cs") == ["Belgie", "Cypr", "Česko", "Dánsko", "Chorvatsko", "Zambie"]


def test_czech_r_caron_comes_after_r():
    assert sorted_texts(["Příjem", "Provize", "Prognóza", "Rakousko"], "cs") == \
        ["Prognóza", "Provize", "Příjem", "Rakousko"]


def test_slovak_a_umlaut_o_circumflex_and_ch():
    assert sorted_texts(["bäk", "baz", "bak"], "sk") == ["bak", "baz", "bäk"]  # ä after every a…
    assert sorted_texts(["pes", "ôsmy", "oz"], "sk") == ["oz", "ôsmy", "pes"]  # ô after every o…
    assert sorted_texts(["idea", "chata", "hrad"], "sk") == ["hrad", "chata", "idea"]
    assert sorted_texts(["Dánsko", "Česko", "Cyprus"], "sk") == ["Cyprus", "Česko", "Dánsko"]


def test_other_languages_ignore_accents_first():
    assert sorted_texts(["élan", "ebene", "fable"], "fr") == ["ebene", "élan", "fable"]
    assert sorted_texts(["ñu", "nube", "oso"], "es") == ["nube", "ñu", "oso"]  # ñ is a letter after n in Spanish


def _in_order(names, lang):
    key = sort_key(lang)
    return all(key(a) <= key(b) for a, b in zip(names, names[1:], strict=False))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_built_glossary_is_in_the_language_order(site, lang):
    article = site.soup(lang, "glossary").select_one("article")
    ids = [h3["id"] for h3 in article.select("h3[id]")]
    terms = {term["id"]: term["term"][lang] for term in SITE_DATA.glossary["terms"]}
    assert sorted(ids) == sorted(terms), "the glossary's heading ids must stay the terms' ids"
    names = [terms[term_id] for term_id in ids]
    assert names == sorted_texts(names, lang), f"{lang} glossary out of order: {names}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_calculator_countries_are_in_the_language_order(site, lang):
    options = site.soup(lang, "salary-calculator").select("#calc-country option")
    names = [" ".join(option.get_text().split()) for option in options]
    assert names == [fmt.country_name(code, lang) for code in (o["value"] for o in options)]
    assert len(names) == len(FIGURES["countries"])
    assert names == sorted_texts(names, lang), f"{lang} countries out of order: {names}"
    if lang in ("cs", "sk"):
        assert names[-1] != fmt.country_name("CZ", lang), "Česko sorted last, as a code-point sort puts it"
