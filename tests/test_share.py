"""What a link to any page shows when shared, in its language: Open Graph and Twitter card tags, and the share card
drawn at build time (material's social plugin), offline."""

from __future__ import annotations

import hashlib
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from mkdocs.utils.yaml import yaml_load
from PIL import Image, ImageDraw, ImageFont

from conftest import DEFAULT_LANGUAGE, LANGUAGES, PAGES, ROOT, build, copy_project

SECTIONS = [(lang, page) for lang in LANGUAGES for page in PAGES]
LOCALES = {"en": "en_GB", "fr": "fr_FR", "sk": "sk_SK", "cs": "cs_CZ", "es": "es_ES"}
SINGLE_TAGS = ("og:type", "og:site_name", "og:title", "og:description", "og:url", "og:locale", "og:image",
               "og:image:width", "og:image:height", "og:image:alt", "twitter:card", "twitter:title",
               "twitter:description", "twitter:image", "twitter:image:alt")


def front_matter(lang: str, page: str) -> dict:
    text = (ROOT / "docs" / lang / f"{page}.md").read_text("utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def site_names() -> dict:
    with (ROOT / "mkdocs.yml").open(encoding="utf-8") as handle:
        config = yaml_load(handle)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    return {lang["locale"]: lang.get("site_name") or config["site_name"] for lang in i18n["languages"]}


SITE_NAMES = site_names()


def tags(soup) -> dict[str, list[str]]:
    """Every share tag of the head, by name: a list, so a duplicate (say, from the social plugin) shows."""
    found: dict[str, list[str]] = {}
    for meta in soup.select("head meta[property], head meta[name]"):
        key = meta.get("property") or meta.get("name")
        if key.startswith(("og:", "twitter:")):
            found.setdefault(key, []).append(meta["content"])
    return found


def card_file(site, url: str) -> Path:
    return site.root / urlsplit(url).path.lstrip("/")


@pytest.mark.parametrize("lang,page", SECTIONS)
def test_every_page_has_its_share_tags_once_in_its_language(site, lang, page):
    soup = site.soup(lang, page)
    found = tags(soup)
    duplicated = {key: values for key, values in found.items() if len(values) > 1 and key != "og:locale:alternate"}
    assert not duplicated
    missing = [key for key in SINGLE_TAGS if key not in found]
    assert not missing
    one = {key: values[0] for key, values in found.items()}
    meta = front_matter(lang, page)
    assert one["og:type"] == "website"
    assert one["og:site_name"] == SITE_NAMES[lang]
    assert one["og:title"] == one["twitter:title"] == meta["title"]
    description = soup.select_one('meta[name="description"]')["content"]
    assert one["og:description"] == one["twitter:description"] == description == meta["description"]
    assert one["og:url"] == soup.select_one('link[rel="canonical"]')["href"] == site.page_url(lang, page)
    assert one["og:locale"] == LOCALES[lang]
    assert sorted(found["og:locale:alternate"]) == sorted(LOCALES[other] for other in LANGUAGES if other != lang)
    assert one["twitter:card"] == "summary_large_image"
    assert one["og:image"] == one["twitter:image"]
    assert one["og:image"].startswith(site.url) and one["og:image"].endswith(".png")
    assert one["og:image:alt"] == one["twitter:image:alt"]
    assert meta["title"] in one["og:image:alt"] and SITE_NAMES[lang] in one["og:image:alt"]


@pytest.mark.parametrize("lang,page", [(lang, page) for lang, page in SECTIONS if lang != DEFAULT_LANGUAGE])
def test_share_texts_are_not_the_english_ones(site, lang, page):
    english, here = tags(site.soup(DEFAULT_LANGUAGE, page)), tags(site.soup(lang, page))
    for key in ("og:site_name", "og:description", "og:image", "og:image:alt"):
        assert here[key] != english[key], key


@pytest.mark.parametrize("lang,page", SECTIONS)
def test_share_card_is_a_png_of_the_declared_size_and_not_blank(site, lang, page):
    found = tags(site.soup(lang, page))
    path = card_file(site, found["og:image"][0])
    assert path.is_file(), f"no card at {path}"
    with Image.open(path) as image:
        assert image.format == "PNG"
        assert image.size == (int(found["og:image:width"][0]), int(found["og:image:height"][0]))
        pixels = image.convert("L")
    # White text on the coloured background: a fair share of the card is near white, most of it is not.
    light = sum(pixels.histogram()[230:]) / (pixels.width * pixels.height)
    assert 0.01 < light < 0.5, f"{path.name}: {light:.1%} light pixels"


@pytest.mark.parametrize("page", PAGES)
def test_each_language_has_its_own_card(site, page):
    digests = {}
    for lang in LANGUAGES:
        card = card_file(site, tags(site.soup(lang, page))["og:image"][0])
        digests[lang] = hashlib.sha256(card.read_bytes()).hexdigest()
    assert len(set(digests.values())) == len(LANGUAGES), digests


def _drawer(font):
    def draw(char: str) -> bytes:
        image = Image.new("L", (120, 120))
        ImageDraw.Draw(image).text((20, 10), char, font=font, fill=255)
        return image.tobytes()
    return draw


@pytest.mark.parametrize("lang", LANGUAGES)
def test_card_fonts_have_every_letter_of_the_card_texts(lang):
    from amkam import share as social_cards  # the fonts the cards are drawn with

    texts = [SITE_NAMES[lang]]
    texts += [front_matter(lang, page)[field] for page in PAGES for field in ("title", "description")]
    letters = sorted({char for text in texts for char in text if not char.isspace()})
    for style, name in social_cards.FONT_FILES.items():
        font = ImageFont.truetype(str(social_cards.FONT_DIR / name), 48)
        draw = _drawer(font)
        box = draw("\U0010fffd")  # a private-use code point: drawn as the font's "missing glyph" box
        missing = [char for char in letters if draw(char) == box]
        assert not missing, f"{name} ({style}) has no glyph for {missing}"


def test_cards_are_drawn_offline_on_a_fresh_checkout(tmp_path, monkeypatch):
    """A copy without the plugin's cache, every proxy pointing nowhere: a font download would fail the build."""
    project = copy_project(tmp_path / "project")
    for var in ("HTTP_PROXY", "HTTPS_PROXY", "http_proxy", "https_proxy", "ALL_PROXY"):
        monkeypatch.setenv(var, "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    monkeypatch.delenv("no_proxy", raising=False)
    result = build(project, tmp_path / "out", "https://cards.example.org/")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    cards = sorted((tmp_path / "out" / "assets" / "images" / "social").rglob("*.png"))
    assert len(cards) == len(LANGUAGES) * len(PAGES)
    html = (tmp_path / "out" / "fr" / "key-account-manager" / "index.html").read_text("utf-8")
    assert 'content="https://cards.example.org/assets/images/social/fr/key-account-manager.png"' in html
