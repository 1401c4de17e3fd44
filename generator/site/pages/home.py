"""The home page: three doors for a decision (an element, a comparison, a budget), the key figures, and the rest."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...data.catalogue import Catalogue
from ...data.models import PhaseTable
from ...domain.combinations import MAX_CHOSEN
from ...domain.costs import CostRow, per_child_spread
from ..labels import MATURITY_LABELS
from ..urls import HOME_PATH
from .base import Page, _grouped, citation, render_page


@dataclass(frozen=True)
class KeyFigures:
    """The home page's key figures, all counted from the data (the spread is the site's own reading of the tables)."""

    projects: int
    municipalities: int
    elements: int
    costed: int  # cost columns in the report's tables: the activities with a cost
    spread: tuple[CostRow, CostRow] | None  # lowest and highest cost per child per activity
    maturity: list[tuple[str, int]]  # (label, projects), in the report's order of levels
    price_year: str
    phases: PhaseTable  # the evaluation's data periods (tabel 2): the first and the last are shown


def key_figures(catalogue: Catalogue) -> KeyFigures:
    projects = list(catalogue.projects.values())
    levels = Counter(p.maturity.level for p in projects)
    return KeyFigures(
        projects=len(projects),
        municipalities=len({p.municipality for p in projects}),
        elements=len(catalogue.elements),
        costed=len(catalogue.cost_rows),
        spread=per_child_spread(catalogue.cost_rows),
        maturity=[(label, levels[level]) for level, label in MATURITY_LABELS.items() if levels[level]],
        price_year=catalogue.evaluation.cost_method.price_level,
        phases=catalogue.evaluation.phases,
    )


def home_page(catalogue: Catalogue) -> Page:
    figures = key_figures(catalogue)
    return render_page(
        HOME_PATH,
        "Forside",
        "data/elements.yaml",
        "home.md.j2",
        groups=_grouped(catalogue),
        figures=figures,
        element_count=figures.elements,
        project_count=figures.projects,
        municipality_count=figures.municipalities,
        max_chosen=MAX_CHOSEN,
        citation=citation(catalogue, list(catalogue.elements.values())),
        event_name=catalogue.cases.event.name,
        source=catalogue.sources[catalogue.evaluation.source],
    )
