"""Børns Vilkår's recommendations, with the school-absence chart."""

from __future__ import annotations

from ...data.catalogue import Catalogue
from ...data.models import AbsenceFigure
from ..chart import Bar, bar_chart, percent
from ..urls import RECOMMENDATIONS_PATH
from .base import Page, located, render_page


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
        elements=catalogue.elements,
    )
