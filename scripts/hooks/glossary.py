"""mkdocs hook: expand the `{{ glossary }}` marker with docs/assets/data/glossary.yml in the page's language.

Each term becomes a `###` heading whose id is the term's id, the same in every language, so HR can link
`glossary/#ote` from any language; the term's names in the other four languages follow, each marked with its `lang`.
"""

from __future__ import annotations

import sys
import unicodedata
from pathlib import Path

from babel import Locale

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from hook_templates import environment  # noqa: E402
from i18n_pages import page_language  # noqa: E402
from site_data import LANGUAGES, load_glossary, stop_build_on_data_error, t  # noqa: E402

MARKER = "{{ glossary }}"
_state: dict = {}


def on_config(config):
    with stop_build_on_data_error():
        _state["terms"] = load_glossary()["terms"]
    _state["env"] = environment(config)
    return config


def _sort_key(text: str) -> str:
    """Alphabetical order for readers: case and accents ignored (Babel has no collation)."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def on_page_markdown(markdown, page, config, files):
    if MARKER not in markdown:
        return markdown
    lang = page_language(page, config)
    template = _state["env"].get_template("glossary.md")
    names = Locale.parse(lang).languages
    others = [{"code": x, "name": names[x]} for x in LANGUAGES if x != lang]
    terms = sorted(_state["terms"], key=lambda term: _sort_key(term["term"][lang]))
    rendered = template.render(terms=terms, lang=lang, others=others,
                               label=t("glossary_other_languages", lang) + t("colon", lang).rstrip())
    return markdown.replace(MARKER, rendered)
