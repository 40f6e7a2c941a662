"""mkdocs hook: small corrections to material 9.8.2's own markup that validators and screen readers flag.

- The drawer and search toggles are hidden checkboxes with `autocomplete="off"`, which HTML allows only on text-like
  inputs (the Nu HTML Checker reports it on every page).
- The search dialog (`role="dialog"`) has no accessible name (axe: aria-dialog-name).
Each fix is a literal replacement of material's markup: if an upgrade changes that markup, the tests fail.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from i18n_pages import i18n_plugin, page_language  # noqa: E402
from site_data import t  # noqa: E402

CHECKBOX = 'type="checkbox" id="__{}" autocomplete="off">'
SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def fix(html: str, lang: str) -> str:
    for toggle in ("drawer", "search"):
        html = html.replace(CHECKBOX.format(toggle), f'type="checkbox" id="__{toggle}">')
    return html.replace(SEARCH_DIALOG, SEARCH_DIALOG[:-1] + f' aria-label="{t("search_dialog", lang)}">')


def on_post_page(output, page, config):
    return fix(output, page_language(page, config))


def on_post_template(output, template_name, config):
    if template_name == "404.html":
        return fix(output, i18n_plugin(config).current_language)
    return output
