"""'Kort fortalt' within the first screen: Chromium measures the box on every element and project page.

The brief names the longest element and project page; they are measured first and by name, and every other
element and project page with them, on a laptop (1366×768) and a phone (390×844).
"""

from __future__ import annotations

from pathlib import Path

import pytest

VIEWPORTS = [(1366, 768), (390, 844)]


def _entry_pages(built: Path, folder: str) -> list[str]:
    """The folder's entry pages, longest HTML first (the overview and the explorer have no box)."""
    pages = [p for p in (built / folder).glob("*/index.html") if 'class="kb-brief"' in p.read_text(encoding="utf-8")]
    pages.sort(key=lambda p: (-p.stat().st_size, p.parent.name))
    return [f"{folder}/{p.parent.name}/" for p in pages]


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_the_box_ends_within_the_first_screen(browser, server, built, width, height):
    elements, projects = _entry_pages(built, "elementer"), _entry_pages(built, "puljeprojekter")
    assert len(elements) == 9 and len(projects) == 15
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    below, wide = {}, {}
    for path in [elements[0], projects[0], *elements[1:], *projects[1:]]:  # the longest two first
        page.goto(server + path)
        page.wait_for_selector(".kb-brief")
        box = page.locator(".kb-brief").bounding_box()
        if box["y"] + box["height"] > height:
            below[path] = round(box["y"] + box["height"])
        if page.evaluate("document.documentElement.scrollWidth") > width:
            wide[path] = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert below == {}, f"the box ends below the first screen ({width}×{height})"
    assert wide == {}


def test_the_boxs_folded_parts_open_with_the_keyboard_and_show_focus(page, server):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(server + "elementer/overgangsmoeder/")
    details = page.locator(".kb-brief div", has=page.locator("dt", has_text="Forudsætninger")).locator("details")
    details.locator("summary").focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert details.get_attribute("open") is not None
    assert details.locator("a").first.is_visible()  # the prerequisites' links
    assert page.foreign == []
