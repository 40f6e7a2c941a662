"""The step after `mkdocs build`: fail on inline code the strict CSP cannot allow, compute the policy, write the
precompressed copies. `python -m amkam.hosting prepare SITE` (timed apart from the build in the benchmark)."""

from __future__ import annotations

from pathlib import Path

from . import csp, precompress


def prepare(site: Path) -> str:
    """Check the pages (csp.PolicyError names what a strict policy cannot allow), precompress; returns the CSP."""
    policy = csp.site_policy(site)
    precompress.precompress(site)
    return policy
