"""The MkDocs adapter fails the build, with a message naming the cause, instead of publishing a page that silently
lost something: a head without its alternates or share card, a registry that mkdocs.yml contradicts. Data text is
always shown as text (autoescaping)."""

from __future__ import annotations

import re

from conftest import build_with_change as _break


def test_a_head_without_its_share_card_fails_the_build(tmp_path):
    code, output, _ = _break(tmp_path, "overrides/partials/share-meta.html",
                             '<meta property="og:image" content="{{ share.image.url }}">', "")
    assert code != 0
    assert re.search(r"the page's head lacks its share card \(og:image\)", output), output[-2000:]
    assert "Traceback" not in output


def test_a_head_without_its_alternates_fails_the_build(tmp_path):
    code, output, _ = _break(tmp_path, "overrides/main.html",
                             '<link rel="alternate" hreflang="{{ alt.hreflang }}" href="{{ alt.href }}">', "")
    assert code != 0
    assert re.search(r'lacks <link rel="alternate" hreflang="en">', output), output[-2000:]


def test_mkdocs_yml_must_agree_with_the_registry(tmp_path):
    code, output, _ = _break(tmp_path, "mkdocs.yml", "name: Slovenčina", "name: Slovak")
    assert code != 0
    assert "mkdocs.yml disagrees with docs/assets/data/site.yml" in output
    assert "i18n language sk: name is 'Slovak', expected 'Slovenčina'" in output


def test_markup_in_a_data_label_is_shown_as_text(tmp_path):
    code, output, out = _break(tmp_path, "docs/assets/data/glossary.yml", "      fr: Accélérateur\n",
                               '      fr: "Accélérateur <b>fort</b> & <script>alert(1)</script>"\n')
    assert code == 0, output[-3000:]
    html = (out / "fr" / "glossary" / "index.html").read_text("utf-8")
    assert "<b>fort</b>" not in html and "<script>alert(1)</script>" not in html
    assert "Accélérateur &lt;b&gt;fort&lt;/b&gt; &amp;" in html
