"""The data files' JSON Schemas and cross-reference checks (scripts/amkam): fast, no site build.

Each corruption loads a real file, changes one thing in memory, and expects a DataError that names the file,
the entry and the field exactly.
"""

from __future__ import annotations

import copy
import json
import re

import pytest
from jsonschema import Draft202012Validator

from amkam import calculator, validation
from amkam.validation import (
    FILES,
    KINDS,
    DataError,
    check_references,
    load_yaml,
    required_string_keys,
    validate,
)
from conftest import ROOT


@pytest.fixture(scope="module")
def real():
    return {kind: load_yaml(ROOT / FILES[kind]) for kind in KINDS}


def check(data: dict) -> None:
    """Schema of every file, then the references between them: what the build will run."""
    for kind in KINDS:
        validate(kind, data[kind], FILES[kind])
    check_references(data["figures"], data["glossary"], data["occupations"], data["strings"],
                     docs_dir=ROOT / "docs")


def _salary_index(figures, salary_id):
    return next(i for i, row in enumerate(figures["salaries"]) if row["id"] == salary_id)


def _term_index(glossary, term_id):
    return next(i for i, term in enumerate(glossary["terms"]) if term["id"] == term_id)


def _example_index(figures, example_id):
    return next(i for i, ex in enumerate(figures["calculator"]["examples"]) if ex["id"] == example_id)


def set_currency(d):
    d["figures"]["salaries"][_salary_index(d["figures"], "de-kam-stepstone")]["currency"] = "XYZ"


def drop_label_sk(d):
    del d["figures"]["salaries"][0]["label"]["sk"]


def fact_low_without_high(d):
    del d["figures"]["facts"]["portfolio_am"]["high"]


def fact_low_above_high(d):
    d["figures"]["facts"]["portfolio_am"]["high"] = 5


def unknown_source(d):
    d["figures"]["salaries"][0]["source"] = "nowhere"


def unknown_fact_source(d):
    d["figures"]["facts"]["gb_bonus_before"]["source"] = "nowhere"


def bad_stat(d):
    d["figures"]["salaries"][0]["stats"] = {"mean": 35000}


def stat_low_without_high(d):
    d["figures"]["salaries"][_salary_index(d["figures"], "fr-kam-senior")]["stats"] = {"low": 65000}


def payments_out_of_range(d):
    d["figures"]["countries"]["ES"]["payments"] = 17


def payments_max_not_above(d):
    d["figures"]["countries"]["FR"]["payments_max"] = 12


def unknown_country_code(d):
    d["figures"]["countries"]["XX"] = d["figures"]["countries"].pop("PL")


def note_names_no_figure(d):
    del d["figures"]["countries"]["NL"]["holiday_allowance"]


def worked_example_country(d):
    d["figures"]["worked_example"]["country"] = "SE"  # a valid code, but not under countries:


def rename_accelerator(d):
    d["figures"]["calculator"]["examples"][_example_index(d["figures"], "accelerator")]["id"] = "accelerators"
    d["strings"]["example_accelerators"] = d["strings"]["example_accelerator"]


def accelerator_without_tiers(d):
    del d["figures"]["calculator"]["examples"][_example_index(d["figures"], "accelerator")]["params"]["tiers"]


def unknown_calculator_param(d):
    d["figures"]["calculator"]["local_plans"]["CZ"]["bonus"] = "10"


def param_not_text(d):
    d["figures"]["calculator"]["examples"][_example_index(d["figures"], "commission")]["params"]["base"] = 30000


def classification_without_code(d):
    del d["figures"]["classifications"]["rome_kam"]["code"]


def unknown_source_field(d):
    d["figures"]["sources"]["apec"]["pubished"] = "2022"


def bad_published(d):
    d["figures"]["sources"]["apec"]["published"] = "2022-13"


def duplicate_salary_id(d):
    d["figures"]["salaries"][1]["id"] = d["figures"]["salaries"][0]["id"]


