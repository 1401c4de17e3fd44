"""The site's navigation, in the plain form mkdocs.yml's ``nav`` uses, and escaped for a theme.

Sections list their overview page, then their entries; the municipality pages are reached from
their overview, not from the menu. Every page carries the whole menu, so a section with more than
NAV_ENTRY_LIMIT entries lists only its overview and fixed pages: its entries are reached from the overview,
and ``off_menu`` names them for the builder (``not_in_nav``).
"""

from __future__ import annotations

import posixpath
from html import escape
from typing import Any

from ..data.catalogue import DATA_FILES, Catalogue
from .labels import project_label
from .pages.compare import ELEMENTS_COMPARE_TITLE, PROJECTS_COMPARE_TITLE
from .pages.contradictions import REPORT_TITLE
from .pages.explorer import EXPLORER_TITLE
from .pages.reference import REFERENCE_TITLE
from .urls import (
    ABOUT_PATH,
    BUDGET_PATH,
    CASES_PATH,
    CONTRADICTIONS_PATH,
    ECONOMY_PATH,
    ELEMENTS_COMPARE_PATH,
    ELEMENTS_PATH,
    EXPLORER_PATH,
    HOME_PATH,
    MUNICIPALITIES_PATH,
    PROGRAMMES_PATH,
    PROJECTS_COMPARE_PATH,
    PROJECTS_PATH,
    RECOMMENDATIONS_PATH,
    REFERENCE_DIR,
    REFERENCE_INDEX,
    REPORT_DIR,
    REPORT_INDEX,
    SOURCES_PATH,
    chapter_path,
    element_path,
    programme_path,
    project_path,
    reference_path,
)

# More entries than this in a section, and the menu lists only the section's overview and fixed pages.
NAV_ENTRY_LIMIT = 40


def _folded(catalogue: Catalogue) -> dict[str, bool]:
    """For each section's overview: whether the section's entries are too many for the menu."""
    counts = {
        ELEMENTS_PATH: len(catalogue.elements),
        PROJECTS_PATH: len(catalogue.projects),
        PROGRAMMES_PATH: len(catalogue.programmes),
    }
    return {overview: count > NAV_ENTRY_LIMIT for overview, count in counts.items()}


def off_menu(catalogue: Catalogue) -> list[str]:
    """``not_in_nav`` patterns for the entries the menu leaves out (each reached from its section's overview)."""
    return [f"/{posixpath.dirname(overview)}/*.md" for overview, folded in _folded(catalogue).items() if folded]


def navigation_entries(catalogue: Catalogue) -> dict[str, Any]:
    """Navigation sections for these pages, in the plain form mkdocs.yml's nav uses."""
    programmes = [] if _folded(catalogue)[PROGRAMMES_PATH] else catalogue.programmes.values()
    return {
        "Programmer": [
            PROGRAMMES_PATH,
            *({p.name: programme_path(p)} for p in programmes),
        ],
        "Kommunale eksempler": CASES_PATH,
        "Anbefalinger": RECOMMENDATIONS_PATH,
        # One page per municipality is too many for the menu: the index lists them by region.
        "Kommuner": MUNICIPALITIES_PATH,
    }


def navigation(catalogue: Catalogue, paths: list[str]) -> list[Any]:
    """The site navigation: fixed sections, filled from the catalogue and the pages present."""
    folded = _folded(catalogue)
    elements = [
        {group.name: [{e.name: element_path(e)} for e in catalogue.elements.values() if e.group == group.id]}
        for group in catalogue.groups.values()
        if not folded[ELEMENTS_PATH]
    ]
    projects = [
        {project_label(catalogue, p): project_path(p)} for p in catalogue.projects.values() if not folded[PROJECTS_PATH]
    ]
    about = sorted(
        (
            p
            for p in paths
            if p.startswith("om/")
            and p.endswith(".md")
            and p != ABOUT_PATH
            and not p.startswith((REFERENCE_DIR + "/", REPORT_DIR + "/"))
        ),
        key=_about_order,
    )
    report = [REPORT_INDEX, *({f"{c.number}. {c.heading}": chapter_path(c)} for c in catalogue.report.chapters)]
    reference = [REFERENCE_INDEX, *({f"data/{name}": reference_path(name)} for name in DATA_FILES)]
    return [
        {"Forside": HOME_PATH},
        {
            "Elementer": [
                ELEMENTS_PATH,
                {EXPLORER_TITLE: EXPLORER_PATH},
                {ELEMENTS_COMPARE_TITLE: ELEMENTS_COMPARE_PATH},
                *elements,
            ]
        },
        {"Puljeprojekter": [PROJECTS_PATH, {PROJECTS_COMPARE_TITLE: PROJECTS_COMPARE_PATH}, *projects]},
        {"Økonomi": [ECONOMY_PATH, {"Budgetberegner": BUDGET_PATH}]},
        *({title: entry} for title, entry in navigation_entries(catalogue).items()),
        {"Om": [ABOUT_PATH, *about, {REPORT_TITLE: report}, {REFERENCE_TITLE: reference}]},
    ]


def _about_order(path: str) -> str:
    """The pages under Om in alphabetical order, except that the contradictions follow Kilder."""
    return SOURCES_PATH + "~" if path == CONTRADICTIONS_PATH else path


def html_navigation(nav: list[Any]) -> list[Any]:
    """The navigation with every title escaped for HTML, as a builder's theme needs it.

    Titles come from the data (project titles, element and municipality names), and themes print
    navigation titles as raw HTML (Material's ``nav-item.html`` does). This is the one boundary
    where they are escaped; the entries' paths are ours and stay as they are.
    """

    def entry(item: Any) -> Any:
        if isinstance(item, dict):
            return {escape(title, quote=True): entry(value) for title, value in item.items()}
        if isinstance(item, list):
            return [entry(value) for value in item]
        return item

    return entry(nav)
