"""Reading the site's YAML data files, with errors that name the file."""

from __future__ import annotations

from pathlib import Path

import yaml

from .errors import DataError


def load_yaml(path: Path):
    try:
        with path.open(encoding="utf-8") as handle:
            return yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))  # C parser when built
    except FileNotFoundError:
        raise DataError(f"{path}: file not found") from None
    except yaml.YAMLError as error:
        raise DataError(f"{path.name}: not valid YAML: {error}") from None
