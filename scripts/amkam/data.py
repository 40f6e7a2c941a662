"""Load and validate the site's data files (figures, glossary, UI strings).

Every check raises DataError naming the file, the entry and the field, so a bad edit stops the build
with a message a content editor can act on.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from .errors import DataError
from .registry import Registry, load_registry
from .yaml_files import load_yaml

LANGUAGES = ("en", "fr", "sk", "cs", "es")  # checked against the registry in load_site_data
CURRENCIES = ("EUR", "CZK", "GBP", "CHF", "PLN", "SEK")
# ISO 3166-1 alpha-2 codes the site may name (salaries and calculator).
COUNTRIES = ("FR", "ES", "SK", "CZ", "DE", "IT", "NL", "GB", "CH", "PL", "SE")
PERIODS = ("year", "month", "payment")
COVERS = ("base", "variable", "total", "unspecified")
STATS = ("average", "median", "low", "high", "q1", "q3", "p10", "p25", "p75", "p90", "highest", "variable_pct")
FACT_TYPES = ("amount", "percent", "count", "multiplier", "ratio", "year")
PUBLISHED = re.compile(r"^\d{4}(-\d{2})?$")
# figures.yml statistic -> QuantitativeValueDistribution property, where the two mean the same thing.
DISTRIBUTION = {"p10": "percentile10", "q1": "percentile25", "p25": "percentile25", "median": "median",
                "q3": "percentile75", "p75": "percentile75", "p90": "percentile90"}
DURATION = {"year": "P1Y", "month": "P1M"}  # ISO 8601; a per-payment figure has no fixed duration
ILLUSTRATION = "brief"  # the source id of the brief's illustration: not a statistic, never cited as one
NOT_A_SOURCE = (None, ILLUSTRATION)


def _shown(path: Path) -> str:
    """A data file's path as an editor finds it: from the project root (docs/assets/data/figures.yml)."""
    parts = path.parts
    return "/".join(parts[parts.index("docs"):]) if "docs" in parts else str(path)


def _fail(path: Path, entry: str, field: str, problem: str) -> DataError:
    return DataError(f"{_shown(path)}: entry '{entry}', field '{field}': {problem}")


def _number(value, path, entry, field, *, integer=False, positive=False):
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise _fail(path, entry, field, f"expected a number, got {value!r}")
    if integer and not isinstance(value, int):
        raise _fail(path, entry, field, f"expected a whole number, got {value!r}")
    if positive and value <= 0:
        raise _fail(path, entry, field, f"expected a number above zero, got {value!r}")
    return value


def _choice(value, choices, path, entry, field):
    if value not in choices:
        raise _fail(path, entry, field, f"{value!r} is not one of {', '.join(map(str, choices))}")
    return value


def _localized(value, path, entry, field):
    if not isinstance(value, dict):
        raise _fail(path, entry, field, "expected one text per language (en, fr, sk, cs, es)")
    for lang in LANGUAGES:
        text = value.get(lang)
        if not isinstance(text, str) or not text.strip():
            raise _fail(path, entry, f"{field}.{lang}", "missing or empty text")
    extra = set(value) - set(LANGUAGES)
    if extra:
        raise _fail(path, entry, field, f"unknown language(s) {', '.join(sorted(extra))}")
    return value


def _language_tag(value, path, entry, field="lang"):
    if not (isinstance(value, str) and re.fullmatch(r"[a-z]{2}", value)):
        raise _fail(path, entry, field, f"expected a two-letter language code, got {value!r}")
    return value


def _required(mapping, key, path, entry):
    if not isinstance(mapping, dict) or key not in mapping:
        raise _fail(path, entry, key, "missing")
    return mapping[key]


def _source(value, sources, path, entry, field="source", allow_null=False):
    if value is None and allow_null:
        return None
    if value not in sources:
        raise _fail(path, entry, field, f"unknown source {value!r} (add it under 'sources:')")
    return value


def _year(value, path, entry, field="year"):
    if value is None:
        return None
    return _number(value, path, entry, field, integer=True, positive=True)


