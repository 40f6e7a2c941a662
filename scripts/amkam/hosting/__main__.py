"""python -m amkam.hosting COMMAND …  (see amkam/hosting/__init__.py)"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import check, csp, nginx, prepare, static_hosts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m amkam.hosting", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("prepare", help="after mkdocs build: check inline code against a strict CSP, precompress")
    p.add_argument("site", type=Path)
    p = commands.add_parser("csp", help="print the site's Content-Security-Policy")
    p.add_argument("site", type=Path)
    p = commands.add_parser("nginx-conf", help="print the nginx server block for a deployment")
    p.add_argument("site", type=Path, help="the built site (read for its CSP hashes and languages)")
    p.add_argument("--root", type=Path, help="where the site sits on the server (default: SITE)")
    p.add_argument("--listen", default="80")
    p.add_argument("--server-name", default="_")
    p = commands.add_parser("static-host", help="write _headers and _redirects for a static host into the site")
    p.add_argument("host", choices=static_hosts.HOSTS)
    p.add_argument("site", type=Path)
    p.add_argument("--out", type=Path, help="folder to write to (default: the site)")
    p = commands.add_parser("check", help="check a deployed site: headers, CSP, 404s, caching, hreflang")
    check.add_arguments(p)
    args = parser.parse_args(argv)
    try:
        if args.command == "prepare":
            print(prepare.prepare(args.site))
        elif args.command == "csp":
            print(csp.site_policy(args.site))
        elif args.command == "nginx-conf":
            print(nginx.server_block(args.site.resolve(), args.listen, csp.site_policy(args.site), args.server_name,
                                     args.root), end="")
        elif args.command == "static-host":
            for path in static_hosts.write(args.site, csp.site_policy(args.site), args.host, args.out):
                print(f"wrote {path}")
        elif args.command == "check":
            return check.run(args)
    except csp.PolicyError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