def empty_definition_cs(d):
    d["glossary"]["terms"][_term_index(d["glossary"], "ote")]["definition"]["cs"] = " "


def bad_term_id(d):
    d["glossary"]["terms"][_term_index(d["glossary"], "ote")]["id"] = "OTE"


def duplicate_term_id(d):
    d["glossary"]["terms"][_term_index(d["glossary"], "quota")]["id"] = "ote"


def unknown_skill(d):
    d["occupations"]["occupations"]["account-manager"]["skills"].append("juggling")


def unknown_isco(d):
    d["occupations"]["occupations"]["key-account-manager"]["isco"] = ["rome_kam"]


def same_as_without_uri(d):
    d["occupations"]["occupations"]["key-account-manager"]["same_as"] = "isco_technical_sales"


def core_country_without_gap(d):
    del d["figures"]["pay"]["countries"]["SK"]["gaps"]


def role_and_occupation(d):
    row = d["figures"]["salaries"][_salary_index(d["figures"], "fr-kam-junior")]
    row["occupation"] = {"system": "ROME", "code": "D1402", "title": "Commercial grands comptes", "lang": "fr",
                         "stands_for": ["kam"]}


def glance_unknown_fact(d):
    d["occupations"]["occupations"]["key-account-manager"]["glance"]["education"]["facts"] = ["nowhere"]


def occupation_without_page(d):
    d["occupations"]["occupations"]["kam-assistant"] = {
        "responsibilities": d["occupations"]["occupations"]["account-manager"]["responsibilities"]}


def missing_responsibilities(d):
    del d["occupations"]["occupations"]["account-manager"]["responsibilities"]


def string_missing_es(d):
    del d["strings"]["th_country"]["es"]


def string_not_per_language(d):
    d["strings"]["dismiss"] = "Close"


def delete_covers_base(d):
    del d["strings"]["covers_base"]


def delete_example_title(d):
    del d["strings"]["example_commission"]


def delete_error_message(d):
    del d["strings"]["err_tiers_order"]


def delete_stat_range(d):
    del d["strings"]["stat_range"]