def validate_quantity(spec: dict, path: Path, entry: str) -> dict:
    """A typed figure: {type, value | low+high, currency?}."""
    kind = _choice(_required(spec, "type", path, entry), FACT_TYPES, path, entry, "type")
    if kind == "amount":
        _choice(_required(spec, "currency", path, entry), CURRENCIES, path, entry, "currency")
    if kind == "ratio":
        value = _required(spec, "value", path, entry)
        if not (isinstance(value, list) and len(value) == 2):
            raise _fail(path, entry, "value", "a ratio is a list of two numbers, e.g. [4, 1]")
        for part in value:
            _number(part, path, entry, "value", positive=True)
    elif "value" in spec:
        _number(spec["value"], path, entry, "value", integer=kind in ("count", "year"), positive=True)
    else:
        low = _number(_required(spec, "low", path, entry), path, entry, "low", integer=kind == "count")
        high = _number(_required(spec, "high", path, entry), path, entry, "high", integer=kind == "count")
        if not low < high:
            raise _fail(path, entry, "high", f"a range needs low < high, got {low} and {high}")
    return spec


def validate_figures(data, path: Path) -> dict:
    if not isinstance(data, dict):
        raise _fail(path, "(top)", "(top)", "expected a mapping")
    sources = _required(data, "sources", path, "(top)")
    for sid, src in sources.items():
        for field in ("publisher", "title"):
            if not isinstance(_required(src, field, path, f"sources.{sid}"), str):
                raise _fail(path, f"sources.{sid}", field, "expected text")
        _language_tag(_required(src, "lang", path, f"sources.{sid}"), path, f"sources.{sid}")
        url = _required(src, "url", path, f"sources.{sid}")
        if url is not None and not str(url).startswith(("http://", "https://")):
            raise _fail(path, f"sources.{sid}", "url", f"expected an http(s) address or null, got {url!r}")
        published = _required(src, "published", path, f"sources.{sid}")
        if published is not None and not PUBLISHED.match(str(published)):
            raise _fail(path, f"sources.{sid}", "published", f"expected YYYY or YYYY-MM or null, got {published!r}")

    ids = set()
    for i, row in enumerate(_required(data, "salaries", path, "(top)")):
        entry = f"salaries[{i}] ({row.get('id', '?') if isinstance(row, dict) else '?'})"
        rid = _required(row, "id", path, entry)
        if rid in ids:
            raise _fail(path, entry, "id", "duplicate id")
        ids.add(rid)
        _choice(_required(row, "country", path, entry), COUNTRIES, path, entry, "country")
        if not isinstance(_required(row, "kam_specific", path, entry), bool):
            raise _fail(path, entry, "kam_specific", "expected true or false")
        _source(_required(row, "source", path, entry), sources, path, entry)
        _year(_required(row, "year", path, entry), path, entry)
        _choice(_required(row, "currency", path, entry), CURRENCIES, path, entry, "currency")
        _choice(_required(row, "period", path, entry), PERIODS, path, entry, "period")
        _choice(_required(row, "covers", path, entry), COVERS, path, entry, "covers")
        stats = _required(row, "stats", path, entry)
        if not isinstance(stats, dict) or not stats:
            raise _fail(path, entry, "stats", "expected at least one statistic")
        for key, value in stats.items():
            _choice(key, STATS, path, entry, "stats")
            _number(value, path, entry, f"stats.{key}", positive=True)
        if ("low" in stats) != ("high" in stats):
            raise _fail(path, entry, "stats", "a range needs both low and high")
        _localized(_required(row, "label", path, entry), path, entry, "label")

    for name, fact in _required(data, "facts", path, "(top)").items():
        entry = f"facts.{name}"
        validate_quantity(fact, path, entry)
        _source(_required(fact, "source", path, entry), sources, path, entry, allow_null=True)
        _year(_required(fact, "year", path, entry), path, entry)

    example = _required(data, "worked_example", path, "(top)")
    _choice(_required(example, "country", path, "worked_example"), list(data.get("countries", {})), path,
            "worked_example", "country")
    for field in ("base", "variable_pct", "achievement"):
        _number(_required(example, field, path, "worked_example"), path, "worked_example", field, positive=True)

    for code, country in _required(data, "countries", path, "(top)").items():
        entry = f"countries.{code}"
        _choice(code, COUNTRIES, path, entry, "(code)")
        _choice(_required(country, "currency", path, entry), CURRENCIES, path, entry, "currency")
        payments = _number(_required(country, "payments", path, entry), path, entry, "payments", integer=True)
        if not 12 <= payments <= 16:
            raise _fail(path, entry, "payments", f"expected 12 to 16, got {payments}")
        if "payments_max" in country:
            most = _number(country["payments_max"], path, entry, "payments_max", integer=True)
            if not payments < most <= 16:
                raise _fail(path, entry, "payments_max", f"expected more than payments and at most 16, got {most}")
        _choice(_required(country, "quoted", path, entry), ("year", "month"), path, entry, "quoted")
        if not isinstance(country.get("calculator_note", False), bool):
            raise _fail(path, entry, "calculator_note", "expected true or false")
        _source(_required(country, "source", path, entry), sources, path, entry, allow_null=True)
        note = _localized(_required(country, "note", path, entry), path, entry, "note")
        for lang, text in note.items():
            for field in re.findall(r"\{(\w+)\}", text):
                if not isinstance(country.get(field), dict):
                    raise _fail(path, entry, f"note.{lang}", f"names {{{field}}}, which is not a figure of this entry")
                validate_quantity(country[field], path, f"{entry}.{field}")

    for key, item in _required(data, "classifications", path, "(top)").items():
        entry = f"classifications.{key}"
        for field in ("label", "system"):
            if not isinstance(_required(item, field, path, entry), str):
                raise _fail(path, entry, field, "expected text")
        _language_tag(_required(item, "lang", path, entry), path, entry)
        if not any(k in item for k in ("code", "isco", "uri")):
            raise _fail(path, entry, "code", "an entry needs a code, an isco group or a uri")
    _validate_calculator(_required(data, "calculator", path, "(top)"), data, path)
    return data


