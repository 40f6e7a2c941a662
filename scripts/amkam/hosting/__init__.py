"""Serving the built site: one description of the hosting rules (rules.py), rendered for nginx (nginx.py) and for
static hosts (static_hosts.py); the CSP hashes of the built pages (csp.py); precompressed copies (precompress.py);
a check of a deployed site (check.py). No mkdocs import: everything works on a built folder.

    python -m amkam.hosting prepare SITE          # after `mkdocs build`: CSP check, _headers/_redirects, .gz/.br
    python -m amkam.hosting nginx-conf SITE ...   # the nginx server block for a public deployment
    python -m amkam.hosting check BASE_URL [--public-url URL]
"""
