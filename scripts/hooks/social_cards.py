"""mkdocs hook: material's social plugin draws a share card for every page in every language, offline.

- the card layout is this site's own (templates/cards/), without the plugin's meta tags: the share tags come
  from overrides/partials/share-meta.html;
- the plugin downloads any font family missing from `<cache_dir>/fonts/<family>/` from Google Fonts, which fails
  offline and is a third-party request: copy Debian's DejaVu Sans there first (fonts-dejavu-core, installed by
  the Makefile; it has every letter of the five languages);
- template context `share_card`: the page's card (absolute URL, width, height) for the share tags.
"""

from __future__ import annotations

import functools
import shutil
from pathlib import Path

import yaml
from mkdocs.exceptions import PluginError

LAYOUTS = Path(__file__).resolve().parent / "templates" / "cards"
FONT_FAMILY = "DejaVu Sans"
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"Regular": "DejaVuSans.ttf", "Bold": "DejaVuSans-Bold.ttf"}  # the styles the layout uses


def _social(config):
    plugin = config.plugins.get("material/social")
    return plugin if plugin is not None and plugin.config.enabled else None


def on_config(config):
    plugin = _social(config)
    if plugin:
        # Anchored here rather than in mkdocs.yml, where the plugin would resolve it against the working directory.
        plugin.config.cards_layout_dir = str(LAYOUTS)
        plugin.config.cards_layout_options["font_family"] = FONT_FAMILY
    return config


def on_pre_build(config):
    plugin = _social(config)
    if not plugin:
        return
    target = Path(plugin.config.cache_dir) / "fonts" / FONT_FAMILY
    for style, name in FONT_FILES.items():
        source = FONT_DIR / name
        if not source.is_file():
            raise PluginError(f"Share cards need {source}: install Debian's fonts-dejavu-core "
                              "(make build, make serve and make test do)")
        dest = target / f"{style}.ttf"
        if not dest.is_file() or dest.stat().st_size != source.stat().st_size:
            target.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, dest)


@functools.lru_cache(maxsize=None)
def _size(layout: str) -> tuple[int, int]:
    size = yaml.safe_load((LAYOUTS / f"{Path(layout).stem}.yml").read_text("utf-8"))["size"]
    return size["width"], size["height"]


def on_page_context(context, page, config, nav):
    plugin = _social(config)
    job = plugin.card_pool_jobs.get(page.file.src_uri) if plugin else None
    if job is not None:
        card = job.result()  # the plugin's own record of the file; raises the plugin's error if drawing failed
        width, height = _size(plugin.config.cards_layout)
        context["share_card"] = {"url": config.site_url.rstrip("/") + "/" + card.url,
                                 "width": width, "height": height}
    return context
