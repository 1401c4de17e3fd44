"""'Kort fortalt' within the first screen: Chromium measures the box on every element and project page.

The brief names the longest element and project page; they are measured first and by name, and every other
element and project page with them, on a laptop (1366×768) and a phone (390×844).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from .test_browser import AXE, AXE_TAGS

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture then skips the tests (or fails them in CI)
    expect = None

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


# --- the one-page brief for a political committee ("Print et beslutningsoplæg") ---------------------------------

BRIEF_PARTS = ".kb-brief, .kb-in-brief"  # what the printed brief holds besides the title


def _longest_brief(built: Path, folder: str) -> str:
    """The entry page whose printed brief has the most text: the hardest to fit on one A4 page."""
    from bs4 import BeautifulSoup

    def length(path: str) -> int:
        soup = BeautifulSoup((built / path / "index.html").read_text(encoding="utf-8"), "html.parser")
        return sum(len(part.get_text(" ", strip=True)) for part in soup.select(BRIEF_PARTS))

    return max(_entry_pages(built, folder), key=length)


def _print_brief(page, server: str, path: str) -> None:
    """Open the page and press its button, as a reader would; the browser's print dialog is left out."""
    page.goto(server + path)
    button = page.locator("[data-kb-print-brief]")
    expect(button).to_be_visible()  # the script has shown it
    page.evaluate("() => { window.kbPrinted = 0; window.print = () => { window.kbPrinted += 1; }; }")
    button.focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_function("window.kbPrinted === 1")
    page.wait_for_selector("html.kb-printing-brief")


@pytest.mark.parametrize("folder", ["elementer", "puljeprojekter"])
def test_the_brief_prints_on_one_a4_page(page, server, built, tmp_path, folder):
    """Every entry's brief prints on one A4 page; the longest is read back from its PDF."""
    from pypdf import PdfReader

    longest = _longest_brief(built, folder)
    pages = [longest, *(path for path in _entry_pages(built, folder) if path != longest)]
    over, text = {}, ""
    for path in pages:
        _print_brief(page, server, path)
        page.emulate_media(media="print")
        assert page.locator(".kb-brief").is_visible() and page.locator(".kb-print-only").is_visible()
        assert not page.locator("#hvad-kraever-det-at-starte").is_visible()  # the long page is left out
        assert not page.locator("[data-kb-print-brief]").is_visible()
        pdf = tmp_path / "brief.pdf"
        page.pdf(path=str(pdf), format="A4")
        reader = PdfReader(str(pdf))
        if len(reader.pages) != 1:
            over[path] = len(reader.pages)
        if path == longest:
            text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
        page.emulate_media(media="screen")
    assert over == {}, "these briefs print on more than one A4 page"
    assert "Kort fortalt" in text and "Hvad evalueringen kan og ikke kan vise" in text
    assert "Kilder:" in text and "2022-priser" in text and "dataperioder" in text
    assert (server + longest).replace(" ", "") in text.replace(" ", "")  # the page's full address
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    page.wait_for_selector("html:not(.kb-printing-brief)")
    assert not page.locator(".kb-print-only").is_visible()
    assert page.foreign == []


def test_the_brief_names_the_first_steps_by_their_recommendations_titles(page, server):
    page.goto(server + "elementer/systematisk-trivselsvurdering/")
    steps = page.locator(".kb-first-steps")
    expect(steps.locator("h3").first).to_contain_text("Skab mere trivsel blandt børn og unge")
    expect(steps).to_contain_text("Sitets kobling (redaktionel)")
    page.goto(server + "elementer/overgangsmoeder/")  # no first step is linked to it
    expect(page.locator(".kb-first-steps")).to_have_count(0)


def test_the_start_section_and_the_brief_pass_axe(page, server, built):
    """The two longest pages, with the button shown by the script (the site-wide axe test sees them too)."""
    for path in (_longest_brief(built, "elementer"), _longest_brief(built, "puljeprojekter")):
        page.goto(server + path)
        expect(page.locator("[data-kb-print-brief]")).to_be_visible()
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        violations = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
            ".then(r => r.violations.map(v => [v.id, v.nodes.map(n => n.target.join(' '))]))",
            AXE_TAGS,
        )
        assert violations == [], path


@pytest.mark.parametrize(("width", "height"), VIEWPORTS)
def test_the_home_pages_three_doors_are_within_the_first_screen_and_one_click_from_the_comparison(
    browser, server, width, height
):
    context = browser.new_context(viewport={"width": width, "height": height})
    page = context.new_page()
    page.goto(server)
    doors = page.locator("nav.kb-doors a")
    expect(doors).to_have_count(3)
    for index in range(3):
        box = doors.nth(index).bounding_box()
        assert box["y"] + box["height"] <= height, doors.nth(index).inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    doors.nth(1).click()
    page.wait_for_url("**/puljeprojekter/sammenlign/")
    expect(page.locator("form input[name=id]").first).to_be_attached()
    context.close()
