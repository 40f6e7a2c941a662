"""Which language a page is in, and where each language's section of the site starts."""

from __future__ import annotations


def i18n_plugin(config):
    return config.plugins["i18n"]


def page_language(page, config) -> str:
    """static-i18n tags each file with its locale; a page outside the language folders has the build's."""
    return getattr(page.file, "locale", None) or i18n_plugin(config).current_language


def default_language(config) -> str:
    return i18n_plugin(config).default_language


def language_root(lang: str, config) -> str:
    """Site-relative URL of a language's home: '' for the default language (served at the root), else 'fr/'."""
    return "" if lang == default_language(config) else f"{lang}/"
