"""A malformed or incomplete data file stops the build with a message naming the file, the entry and the field."""

from __future__ import annotations

import re

import pytest

from conftest import build, build_with_broken_data, copy_project

FIGURES = "docs/assets/data/figures.yml"


CORRUPTIONS = [
    # (what is broken, text replaced, replacement, words the error must contain)
    ("missing field", "    currency: EUR\n    period: year\n    covers: base\n    stats: {average: 35000}",
     "    period: year\n    covers: base\n    stats: {average: 35000}",
     ["figures.yml", "salaries[0] (fr-kam-junior)", "'currency'", "missing"]),
    ("wrong type", "stats: {average: 35000}", "stats: {average: lots}",
     ["figures.yml", "fr-kam-junior", "'stats.average'", "expected a number"]),
    ("unknown country", "    country: DE\n", "    country: XX\n",
     ["figures.yml", "de-kam-stepstone", "'country'", "'XX'"]),
    ("missing translation", "      sk: Junior KAM, pevná zložka\n", "",
     ["figures.yml", "fr-kam-junior", "'label.sk'", "missing"]),
    ("unknown source", "    source: akimbo\n", "    source: nowhere\n",
     ["figures.yml", "fr-kam-junior", "'source'", "nowhere"]),
]


@pytest.mark.parametrize("what,old,new,words", CORRUPTIONS, ids=[c[0] for c in CORRUPTIONS])
def test_corrupted_data_fails_the_build_naming_the_field(tmp_path, what, old, new, words):
    code, message, output = build_with_broken_data(tmp_path, FIGURES, old, new)
    assert code != 0, f"the build accepted a data file with a {what}"
    for word in words:
        assert word in message, f"{word!r} not in the error: {message or output[-2000:]}"
    assert "Traceback" not in output


def test_an_unknown_marker_fails_the_build(tmp_path):
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "fr" / "compensation.md"
    page.write_text(page.read_text("utf-8") + "\n{{ figures fact:no_such_fact }}\n", "utf-8")
    result = build(project, tmp_path / "out", "http://127.0.0.1:9/")
    assert result.returncode != 0
    assert re.search(r"fr/compensation\.md: unknown fact 'no_such_fact'", result.stdout + result.stderr)
