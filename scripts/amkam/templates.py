"""The Jinja environment of the core's templates (scripts/amkam/templates/). Autoescaping is on: data text is
always shown as text, whatever characters it holds."""

from __future__ import annotations

import functools
from pathlib import Path

from jinja2 import Environment, FileSystemLoader

TEMPLATES = Path(__file__).resolve().parent / "templates"


@functools.cache  # compiled templates are reused by every page of every language build
def environment() -> Environment:
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True,
                       keep_trailing_newline=False)


def render(template: str, **values) -> str:
    return environment().get_template(template).render(**values)
