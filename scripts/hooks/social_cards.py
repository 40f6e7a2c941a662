"""mkdocs hook: a share card (PNG) for every page in every language, drawn at build time with Pillow.

The card shows the site's name, the page's title and its description in the page's language, in Debian's DejaVu
Sans (fonts-dejavu-core, installed by the Makefile; it has every letter of the five languages), so nothing is
downloaded. Cards are kept in .cache/share-cards/ by content, so a warm build draws only what changed.
(Material's social plugin draws the same offline, but importing it and cairo costs about a second a build.)
Template context `share_card`: the page's card (absolute URL, width, height) for the share tags.
"""

from __future__ import annotations

import hashlib
import shutil
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError
from PIL import Image, ImageDraw, ImageFont

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from i18n_pages import language_root, page_language  # noqa: E402

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"Regular": "DejaVuSans.ttf", "Bold": "DejaVuSans-Bold.ttf"}
WIDTH, HEIGHT, MARGIN = 1200, 630, 64  # the Open Graph size that Facebook, LinkedIn, Slack and X crop least
BACKGROUND, INK = "#4051b5", "#ffffff"  # material's indigo, the theme's primary colour: 6.9:1 with white
CACHE = Path(__file__).resolve().parents[2] / ".cache" / "share-cards"
VERSION = "1"  # change when the drawing changes, so cached cards are drawn again


def _font(style: str, size: int) -> ImageFont.FreeTypeFont:
    path = FONT_DIR / FONT_FILES[style]
    if not path.is_file():
        raise PluginError(f"Share cards need {path}: install Debian's fonts-dejavu-core "
                          "(make build, make serve and make test do)")
    return ImageFont.truetype(str(path), size)


def _lines(draw, text: str, font, width: int, most: int) -> list[str]:
    """Wrap `text` to `width` pixels in at most `most` lines, ending with an ellipsis if it is cut."""
    lines, words = [], text.split()
    while words and len(lines) < most:
        line = words.pop(0)
        while words and draw.textlength(f"{line} {words[0]}", font=font) <= width:
            line += " " + words.pop(0)
        lines.append(line)
    if words:
        last = lines[-1]
        while last and draw.textlength(last + " …", font=font) > width:
            last = last.rsplit(" ", 1)[0] if " " in last else last[:-1]
        lines[-1] = last + " …"
    return lines


def draw_card(site_name: str, title: str, description: str) -> Image.Image:
    image = Image.new("RGB", (WIDTH, HEIGHT), BACKGROUND)
    draw = ImageDraw.Draw(image)
    inner = WIDTH - 2 * MARGIN
    draw.text((MARGIN, MARGIN), site_name, font=_font("Bold", 36), fill=INK)
    y = 150
    title_font = _font("Bold", 64)
    for line in _lines(draw, title, title_font, inner, 3):
        draw.text((MARGIN, y), line, font=title_font, fill=INK)
        y += 80
    text_font = _font("Regular", 30)
    y = max(y + 30, 430)
    for line in _lines(draw, description, text_font, inner, 3):
        draw.text((MARGIN, y), line, font=text_font, fill=INK)
        y += 40
    return image


def on_page_context(context, page, config, nav):
    lang = page_language(page, config)
    title = page.meta.get("title") or page.title
    description = page.meta.get("description") or config.site_description
    key = hashlib.sha256("\n".join((VERSION, config.site_name, title, description)).encode()).hexdigest()[:20]
    cached = CACHE / f"{key}.png"
    if not cached.is_file():
        CACHE.mkdir(parents=True, exist_ok=True)
        draw_card(config.site_name, title, description).save(cached, compress_level=3)  # fast; size matters little
    name = page.url[len(language_root(lang, config)):].strip("/") or "index"
    url = f"assets/images/social/{language_root(lang, config)}{name}.png"
    target = Path(config.site_dir) / url
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
    context["share_card"] = {"url": config.site_url.rstrip("/") + "/" + url, "width": WIDTH, "height": HEIGHT}
    return context
