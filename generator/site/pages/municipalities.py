"""One page per municipality that any source names, grouped by region."""

from __future__ import annotations

from ...data.catalogue import Catalogue
from ...data.models import Municipality, Region
from ..paging import pagers, slices, title_of
from ..urls import MUNICIPALITIES_PATH, municipality_path, paged_path
from .base import Page, located, render_page, searched_once
from .cases import case_locations


def mentioned(catalogue: Catalogue) -> list[Municipality]:
    return [m for m in catalogue.municipalities.values() if catalogue.mentions_of(m).any]


def municipalities_index_pages(catalogue: Catalogue) -> list[Page]:
    """The municipalities by region: one page, or numbered pages (site/paging.py) when there are many.

    The list has no filter, so it needs no script and no data file: each page holds its part of the list, in
    the same order (region, then name), under its regions' headings, and the pager links to the others.
    """
    municipalities = mentioned(catalogue)
    by_region: dict[str, list[Municipality]] = {}
    for m in municipalities:
        by_region.setdefault(m.region, []).append(m)
    ordered = [
        (region, m)
        for region in catalogue.regions.values()
        for m in sorted(by_region.get(region.id, []), key=lambda m: m.short_name)
    ]
    chunks = slices(ordered)
    pages = pagers(MUNICIPALITIES_PATH, "", len(ordered)) if len(chunks) > 1 else [None]
    result = []
    for pager, chunk in zip(pages, chunks, strict=True):
        regions: dict[str, tuple[Region, list]] = {}
        for region, m in chunk:
            regions.setdefault(region.id, (region, []))[1].append((m, catalogue.mentions_of(m)))
        page = render_page(
            paged_path(MUNICIPALITIES_PATH, pager.number if pager else 1),
            title_of("Kommuner", pager),
            "data/municipalities.yaml",
            "municipalities_index.md.j2",
            regions=list(regions.values()),
            count=len(municipalities),
            pager=pager,
            region_source=catalogue.sources[catalogue.municipalities_source],
        )
        result.append(searched_once(page, pager))
    return result


def municipalities_index_page(catalogue: Catalogue) -> Page:
    """The municipalities' first page."""
    return municipalities_index_pages(catalogue)[0]


def municipality_page(catalogue: Catalogue, municipality: Municipality, cases_at: dict[str, str] | None = None) -> Page:
    """A municipality's page; ``cases_at`` is cases.case_locations (made here if not given)."""
    region = catalogue.region_of(municipality)
    absence = next((f for f in catalogue.recommendations.absence.figures if f.area == region.id), None)
    return render_page(
        municipality_path(municipality),
        municipality.name,
        "data/municipalities.yaml",
        "municipality.md.j2",
        line=catalogue.line_of("municipalities.yaml", "municipalities", municipality.id),
        municipality=municipality,
        region=region,
        mentions=catalogue.mentions_of(municipality),
        absence=absence,
        absence_data=catalogue.recommendations.absence,
        absence_source=catalogue.sources[catalogue.recommendations.source],
        region_source=catalogue.sources[catalogue.municipalities_source],
        report=catalogue.sources[catalogue.evaluation.source],
        themes={t.id: t for t in catalogue.cases.theme_meetings},
        located=located,
        event_name=catalogue.cases.event.name,
        cases_at=cases_at if cases_at is not None else case_locations(catalogue),
    )
