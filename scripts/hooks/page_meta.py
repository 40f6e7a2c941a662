"""mkdocs hook: per-page facts the theme shows, in the page's language.

- `ui`: the site's UI strings (scripts/strings.yml) in the page's language;
- `reviewed_text`: the front matter `reviewed:` date, formatted with Babel; every page must have one;
- `suggest_languages`: on default-language pages, links to the same page in each other language, which a
  small script offers to readers whose browser prefers one of them (no forced redirect).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import formatting as fmt  # noqa: E402
from i18n_pages import default_language, i18n_plugin, page_language  # noqa: E402
from site_data import load_strings, t  # noqa: E402


def on_template_context(context, template_name, config):
    """The 404 page has no page of its own: give it the UI strings of the language being built."""
    if template_name == "404.html":
        lang = i18n_plugin(config).current_language
        context["ui"] = {key: texts[lang] for key, texts in load_strings().items()}
    return context


def on_page_context(context, page, config, nav):
    lang = page_language(page, config)
    try:  # mkdocs' front matter loader may give a date or its ISO text
        reviewed = dt.date.fromisoformat(str(page.meta.get("reviewed")))
    except ValueError:
        raise PluginError(f"{page.file.src_uri}: front matter needs 'reviewed: YYYY-MM-DD' (if it is there, the front matter is not valid YAML: quote any value that contains ': ')") from None
    for field in ("title", "description"):
        if not page.meta.get(field):
            raise PluginError(f"{page.file.src_uri}: front matter needs a localized '{field}'")
    context["ui"] = {key: texts[lang] for key, texts in load_strings().items()}
    context["reviewed_text"] = fmt.long_date(reviewed, lang)
    if lang == default_language(config):
        alternates = context.get("seo_alternates", [])
        context["suggest_languages"] = [
            {"lang": alt["hreflang"], "href": alt["href"], "text": t("read_in_language", alt["hreflang"])}
            for alt in alternates if alt["hreflang"] not in (lang, "x-default")
        ]
    return context
