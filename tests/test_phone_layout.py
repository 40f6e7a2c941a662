"""Readable on a phone (issue 8 §5): at 390 × 844 no page scrolls sideways and no box in an article does, on every
page in every language; the wide data tables become one card per row that still shows each cell's column name."""

from __future__ import annotations

import json

import pytest

from conftest import EMBEDS, LANGUAGES, PAGES

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

# The document's width against the screen's, and every element of the article that scrolls sideways (overflow-x
# auto or scroll) while holding content wider than itself.
OVERFLOW = """() => {
  const name = el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim()
       ? '.' + el.className.trim().split(/\\s+/).join('.') : '');
  const boxes = [];
  for (const el of document.querySelectorAll('article, article *')) {
    const overflow = getComputedStyle(el).overflowX;
    if ((overflow === 'auto' || overflow === 'scroll') && el.scrollWidth > el.clientWidth) {
      boxes.push(`${name(el)} scrollWidth ${el.scrollWidth} > clientWidth ${el.clientWidth}`);
    }
  }
  // What sticks out past the screen's right edge (innermost elements only), to say why the document is too wide.
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const out = e => e.getBoundingClientRect().right > innerWidth + 0.5;
    if (out(el) && ![...el.children].some(out)) {
      wide.push(`${name(el)} right edge ${Math.round(el.getBoundingClientRect().right)}`);
    }
  }
  return {document: document.documentElement.scrollWidth, screen: innerWidth, boxes, wide: wide.slice(0, 5)};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_page_scrolls_sideways_on_a_phone(site, browser, lang):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    offenders = {}
    for page in PAGES + EMBEDS:
        tab.goto(site.page_url(lang, page), wait_until="load")
        found = tab.evaluate(OVERFLOW)
        problems = list(found["boxes"])
        if found["document"] > found["screen"]:
            problems.insert(0, f"document scrollWidth {found['document']} > window.innerWidth {found['screen']}; "
                               f"sticking out: {', '.join(found['wide'])}")
        if problems:
            offenders[page] = problems
    context.close()
    assert not offenders, json.dumps(offenders, indent=1, ensure_ascii=False)


# For each data cell of the salary table: its column's header text, its data-label, the label drawn before it
# (computed content of ::before) and whether that label and the cell are shown.
CELL_LABELS = """() => {
  const table = document.getElementById('salary-table');
  const headers = [...table.querySelectorAll('thead th')].map(th => th.textContent.trim());
  const cells = [];
  for (const row of table.querySelectorAll('tbody tr')) {
    [...row.children].forEach((cell, i) => {
      if (cell.tagName !== 'TD') return;
      const before = getComputedStyle(cell, '::before');
      const box = cell.getBoundingClientRect();
      cells.push({row: row.id, header: headers[i], label: cell.dataset.label, content: before.content,
                  shown: before.display !== 'none' && box.width > 0 && box.height > 0, right: box.right});
    });
  }
  const head = table.querySelector('thead').getBoundingClientRect();
  return {cells, headHeight: head.height, rowDisplay: getComputedStyle(table.querySelector('tbody tr')).display,
          width: innerWidth};
}"""


@pytest.mark.browser
def test_stacked_salary_table_shows_each_cells_label(site, browser):
    context = browser.new_context(viewport=PHONE)
    tab = context.new_page()
    for lang in LANGUAGES:
        tab.goto(site.page_url(lang, "salaries-europe"), wait_until="load")
        found = tab.evaluate(CELL_LABELS)
        assert found["rowDisplay"] == "block", f"{lang}: the salary table's rows are not stacked on a phone"
        # The header row stays in the page for screen readers, visually hidden, and the stacked table is still a
        # table in the accessibility tree, its cells named without the drawn label.
        assert found["headHeight"] <= 1, f"{lang}: the header row is shown on a phone"
        tree = tab.locator("#salary-table").aria_snapshot()
        for role in ("- table ", "- columnheader ", "- rowheader ", "- cell "):
            assert role in tree, f"{lang}: no {role.strip('- ')} in the salary table's accessibility tree"
        first = found["cells"][0]
        assert f'cell "{first["label"]}' not in tree, f"{lang}: the drawn label is read as part of the cell"
        assert found["cells"], f"{lang}: no cell in the salary table"
        wrong = [c for c in found["cells"]
                 if c["label"] != c["header"] or c["label"] not in c["content"] or not c["shown"]
                 or c["right"] > found["width"]]
        assert not wrong, f"{lang}: " + json.dumps(wrong[:5], ensure_ascii=False)
    # On a desktop the table is a table as before: rows side by side, header row shown, no label drawn.
    tab.set_viewport_size(DESKTOP)
    tab.goto(site.page_url(LANGUAGES[0], "salaries-europe"), wait_until="load")
    found = tab.evaluate(CELL_LABELS)
    assert found["rowDisplay"] == "table-row" and found["headHeight"] > 1
    assert all(c["content"] in ("none", "normal") for c in found["cells"])
    context.close()
