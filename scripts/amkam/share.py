"""What a shared link to a page shows: a share card (PNG) per page and language, and the Open Graph and Twitter
tags that point to it, in the page's language.

Cards show the site's name, the page's title and description in Debian's DejaVu Sans (fonts-dejavu-core,
installed by the Makefile; it has every letter of the five languages), so nothing is downloaded. They are kept in
a cache folder by content, so a warm build draws only what changed.
"""

from __future__ import annotations

import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from .errors import DataError

FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {"Regular": "DejaVuSans.ttf", "Bold": "DejaVuSans-Bold.ttf"}
WIDTH, HEIGHT, MARGIN = 1200, 630, 64  # the Open Graph size that Facebook, LinkedIn, Slack and X crop least
BACKGROUND, INK = "#4051b5", "#ffffff"  # material's indigo, the theme's primary colour: 6.9:1 with white
VERSION = "1"  # change when the drawing changes, so cached cards are drawn again


@dataclass(frozen=True)
class Card:
    url: str  # absolute
    width: int = WIDTH
    height: int = HEIGHT


@dataclass(frozen=True)
class ShareTags:
    site_name: str
    title: str
    description: str
    url: str
    locale: str
    locale_alternates: tuple[str, ...]
    image: Card
    image_alt: str


def _font(style: str, size: int) -> ImageFont.FreeTypeFont:
    path = FONT_DIR / FONT_FILES[style]
    if not path.is_file():
        raise DataError(f"Share cards need {path}: install Debian's fonts-dejavu-core "
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


def card_path(root: str, key: str) -> str:
    """Where a page's card is published, site-relative: assets/images/social/fr/compensation.png."""
    return f"assets/images/social/{root}{key.strip('/') or 'index'}.png"


def write_card(site_name: str, title: str, description: str, target: Path, cache: Path) -> None:
    """Draw the card (or take it from the cache) and write it to `target`."""
    key = hashlib.sha256("\n".join((VERSION, site_name, title, description)).encode()).hexdigest()[:20]
    cached = cache / f"{key}.png"
    if not cached.is_file():
        cache.mkdir(parents=True, exist_ok=True)
        draw_card(site_name, title, description).save(cached, compress_level=3)  # fast; size matters little
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(cached, target)
