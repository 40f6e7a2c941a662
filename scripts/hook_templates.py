"""The Jinja environment in which hooks render their HTML (scripts/hooks/templates/, then the theme's templates).

Made once per process: static-i18n runs one build per language, and each fresh environment would compile the
same templates again.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader

TEMPLATES = Path(__file__).resolve().parent / "hooks" / "templates"
_env: list[Environment] = []


def environment(config) -> Environment:
    if not _env:
        env = config.theme.get_env()
        env.loader = ChoiceLoader([FileSystemLoader(TEMPLATES), env.loader])
        _env.append(env)
    return _env[0]
