"""Serve a built site the way a real host would: gzip, cache headers, and each language's own 404 page.

Used by the browser tests and the benchmark (python -m http.server has neither gzip nor cache headers,
and answers every missing page with the same English error).

    python scripts/serve.py site/ --port 8000
"""

from __future__ import annotations

import argparse
import gzip
import mimetypes
import re
import threading
from functools import lru_cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

COMPRESSIBLE = ("text/", "application/javascript", "application/json", "application/xml", "image/svg+xml")
HASHED = re.compile(r"\.[0-9a-f]{8}\.min\.(js|css)$")  # material's fingerprinted assets


@lru_cache(maxsize=512)
def _gzipped(path: Path, mtime: float) -> bytes:
    return gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)


def make_handler(root: Path):
    root = root.resolve()

    class Handler(BaseHTTPRequestHandler):
        server_version = "site-serve"

        def log_message(self, *args):  # quiet: tests and benchmarks read their own output
            pass

        def _resolve(self, url_path: str) -> Path | None:
            target = (root / unquote(url_path).lstrip("/")).resolve()
            if root not in target.parents and target != root:
                return None
            if target.is_dir():
                if not url_path.endswith("/"):
                    return None
                target = target / "index.html"
            return target if target.is_file() else None

        def _not_found_page(self, url_path: str) -> Path:
            # A language's section is a top-level folder with its own 404 page (the default language: the root).
            section = url_path.lstrip("/").split("/", 1)[0]
            localized = root / section / "404.html"
            if section and localized.is_file():
                return localized
            return root / "404.html"

        def do_HEAD(self):
            self.do_GET(head=True)

        def do_GET(self, head: bool = False):
            url_path = urlsplit(self.path).path
            target = self._resolve(url_path)
            status = HTTPStatus.OK
            if target is None and (root / unquote(url_path).lstrip("/")).is_dir():
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", url_path + "/")
                self.end_headers()
                return
            if target is None:
                status, target = HTTPStatus.NOT_FOUND, self._not_found_page(url_path)
            ctype = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
                ctype += "; charset=utf-8"
            body = target.read_bytes()
            gzip_ok = "gzip" in self.headers.get("Accept-Encoding", "") and ctype.startswith(COMPRESSIBLE)
            if gzip_ok:
                body = _gzipped(target, target.stat().st_mtime)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            if gzip_ok:
                self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
            # Material's assets carry a content hash in their names: cache them for a year; pages must revalidate.
            immutable = HASHED.search(url_path) is not None
            self.send_header("Cache-Control", "public, max-age=31536000, immutable" if immutable
                             else "public, max-age=600")
            self.end_headers()
            if not head:
                self.wfile.write(body)

    return Handler


def start(root: Path, port: int = 0) -> tuple[ThreadingHTTPServer, str]:
    """Serve `root` on 127.0.0.1 in a background thread; returns the server and its base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", port), make_handler(root))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", type=Path)
    parser.add_argument("--port", type=int, default=8000)
    args = parser.parse_args()
    server = ThreadingHTTPServer(("127.0.0.1", args.port), make_handler(args.root))
    # Port 0 takes a free port: the line below says which (the tests read it).
    print(f"Serving {args.root} at http://127.0.0.1:{server.server_address[1]}/", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
