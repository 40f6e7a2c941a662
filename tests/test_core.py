"""The core (`amkam`) renders every page without MkDocs: it will outlive MkDocs 1.x, whose plugin system MkDocs 2
removes. These tests run the core in a process where `mkdocs` and `material` cannot be imported."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from conftest import LANGUAGES, PAGES, ROOT

# Runs in a fresh interpreter: any import of mkdocs or material, direct or indirect, raises ImportError.
RENDER_EVERY_PAGE = textwrap.dedent("""
    import importlib.abc, re, sys
    from pathlib import Path

    class NoMkDocs(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in ("mkdocs", "material", "mkdocs_static_i18n", "amkam_mkdocs"):
                raise ImportError(f"the core imported {name}")
            return None

    sys.meta_path.insert(0, NoMkDocs())
    from amkam.data import load_site_data
    from amkam.markers import PageRef, render_markers
    from amkam.page_view import page_view

    root = Path(sys.argv[1])
    site = load_site_data(root / "docs" / "assets" / "data", root / "docs")
    count = markers = 0
    for lang in site.registry.codes:
        for page in site.registry.pages:
            text = (root / "docs" / lang / f"{page}.md").read_text("utf-8")
            meta = __import__("yaml").safe_load(text.split("---")[1])
            ref = PageRef(lang, f"{lang}/{page}.md", site.registry.page_url(lang, page))
            markers += len(re.findall(r"\\{\\{.*?\\}\\}", text))
            rendered = render_markers(text, ref, site, "https://example.org/")
            assert "{{" not in rendered.markdown, (lang, page)
            view = page_view(ref, meta, site, "https://example.org/", rendered.has_calculator)
            assert view.share.image.url and len(view.alternates) == len(site.registry.codes) + 1
            count += 1
    print(count, markers, sorted(m for m in sys.modules if m.split(".")[0] in ("mkdocs", "material")))
""")


def test_the_core_renders_every_marker_of_every_page_without_mkdocs():
    result = subprocess.run([sys.executable, "-c", RENDER_EVERY_PAGE, str(ROOT)], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-3000:]
    pages, markers, imported = result.stdout.split(maxsplit=2)
    assert int(pages) == len(LANGUAGES) * len(PAGES)
    assert int(markers) > 100  # the pages do use markers: the test exercised them
    assert imported.strip() == "[]"


def test_the_core_imports_no_mkdocs_module():
    sources = sorted((ROOT / "scripts" / "amkam").rglob("*.py"))
    assert sources
    offenders = [p.name for p in sources if any(line.lstrip().startswith(("import mkdocs", "from mkdocs",
                                                                          "import material", "from material"))
                                                 for line in p.read_text("utf-8").splitlines())]
    assert not offenders
