"""Stage 4: one module per page family, each with pure functions from the catalogue to Markdown pages.

``all_pages`` lists every generated page, in the order the checks report clashes in.
"""

from __future__ import annotations

from collections.abc import Iterator

from ...data.catalogue import Catalogue
from .about import evaluation_pages, sources_page
from .base import Page
from .budget import budget_page
from .cases import case_locations, cases_pages
from .compare import elements_compare_page, projects_compare_page
from .contradictions import contradictions_pages
from .economy import economy_pages
from .elements import element_page
from .explorer import explorer_pages
from .home import home_page
from .municipalities import mentioned, municipalities_index_pages, municipality_page
from .overviews import elements_index_pages, projects_index_pages
from .programmes import programme_page, programmes_index_page
from .projects import project_page
from .recommendations import recommendations_page
from .reference import reference_pages
from .report import chapter_pages, evidence_page, report_index_page


def all_pages(catalogue: Catalogue) -> Iterator[Page]:
    yield home_page(catalogue)
    yield from elements_index_pages(catalogue)
    yield elements_compare_page(catalogue)
    yield from explorer_pages(catalogue)  # before the element pages: an element id that clashes is the one reported
    for element in catalogue.elements.values():
        yield element_page(catalogue, element)
    yield from projects_index_pages(catalogue)
    yield projects_compare_page(catalogue)
    for project in catalogue.projects.values():
        yield project_page(catalogue, project)
    yield from economy_pages(catalogue)
    yield budget_page(catalogue)
    yield programmes_index_page(catalogue)
    for programme in catalogue.programmes.values():
        yield programme_page(catalogue, programme)
    yield from cases_pages(catalogue)
    yield recommendations_page(catalogue)
    yield from municipalities_index_pages(catalogue)
    cases_at = case_locations(catalogue)  # once: every municipality page links to its cases
    for municipality in mentioned(catalogue):
        yield municipality_page(catalogue, municipality, cases_at)
    yield from evaluation_pages(catalogue)
    yield evidence_page(catalogue)
    yield report_index_page(catalogue)
    for chapter in catalogue.report.chapters:
        yield from chapter_pages(catalogue, chapter)
    yield sources_page(catalogue)
    yield from contradictions_pages(catalogue)
    yield from reference_pages(catalogue)
