"""Every page of the built site on a phone (390×844) in Chromium: never wider than the screen, wide tables scroll in
a region the keyboard can reach, nothing is loaded from another host and no cookie is set; and every control in the
content of every kind of page shows a visible focus indicator (WCAG 2.4.7).

The pages are found from the built site, not listed here. On each page every folded part is opened and every
checkbox ticked first, so the controls they reveal (the calculator's lines, the explorer's answers) are checked
too; a comparison page is checked again with entries chosen. The focus indicator, which the templates and the CSS
decide, is checked on the pages that stand for each kind (tests/browser/sweep.py). Fixtures (browser, server,
built) are in tests/conftest.py; the pages are split into PARTS tests like the axe test, so the workers share them.
"""

from __future__ import annotations

from urllib.parse import urlparse

import pytest

from generator.site.urls import (
    BUDGET_PATH,
    ECONOMY_PATH,
    ELEMENTS_COMPARE_PATH,
    EXPLORER_PATH,
    PROJECTS_COMPARE_PATH,
    page_url,
)

from .sweep import PARTS, representatives, site_pages

PHONE = {"width": 390, "height": 844}
COMPARE_READY = "form[data-kb-compare-ready]"
COMPARE_FILLED = "#kb-compare-region:not([hidden]) thead th"
MIN_OUTLINE_PX = 2
MIN_CONTRAST = 3  # WCAG 1.4.11, non-text contrast of the indicator against what surrounds it
# Pages that must have had controls checked: the widgets the issue names (paths from urls.py).
WIDGETS = {
    page_url(p) for p in (BUDGET_PATH, EXPLORER_PATH, ECONOMY_PATH, ELEMENTS_COMPARE_PATH, PROJECTS_COMPARE_PATH)
}

# Regions in the content that scroll sideways but cannot take keyboard focus (so a keyboard cannot scroll them).
UNREACHABLE_SCROLL = """() => [...document.querySelectorAll('.md-content *')]
  .filter(e => ['auto', 'scroll'].includes(getComputedStyle(e).overflowX) && e.scrollWidth > e.clientWidth + 1
               && e.tabIndex < 0)
  .map(e => (e.querySelector('caption') || e).textContent.trim().slice(0, 60))"""

# Ticks every checkbox and opens every folded part in the content, so what they reveal is on the page.
REVEAL = """() => {
  const main = document.querySelector('.md-content');
  main.querySelectorAll('input[type=checkbox]').forEach(c => { if (!c.checked && !c.disabled) c.click(); });
  main.querySelectorAll('details').forEach(d => { d.open = true; });  // also those the ticks made
}"""

# Focuses every keyboard-focusable control in the content (after a key press, so :focus-visible applies) and
# returns how many it checked and, for each without a visible indicator, why.
FOCUS = """([minWidth, minContrast]) => {
  const rgba = text => {
    const m = /rgba?\\(([^)]*)\\)/.exec(text || '');
    if (!m) return null;
    const [r, g, b, a = 1] = m[1].split(/[\\s,\\/]+/).filter(Boolean).map(Number);
    return {r, g, b, a};
  };
  const over = (top, below) => ['r', 'g', 'b'].reduce(
    (c, k) => ({...c, [k]: top[k] * top.a + below[k] * (1 - top.a)}), {a: 1});
  const luminance = c => ['r', 'g', 'b'].map(k => c[k] / 255)
    .map(v => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const contrast = (a, b) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  const background = element => {  // what the indicator is drawn on: the nearest painted ancestor
    const layers = [];
    for (let e = element.parentElement; e; e = e.parentElement) {
      const c = rgba(getComputedStyle(e).backgroundColor);
      if (c && c.a > 0) { layers.push(c); if (c.a === 1) break; }
    }
    return layers.reduceRight((below, top) => over(top, below), {r: 255, g: 255, b: 255, a: 1});
  };
  const look = element => {
    const s = getComputedStyle(element);
    return {style: s.outlineStyle, width: parseFloat(s.outlineWidth), color: s.outlineColor, shadow: s.boxShadow};
  };
  const name = e => `${e.tagName.toLowerCase()}${e.id ? '#' + e.id : ''}${e.name ? `[name=${e.name}]` : ''} `
    + `»${(e.getAttribute('aria-label') || e.textContent || e.value || '').trim().slice(0, 40)}«`;
  const main = document.querySelector('.md-content');
  const problems = [];
  let checked = 0;
  for (const e of main.querySelectorAll('a[href], input, select, button, textarea, summary, [tabindex]')) {
    if (e.disabled || e.tabIndex < 0 || e.type === 'hidden' || !e.checkVisibility({visibilityProperty: true})
        || e.closest('[inert]')) continue;
    checked += 1;
    const before = look(e);
    e.focus();
    const after = look(e);
    const bg = background(e);
    const outline = after.style !== 'none' && after.style !== 'auto' && after.width >= minWidth;
    const shadow = after.shadow !== 'none' && after.shadow !== before.shadow;
    let problem = null;
    if (document.activeElement !== e) problem = 'does not take focus';
    else if (!e.matches(':focus-visible')) problem = 'not :focus-visible after a key press';
    else if (outline) {
      const ratio = contrast(over(rgba(after.color), bg), bg);
      if (ratio < minContrast) problem = `outline contrast ${ratio.toFixed(2)}:1`;
      else if (before.style === after.style && before.width === after.width && before.color === after.color)
        problem = 'outline the same without focus';
    } else if (shadow) {
      const color = rgba(after.shadow);
      const ratio = color ? contrast(over(color, bg), bg) : 0;
      if (ratio < minContrast) problem = `box-shadow contrast ${ratio.toFixed(2)}:1`;
    } else problem = `no indicator (outline ${after.style} ${after.width}px, box-shadow ${after.shadow})`;
    if (problem) problems.push(`${name(e)}: ${problem}`);
    e.blur();
  }
  return {checked, problems};
}"""


