"""Stage 4, continued: pages for the sources beyond the evaluation report, and one page per municipality.

Programmes (KL's Børneliv i sund balance, Børns Vilkår's It takes a village), the municipal cases
from KL's Børn & Unge Topmøde 2025, Børns Vilkår's recommendations with the school-absence figures,
and the municipalities that any source names, grouped by region.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ..data.catalogue import Catalogue
from ..data.models import AbsenceFigure, Locator, Municipality, Programme
from .chart import Bar, bar_chart, percent
from .pages import Page, municipality_path, programme_path, render_page

CASES_PATH = "kommunale-eksempler/index.md"
RECOMMENDATIONS_PATH = "anbefalinger/index.md"


def located(locator: Locator) -> str:
    """'afsnit X, s. 4' / 'afsnit X' / 's. 4' for a place in a source."""
    parts = [locator.where] if locator.where else []
    if locator.pages is not None:
        parts.append(f"s. {locator.pages}")
    return ", ".join(parts)


def programmes_index_page(catalogue: Catalogue) -> Page:
    programmes = list(catalogue.programmes.values())
    return render_page(
        "programmer/index.md",
        "Programmer",
        "data/programmes.yaml",
        "programmes_index.md.j2",
        programmes=[(p, catalogue.source_of(p)) for p in programmes],
        located=located,
    )


def programme_page(catalogue: Catalogue, programme: Programme) -> Page:
    return render_page(
        programme_path(programme),
        programme.name,
        "data/programmes.yaml",
        "programme.md.j2",
        line=catalogue.line_of("programmes.yaml", "programmes", programme.id),
        programme=programme,
        source=catalogue.source_of(programme),
        municipalities=[(m, catalogue.municipalities[m.municipality]) for m in programme.municipalities],
        element_links=[(link, catalogue.elements[link.element]) for link in programme.elements],
        located=located,
    )


def cases_page(catalogue: Catalogue) -> Page:
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
    return render_page(
        CASES_PATH,
        "Kommunale eksempler",
        "data/cases.yaml",
        "cases.md.j2",
        event=file.event,
        discrepancies=file.discrepancies,
        source=catalogue.sources[file.source],
        rows=rows,
        themes=[(t, [r for r in rows if r["case"].theme == t.id]) for t in file.theme_meetings],
        municipality_options=sorted(
            (m for m in catalogue.municipalities.values() if m.id in used), key=lambda m: m.short_name
        ),
        located=located,
    )


def absence_bars(catalogue: Catalogue) -> list[tuple[AbsenceFigure, str]]:
    """Each absence figure with the name of its area, the national average first."""
    named = []
    for figure in catalogue.recommendations.absence.figures:
        name = "Hele landet" if figure.area == "landsplan" else catalogue.regions[figure.area].name
        named.append((figure, name))
    return sorted(named, key=lambda pair: pair[0].area != "landsplan")


def recommendations_page(catalogue: Catalogue) -> Page:
    file = catalogue.recommendations
    figures = absence_bars(catalogue)
    chart = bar_chart(
        [Bar(name, percent(f.value), f.value, highlight=f.area == "landsplan") for f, name in figures],
        title=f"{file.absence.title} ({file.absence.school_year})",
        description="; ".join(f"{name}: {f.value}" for f, name in figures),
        chart_id="kb-fravaer",
    )
    return render_page(
        RECOMMENDATIONS_PATH,
        "Børns Vilkårs anbefalinger",
        "data/recommendations.yaml",
        "recommendations.md.j2",
        file=file,
        source=catalogue.sources[file.source],
        figures=figures,
        chart=chart,
        located=located,
    )


def _mentioned(catalogue: Catalogue) -> list[Municipality]:
    return [m for m in catalogue.municipalities.values() if catalogue.mentions_of(m).any]


def municipalities_index_page(catalogue: Catalogue) -> Page:
    municipalities = _mentioned(catalogue)
    regions = [
        (region, sorted((m for m in municipalities if m.region == region.id), key=lambda m: m.short_name))
        for region in catalogue.regions.values()
    ]
    return render_page(
        "kommuner/index.md",
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


def source_pages(catalogue: Catalogue) -> Iterator[Page]:
    yield programmes_index_page(catalogue)
    for programme in catalogue.programmes.values():
        yield programme_page(catalogue, programme)
    yield cases_page(catalogue)
    yield recommendations_page(catalogue)
    yield municipalities_index_page(catalogue)
    for municipality in _mentioned(catalogue):
        yield municipality_page(catalogue, municipality)


def navigation_entries(catalogue: Catalogue) -> dict[str, Any]:
    """Navigation sections for these pages, in the plain form mkdocs.yml's nav uses."""
    return {
        "Programmer": [
            "programmer/index.md",
            *({p.name: programme_path(p)} for p in catalogue.programmes.values()),
        ],
        "Kommunale eksempler": CASES_PATH,
        "Anbefalinger": RECOMMENDATIONS_PATH,
        # One page per municipality is too many for the menu: the index lists them by region.
        "Kommuner": "kommuner/index.md",
    }
