"""Validate the site's data files against their JSON Schemas, then check what a schema cannot express.

The schemas (scripts/amkam/schemas/*.schema.json, JSON Schema draft 2020-12) say what each file may contain:
fields, types, choices, ranges, texts in every language. This module runs them with `jsonschema` and adds the
checks between entries and files: sources named, countries defined, ids unique, pages present, and the UI
strings the code builds at run time. Every problem raises DataError as

    <file>: entry '<entry>', field '<field>': <problem>

so that a content editor knows where to look. No mkdocs here: the MkDocs adapter turns a DataError into a build
error; the tests call these functions directly.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match

from .errors import DataError

SCHEMA_DIR = Path(__file__).resolve().parent / "schemas"
KINDS = ("figures", "glossary", "occupations", "strings", "job_ads")
# Where each file lives, relative to the project root (the names errors give when no other path is passed).
FILES = {
    "figures": "docs/assets/data/figures.yml",
    "glossary": "docs/assets/data/glossary.yml",
    "occupations": "docs/assets/data/occupations.yml",
    "strings": "docs/assets/data/strings.yml",
    "job_ads": "docs/assets/data/job_ads.yml",
}
LANGUAGES = ("en", "fr", "sk", "cs", "es")

# The source id of the brief's illustration: like no source at all, it is not a statistic and is never cited as one.
ILLUSTRATION = "brief"
NOT_A_SOURCE = (None, ILLUSTRATION)
# occupation.py publishes a salary as a schema.org distribution only for these statistics and periods.
DISTRIBUTION_STATS = ("p10", "q1", "p25", "median", "q3", "p75", "p90")
DISTRIBUTION_PERIODS = ("year", "month")
# calculator.py reads these examples' parameters (examples["accelerator"]["tiers"], ...) for the form's hints.
REQUIRED_EXAMPLES = {"accelerator": "tiers", "commission": "brackets"}

# The salary calculator's choices (scripts/amkam/salary_model.py `_parse`, options in scripts/amkam/calculator.py).
CALC_BASIS = ("year", "month")
CALC_MODES = ("bonus", "commission")
# The error codes salary_model._parse can give each calculator parameter.
CALC_ERRORS = {
    "country": ("required", "choice"),
    "payments": ("number", "integer", "range"),
    "basis": ("choice",),
    "base": ("required", "number", "range"),
    "mode": ("choice",),
    "target": ("required", "number", "range"),
    "achievement": ("required", "number", "range"),
    "threshold": ("number", "range"),
    "tiers": ("pairs", "range", "order"),
    "cap": ("number", "range"),
    "revenue": ("required", "number", "range"),
    "brackets": ("required", "pairs", "range", "order"),
}
CALC_PAIR_FIELDS = ("tiers", "brackets")
# Keys calculator.js asks for that strings.yml does not define today: the script shows err_choice instead
# ("Choose one of the listed values") when the brackets field is left empty. Not required until written.
CALC_ERROR_FALLBACKS = {"err_brackets_required"}
# The results the calculator form lists (scripts/amkam/templates/calculator_form.html, "result_" ~ key).
CALC_RESULTS = ("variable", "total", "ote", "per_payment", "monthly_average")


def data_error(path: str | os.PathLike, entry: str, field: str, problem: str) -> DataError:
    """The one message format of every data-file error."""
    return DataError(f"{path}: entry '{entry}', field '{field}': {problem}")


# --- loading ---------------------------------------------------------------------------------------------------

def load_yaml(path: str | os.PathLike) -> Any:
    """A YAML file's data; DataError names the file if it is missing or not valid YAML."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser where PyYAML was built with it
    try:
        with open(path, encoding="utf-8") as handle:
            return yaml.load(handle, Loader=loader)
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except yaml.YAMLError as error:
        raise DataError(f"{path}: not valid YAML: {error}") from None


@cache
def schema(kind: str) -> dict:
    """The JSON Schema of one kind of data file (figures, glossary, occupations, strings)."""
    if kind not in KINDS:
        raise ValueError(f"unknown data file kind {kind!r}: expected one of {', '.join(KINDS)}")
    return json.loads((SCHEMA_DIR / f"{kind}.schema.json").read_text("utf-8"))


@cache
def _validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema(kind))


# --- schema validation -----------------------------------------------------------------------------------------

