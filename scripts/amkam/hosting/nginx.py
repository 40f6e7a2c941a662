"""nginx for the built site: the configuration rendered from rules.py, and an unprivileged nginx process of its
own (prefix, configuration, logs and temporary files in one folder; loopback only) for tests and benchmarks.

Debian 12's nginx with `libnginx-mod-http-brotli-static` (the Makefile installs them without starting the system
service). A public deployment uses `server_block()` inside the system nginx (see README, "Deployment").
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from . import csp as csp_module
from . import rules

NGINX = "/usr/sbin/nginx"
MODULES = Path("/usr/lib/nginx/modules")
BROTLI_MODULES = ("ngx_http_brotli_filter_module.so", "ngx_http_brotli_static_module.so")
MIME_TYPES = "/etc/nginx/mime.types"


def _headers(headers: dict[str, str], indent: str) -> str:
    return "".join(f"{indent}add_header {name} {_quote(value)} always;\n" for name, value in headers.items())


def _quote(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def server_block(site: Path, listen: str, policy: str, server_name: str = "_", root: Path | None = None) -> str:
    """The `server { }` block serving `site` (a built, precompressed folder) with the site's rules.

    `root` is where the site sits on the serving machine (default: `site`). add_header is not inherited by a
    location that sets its own, so every location repeats the security headers."""
    security = rules.security_headers(policy)
    revalidate = {**security, "Cache-Control": rules.CACHE_REVALIDATE}
    immutable = {**security, "Cache-Control": rules.CACHE_IMMUTABLE}
    api = {**revalidate, **rules.API_HEADERS}
    embed = {**revalidate, **rules.security_headers(rules.embed_policy(policy))}
    lines = [
        "server {",
        f"    listen {listen};",
        f"    server_name {server_name};",
        f"    root {root or site};",
        "    index index.html;",
        "    server_tokens off;",
        "    charset utf-8;",
        "    charset_types text/css text/plain text/xml application/javascript application/json image/svg+xml;",
        "    # Redirects (/fr -> /fr/) keep the address the reader used: the same build works on any host.",
        "    absolute_redirect off;",
        "    gzip_static on;",
        "    brotli_static on;",
        "    gzip_vary on;",
        "    # Files without a precompressed copy (small ones) are compressed on the fly.",
        "    gzip on;",
        "    gzip_types text/css text/plain text/xml application/javascript application/json image/svg+xml;",
        "    gzip_min_length 256;",
        "    etag on;",
        "",
        "    # Fingerprinted assets (material's hashed files): a year, never revalidated.",
        f'    location ~ "{rules.FINGERPRINTED_NGINX}" {{',
        "        error_page 404 /404.html;",
        _headers(immutable, " " * 8).rstrip("\n"),
        "    }",
        "",
        "    # Open data: CORS, and a JSON 404 (not the HTML page).",
        f"    location ^~ {rules.API_PREFIX} {{",
        "        error_page 404 = @api_not_found;",
        _headers(api, " " * 8).rstrip("\n"),
        "    }",
        "    location @api_not_found {",
        "        default_type application/json;",
        _headers(api, " " * 8).rstrip("\n"),
        f"        return 404 {_quote(rules.API_NOT_FOUND)};",
        "    }",
        "",
        "    # Embed pages are framed by other sites: their CSP allows any ancestor.",
        f'    location ~ "{rules.EMBED_NGINX}" {{',
        "        try_files $uri $uri/ =404;",
        _headers(embed, " " * 8).rstrip("\n"),
        "    }",
        "",
        "    # Static-host files are not pages.",
        "    location ~ ^/_(headers|redirects)$ { return 404; }",
    ]
    for rule in rules.not_found_pages(site):
        lines += [
            "",
            "    # A missing URL in this section answers with the section's own 404 page, status 404.",
            f"    location {rule.prefix} {{",
            f"        error_page 404 {rule.page};",
            "        try_files $uri $uri/ =404;",
            _headers(revalidate, " " * 8).rstrip("\n"),
            "    }",
        ]
    lines.append("}")
    return "\n".join(lines) + "\n"


def config(site: Path, listen: str, prefix: Path, policy: str, workers: str = "1", access_log: bool = False) -> str:
    """A whole nginx.conf for an unprivileged nginx in the foreground, its files under `prefix`."""
    modules = "".join(f"load_module {MODULES / name};\n" for name in BROTLI_MODULES)
    temp = "".join(f"    {kind}_temp_path {prefix / 'tmp' / kind};\n"
                   for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"))
    server = "".join("    " + line + "\n" if line else "\n"
                     for line in server_block(site, listen, policy).splitlines())
    return (f"{modules}"
            "daemon off;\n"
            "master_process on;\n"
            f"{'user nobody nogroup;' if os.geteuid() == 0 else ''}\n"
            f"worker_processes {workers};\n"
            f"pid {prefix / 'nginx.pid'};\n"
            f"error_log {prefix / 'error.log'} warn;\n"
            "events { worker_connections 4096; }\n"
            "http {\n"
            f"    include {MIME_TYPES};\n"
            "    default_type application/octet-stream;\n"
            "    types { application/manifest+json webmanifest; }\n"
            f"    access_log {prefix / 'access.log' if access_log else 'off'};\n"
            "    sendfile on;\n"
            "    tcp_nopush on;\n"
            "    keepalive_timeout 65;\n"
            f"{temp}"
            f"{server}"
            "}\n")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server(subprocess.Popen):
    """An nginx master process serving one folder; `reload()` re-reads the site's CSP after a rebuild."""
    site: Path
    prefix: Path
    url: str
    listen: str
    workers: str

    def write_config(self, policy: str | None = None) -> str:
        policy = policy if policy is not None else _policy_or_placeholder(self.site)
        (self.prefix / "nginx.conf").write_text(config(self.site, self.listen, self.prefix, policy, self.workers),
                                                "utf-8")
        return policy

    def reload(self) -> None:
        """Apply the current site's rules (after a build into the served folder) and wait until they serve."""
        policy = self.write_config()
        check = subprocess.run([NGINX, "-t", "-q", "-p", str(self.prefix), "-c", str(self.prefix / "nginx.conf"),
                                "-e", str(self.prefix / "error.log")], capture_output=True, text=True)
        if check.returncode:
            raise RuntimeError(f"nginx configuration rejected: {check.stderr}")
        self.send_signal(signal.SIGHUP)
        _wait(self.url, lambda headers: headers.get("Content-Security-Policy") == policy, self)

    def stop(self) -> None:
        if self.poll() is None:
            self.send_signal(signal.SIGQUIT)  # graceful
            try:
                self.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.kill()
                self.wait()
        shutil.rmtree(self.prefix, ignore_errors=True)


