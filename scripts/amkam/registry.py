"""The site registry (docs/assets/data/site.yml): languages, the default language, locales, site names, the
reader's country per language and the pages. Everything else asks this module, never a list of its own."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .errors import DataError
from .validation import load_yaml

EMBED_FOLDER = "embed/"  # embed pages live in docs/<lang>/embed/ (mkdocs.yml keeps them out of the navigation)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    locale: str  # language_TERRITORY (og:locale)
    country: str  # ISO 3166-1 alpha-2: the reader's country
    site_name: str
    site_description: str


@dataclass(frozen=True)
class Registry:
    languages: tuple[Language, ...]
    default_language: str
    pages: tuple[str, ...]
    # Pages other sites frame (`embed/salary-calculator`): in every language like a page, but no navigation, no
    # alternates or share card, not indexed (noindex, canonical to the full page), not in the sitemap or search.
    embeds: tuple[str, ...] = ()

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(language.code for language in self.languages)

    def language(self, code: str) -> Language:
        for language in self.languages:
            if language.code == code:
                return language
        raise KeyError(code)

    def root(self, lang: str) -> str:
        """Site-relative URL of a language's home: '' for the default language (served at the root), else 'fr/'."""
        return "" if lang == self.default_language else f"{lang}/"

    def page_url(self, lang: str, page: str) -> str:
        """Site-relative URL of a page: '', 'compensation/', 'fr/', 'fr/compensation/'."""
        return self.root(lang) + ("" if page == "index" else f"{page}/")

    def key(self, lang: str, url: str) -> str:
        """A page's URL inside its language section, the same in every language ('' or 'compensation/')."""
        return url[len(self.root(lang)):]

    def is_embed(self, key: str) -> bool:
        """Whether the page at `key` ('embed/salary-calculator/') is an embed page."""
        return key.rstrip("/") in self.embeds

    @staticmethod
    def embedded_page(embed: str) -> str:
        """The full page an embed page shows a part of: 'embed/salary-calculator' -> 'salary-calculator'."""
        return embed.removeprefix(EMBED_FOLDER)

    def missing_pages(self, docs_dir: Path) -> list[str]:
        return [f"{lang}/{page}.md" for lang in self.codes for page in self.pages + self.embeds
                if not (docs_dir / lang / f"{page}.md").is_file()]


def load_registry(path: Path) -> Registry:
    data = load_yaml(path)
    try:
        languages = tuple(Language(code=code, **fields) for code, fields in data["languages"].items())
        registry = Registry(languages, data["default_language"], tuple(data["pages"]), tuple(data.get("embeds", ())))
    except (KeyError, TypeError) as error:
        raise DataError(f"{path.name}: entry '(top)', field {error}: missing or malformed") from None
    if registry.default_language not in registry.codes:
        raise DataError(f"{path.name}: entry '(top)', field 'default_language': not one of the languages")
    for embed in registry.embeds:
        if not embed.startswith(EMBED_FOLDER) or registry.embedded_page(embed) not in registry.pages:
            raise DataError(f"{path.name}: entry '{embed}', field 'embeds': not {EMBED_FOLDER}<one of the pages>")
    return registry
