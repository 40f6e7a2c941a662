"""The embeddable calculator (README, "Embedding the calculator"): the snippet the calculator page offers to copy,
marker `{{ calculator embed }}`. Other sites paste it to frame the embed page (registry `embeds`,
overrides/embed.html) in the page's language; its script sizes the iframe from the embed page's message
{type: "amkam:height", height: N} (docs/assets/javascripts/calculator/embed.js), accepted from the site's origin only.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from . import seo
from .data import SiteData
from .registry import EMBED_FOLDER
from .templates import render

MESSAGE_TYPE = "amkam:height"
INITIAL_HEIGHT = 900  # CSS pixels, until the first message: about the calculator's height on a desktop


def embed_url(site: SiteData, lang: str, site_url: str, page: str = "salary-calculator") -> str:
    """The absolute address of a page's embed page in a language: https://…/fr/embed/salary-calculator/."""
    return seo.base_url(site_url) + site.registry.page_url(lang, EMBED_FOLDER + page)


def snippet(site: SiteData, lang: str, site_url: str) -> str:
    """The HTML another site pastes: the iframe, then a script that sets its height from the embed's messages."""
    src = embed_url(site, lang, site_url)
    parts = urlsplit(src)
    title = site.t("calc_embed_title", lang).replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return "\n".join((
        f'<iframe src="{src}" title="{title}" loading="lazy"',
        f'  style="display: block; width: 100%; height: {INITIAL_HEIGHT}px; border: 0"></iframe>',
        "<script>",
        'addEventListener("message", function (event) {',
        f'  if (event.origin !== "{parts.scheme}://{parts.netloc}" || !event.data',
        f'      || event.data.type !== "{MESSAGE_TYPE}" || typeof event.data.height !== "number") return;',
        '  document.querySelectorAll("iframe").forEach(function (frame) {',
        '    if (frame.contentWindow === event.source) frame.style.height = event.data.height + "px";',
        "  });",
        "});",
        "</script>",
    ))


def snippet_block(site: SiteData, lang: str, site_url: str) -> str:
    """The snippet as a code block (material adds its copy button: mkdocs.yml `content.code.copy`)."""
    return render("calculator_embed.html", snippet=snippet(site, lang, site_url))
