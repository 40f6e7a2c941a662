"""mkdocs hook: minify the site's own scripts and styles once every language is built, and drop the indentation
and blank lines that templates leave in every page.

Material ships its assets minified; ours are written to be read (docs/assets/). Phones download them on every
first visit, and the calculator page must stay within 10 KB (gzipped) of a bare material page: so the calculator
also ships as one file, the model (salary-model.js, which node runs alone in the tests) followed by the page script.
Files are always made from their sources in docs/, so a rebuild over an old site gives the same result.
The site-wide stylesheet and script are small: every page carries them inline, which saves two requests and a
render-blocking stylesheet on a phone's first visit.
"""

from __future__ import annotations

import functools
import re
import sys
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from i18n_pages import i18n_plugin  # noqa: E402

OURS = ("assets/javascripts/*.js", "assets/javascripts/workers/search-i18n.js", "assets/stylesheets/site.css")
INLINE = {  # file -> how a page links it (mkdocs.yml extra_css / extra_javascript) and the inline element
    "assets/stylesheets/site.css": (re.compile(r'<link rel="stylesheet" href="[./]*assets/stylesheets/site\.css">'),
                                    "<style>{}</style>"),
    "assets/javascripts/site.js": (re.compile(r'<script src="[./]*assets/javascripts/site\.js"></script>'),
                                   "<script>{}</script>"),
}
BUNDLES = {"assets/javascripts/calculator.js": ("assets/javascripts/salary-model.js", "assets/javascripts/calculator.js")}


PRESERVED = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S)  # white space that is content


def squeeze_html(html: str) -> str:
    parts = PRESERVED.split(html)
    for i in range(0, len(parts), 2):  # even parts are outside <pre> and <textarea>
        parts[i] = re.sub(r"\n\s*", "\n", parts[i])
    return "".join(parts)


def minified(docs: Path, name: str) -> str:
    return _minified(docs / name, (docs / name).stat().st_mtime_ns)


@functools.lru_cache(maxsize=16)  # once per version of the file, not once per page
def _minified(path: Path, mtime_ns: int) -> str:
    text = path.read_text("utf-8")
    return rcssmin.cssmin(text) if path.suffix == ".css" else rjsmin.jsmin(text)


@event_priority(-200)  # after every other hook has changed the page
def on_post_page(output, page, config):
    for name, (link, element) in INLINE.items():
        output, found = link.subn(lambda _: element.format(minified(Path(config.docs_dir), name)), output)
        if found != 1:
            raise PluginError(f"{page.file.src_uri}: expected one link to {name} to inline, found {found}")
    return squeeze_html(output)


@event_priority(-200)  # after static-i18n (-100) has copied the assets for the last time
def on_post_build(config):
    if i18n_plugin(config).building:
        return
    docs, site = Path(config.docs_dir), Path(config.site_dir)
    for pattern in OURS:
        for source in docs.glob(pattern):
            name = source.relative_to(docs).as_posix()
            parts = BUNDLES.get(name, (name,))
            (site / name).write_text(";\n".join(minified(docs, part) for part in parts), "utf-8")