def _validate_calculator(calc, data, path):
    countries = data["countries"]
    for code, plan in calc.get("local_plans", {}).items():
        _choice(code, list(countries), path, f"calculator.local_plans.{code}", "(code)")
        for key, value in plan.items():
            if not isinstance(value, str):
                raise _fail(path, f"calculator.local_plans.{code}", key, "write parameters as quoted text")
    for level in _required(calc, "scenarios", path, "calculator"):
        _number(level, path, "calculator.scenarios", "(level)", positive=True)
    for i, example in enumerate(_required(calc, "examples", path, "calculator")):
        entry = f"calculator.examples[{i}]"
        _required(example, "id", path, entry)
        params = _required(example, "params", path, entry)
        for key, value in params.items():
            if not isinstance(value, str):
                raise _fail(path, entry, f"params.{key}", "write parameters as quoted text")


def validate_glossary(data, path: Path) -> dict:
    terms = _required(data, "terms", path, "(top)")
    seen = set()
    for i, term in enumerate(terms):
        entry = f"terms[{i}] ({term.get('id', '?') if isinstance(term, dict) else '?'})"
        tid = _required(term, "id", path, entry)
        if not re.fullmatch(r"[a-z][a-z0-9-]*", str(tid)) or tid in seen:
            raise _fail(path, entry, "id", f"expected a unique kebab-case id, got {tid!r}")
        seen.add(tid)
        _localized(_required(term, "term", path, entry), path, entry, "term")
        _localized(_required(term, "definition", path, entry), path, entry, "definition")
    return data


def validate_strings(data, path: Path) -> dict:
    for key, value in data.items():
        _localized(value, path, key, "text")
    return data


