"""One search index per language, so a search from a French page finds French pages only.

Each language's entries (as material's search plugin collected them in that language's build) are written to the
language's section: /search/search_index.json for the default language, /fr/search/… for French, with locations
relative to the section. Accents and Czech/Slovak endings are handled in the browser by
docs/assets/javascripts/workers/search-i18n.js, which reads `locale` from the index's config.
"""

from __future__ import annotations

import json
from pathlib import Path

from .registry import Registry


def index_config(merged: dict, lang: str) -> dict:
    """The merged index's settings for one language. static-i18n lists in `lang` the languages lunr knows; the
    others (Czech, Slovak) get lunr's core without its English stop words ('do', 'let', 'by' are Czech words)."""
    known = lang in merged["lang"]
    return {"lang": [lang] if known else ["en"], "separator": merged["separator"],
            "pipeline": merged["pipeline"] if known else [], "fields": merged["fields"], "locale": lang}


def write_indexes(entries: dict[str, list[dict]], merged_config: dict, registry: Registry, site_dir: Path) -> None:
    for lang, docs in entries.items():
        root = registry.root(lang)
        index = {"config": index_config(merged_config, lang),
                 "docs": [{**e, "location": e["location"].removeprefix(root)} for e in docs]}
        path = site_dir / root / "search" / "search_index.json"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
