"""A long table inside a page: the report's table 1 and the evaluation's table 2 (a row per pool project), the
explorer's two tables (a row per element, a row per project).

Its first ``ROWS_PER_PAGE`` rows stand on the page itself, under a pager; the others on numbered pages of their own
(``om/evalueringen/side-2/``), each with the table's caption and headings, its part of the rows, the same pager and
a link back, so the page stays light at any size and every row is reached without script. Each row is rendered
once by a macro of ``templates/overview_rows.html.j2`` (site/paging.py). A table that fits is as it always was.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..paging import Pager, paginate, title_of
from .base import Page, render_page, searched_once


@dataclass(frozen=True)
class LongTable:
    """What the page that holds the table shows of it, and the numbered pages with the rest (none if it fits)."""

    caption: str
    label: str  # the name of its scrolling region
    head: Markup  # the header row (a macro of templates/overview_rows.html.j2)
    rows_html: list[Markup]  # the page's own rows
    pager: Pager | None
    pages: list[Page]


def long_table(
    root: str,
    rows: Sequence[Any],
    macro: str,
    *,
    caption: str,
    head: Markup,
    owner: str,
    origin: str,
    part: str = "",
    label: str = "",
    **context: Any,
) -> LongTable:
    """The table of ``rows`` (each by ``macro``) on the page ``root`` titled ``owner``, and its later pages (in
    the folder ``part`` when the page has two long tables)."""
    paged = paginate(root, "", rows, macro, part=part, **context)
    first, *later = paged.parts
    pages = [
        searched_once(
            render_page(
                part.path,
                title_of(caption, part.pager),
                origin,
                "table_part.md.j2",
                table=LongTable(caption, label or caption, head, part.html, part.pager, []),
                owner=owner,
                page=root,
            ),
            part.pager,
        )
        for part in later
    ]
    return LongTable(caption, label or caption, head, first.html, first.pager, pages)