def _survey(page, label: str, found: dict[str, list], checked: dict[str, int], *, focus: bool) -> None:
    """Records under ``label`` what is wrong on the page as loaded; ``focus``: also every control's indicator."""
    if (width := page.evaluate("document.documentElement.scrollWidth")) > PHONE["width"]:
        found["wider than 390 px"].append((label, width))
    page.keyboard.press("Tab")  # a key press: focus moved by script afterwards matches :focus-visible
    page.evaluate(REVEAL)
    if (width := page.evaluate("document.documentElement.scrollWidth")) > PHONE["width"]:
        found["wider than 390 px with everything opened"].append((label, width))
    if unreachable := page.evaluate(UNREACHABLE_SCROLL):
        found["scrolls sideways without keyboard focus"].append((label, unreachable))
    # Wrapped twice: Material's script took a table the templates had wrapped, and laid the page out again.
    if twice := page.locator(".md-typeset__scrollwrap .md-typeset__scrollwrap").count():
        found["tables wrapped again by Material's script"].append((label, twice))
    if not focus:
        return
    result = page.evaluate(FOCUS, [MIN_OUTLINE_PX, MIN_CONTRAST])
    checked[label] = result["checked"]
    if result["problems"]:
        found["no visible focus"].append((label, result["problems"]))


@pytest.mark.parametrize("part", range(PARTS))
def test_every_page_fits_a_phone_loads_nothing_from_elsewhere_and_every_control_shows_focus(
    browser, server, built, part
):
    all_pages = site_pages(built)
    assert len(all_pages) >= 80
    chosen = set(representatives(built))
    assert chosen >= WIDGETS
    pages = all_pages[part::PARTS]
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    local = urlparse(server).netloc
    foreign = []
    page.on("request", lambda r: foreign.append((page.url, r.url)) if urlparse(r.url).netloc != local else None)
    found: dict[str, list] = {
        "wider than 390 px": [],
        "wider than 390 px with everything opened": [],
        "scrolls sideways without keyboard focus": [],
        "no visible focus": [],
        "tables wrapped again by Material's script": [],
    }
    checked: dict[str, int] = {}
    for path in pages:
        page.goto(server + path)
        _survey(page, path, found, checked, focus=path in chosen)
        # A comparison page: again with the first four entries chosen.
        if path in chosen and page.locator(COMPARE_READY).count():
            ids = page.eval_on_selector_all("form[data-kb-compare] input[name=id]", "cs => cs.map(c => c.value)")
            query = "?" + "&".join(f"id={i}" for i in ids[:4])
            page.goto(server + path + query)
            page.wait_for_selector(COMPARE_FILLED)
            _survey(page, path + query, found, checked, focus=True)
    cookies = context.cookies()
    context.close()
    assert {kind: problems for kind, problems in found.items() if problems} == {}
    assert sum(checked.values()) > 0 or not chosen & set(pages)
    assert [path for path in WIDGETS & set(pages) if not checked[path]] == []
    assert foreign == []
    assert cookies == []
    print(f"\nphone: {len(pages)} of {len(all_pages)} pages; focus: {sum(checked.values())} controls on {len(checked)}")