def validate(kind: str, data: Any, path: str | os.PathLike) -> None:
    """Check one file's data against its schema; raise DataError naming file, entry and field."""
    error = best_match(_validator(kind).iter_errors(data))
    if error is None:
        return
    extra, problem = _explain(error)
    entry, field = _locate(kind, data, [*error.absolute_path, *extra])
    if field == "(entry)" and "propertyNames" in error.relative_schema_path:
        field = "(name)"  # the entry's name itself is wrong
    raise data_error(path, entry, field, problem)


def _entry_depth(kind: str, parts: list) -> int:
    """How many path steps name the entry; the rest names the field."""
    if kind == "strings" or (kind == "figures" and parts[:1] == ["worked_example"]):
        return 1
    if kind == "figures" and parts[:1] == ["calculator"]:
        return 3 if len(parts) > 1 and parts[1] in ("examples", "local_plans") else 2
    return 2


def _join(parts) -> str:
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text


def _locate(kind: str, data: Any, parts: list) -> tuple[str, str]:
    """('salaries[3] (de-kam-ba)', 'label.sk') from ['salaries', 3, 'label', 'sk']."""
    depth = _entry_depth(kind, parts)
    entry_parts, field_parts = (parts[:depth], parts[depth:]) if len(parts) >= depth else (parts[:-1], parts[-1:])
    entry = _join(entry_parts) or "(top)"
    if entry_parts and isinstance(entry_parts[-1], int):
        item = data
        try:
            for part in entry_parts:
                item = item[part]
        except (KeyError, IndexError, TypeError):
            item = None
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            entry += f" ({item['id']})"
    return entry, _join(field_parts) or "(entry)"


_TYPES = {"string": "text", "number": "a number", "integer": "a whole number", "boolean": "true or false",
          "object": "a mapping (name: value)", "array": "a list", "null": "null"}


def _value(value) -> str:
    return "nothing" if value is None else repr(value)


def _types(types) -> str:
    names = [_TYPES.get(t, t) for t in ([types] if isinstance(types, str) else types)]
    return ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]


def _expected(description: str | None) -> str:
    """'An http or https address.' -> 'an http or https address' (up to a ';', which starts a remark)."""
    text = (description or "text of another form").split(";")[0].rstrip(".")
    return text[:1].lower() + text[1:]


def _explain(error: ValidationError) -> tuple[list, str]:
    """The path steps to add below the error's instance (a missing field, say) and the problem in plain words."""
    kind, value, instance, sub = error.validator, error.validator_value, error.instance, error.schema
    if "propertyNames" in error.relative_schema_path:  # a name (of a country, a statistic, ...) is wrong
        _, problem = _explain_value(error)
        return [instance], f"unknown name: {problem}"
    if kind == "required":
        missing = next(name for name in value if name not in instance)
        return [missing], "missing"
    if kind == "dependentRequired":
        for name, needs in value.items():
            absent = [other for other in needs if name in instance and other not in instance]
            if absent:
                return [absent[0]], f"missing: '{name}' needs '{absent[0]}' too (a range has both low and high)"
    if kind in ("additionalProperties", "unevaluatedProperties") and isinstance(instance, dict):
        allowed = list(sub.get("properties", {}))
        unknown = [name for name in instance if name not in allowed]
        match = re.search(r"'([^']+)'", error.message)  # unevaluatedProperties: the message names it
        name = unknown[0] if kind == "additionalProperties" and unknown else match.group(1) if match else "?"
        hint = f" (expected one of: {', '.join(allowed)})" if allowed and kind == "additionalProperties" else ""
        return [name], f"unknown field{hint}"
    if kind in ("anyOf", "oneOf"):
        context = error.context or []
        if all(set(option) == {"required"} for option in value):  # alternatives: give this, or that
            choices = [" and ".join(option["required"]) for option in value]
            return [value[0]["required"][0]], "missing: give " + ", or ".join(choices)
        if context and all(e.validator == "type" for e in context):
            types = [t for e in context for t in ([e.validator_value] if isinstance(e.validator_value, str)
                                                  else e.validator_value)]
            return [], f"expected {_types(types)}, got {_value(instance)}"
        typed = [e for e in context if e.validator != "type"]
        if typed:
            return _explain(best_match(typed))
    return _explain_value(error)


