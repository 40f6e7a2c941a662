"""Precompressed copies of the built site's text files (`page.html.gz`, `page.html.br`), for nginx's gzip_static
and brotli_static: the server sends them without compressing on every request. A step after `mkdocs build`
(brotli at quality 11 is slow, about 5 s for the site: kept out of the build-time figures).

    python -m amkam.hosting.precompress SITE
"""

from __future__ import annotations

import gzip
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import brotli

SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".svg", ".txt", ".map", ".webmanifest", ".ico"}
MIN_SIZE = 256  # smaller files gain nothing


def candidates(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*") if p.is_file() and p.suffix in SUFFIXES
                  and not p.name.startswith("_") and p.stat().st_size >= MIN_SIZE)


def _compress(path: Path) -> int:
    data = path.read_bytes()
    written = 0
    for suffix, pack in ((".gz", lambda d: gzip.compress(d, compresslevel=9, mtime=0)),
                         (".br", lambda d: brotli.compress(d, quality=11))):
        out = path.with_name(path.name + suffix)
        if out.exists() and out.stat().st_mtime_ns >= path.stat().st_mtime_ns:
            continue
        out.write_bytes(pack(data))
        written += 1
    return written


def precompress(site: Path, workers: int | None = None) -> int:
    """Write missing or outdated .gz and .br copies; returns how many files it wrote."""
    files = candidates(site)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return sum(pool.map(_compress, files, chunksize=8))


if __name__ == "__main__":
    site = Path(sys.argv[1])
    print(f"precompressed: {precompress(site)} files written in {site}")
