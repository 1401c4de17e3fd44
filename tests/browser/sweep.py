"""Which pages of a built site the browser sweeps visit, and which get the costly checks.

Every page is visited by the cheap sweeps (what it loads, cookies, width on a phone, payloads). The costly
checks (axe-core, the focus indicator of every control) run on the pages that stand for each kind: a page's
kind is the template it is made from, as its "Rediger denne side" block names it (a hand-written page is a
kind of its own). The template decides a page's structure, colours and controls; the data only fills it. So
for each template the largest and the smallest page are checked (most rows and sections, and what an entry
with little data leaves empty), and what data alone can break on any page (duplicate ids, empty names, dangling
ARIA references, lists, labels) is checked on every page without a browser by tests/site/test_page_structure.py.
That keeps the suite bounded when the data grows: the costly checks grow with the templates, not the pages.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

PARTS = 4  # tests that visit many pages split them into this many tests, so the workers share them


# The edit block overrides/main.html writes, and the template it names (a path of this repository, not data).
EDIT_BLOCK = re.compile(r'<p class="kb-edit">.*?</p>', re.DOTALL)
TEMPLATE = re.compile(r"<code>([\w./-]+\.j2)</code>")


def site_pages(built: Path) -> list[str]:
    """Every page of the built site, as a path from the root ('' is the home page)."""
    return sorted(
        str(path.parent.relative_to(built)).replace(".", "") + ("/" if path.parent != built else "")
        for path in built.rglob("index.html")
        if "assets" not in path.parts and "search" not in path.parts
    )


def page_kind(html: str, path: str) -> str:
    """The template a built page names in its edit block, or the page itself if it names none."""
    block = EDIT_BLOCK.search(html)
    template = TEMPLATE.search(block.group(0)) if block else None
    return template.group(1) if template else path


@functools.cache
def kinds(built: Path) -> dict[str, list[str]]:
    """The site's pages by kind."""
    found: dict[str, list[str]] = {}
    for path in site_pages(built):
        html = (built / path / "index.html").read_text(encoding="utf-8")
        found.setdefault(page_kind(html, path), []).append(path)
    return found


@functools.cache
def representatives(built: Path) -> tuple[str, ...]:
    """For each kind, its largest and its smallest page (by HTML), in site order."""
    chosen: set[str] = set()
    for pages in kinds(built).values():
        by_size = sorted(pages, key=lambda path: ((built / path / "index.html").stat().st_size, path))
        chosen.update({by_size[0], by_size[-1]})
    return tuple(sorted(chosen))