def _explain_value(error: ValidationError) -> tuple[list, str]:
    kind, value, instance, sub = error.validator, error.validator_value, error.instance, error.schema
    if kind == "enum":
        got = "nothing" if instance is None else repr(instance)
        return [], f"{got} is not one of {', '.join(map(str, value))}"
    if kind == "type":
        if sub.get("required") == list(LANGUAGES):
            return [], f"expected one text per language ({', '.join(LANGUAGES)}), got {_value(instance)}"
        steps = list(error.relative_schema_path)
        if "additionalProperties" in steps and set(steps[len(steps) - steps[::-1].index("additionalProperties"):]) \
                <= {"$ref", "type"} and value == "object":
            # a field the schema does not name, taken for a figure (countries may name figures of their own)
            return [], (f"unknown field, or a figure that is not a mapping such as {{type: amount, currency: EUR, "
                        f"value: 500}}; got {_value(instance)}")
        return [], f"expected {_types(value)}, got {_value(instance)}"
    if kind == "pattern":
        if value == r"\S":
            return [], "empty text"
        return [], f"expected {_expected(sub.get('description'))}, got {_value(instance)}"
    if kind == "minimum":
        return [], f"expected at least {value}, got {instance!r}"
    if kind == "maximum":
        return [], f"expected at most {value}, got {instance!r}"
    if kind == "exclusiveMinimum":
        return [], f"expected a number above {value}, got {instance!r}"
    if kind == "exclusiveMaximum":
        return [], f"expected a number below {value}, got {instance!r}"
    if kind in ("minItems", "maxItems"):
        word = "at least" if kind == "minItems" else "at most"
        if sub.get("minItems") == sub.get("maxItems"):
            word = "exactly"
        note = f" ({_expected(sub['description'])})" if sub.get("description") else ""
        return [], f"expected {word} {value} item{'s' if value != 1 else ''}, got {len(instance)}{note}"
    if kind == "minProperties":
        return [], f"expected at least {value} entr{'y' if value == 1 else 'ies'}"
    if kind == "uniqueItems":
        seen, twice = [], None
        for item in instance:
            if item in seen:
                twice = item
                break
            seen.append(item)
        return [], f"{twice!r} is listed twice"
    if kind == "const":
        return [], f"expected {value!r}, got {_value(instance)}"
    return [], error.message


# --- checks between entries and files --------------------------------------------------------------------------

def check_references(figures: dict, glossary: dict, occupations: dict, strings: dict, *,
                     docs_dir: str | os.PathLike, paths: Mapping[str, str] | None = None) -> None:
    """What the schemas cannot express: ids that must exist or be unique, ranges, pages, run-time string keys.

    The data must already be valid against the schemas (call `validate` on each file first). `paths` names the
    files in messages (default: FILES, relative to the project root).
    """
    files = {**FILES, **(paths or {})}
    _check_figures(figures, files["figures"])
    _check_unique([term["id"] for term in glossary["terms"]], "terms", files["glossary"])
    _check_terminology(glossary, files["glossary"], Path(docs_dir))
    _check_occupations(occupations, figures, files["occupations"], files["figures"], Path(docs_dir))
    _check_strings(strings, figures, files["strings"])


def _source(value, sources, path, entry, field="source", allow_null=False):
    if value is None and allow_null:
        return
    if value not in sources:
        raise data_error(path, entry, field, f"unknown source {_value(value)} (add it under 'sources:')")


def _country(value, countries, path, entry, field):
    if value not in countries:
        raise data_error(path, entry, field, f"{_value(value)} is not one of the countries under 'countries:' "
                                             f"({', '.join(countries)})")


def _range(spec, path, entry, prefix=""):
    if "low" in spec and "high" in spec and not spec["low"] < spec["high"]:
        raise data_error(path, entry, f"{prefix}high", f"a range needs low < high, got {spec['low']} and "
                                                       f"{spec['high']}")


def _check_unique(ids, name, path):
    seen = set()
    for i, item_id in enumerate(ids):
        if item_id in seen:
            raise data_error(path, f"{name}[{i}] ({item_id})", "id", "duplicate id (another entry has it)")
        seen.add(item_id)


