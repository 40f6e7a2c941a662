"""The site's data, loaded and checked together: the registry (site.yml), figures, glossary, occupations, UI
strings and the job-ad builder's data (docs/assets/data/). Each file is validated against its JSON Schema and
cross-checked by validation.py; any problem raises DataError naming the file, the entry and the field."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import validation
from .errors import DataError
from .registry import Registry, load_registry

ILLUSTRATION = validation.ILLUSTRATION
# figures.yml statistic -> QuantitativeValueDistribution property, where the two mean the same thing.
DISTRIBUTION = {"p10": "percentile10", "q1": "percentile25", "p25": "percentile25", "median": "median",
                "q3": "percentile75", "p75": "percentile75", "p90": "percentile90"}
DURATION = {"year": "P1Y", "month": "P1M"}  # ISO 8601; a per-payment figure has no fixed duration


@dataclass(frozen=True)
class SiteData:
    """Every data file of the site."""
    registry: Registry
    figures: dict
    glossary: dict
    occupations: dict
    strings: dict
    job_ads: dict

    def t(self, key: str, lang: str) -> str:
        """A UI string of the site in one language."""
        return self.strings[key][lang]

    def ui(self, lang: str) -> dict[str, str]:
        return {key: texts[lang] for key, texts in self.strings.items()}


def _shown(path: Path, docs_dir: Path) -> str:
    """A data file's path as an editor finds it: from the project root (docs/assets/data/figures.yml)."""
    try:
        return path.relative_to(docs_dir.parent).as_posix()
    except ValueError:
        return str(path)


def load_site_data(data_dir: Path, docs_dir: Path) -> SiteData:
    """Load and check the registry, figures, glossary, occupations and UI strings from `data_dir`."""
    site_file = data_dir / "site.yml"
    registry = load_registry(site_file)
    shown = _shown(site_file, docs_dir)
    if registry.codes != validation.LANGUAGES:
        raise validation.data_error(shown, "languages", "(names)",
                                    f"the schemas know {', '.join(validation.LANGUAGES)}: change both together")
    missing = registry.missing_pages(docs_dir)
    if missing:
        raise validation.data_error(shown, "pages", "(files)", f"no page {', '.join(missing)}")
    data, paths = {}, {}
    for kind in validation.KINDS:
        path = data_dir / f"{kind}.yml"
        paths[kind] = _shown(path, docs_dir)
        data[kind] = validation.load_yaml(path)
        validation.validate(kind, data[kind], paths[kind])
    validation.check_references(data["figures"], data["glossary"], data["occupations"], data["strings"],
                                docs_dir=docs_dir, paths=paths)
    validation.check_job_ads(data["job_ads"], data["figures"], data["occupations"], paths["job_ads"])
    for language in registry.languages:
        if language.country not in data["figures"]["countries"]:
            raise validation.data_error(shown, f"languages.{language.code}", "country",
                                        f"{language.country!r} is not a country of figures.yml")
    return SiteData(registry, data["figures"], data["glossary"], data["occupations"], data["strings"], data["job_ads"])


__all__ = ["DISTRIBUTION", "DURATION", "ILLUSTRATION", "DataError", "SiteData", "load_site_data"]
