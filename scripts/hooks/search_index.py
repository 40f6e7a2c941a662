"""mkdocs hook: one search index per language, so a search from a French page finds French pages only.

static-i18n merges every language into /search/search_index.json. After it has built them all, this writes each
language's own entries to its section: /search/search_index.json (the default language), /fr/search/…, with
locations relative to the section. overrides/main.html sets material's `base` to the section (`search_base`
below): material 9.8.2's bundle fetches `search/search_index.json` from `base` and resolves result links against
it. Accents and Czech/Slovak endings are handled in the browser by assets/javascripts/workers/search-i18n.js,
which reads `locale` from the index's config.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from i18n_pages import default_language, i18n_plugin, language_root  # noqa: E402

_entries: dict[str, list[dict]] = {}  # language -> its entries, as material's search plugin collected them


def on_config(config):
    if not i18n_plugin(config).building:  # a fresh `mkdocs build`, not static-i18n's per-language rebuild
        _entries.clear()
    return config


def _search_base(context, config):
    """`base_url` ('..', '.', or '/' on 404 pages) moved to the page's language section."""
    root = language_root(i18n_plugin(config).current_language, config)
    base = context["base_url"]
    context["search_base"] = base.rstrip("/") + "/" + root if root else base
    return context


def on_page_context(context, page, config, nav):
    return _search_base(context, config)


def on_template_context(context, template_name, config):  # 404.html has a search box too
    return _search_base(context, config)


@event_priority(-200)  # after static-i18n (-100), which builds the other languages inside its own post_build
def on_post_build(config):
    i18n = i18n_plugin(config)
    search = config.plugins["material/search"].search_index  # `- search` in mkdocs.yml
    if i18n.building:
        # Taken from each language's own build: static-i18n's merged index drops translated entries whose title
        # and text equal the default language's.
        _entries[i18n.current_language] = list(search.entries)
        return
    others = tuple(language_root(lang, config) for lang in _entries)
    _entries[default_language(config)] = [e for e in search.entries if not e["location"].startswith(others)]
    for lang, entries in _entries.items():
        root = language_root(lang, config)
        docs = [{**e, "location": e["location"].removeprefix(root)} for e in entries]
        index = {"config": _config(search.config, lang), "docs": docs}
        path = Path(config.site_dir) / root / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def _config(merged: dict, lang: str) -> dict:
    """The merged index's settings for one language. static-i18n lists in `lang` the languages lunr knows; the
    others (Czech, Slovak) get lunr's core without its English stop words ('do', 'let', 'by' are Czech words)."""
    known = lang in merged["lang"]
    return {"lang": [lang] if known else ["en"], "separator": merged["separator"],
            "pipeline": merged["pipeline"] if known else [], "fields": merged["fields"], "locale": lang}