def _check_terminology(glossary: dict, path: str, docs_dir: Path) -> None:
    """Concept ids unique; the glossary terms and pages that the terminology and the job-ad names point to exist."""
    concepts = glossary.get("terminology", [])
    _check_unique([concept["concept"] for concept in concepts], "terminology", path)
    term_ids = {term["id"] for term in glossary["terms"]}
    pages = [(f"terminology[{i}] ({c['concept']})", "title_of", c["title_of"])
             for i, c in enumerate(concepts) if "title_of" in c]
    pages += [(f"job_ad_names.{page}", "(entry)", page) for page in glossary.get("job_ad_names", {})]
    for i, concept in enumerate(concepts):
        if "glossary" in concept and concept["glossary"] not in term_ids:
            raise data_error(path, f"terminology[{i}] ({concept['concept']})", "glossary",
                             f"unknown glossary term {_value(concept['glossary'])} (no entry under 'terms:' has it)")
    for entry, field, page in pages:
        missing = [lang for lang in LANGUAGES if not (docs_dir / lang / f"{page}.md").is_file()]
        if missing:
            raise data_error(path, entry, field, f"no page {page}.md in " + ", ".join(missing))


def _check_figures(data: dict, path: str) -> None:
    sources, countries = data["sources"], data["countries"]
    _check_unique([row["id"] for row in data["salaries"]], "salaries", path)
    for i, row in enumerate(data["salaries"]):
        entry = f"salaries[{i}] ({row['id']})"
        _source(row["source"], sources, path, entry)
        _range(row["stats"], path, entry, "stats.")
    for name, fact in data["facts"].items():
        _source(fact["source"], sources, path, f"facts.{name}", allow_null=True)
        _range(fact, path, f"facts.{name}")
    _country(data["worked_example"]["country"], countries, path, "worked_example", "country")
    for code, country in countries.items():
        entry = f"countries.{code}"
        _source(country["source"], sources, path, entry, allow_null=True)
        if "payments_max" in country and not country["payments"] < country["payments_max"]:
            raise data_error(path, entry, "payments_max", f"expected more than payments ({country['payments']}), "
                                                          f"got {country['payments_max']}")
        for lang in LANGUAGES:
            for field in re.findall(r"\{(\w+)\}", country["note"][lang]):
                if not isinstance(country.get(field), dict):
                    raise data_error(path, entry, f"note.{lang}",
                                     f"names {{{field}}}, which is not a figure of this entry (add it as "
                                     f"'{field}: {{type: ..., value: ...}}')")
                _range(country[field], path, entry, f"{field}.")
    _check_pay(data, path)
    _check_calculator(data, path)


def _check_pay(data: dict, path: str) -> None:
    """The pay section: sources named, countries known, and the headline rules of pay.py met."""
    from . import pay  # pay.py imports nothing from here; a local import keeps the module order free

    sources, countries = data["sources"], data["countries"]
    for code, entry in data["pay"]["countries"].items():
        _country(code, countries, path, f"pay.countries.{code}", "(name)")
        wage = entry["minimum_wage"]
        if "source" in wage:
            _source(wage["source"], sources, path, f"pay.countries.{code}", "minimum_wage.source")
    for i, rule in enumerate(data["pay"]["rules"]):
        entry = f"pay.rules[{i}] ({rule['id']})"
        _source(rule["source"], sources, path, entry, allow_null=True)
        if rule["country"] != "EU":
            _country(rule["country"], countries, path, entry, "country")
    _check_unique([rule["id"] for rule in data["pay"]["rules"]], "pay.rules", path)
    for i, row in enumerate(data["salaries"]):
        if row.get("role") and row.get("occupation"):
            raise data_error(path, f"salaries[{i}] ({row['id']})", "occupation",
                             "give a role or an occupation code that stands for roles, not both")
    for entry, field, problem in pay.problems(data):
        raise data_error(path, entry, field, problem)


def _check_calculator(data: dict, path: str) -> None:
    calc, countries = data["calculator"], data["countries"]
    for code in calc.get("local_plans", {}):
        _country(code, countries, path, f"calculator.local_plans.{code}", "(name)")
    examples = calc["examples"]
    _check_unique([ex["id"] for ex in examples], "calculator.examples", path)
    for i, example in enumerate(examples):
        entry = f"calculator.examples[{i}] ({example['id']})"
        country = example["params"].get("country")
        if country is None and example.get("worked_example"):
            country = data["worked_example"]["country"]
        if country is None:
            raise data_error(path, entry, "params.country", "missing (or set worked_example: true)")
        _country(country, countries, path, entry, "params.country")
    ids = [ex["id"] for ex in examples]
    for example_id, param in REQUIRED_EXAMPLES.items():
        if example_id not in ids:
            raise data_error(path, "calculator.examples", "id",
                             f"no example with id '{example_id}' (the calculator form takes its '{param}' "
                             f"as the hint's example)")
        example = examples[ids.index(example_id)]
        if param not in example["params"]:
            raise data_error(path, f"calculator.examples[{ids.index(example_id)}] ({example_id})",
                             f"params.{param}", "missing (the calculator form shows it as the example)")


