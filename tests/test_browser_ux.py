"""Reader-facing behaviour in a real browser: copy a section link, keyboard focus, the remembered colour scheme."""

from __future__ import annotations

import pytest

from conftest import LANGUAGES, t

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_heading_copies_its_section_link_in_one_click(site, browser, lang):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    tab.goto(site.page_url(lang, "key-account-manager"))
    link = tab.locator("#responsibilities .headerlink")
    assert link.get_attribute("aria-label") == t("copy_section_link", lang)
    tab.locator("#responsibilities").hover()
    link.click()
    tab.locator("#copy-status").filter(has_text=t("calc_link_copied", lang)).wait_for()
    assert tab.evaluate("navigator.clipboard.readText()") == site.page_url(lang, "key-account-manager") + \
        "#responsibilities"
    context.close()


def test_keyboard_focus_is_always_visible(site, page):
    page.goto(site.page_url("fr", "compensation"))
    unseen = []
    for _ in range(25):
        page.keyboard.press("Tab")
        style = page.evaluate("""() => {
            let el = document.activeElement;
            // Material's palette toggle is a visually hidden radio; its label, next to it, shows the focus.
            if (el.classList.contains('md-option')) el = el.nextElementSibling;
            const s = getComputedStyle(el);
            return {tag: el.tagName, cls: el.className,
                    outline: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
                    shadow: s.boxShadow !== 'none', visible: el.getClientRects().length > 0};
        }""")
        if style["visible"] and not (style["outline"] or style["shadow"]):
            unseen.append(f"{style['tag']}.{style['cls']}")
    assert not unseen, unseen


def test_the_colour_scheme_toggle_exists_and_is_remembered(site, browser):
    context = browser.new_context(color_scheme="light")
    tab = context.new_page()
    tab.goto(site.page_url("cs", "index"))
    assert tab.evaluate("document.body.dataset.mdColorScheme") == "default"
    tab.locator("form[data-md-component=palette] label:visible").first.click()
    assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate"
    tab.goto(site.page_url("sk", "faq"))  # another page, another language
    assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate"
    tab.reload()
    assert tab.evaluate("document.body.dataset.mdColorScheme") == "slate"
    context.close()
