"""What data alone can break in a page's accessibility, checked on every page of the built site without a browser.

axe-core runs in Chromium on the pages that stand for each template (tests/browser/sweep.py): a template decides a
page's structure, colours and controls. What the data fills in can still break a page that axe never sees: an id
made twice from two names, a link or heading whose text the data left empty, an ARIA reference to an id that was
not made, a list or a table that lost its structure. These are checked here on every page, in one pass over the
parsed site, so they grow with the data at the cost of parsing it.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup, Tag

REFERENCES = ("aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers")
NOT_LABELLED = {"hidden", "submit", "button", "reset", "image"}  # inputs named by their value or not shown
LIST_CHILDREN = {"li", "script", "template"}


def _named(element: Tag) -> bool:
    """Has an accessible name by text, aria-label(ledby), title, or an image's alt inside."""
    if element.get_text(strip=True) or element.get("aria-label", "").strip() or element.get("aria-labelledby"):
        return True
    if element.get("title", "").strip():
        return True
    return any(img.get("alt", "").strip() for img in element.find_all("img"))


def structure_problems(soup: BeautifulSoup) -> list[str]:
    """What is wrong with one page, each as a short message naming the element."""
    problems: list[str] = []
    html = soup.find("html")
    if html is None or html.get("lang") != "da":
        problems.append("<html> has no lang='da'")
    title = soup.find("title")
    if title is None or not title.get_text(strip=True):
        problems.append("<title> is empty")
    ids: dict[str, int] = {}
    for element in soup.find_all(id=True):
        ids[element["id"]] = ids.get(element["id"], 0) + 1
    problems += [f"id {id_!r} is used {count} times" for id_, count in ids.items() if count > 1]
    for attribute in REFERENCES:
        for element in soup.find_all(attrs={attribute: True}):
            problems += [
                f"{element.name}[{attribute}] names the missing id {ref!r}"
                for ref in element[attribute].split()
                if ref not in ids
            ]
    labelled = {label["for"] for label in soup.find_all("label", attrs={"for": True})}
    for element in soup.find_all(["a", "button"]):
        if (element.name == "button" or element.get("href") is not None) and not _named(element):
            problems.append(f"<{element.name} {_where(element)}> has no name")
    for control in soup.find_all(["input", "select", "textarea"]):
        if control.name == "input" and control.get("type", "text") in NOT_LABELLED:
            continue
        if "md-toggle" in control.get("class", []):  # the theme's hidden state switches (drawer, table of contents)
            continue
        if not (
            control.get("id") in labelled
            or control.find_parent("label")
            or control.get("aria-label", "").strip()
            or control.get("aria-labelledby")
            or control.get("title", "").strip()
        ):
            problems.append(f"<{control.name} {_where(control)}> has no label")
    for heading in soup.find_all(re.compile(r"^h[1-6]$")):
        if not _named(heading):
            problems.append(f"<{heading.name} {_where(heading)}> is empty")
    for image in soup.find_all("img"):
        if image.get("alt") is None:
            problems.append(f"<img {_where(image)}> has no alt")
    for svg in soup.find_all("svg", attrs={"role": "img"}):
        if not (svg.get("aria-label", "").strip() or svg.get("aria-labelledby") or svg.find("title")):
            problems.append(f"<svg role=img {_where(svg)}> has no name")
    for list_ in soup.find_all(["ul", "ol"]):
        strays = {child.name for child in list_.find_all(recursive=False)} - LIST_CHILDREN
        if strays:
            problems.append(f"<{list_.name} {_where(list_)}> holds {sorted(strays)} besides <li>")
    for table in soup.find_all("table"):
        if table.find("th") is None:
            problems.append(f"<table {_where(table)}> has no header cell")
    return problems


def _where(element: Tag) -> str:
    """Enough of an element to find it in the page: its id or class, or the start of its text."""
    if element.get("id"):
        return f"id={element['id']!r}"
    if element.get("class"):
        return f"class={' '.join(element['class'])!r}"
    return repr(element.get_text(" ", strip=True)[:40])


@pytest.mark.xdist_group("built-html")
def test_every_page_keeps_what_the_data_could_break(built, built_html):
    pages = {path.relative_to(built).as_posix(): soup for path, soup in built_html.items()}
    pages = {path: soup for path, soup in pages.items() if not path.startswith("assets/")}
    assert len(pages) >= 80
    found = {path: problems for path, soup in pages.items() if (problems := structure_problems(soup))}
    assert found == {}


BROKEN = """<!doctype html><html lang="en"><head><title> </title></head><body>
<h2 id="a"></h2><p id="a">twice</p>
<a href="/x"> </a><a href="/y"><img src="i.png"></a><button></button>
<div aria-labelledby="nowhere">x</div>
<select name="municipality"><option>A</option></select>
<svg role="img"></svg>
<ul><li>ok</li><p>stray</p></ul>
<table><tr><td>1</td></tr></table>
</body></html>"""


def test_each_kind_of_breakage_is_found():
    problems = structure_problems(BeautifulSoup(BROKEN, "html.parser"))
    assert problems == [
        "<html> has no lang='da'",
        "<title> is empty",
        "id 'a' is used 2 times",
        "div[aria-labelledby] names the missing id 'nowhere'",
        "<a ''> has no name",
        "<a ''> has no name",
        "<button ''> has no name",
        "<select 'A'> has no label",
        "<h2 id='a'> is empty",
        "<img ''> has no alt",
        "<svg role=img ''> has no name",
        "<ul 'ok stray'> holds ['p'] besides <li>",
        "<table '1'> has no header cell",
    ]
