"""mkdocs hook: what a shared link to a page shows (Open Graph and Twitter card tags), in the page's language.

Template context `share`, rendered by overrides/partials/share-meta.html: the page's title and description
(front matter), the language's site name, the canonical URL, the card drawn by social_cards.py, and the page's
locale with the other languages' locales. A locale is language_TERRITORY, the territory being the language's
country in figures.yml (`calculator.default_country`: English is en_GB, the one English-speaking country the
site covers).
"""

from __future__ import annotations

import sys
from pathlib import Path


sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from i18n_pages import i18n_plugin, page_language  # noqa: E402
from site_data import load_figures, stop_build_on_data_error, t  # noqa: E402

_state: dict = {}


def on_config(config):
    with stop_build_on_data_error():
        countries = load_figures()["calculator"]["default_country"]
    languages = [lang.locale for lang in i18n_plugin(config).config.languages if lang.build]
    _state["locales"] = {lang: f"{lang}_{countries[lang]}" for lang in languages}
    return config


def on_page_context(context, page, config, nav):
    lang = page_language(page, config)
    locales = _state["locales"]
    title = page.meta["title"]  # page_meta.py has checked it
    context["share"] = {
        "site_name": config.site_name,
        "title": title,
        "description": page.meta["description"],
        "url": page.canonical_url,
        "locale": locales[lang],
        "locale_alternates": [locale for other, locale in locales.items() if other != lang],
        "image": context.get("share_card"),
        # The card shows the site name above the title: say the same to readers who cannot see it.
        "image_alt": f"{config.site_name}{t('colon', lang)}{title}",
    }
    return context
