"""mkdocs hook: minify the site's own scripts and styles once every language is built, and drop the indentation
and blank lines that templates leave in every page.

Material ships its assets minified; ours are written to be read (docs/assets/). Phones download them on every
first visit, and the calculator page must stay within 10 KB (gzipped) of a bare material page: so the calculator
also ships as one file, the model (salary-model.js, which node runs alone in the tests) followed by the page script.
Files are always made from their sources in docs/, so a rebuild over an old site gives the same result.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import rcssmin
import rjsmin
from mkdocs.plugins import event_priority

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from i18n_pages import i18n_plugin  # noqa: E402

OURS = ("assets/javascripts/*.js", "assets/javascripts/workers/search-i18n.js", "assets/stylesheets/site.css")
BUNDLES = {"assets/javascripts/calculator.js": ("assets/javascripts/salary-model.js", "assets/javascripts/calculator.js")}


PRESERVED = re.compile(r"(<pre\b.*?</pre>|<textarea\b.*?</textarea>)", re.S)  # white space that is content


def squeeze_html(html: str) -> str:
    parts = PRESERVED.split(html)
    for i in range(0, len(parts), 2):  # even parts are outside <pre> and <textarea>
        parts[i] = re.sub(r"\n\s*", "\n", parts[i])
    return "".join(parts)


@event_priority(-200)  # after every other hook has changed the page
def on_post_page(output, page, config):
    return squeeze_html(output)


@event_priority(-200)  # after static-i18n (-100) has copied the assets for the last time
def on_post_build(config):
    if i18n_plugin(config).building:
        return
    docs, site = Path(config.docs_dir), Path(config.site_dir)

    def minified(name: str) -> str:
        text = (docs / name).read_text("utf-8")
        return rcssmin.cssmin(text) if name.endswith(".css") else rjsmin.jsmin(text)

    for pattern in OURS:
        for source in docs.glob(pattern):
            name = source.relative_to(docs).as_posix()
            parts = BUNDLES.get(name, (name,))
            (site / name).write_text(";\n".join(minified(part) for part in parts), "utf-8")