CORRUPTIONS = [
    # (change, file, entry, field, words the problem must contain)
    (set_currency, "figures", "salaries[7] (de-kam-stepstone)", "currency", "'XYZ' is not one of EUR, CZK, GBP"),
    (drop_label_sk, "figures", "salaries[0] (fr-kam-junior)", "label.sk", "missing"),
    (fact_low_without_high, "figures", "facts.portfolio_am", "high", "missing"),
    (fact_low_above_high, "figures", "facts.portfolio_am", "high", "low < high"),
    (unknown_source, "figures", "salaries[0] (fr-kam-junior)", "source", "unknown source 'nowhere'"),
    (unknown_fact_source, "figures", "facts.gb_bonus_before", "source", "unknown source 'nowhere'"),
    (bad_stat, "figures", "salaries[0] (fr-kam-junior)", "stats.mean", "'mean' is not one of average, median"),
    (stat_low_without_high, "figures", "salaries[2] (fr-kam-senior)", "stats.high", "missing"),
    (payments_out_of_range, "figures", "countries.ES", "payments", "at most 16, got 17"),
    (payments_max_not_above, "figures", "countries.FR", "payments_max", "13, got 12"),
    (unknown_country_code, "figures", "countries.XX", "(name)", "'XX' is not one of FR"),
    (note_names_no_figure, "figures", "countries.NL", "note.en", "{holiday_allowance}"),
    (worked_example_country, "figures", "worked_example", "country", "'SE' is not one of the countries"),
    (rename_accelerator, "figures", "calculator.examples", "id", "no example with id 'accelerator'"),
    (accelerator_without_tiers, "figures", "calculator.examples[1] (accelerator)", "params.tiers", "missing"),
    (unknown_calculator_param, "figures", "calculator.local_plans.CZ", "bonus", "'bonus' is not one of country"),
    (param_not_text, "figures", "calculator.examples[2] (commission)", "params.base", "expected text, got 30000"),
    (classification_without_code, "figures", "classifications.rome_kam", "code", "give code, or isco, or uri"),
    (unknown_source_field, "figures", "sources.apec", "pubished", "unknown field"),
    (bad_published, "figures", "sources.apec", "published", "YYYY or YYYY-MM"),
    (duplicate_salary_id, "figures", "salaries[1] (fr-kam-junior)", "id", "duplicate id"),
    (empty_definition_cs, "glossary", "terms[21] (ote)", "definition.cs", "empty text"),
    (bad_term_id, "glossary", "terms[21] (OTE)", "id", "kebab case"),
    (duplicate_term_id, "glossary", "terms[25] (ote)", "id", "duplicate id"),
    (unknown_skill, "occupations", "occupations.account-manager", "skills[12]", "unknown skill 'juggling'"),
    (unknown_isco, "occupations", "occupations.key-account-manager", "isco[0]", "with an isco group"),
    (same_as_without_uri, "occupations", "occupations.key-account-manager", "same_as", "with a uri"),
    (core_country_without_gap, "figures", "pay.countries.SK", "gaps.roles", "no current AM figure and no declared gap"),
    (role_and_occupation, "figures", "salaries[0] (fr-kam-junior)", "occupation", "not both"),
    (glance_unknown_fact, "occupations", "occupations.key-account-manager", "glance.education.facts[0]",
     "unknown docs/assets/data/figures.yml fact 'nowhere'"),
    (occupation_without_page, "occupations", "occupations.kam-assistant", "(name)", "no page kam-assistant.md"),
    (missing_responsibilities, "occupations", "occupations.account-manager", "responsibilities", "missing"),
    (string_missing_es, "strings", "th_country", "es", "missing"),
    (string_not_per_language, "strings", "dismiss", "(entry)", "one text per language"),
    (delete_covers_base, "strings", "covers_base", "(entry)", "scripts/amkam/markers.py"),
    (delete_example_title, "strings", "example_commission", "(entry)", "calculator example 'commission'"),
    (delete_error_message, "strings", "err_tiers_order", "(entry)", "docs/assets/javascripts/calculator/calculator.js"),
    (delete_stat_range, "strings", "stat_range", "(entry)", "salary range"),
]


@pytest.mark.parametrize("change,kind,entry,field,words", CORRUPTIONS, ids=[c[0].__name__ for c in CORRUPTIONS])
def test_a_corrupted_file_names_file_entry_and_field(real, change, kind, entry, field, words):
    data = copy.deepcopy(real)
    change(data)
    with pytest.raises(DataError) as caught:
        check(data)
    message = str(caught.value)
    assert message.startswith(f"{FILES[kind]}: entry '{entry}', field '{field}': "), message
    assert words in message, message
    assert "Traceback" not in message and "is not valid under any of the given schemas" not in message


def test_the_real_files_are_valid(real):
    check(real)


@pytest.mark.parametrize("kind", KINDS)
def test_every_schema_is_a_valid_draft_2020_12_schema(kind):
    schema = json.loads((validation.SCHEMA_DIR / f"{kind}.schema.json").read_text("utf-8"))
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://am-kam.example.org/api/v1/schemas/{kind}.schema.json"
    assert schema["title"] and schema["description"]


def test_every_schema_shares_one_definition_of_localized_text():
    defs = [validation.schema(kind)["$defs"] for kind in KINDS]
    for name in ("localizedText", "nonEmptyText"):
        assert all(d[name] == defs[0][name] for d in defs), name
    assert defs[0]["localizedText"]["required"] == list(validation.LANGUAGES)


