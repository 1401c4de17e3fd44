"""One page per municipality that any source names, grouped by region."""

from __future__ import annotations

from ...data.catalogue import Catalogue
from ...data.models import Municipality
from ..urls import MUNICIPALITIES_PATH, municipality_path
from .base import Page, located, render_page


def mentioned(catalogue: Catalogue) -> list[Municipality]:
    return [m for m in catalogue.municipalities.values() if catalogue.mentions_of(m).any]


def municipalities_index_page(catalogue: Catalogue) -> Page:
    municipalities = mentioned(catalogue)
    regions = [
        (region, sorted((m for m in municipalities if m.region == region.id), key=lambda m: m.short_name))
        for region in catalogue.regions.values()
    ]
    return render_page(
        MUNICIPALITIES_PATH,
        "Kommuner",
        "data/municipalities.yaml",
        "municipalities_index.md.j2",
        regions=[(r, [(m, catalogue.mentions_of(m)) for m in ms]) for r, ms in regions if ms],
        count=len(municipalities),
        region_source=catalogue.sources[catalogue.municipalities_source],
    )


def municipality_page(catalogue: Catalogue, municipality: Municipality) -> Page:
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
    )
