"""Guards that name the cause when a theme or plugin upgrade changes what the site relies on.

- The blocks overrides/main.html copies from material's base.html are material's blocks plus the changes declared
  here, and nothing else: an upgrade that changes material's block fails this test, pointing at the re-sync.
- Every post-processing fix of material's markup is found exactly as often as declared (else the build stops).
- The search worker imports material's worker by the name the installed material gives it.
- Our shipped scripts and styles are minified and still valid.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from importlib.metadata import version
from pathlib import Path

import material
import pytest

from amkam import postprocess
from conftest import ROOT

MATERIAL_BASE = Path(material.__file__).parent / "templates" / "base.html"
OVERRIDES = ROOT / "overrides" / "main.html"

# block -> (material's lines, the lines that replace them in ours); lines compared with white space stripped.
DECLARED_CHANGES = {
    "site_meta": [
        # No author: the site names none.
        ("""{% if page.meta and page.meta.author %}
            <meta name="author" content="{{ page.meta.author }}">
            {% elif config.site_author %}
            <meta name="author" content="{{ config.site_author }}">
            {% endif %}""", ""),
        # Absolute, reciprocal hreflang alternates with x-default, computed by the core (amkam/seo.py).
        ("""{% if config.extra.alternate is iterable %}
            {% for alt in config.extra.alternate %}
            <link rel="alternate" href="{{ alt.link | url }}" hreflang="{{ alt.lang | d(lang.t('language')) }}">
            {% endfor %}
            {% endif %}""", """{% if site_page %}{% autoescape true %}
            {% for alt in site_page.alternates %}
            <link rel="alternate" hreflang="{{ alt.hreflang }}" href="{{ alt.href }}">
            {% endfor %}
            {% endautoescape %}{% endif %}"""),
        # No RSS feed.
        ("""{% if "rss" in config.plugins %}
"""
         """<link rel="alternate" type="application/rss+xml" title="{{ lang.t('rss.created') }}" """
         """href="{{ 'feed_rss_created.xml' | url }}">
"""
         """<link rel="alternate" type="application/rss+xml" title="{{ lang.t('rss.updated') }}" """
         """href="{{ 'feed_rss_updated.xml' | url }}">
"""
         """{% endif %}""", ""),
    ],
    "config": [
        # Each language searches its own index, from its own section (amkam/search.py).
        ('"base": base_url,', '"base": search_base,'),
        # The site's worker wraps material's (docs/assets/javascripts/workers/search-i18n.js).
        (None, '"search": "assets/javascripts/workers/search-i18n.js" | url,'),
    ],
}


def _lines(text: str) -> str:
    return "\n".join(line.strip() for line in text.strip().splitlines() if line.strip())


def _block(template: str, name: str) -> str:
    match = re.search(rf"{{% block {name} %}}(.*?){{% endblock %}}", template, flags=re.S)
    assert match, f"no block {name}"
    return _lines(match.group(1))


@pytest.mark.parametrize("name", list(DECLARED_CHANGES))
def test_copied_theme_blocks_are_materials_plus_the_declared_changes(name):
    expected = _block(MATERIAL_BASE.read_text("utf-8"), name)
    for old, new in DECLARED_CHANGES[name]:
        if old is None:  # a line whose value in material changes with every release (the worker's hash)
            expected, count = re.subn(r'^"search": "assets/javascripts/workers/search\.[0-9a-f]+\.min\.js" \| url,$',
                                      _lines(new), expected, flags=re.M)
        else:
            count = expected.count(_lines(old))
            expected = expected.replace(_lines(old), _lines(new))
        assert count == 1, (f"material {version('mkdocs-material')} changed its {name} block: re-sync "
                            f"overrides/main.html and DECLARED_CHANGES ({old or new!r} not found once)")
    expected = "\n".join(line for line in expected.splitlines() if line)
    assert _block(OVERRIDES.read_text("utf-8"), name) == expected


def test_a_fix_whose_markup_is_gone_stops_the_build():
    fixes = postprocess.material_fixes("Search")
    page = "<html>" + "".join(fix.old for fix in fixes) + "</html>"
    assert all(fix.new in postprocess.apply_fixes(page, fixes, "x.md") for fix in fixes)
    with pytest.raises(postprocess.PostprocessError, match="search dialog name"):
        postprocess.apply_fixes(page.replace('role="dialog"', 'role="dialog" class="new"'), fixes, "x.md")


def test_the_search_worker_imports_the_installed_materials_worker(site):
    workers = site.root / "assets" / "javascripts" / "workers"
    ours = (workers / "search-i18n.js").read_text("utf-8")
    name = re.match(r'var MATERIAL_SEARCH_WORKER="([^"]+)";', ours).group(1)
    assert (workers / name).is_file()
    assert name == postprocess.material_search_worker(site.root)


@pytest.mark.parametrize("name", sorted(postprocess.ASSETS))
def test_our_assets_ship_minified_and_valid(site, name):
    shipped = (site.root / name).read_text("utf-8")
    sources = "".join((ROOT / "docs" / part).read_text("utf-8") for part in postprocess.ASSETS[name])
    assert len(shipped) < len(sources)
    assert "/*" not in shipped and "\n  " not in shipped
    if name.endswith(".js"):
        node = shutil.which("node")
        assert node, "node is needed to check the shipped scripts"
        check = subprocess.run([node, "--check", str(site.root / name)], capture_output=True, text=True)
        assert check.returncode == 0, check.stderr