def _policy_or_placeholder(site: Path) -> str:
    # An empty folder (the tests start the server before building into it) has no pages yet.
    return csp_module.site_policy(site) if any(site.rglob("*.html")) else csp_module.policy((), ())


def _wait(url: str, ready, process: subprocess.Popen, timeout: float = 15) -> None:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx exited ({process.returncode}): {last}")
        try:
            request = urllib.request.Request(url + "robots.txt", method="HEAD")
            with urllib.request.urlopen(request, timeout=2) as response:
                headers = response.headers
        except urllib.error.HTTPError as error:
            headers = error.headers
        except OSError as error:
            last = error
            time.sleep(0.05)
            continue
        if ready(headers):
            return
        time.sleep(0.05)
    raise RuntimeError(f"nginx at {url} not ready after {timeout} s: {last}")


def start(site: Path, port: int | None = None, workers: str = "1", policy: str | None = None) -> Server:
    """Serve `site` on 127.0.0.1 (a free port unless given) with an nginx process of its own.

    Returns the running process; its `url` is the base URL. Stop it with `stop()` (or terminate())."""
    site = Path(site).resolve()
    if os.geteuid() == 0:
        # Started as root, nginx runs its workers as `nobody`: they must be able to read the folder (a test's
        # mkdtemp folder is private to its owner).
        for folder in (site, *site.parents):
            if not folder.stat().st_mode & 0o005:
                folder.chmod(folder.stat().st_mode | 0o005)
            if folder == Path(tempfile.gettempdir()):
                break
    prefix = Path(tempfile.mkdtemp(prefix="amkam-nginx-"))
    for kind in ("client_body", "proxy", "fastcgi", "uwsgi", "scgi"):
        (prefix / "tmp" / kind).mkdir(parents=True)
    port = port or free_port()
    listen = f"127.0.0.1:{port}"
    conf = prefix / "nginx.conf"
    # Popen is started on the config written below: Server's attributes are set on a plain object first.
    holder = Server.__new__(Server)
    holder.site, holder.prefix, holder.listen, holder.workers = site, prefix, listen, workers
    holder.url = f"http://{listen}/"
    holder.write_config(policy)
    Server.__init__(holder, [NGINX, "-p", str(prefix), "-c", str(conf), "-e", str(prefix / "error.log")],
                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait(holder.url, lambda headers: True, holder)
    except RuntimeError as error:
        log = prefix / "error.log"
        details = log.read_text() if log.exists() else ""
        holder.stop()
        raise RuntimeError(f"{error}\n{details}") from None
    return holder
