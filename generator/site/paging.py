"""Overview pages at any size: a first screen of rows in the page, the rest on numbered pages and in a data file.

An overview (projects, elements, Økonomi, the municipal cases, the municipalities) with more rows than ``ROWS_PER_PAGE``
is split. Its own page (``puljeprojekter/``) carries the first rows, ``puljeprojekter/side-2/`` the next ones and
so on, each with a pager (``nav`` with ``aria-current``), so every row is reached without script. Every row is
rendered once as the escaped HTML of its table row (the same escaping as every page) into one JSON file per
overview (``urls.overview_data_path``); ``assets/javascripts/paging.js`` fetches it when a visitor filters,
sorts or turns a page, so filters and sorts cover every row, and keeps the page in the address (``?side=2``).
An overview that fits on one page is as it always was: no pager, no data file, no extra script.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from markupsafe import Markup

from .render import macros
from .urls import URLS, hrefer, overview_data_path, overview_options_path, paged_path

ROWS_TEMPLATE = "overview_rows.html.j2"  # one macro per overview's table row

# Rows an overview page carries. Why 60: today's largest overview (Økonomi, 51 activities) fits on one page, so
# today's pages stay as they were; and 60 of the heaviest rows (a pool project's, about 2.1 kB of HTML with its
# badges and links) make a page of about 160 kB with the menu, half the 300 kB any page may have at any size.
ROWS_PER_PAGE = 60

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    """Where one page of an overview stands among its pages: what the pager and the script need, as URLs."""

    number: int  # this page's, from 1
    count: int  # how many pages the overview has
    first: int  # this page's first row, counted from 1
    last: int  # its last row
    total: int  # rows in the overview
    links: tuple[tuple[int | None, Markup], ...]  # the pager's pages (window): number and address; None a gap
    data: Markup  # the overview's JSON, from this page
    options: Markup  # the choices of its long filters (JSON), from this page
    root: Markup  # page 1, from this page (the JSON's links are relative to it)
    per_page: int


@dataclass(frozen=True)
class Part(Generic[T]):
    """One page of an overview: its path, its pager (None when the overview has one page), rows and their HTML."""

    path: str
    pager: Pager | None
    rows: Sequence[T]
    html: list[Markup]


@dataclass(frozen=True)
class Paged(Generic[T]):
    """An overview split into pages, and every row's HTML as page 1 links (the data file's)."""

    name: str  # of the data file
    parts: list[Part[T]]
    html: list[Markup]

    @property
    def split(self) -> bool:
        return len(self.parts) > 1

    def data(self, notes: list[Any]) -> tuple[tuple[str, bytes], ...]:
        """The data file to publish with page 1, with all caveat ``notes`` (Footnote); none for one page."""
        return ((overview_data_path(self.name), rows_json(self.html, caveat_notes(notes))),) if self.split else ()


def paginate(root: str, name: str, rows: Sequence[T], macro: str, *, part: str = "", **context: Any) -> Paged[T]:
    """Split ``rows`` into pages and render each row with ``macro`` of ROWS_TEMPLATE (and ``context``).

    A row is rendered once with links from page 1 (for that page and the data file) and, if it stands on a
    later page, once more with links from there (every later page is one folder deeper, so one rendering fits
    them all). ``part`` names the folder of the later pages (urls.paged_path), for a page with two long tables.
    """
    chunks = slices(rows)

    def renderer(path: str) -> Any:
        return getattr(macros(ROWS_TEMPLATE, href=hrefer(path), urls=URLS), macro)

    first = renderer(root)
    html = [Markup(str(first(row, **context)).strip()) for row in rows]
    if len(chunks) == 1:
        return Paged(name, [Part(root, None, rows, html)], html)
    later = renderer(paged_path(root, 2, part))
    parts = []
    for pager, chunk in zip(pagers(root, name, len(rows), part), chunks, strict=True):
        path = paged_path(root, pager.number, part)
        shown = html[: len(chunk)] if pager.number == 1 else [Markup(str(later(r, **context)).strip()) for r in chunk]
        parts.append(Part(path, pager, chunk, shown))
    return Paged(name, parts, html)


def slices(rows: Sequence[T]) -> list[Sequence[T]]:
    """The rows of each page, in order; one page (maybe empty) at least."""
    per_page = ROWS_PER_PAGE
    return [rows[i : i + per_page] for i in range(0, len(rows), per_page)] or [rows]


def pagers(root: str, name: str, total: int, part: str = "") -> list[Pager]:
    """One Pager per page of an overview whose first page is ``root`` (a Markdown path) and data is ``name``."""
    per_page = ROWS_PER_PAGE
    count = max(1, -(-total // per_page))
    result = []
    for number in range(1, count + 1):
        href = hrefer(paged_path(root, number, part))
        result.append(
            Pager(
                number=number,
                count=count,
                first=min(total, (number - 1) * per_page + 1),
                last=min(total, number * per_page),
                total=total,
                links=tuple((n, href(paged_path(root, n, part)) if n else Markup("")) for n in window(number, count)),
                data=href(overview_data_path(name)),
                options=href(overview_options_path(name)),
                root=href(root),
                per_page=per_page,
            )
        )
    return result


# How many pages the pager names on each side of the current one (besides the first and the last).
NEAR = 2


def window(number: int, count: int) -> list[int | None]:
    """The pages a pager names: the first, the last and NEAR on each side of ``number``; None where it skips.

    So a pager stays short however many pages there are. paging.js's window() is the same rule (tested)."""
    shown = sorted({1, count, *range(max(1, number - NEAR), min(count, number + NEAR) + 1)})
    result: list[int | None] = []
    for n in shown:
        if result and n - (result[-1] or 0) > 1:
            result.append(None)
        result.append(n)
    return result


def rows_json(rows: list[Markup], notes: Markup) -> bytes:
    """The data file of an overview: every row's HTML (links relative to page 1) and all its caveat notes.

    The HTML is the generator's, escaped like every page; JSON then escapes it once more (``inert_json``).
    """
    return inert_json({"rows": [str(r).strip() for r in rows], "notes": str(notes).strip()})


def inert_json(data: object, *, sort_keys: bool = False) -> bytes:
    """JSON with ``<``, ``>`` and ``&`` as ``\\u`` escapes: inert even if a browser were made to read it as HTML
    (so also safe inside a <script> element, pages.base.script_json)."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=sort_keys)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026").encode("utf-8")


def title_of(title: str, pager: Pager | None) -> str:
    """'Økonomi' on page 1, 'Økonomi, side 2' after it (the browser tab and the search result say which)."""
    return title if pager is None or pager.number == 1 else f"{title}, side {pager.number}"


def caveat_notes(notes: list[Any]) -> Markup:
    """All caveat notes of an overview as the page lists them (macro caveat_notes), for its data file."""
    return Markup(macros("_macros.md.j2").caveat_notes(notes)) if notes else Markup("")