def _validate_occupations(data, figures: dict, path: Path, docs_dir: Path) -> dict:
    """The occupations file, checked against figures.yml; a bad entry names the file, the entry and the field."""
    skills = data.get("skills") if isinstance(data, dict) else None
    if not isinstance(skills, dict) or not isinstance(data.get("occupations"), dict):
        raise _fail(path, "(top)", "skills/occupations", "expected a 'skills' and an 'occupations' mapping")
    for key, names in skills.items():
        _localized(names, path, f"skills.{key}", "name")
    classifications = figures["classifications"]
    salaries = {row["id"]: row for row in figures["salaries"]}
    for page, item in data["occupations"].items():
        entry = f"occupations.{page}"
        missing = [lang for lang in LANGUAGES if not (docs_dir / lang / f"{page}.md").is_file()]
        if missing:
            raise _fail(path, entry, "(page)", f"no page {page}.md in docs/{', docs/'.join(missing)}")
        for key in item.get("isco", []):
            if "isco" not in classifications.get(key, {}):
                raise _fail(path, entry, "isco", f"{key!r} is not a figures.yml classification with an isco group")
        if "same_as" in item and "uri" not in classifications.get(item["same_as"], {}):
            raise _fail(path, entry, "same_as", f"{item['same_as']!r} is not a figures.yml classification with a uri")
        for key in item.get("skills", []):
            if key not in skills:
                raise _fail(path, entry, "skills", f"unknown skill {key!r}")
        responsibilities = item.get("responsibilities")
        if not isinstance(responsibilities, dict) or not responsibilities.get("items"):
            raise _fail(path, entry, "responsibilities", "expected a section id and a list of items")
        for i, resp in enumerate(responsibilities["items"]):
            _localized(_required(resp, "title", path, f"{entry}.responsibilities.items[{i}]"), path,
                       f"{entry}.responsibilities.items[{i}]", "title")
            _localized(_required(resp, "summary", path, f"{entry}.responsibilities.items[{i}]"), path,
                       f"{entry}.responsibilities.items[{i}]", "summary")
        rows = []
        for sid in item.get("salaries", []):
            row = salaries.get(sid)
            if row is None:
                raise _fail(path, entry, "salaries", f"unknown figures.yml salary {sid!r}")
            if row["source"] in NOT_A_SOURCE:
                raise _fail(path, entry, "salaries", f"{sid!r} has no source")
            if row["period"] not in DURATION or not set(row["stats"]) & set(DISTRIBUTION):
                raise _fail(path, entry, "salaries", f"{sid!r} has no median, quartile or decile per year or month")
            rows.append(row)
        if len({row["country"] for row in rows}) > 1:
            raise _fail(path, entry, "salaries", "all figures must be about the same country (occupationLocation)")
    return data


@dataclass(frozen=True)
class SiteData:
    """Every data file of the site, loaded and checked together."""
    registry: Registry
    figures: dict
    glossary: dict
    occupations: dict
    strings: dict

    def t(self, key: str, lang: str) -> str:
        """A UI string of the site in one language."""
        return self.strings[key][lang]

    def ui(self, lang: str) -> dict[str, str]:
        return {key: texts[lang] for key, texts in self.strings.items()}


def load_site_data(data_dir: Path, docs_dir: Path) -> SiteData:
    """Load and check the registry, figures, glossary, occupations and UI strings from `data_dir`."""
    registry = load_registry(data_dir / "site.yml")
    if registry.codes != LANGUAGES:
        raise _fail(data_dir / "site.yml", "languages", "(codes)", f"expected {', '.join(LANGUAGES)}")
    missing = registry.missing_pages(docs_dir)
    if missing:
        raise _fail(data_dir / "site.yml", "pages", "(files)", f"no page {', '.join(missing)}")
    figures = validate_figures(load_yaml(data_dir / "figures.yml"), data_dir / "figures.yml")
    for language in registry.languages:
        if language.country not in figures["countries"]:
            raise _fail(data_dir / "site.yml", f"languages.{language.code}", "country",
                        f"{language.country!r} is not a country of figures.yml")
    glossary = validate_glossary(load_yaml(data_dir / "glossary.yml"), data_dir / "glossary.yml")
    strings = validate_strings(load_yaml(data_dir / "strings.yml"), data_dir / "strings.yml")
    occupations = _validate_occupations(load_yaml(data_dir / "occupations.yml"), figures,
                                        data_dir / "occupations.yml", docs_dir)
    return SiteData(registry, figures, glossary, occupations, strings)
