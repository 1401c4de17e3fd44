"""Municipal cases from KL's Børn & Unge Topmøde 2025."""

from __future__ import annotations

from typing import Any

from ...data.catalogue import Catalogue
from .. import paging
from ..paging import Part, paginate
from ..urls import CASES_PATH, paged_path
from .base import Filter, Page, located, render_parts
from .contradictions import cases_contradictions


def cases_pages(catalogue: Catalogue) -> list[Page]:
    """The cases: one page, or a first page and numbered pages (site/paging.py) when there are many."""
    file = catalogue.cases
    themes = {t.id: t for t in file.theme_meetings}
    rows = [
        {
            "case": case,
            "theme": themes[case.theme],
            "municipalities": [catalogue.municipalities[m] for m in case.municipalities],
            # what the municipality filter matches: the same as the municipality pages list
            "filter": " ".join(
                dict.fromkeys([*case.municipalities, *(s.municipality for s in case.speakers if s.municipality)])
            ),
        }
        for case in file.cases
    ]
    used = {m for row in rows for m in row["filter"].split()}
    named = sorted((m for m in catalogue.municipalities.values() if m.id in used), key=lambda m: m.short_name)
    filters = [
        Filter("municipality", "Kommune", "Alle kommuner", [(m.id, m.short_name) for m in named]),
        Filter("theme", "Tema", "Alle temaer", [(t.id, t.title) for t in file.theme_meetings]),
    ]
    at = case_locations(catalogue)
    split = len(rows) > paging.ROWS_PER_PAGE
    for row in rows:
        row["at"] = at[row["case"].id] if split else None
    paged = paginate(CASES_PATH, "kommunale-eksempler", rows, "case_row")
    with_cases = {case.theme for case in file.cases}
    theme_pages = _theme_pages(catalogue)
    discrepancies = cases_contradictions(catalogue)

    def per_part(part: Part[dict[str, Any]]) -> dict[str, Any]:
        number = part.pager.number if part.pager else 1
        first = number == 1
        by_theme: dict[str, list[dict[str, Any]]] = {}
        for row in part.rows:
            by_theme.setdefault(row["case"].theme, []).append(row)
        shown = [(t, by_theme.get(t.id, [])) for t in file.theme_meetings]
        return {
            "discrepancies": discrepancies if first else [],
            # a theme stands on the pages of its cases; one without cases with the theme before it
            "themes": [(t, r) for t, r in shown if r or (t.id not in with_cases and theme_pages[t.id] == number)],
        }

    return render_parts(
        paged,
        "Kommunale eksempler",
        "data/cases.yaml",
        "cases.md.j2",
        per_part=per_part,
        event=file.event,
        source=catalogue.sources[file.source],
        filters=filters,
        located=located,
    )


def cases_page(catalogue: Catalogue) -> Page:
    """The cases' first page."""
    return cases_pages(catalogue)[0]


def case_locations(catalogue: Catalogue) -> dict[str, str]:
    """The page that describes each case and each theme (``_theme_pages``)."""
    file = catalogue.cases
    found = {case.id: paged_path(CASES_PATH, i // paging.ROWS_PER_PAGE + 1) for i, case in enumerate(file.cases)}
    found.update({theme: paged_path(CASES_PATH, number) for theme, number in _theme_pages(catalogue).items()})
    return found


def _theme_pages(catalogue: Catalogue) -> dict[str, int]:
    """The page each theme first stands on: that of its first case; a theme without cases stands with the theme
    before it (page 1 for the first), so such themes spread over the pages as the cases do."""
    first: dict[str, int] = {}
    for i, case in enumerate(catalogue.cases.cases):
        first.setdefault(case.theme, i // paging.ROWS_PER_PAGE + 1)
    pages, last = {}, 1
    for theme in catalogue.cases.theme_meetings:
        last = first.get(theme.id, last)
        pages[theme.id] = last
    return pages