def _check_occupations(data: dict, figures: dict, path: str, figures_path: str, docs_dir: Path) -> None:
    classifications = figures["classifications"]
    for page, item in data["occupations"].items():
        entry = f"occupations.{page}"
        missing = [lang for lang in LANGUAGES if not (docs_dir / lang / f"{page}.md").is_file()]
        if missing:
            raise data_error(path, entry, "(name)", f"no page {page}.md in "
                                                    + ", ".join(f"{docs_dir.name}/{lang}" for lang in missing))
        for i, key in enumerate(item.get("isco", [])):
            if "isco" not in classifications.get(key, {}):
                raise data_error(path, entry, f"isco[{i}]",
                                 f"{key!r} is not a {figures_path} classification with an isco group")
        if "same_as" in item and "uri" not in classifications.get(item["same_as"], {}):
            raise data_error(path, entry, "same_as",
                             f"{item['same_as']!r} is not a {figures_path} classification with a uri")
        for i, key in enumerate(item.get("skills", [])):
            if key not in data["skills"]:
                raise data_error(path, entry, f"skills[{i}]", f"unknown skill {key!r} (add it under 'skills:')")
        for key in ("education", "experience", "tools", "portfolio", "reporting", "next_roles"):
            for k, name in enumerate(item.get("glance", {}).get(key, {}).get("facts", [])):
                if name not in figures["facts"]:
                    raise data_error(path, entry, f"glance.{key}.facts[{k}]", f"unknown {figures_path} fact {name!r}")


# --- UI strings the code builds at run time --------------------------------------------------------------------

def _calc_error_key(name: str, code: str) -> str:
    """The strings.yml key docs/assets/javascripts/calculator/calculator.js looks up for a field's error (`message`)."""
    if name in CALC_PAIR_FIELDS:
        return f"err_{name}_{code}"
    if name == "payments" and code == "range":
        return "err_integer"
    if name == "base" and code == "range":
        return "err_base_range"
    return f"err_{code}"


def string_key_uses(figures: dict) -> dict[str, str]:
    """Every UI string key the code builds at run time, with what builds it.

    From the schema's choices (every allowed value will be shown, not only those used today) and from the data
    (example ids). Literal keys such as t("th_country") are not listed: they are in the code as written.
    """
    defs = schema("figures")["$defs"]
    salary = defs["salary"]["properties"]
    uses: dict[str, str] = {}
    for stat in salary["stats"]["propertyNames"]["enum"]:
        if stat not in ("low", "high"):
            uses[f"stat_{stat}"] = f"scripts/amkam/markers.py (_stats) labels salary statistic '{stat}'"
    uses["stat_range"] = "scripts/amkam/markers.py (_stats) labels a salary range (low and high)"
    for population in salary["population"]["enum"]:
        uses[f"pop_{population}"] = f"scripts/amkam/markers.py (salary rows) names population '{population}'"
    from . import pay
    for status in pay.STATUSES:
        uses[f"status_{status}"] = f"scripts/amkam/markers.py (salary rows) names status '{status}' (pay.py)"
    for relation in defs["source"]["properties"]["via"]["properties"]["relation"]["enum"]:
        uses[f"via_{relation}"] = f"scripts/amkam/markers.py (_via) says a source was '{relation}' by another"
    for role in defs["role"]["enum"]:
        uses[f"role_{role}"] = f"scripts/amkam/markers.py (_measures, summaries) names role '{role}'"
        uses[f"role_{role}_short"] = f"scripts/amkam/markers.py (_measures) abbreviates role '{role}'"
    for period in defs["minimumWage"]["properties"]["period"]["enum"]:
        uses[f"period_{period}"] = f"scripts/amkam/markers.py (minimum wage) shows 'period: {period}'"
    glance = schema("occupations")["$defs"]["occupation"]["properties"]["glance"]["properties"]
    for key in glance:
        if key != "role":
            uses[f"glance_{key}"] = f"scripts/amkam/markers.py (_glance) labels the at-a-glance row '{key}'"
    for topic in defs["payRule"]["properties"]["topic"]["enum"]:
        uses[f"topic_{topic}"] = f"scripts/amkam/markers.py (rules) names topic '{topic}'"
    for covers in salary["covers"]["enum"]:
        uses[f"covers_{covers}"] = f"scripts/amkam/markers.py (salaries table) shows 'covers: {covers}'"
    for period in salary["period"]["enum"]:
        uses[f"period_{period}"] = f"scripts/amkam/markers.py (salaries table) shows 'period: {period}'"
    for quoted in defs["countryConventions"]["properties"]["quoted"]["enum"]:
        uses[f"quoted_{quoted}"] = f"scripts/amkam/markers.py (conventions table) shows 'quoted: {quoted}'"
    for name in defs["calculatorParams"]["propertyNames"]["enum"]:
        uses[f"calc_{name}"] = f"scripts/amkam/calculator.py (_form, _summary) labels calculator field '{name}'"
    for value in CALC_BASIS:
        uses[f"calc_basis_{value}"] = f"scripts/amkam/calculator.py (_form, _parameters) names basis '{value}'"
    for value in CALC_MODES:
        uses[f"calc_mode_{value}"] = f"scripts/amkam/calculator.py (_form, _parameters) names mode '{value}'"
    for example in figures["calculator"]["examples"]:
        uses[f"example_{example['id']}"] = (f"scripts/amkam/calculator.py (_examples) titles calculator example "
                                            f"'{example['id']}'")
    for key in CALC_RESULTS:
        uses[f"result_{key}"] = "scripts/amkam/templates/calculator_form.html labels a calculator result"
    uses["err_choice"] = ("docs/assets/javascripts/calculator/calculator.js shows it for any error without a message "
                          "of its own")
    for name, codes in CALC_ERRORS.items():
        for code in codes:
            key = _calc_error_key(name, code)
            if key not in CALC_ERROR_FALLBACKS:
                uses.setdefault(key, f"docs/assets/javascripts/calculator/calculator.js shows it for error '{code}' of "
                                     f"calculator field '{name}'")
    return uses