def test_every_property_is_described():
    """The schemas will be published with the open data: every named property says what it is."""
    def described(sub, defs):
        while "description" not in sub and "$ref" in sub:
            sub = defs[sub["$ref"].removeprefix("#/$defs/")]
        return "description" in sub

    def walk(node, where, defs):
        if isinstance(node, dict):
            for name, sub in node.get("properties", {}).items():
                assert described(sub, defs), f"{where}.{name}"
            for key, value in node.items():
                if key not in ("allOf", "anyOf", "oneOf", "if", "then", "else"):  # refinements of described ones
                    walk(value, f"{where}.{key}", defs)
        elif isinstance(node, list):
            for i, value in enumerate(node):
                walk(value, f"{where}[{i}]", defs)

    for kind in KINDS:
        schema = validation.schema(kind)
        walk(schema, kind, schema["$defs"])


def test_a_missing_or_broken_file_names_it(tmp_path):
    with pytest.raises(DataError, match=r"nothing\.yml: file not found"):
        load_yaml(tmp_path / "nothing.yml")
    broken = tmp_path / "broken.yml"
    broken.write_text("terms: [\n", "utf-8")
    with pytest.raises(DataError, match=r"broken\.yml: not valid YAML"):
        load_yaml(broken)


def test_a_file_that_is_not_a_mapping(real):
    with pytest.raises(DataError, match=re.escape("glossary.yml: entry '(top)', field '(entry)': expected a mapping")):
        validate("glossary", ["a", "list"], FILES["glossary"])


def test_run_time_string_keys_follow_the_schema_choices(real):
    keys = required_string_keys(real["figures"])
    figures_defs = validation.schema("figures")["$defs"]
    for covers in figures_defs["salary"]["properties"]["covers"]["enum"]:
        assert f"covers_{covers}" in keys
    assert {"stat_range", "stat_median", "period_payment", "quoted_month", "calc_basis_month", "calc_mode_bonus",
            "example_brief", "err_choice", "err_integer", "err_base_range", "err_brackets_pairs"} <= keys
    assert not {"stat_low", "stat_high"} & keys  # shown as one range
    assert keys <= set(real["strings"])


LITERAL_KEYS = [
    (ROOT / "scripts" / "amkam", "*.py", r"""\bt\(\s*["']([a-z0-9_]+)["']"""),
    (ROOT / "scripts" / "amkam", "*.py", r"""\bs\(\s*["']([a-z0-9_]+)["']\)"""),
    (ROOT / "scripts" / "amkam" / "templates", "*.*", r"""\bt\(\s*["']([a-z0-9_]+)["']\s*\)"""),
    (ROOT / "overrides", "**/*.html", r"\bui\.([a-z0-9_]+)"),
    (ROOT / "docs" / "assets" / "javascripts", "**/calculator.js", r"\bT\.([a-z0-9_]+)"),
]


def test_literal_string_keys_of_the_code_exist(real):
    """Keys written out in the code (t("th_country"), ui.dismiss, T.result_none) are in strings.yml too."""
    missing, found = [], 0
    for folder, pattern, regex in LITERAL_KEYS:
        files = list(folder.glob(pattern))
        assert files, f"no {pattern} in {folder}: the code moved, update LITERAL_KEYS"
        for file in files:
            keys = re.findall(regex, file.read_text("utf-8"))
            found += len(keys)
            for key in keys:
                if key not in real["strings"]:
                    missing.append(f"{file.relative_to(ROOT)}: {key}")
    assert found > 100 and not missing


def test_the_calculator_script_only_reads_texts_it_is_given():
    """calculator.js reads C.text (T): the hook passes it the err_ keys and SCRIPT_TEXTS, nothing else."""
    script_texts = set(calculator.SCRIPT_TEXTS)
    (path,) = (ROOT / "docs" / "assets" / "javascripts").glob("**/calculator.js")
    script = path.read_text("utf-8")
    read = set(re.findall(r"\bT\.([a-z0-9_]+)", script))
    assert read and not {key for key in read if not key.startswith("err_")} - script_texts
