"""What happens to every built page and to the site's own assets after MkDocs has written them.

- Small corrections to material's markup that validators and screen readers flag. Each is a literal replacement
  that must match exactly as often as expected: when a material upgrade changes that markup, the build stops and
  names the fix, instead of silently shipping the defect again.
- The site-wide stylesheet and script are small: every page carries them inline, which saves two requests and a
  render-blocking stylesheet on a phone's first visit.
- The indentation and blank lines that templates leave are dropped.
- The calculator component's styles (docs/assets/javascripts/calculator/calculator.css) are inline too, but only
  in the pages that link them: the pages with a calculator (overrides/main.html).
- Our scripts and styles are minified (material ships its own minified); the calculator ships as one file, its
  model and its page script (docs/assets/javascripts/calculator/).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

import rcssmin
import rjsmin


class PostprocessError(RuntimeError):
    """A page or asset is not what the post-processing expects (usually: a theme upgrade changed its markup)."""


@dataclass(frozen=True)
class Fix:
    name: str
    old: str
    new: str
    count: int  # how many times material 9.8's page has `old`


def material_fixes(search_dialog_label: str, chrome: bool = True) -> tuple[Fix, ...]:
    """Corrections to material 9.8.2's markup.

    - The drawer and search toggles are hidden checkboxes with `autocomplete="off"`, which HTML allows only on
      text-like inputs (the Nu HTML Checker reports it on every page).
    - The search dialog (`role="dialog"`) has no accessible name (axe: aria-dialog-name).

    Embed pages (overrides/embed.html, `chrome=False`) have no header: their search dialog must be absent.
    """
    dialog = '<div class="md-search" data-md-component="search" role="dialog">'
    label = search_dialog_label.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
    return (
        Fix("drawer checkbox autocomplete", 'type="checkbox" id="__drawer" autocomplete="off">',
            'type="checkbox" id="__drawer">', 1),
        Fix("search checkbox autocomplete", 'type="checkbox" id="__search" autocomplete="off">',
            'type="checkbox" id="__search">', 1),
        Fix("search dialog name", dialog, dialog[:-1] + f' aria-label="{label}">', int(chrome)),
    )


PERMALINK = '<a class="headerlink" href="#'  # one per heading with an id (toc extension, permalink: true)
MATERIAL_LINK = '<a href="https://squidfunk.github.io/mkdocs-material/" target="_blank" rel="noopener">'


def _attr(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")


def language_fixes(html: str, t, lang: str, languages: tuple[str, ...], chrome: bool = True) -> tuple[Fix, ...]:
    """Material's English labels in the page's language, from strings.yml (`t(key)`), on every page, the default
    language's included (there the replacement is the same text, and the counts still check material's markup).

    - The colour-scheme toggle: mkdocs.yml's `toggle.name`, once as `aria-label` and once as `title` per scheme.
    - Every heading's permalink title (the toc extension's "Permanent link"): as many as the page has permalinks.
    - The footer's "Made with Material for MkDocs": the product's name stays English, marked `lang="en"`.
    - The language selector names each language in that language: marked with its `lang` (WCAG 3.1.2).

    Embed pages (`chrome=False`) have no header or footer: toggles, credit and language selector must be absent.
    """
    once = int(chrome)
    fixes = []
    for key in ("palette_dark", "palette_light"):
        english, local = _attr(t(key, "en")), _attr(t(key, lang))
        fixes += [Fix(f"colour toggle aria-label ({key})", f' aria-label="{english}" ', f' aria-label="{local}" ',
                      once),
                  Fix(f"colour toggle title ({key})", f' title="{english}" ', f' title="{local}" ', once)]
    permalinks = html.count(PERMALINK)
    english = _attr(t("permalink", "en"))
    fixes.append(Fix("permalink title", f'" title="{english}">', f'" title="{_attr(t("permalink", lang))}">',
                     permalinks))
    fixes.append(Fix("generator credit", f"{t('made_with', 'en')}\n", f"{t('made_with', lang)}\n", once))
    fixes.append(Fix("generator name", MATERIAL_LINK, MATERIAL_LINK[:-1] + ' lang="en">', once))
    for code in languages:
        old = f'hreflang="{code}" class="md-select__link">'
        fixes.append(Fix(f"language selector ({code})", old, old[:-1] + f' lang="{code}">', once))
    return tuple(fixes)


def apply_fixes(html: str, fixes: tuple[Fix, ...], where: str) -> str:
    for fix in fixes:
        found = html.count(fix.old)
        if found != fix.count:
            raise PostprocessError(f"{where}: fix '{fix.name}' expected {fix.count} match(es) of {fix.old!r} in "
                                   f"material's markup, found {found}: re-check it against the installed material")
        html = html.replace(fix.old, fix.new)
    return html


# Assets every page carries inline: file -> how mkdocs.yml links it (extra_css / extra_javascript), the element.
INLINE = {
    "assets/stylesheets/site.css": (re.compile(r'<link rel="stylesheet" href="[./]*assets/stylesheets/site\.css">'),
                                    "<style>{}</style>"),
    "assets/javascripts/site.js": (re.compile(r'<script src="[./]*assets/javascripts/site\.js"></script>'),
                                   "<script>{}</script>"),
}
CALCULATOR_CSS = "assets/javascripts/calculator/calculator.css"
JOB_AD_CSS = "assets/javascripts/job-ad/job-ad.css"
# Assets inline only where a page links them (at most once): file -> the link, the element.
INLINE_WHERE_LINKED = {
    CALCULATOR_CSS: (re.compile(r'<link rel="stylesheet" href="[./]*assets/javascripts/calculator/calculator\.css">'),
                     "<style>{}</style>"),
    JOB_AD_CSS: (re.compile(r'<link rel="stylesheet" href="[./]*assets/javascripts/job-ad/job-ad\.css">'),
                 "<style>{}</style>"),
}
# Our own assets, minified into the site: published file -> its sources, concatenated in this order.
ASSETS = {
    "assets/javascripts/site.js": ("assets/javascripts/site.js",),
    "assets/stylesheets/site.css": ("assets/stylesheets/site.css",),
    "assets/javascripts/calculator/calculator.js": ("assets/javascripts/locale-format.js",
                                                    "assets/javascripts/calculator/model.js",
                                                    "assets/javascripts/calculator/calculator.js"),
    # Offer B beside offer A: loaded by calculator.js only when a comparison is asked for or linked (b_ parameters).
    "assets/javascripts/calculator/compare.js": ("assets/javascripts/calculator/compare.js",),
    "assets/javascripts/calculator/embed.js": ("assets/javascripts/calculator/embed.js",),
    CALCULATOR_CSS: (CALCULATOR_CSS,),
    "assets/javascripts/job-ad/job-ad.js": ("assets/javascripts/locale-format.js",
                                            "assets/javascripts/job-ad/job-ad.js"),
    JOB_AD_CSS: (JOB_AD_CSS,),
    "assets/javascripts/workers/search-i18n.js": ("assets/javascripts/workers/search-i18n.js",),
}
# The site's search worker imports material's, whose file name changes with every material release.
SEARCH_WORKER = "assets/javascripts/workers/search-i18n.js"
MATERIAL_WORKER_GLOB = "assets/javascripts/workers/search.*.min.js"

PRESERVED = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S)  # white space that is content


# Python-Markdown's tables write a column's alignment as `style="text-align: right;"`: a strict
# Content-Security-Policy (scripts/amkam/hosting/csp.py) allows no style attribute, so it becomes a class
# (site.css: .md-typeset .align-right).
TABLE_ALIGN = re.compile(r'<(th|td) style="text-align: (left|right|center);">')


def align_classes(html: str) -> str:
    return TABLE_ALIGN.sub(r'<\1 class="align-\2">', html)


def squeeze_html(html: str) -> str:
    parts = PRESERVED.split(html)
    for i in range(0, len(parts), 2):  # even parts are outside <pre> and <textarea>
        parts[i] = re.sub(r"\n\s*", "\n", parts[i])
    return "".join(parts)


@functools.lru_cache(maxsize=16)  # once per version of the file, not once per page
def _minified(path: Path, mtime_ns: int) -> str:
    text = path.read_text("utf-8")
    return rcssmin.cssmin(text) if path.suffix == ".css" else rjsmin.jsmin(text)


def minified(docs_dir: Path, name: str) -> str:
    path = docs_dir / name
    return _minified(path, path.stat().st_mtime_ns)


def inline_site_assets(html: str, docs_dir: Path, where: str) -> str:
    for name, (link, element) in INLINE.items():
        html, found = link.subn(lambda _, element=element, name=name: element.format(minified(docs_dir, name)), html)
        if found != 1:
            raise PostprocessError(f"{where}: expected one link to {name} to inline, found {found}")
    for name, (link, element) in INLINE_WHERE_LINKED.items():
        html, found = link.subn(lambda _, element=element, name=name: element.format(minified(docs_dir, name)), html)
        if found > 1:
            raise PostprocessError(f"{where}: expected at most one link to {name} to inline, found {found}")
    return html


def material_search_worker(site_dir: Path) -> str:
    """The file name of material's search worker in the built site (search.<hash>.min.js)."""
    found = sorted(site_dir.glob(MATERIAL_WORKER_GLOB))
    if len(found) != 1:
        raise PostprocessError(f"expected one material search worker {MATERIAL_WORKER_GLOB} in the site, "
                               f"found {[p.name for p in found]}")
    return found[0].name


def write_assets(docs_dir: Path, site_dir: Path) -> None:
    """Write our assets, minified, over the copies MkDocs made of their sources."""
    for name, parts in ASSETS.items():
        text = ";\n".join(minified(docs_dir, part) for part in parts)
        if name == SEARCH_WORKER:
            text = f'var MATERIAL_SEARCH_WORKER="{material_search_worker(site_dir)}";\n{text}'
        (site_dir / name).write_text(text, "utf-8")