def required_string_keys(figures: dict) -> set[str]:
    """The UI string keys the code builds at run time (see string_key_uses)."""
    return set(string_key_uses(figures))


def _check_strings(strings: dict, figures: dict, path: str) -> None:
    for key, use in string_key_uses(figures).items():
        if key not in strings:
            raise data_error(path, key, "(entry)", f"missing: {use}")


def check_job_ads(job_ads: dict, figures: dict, occupations: dict, path: str = FILES["job_ads"]) -> None:
    """The job-ad builder's references: roles are occupations, level facts are counts of years, rule countries
    are figures.yml countries, and every ad language states every rule."""
    for role in job_ads["roles"]:
        if role not in occupations["occupations"]:
            raise data_error(path, f"roles.{role}", "(name)", "not an occupation of occupations.yml")
    for name, level in job_ads["levels"].items():
        fact = figures["facts"].get(level.get("fact")) if "fact" in level else level
        if fact is None:
            raise data_error(path, f"levels.{name}", "fact", f"unknown fact {_value(level['fact'])} (facts are in "
                                                             "figures.yml)")
        if "fact" in level and fact["type"] != "count":
            raise data_error(path, f"levels.{name}", "fact", "the fact must be a count of years")
        _range(fact, path, f"levels.{name}")
    ids = [rule["id"] for rule in job_ads["rules"]]
    _check_unique(ids, "rules", path)
    for i, rule in enumerate(job_ads["rules"]):
        for code in rule["countries"]:
            _country(code, figures["countries"], path, f"rules[{i}] ({rule['id']})", "countries")
    for code in job_ads["neutral_by_country"]:
        _country(code, figures["countries"], path, f"neutral_by_country.{code}", "(name)")
    for lang, ad in job_ads["ads"].items():
        if sorted(ad["rules"]) != sorted(ids):
            raise data_error(path, f"ads.{lang}", "rules", f"needs a sentence for each rule: {', '.join(ids)}")


# --- everything at once ----------------------------------------------------------------------------------------

def check_all(root: str | os.PathLike) -> dict[str, Any]:
    """Load, validate and cross-check the four data files of a project; their data by kind."""
    root = Path(root)
    data = {}
    for kind in KINDS:
        data[kind] = load_yaml(root / FILES[kind])
        validate(kind, data[kind], FILES[kind])
    check_references(data["figures"], data["glossary"], data["occupations"], data["strings"],
                     docs_dir=root / "docs")
    check_job_ads(data["job_ads"], data["figures"], data["occupations"])
    return data
