"""mkdocs hook: any `{{ … }}` left after the marker hooks ran is a typo; fail the build instead of publishing it."""

import re

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

LEFTOVER = re.compile(r"\{\{.*?\}\}")


@event_priority(-90)  # after every hook that expands markers (default priority 0)
def on_page_markdown(markdown, page, config, files):
    match = LEFTOVER.search(markdown)
    if match:
        raise PluginError(f"{page.file.src_uri}: unknown marker {match.group(0)}")
    return markdown
