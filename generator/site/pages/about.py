"""About the evaluation (Om evalueringen) and the sources (Kilder)."""

from __future__ import annotations

from markupsafe import Markup

from ...data.catalogue import Catalogue
from ..labels import PHASE_LABELS
from ..paging import ROWS_TEMPLATE
from ..render import macros
from ..urls import EVALUATION_PATH, SOURCES_PATH
from .base import Page, render_page
from .contradictions import evaluation_contradictions
from .long_tables import long_table

EVALUATION_TITLE = "Om evalueringen"
ORIGIN = "data/evaluation.yaml"


def evaluation_pages(catalogue: Catalogue) -> list[Page]:
    """Om evalueringen, and the numbered pages of its table 2 (a row per project) when it is long."""
    evaluation = catalogue.evaluation
    phases = long_table(
        EVALUATION_PATH,
        list(catalogue.projects.values()),
        "phase_row",
        caption=evaluation.phases.title,
        head=Markup(macros(ROWS_TEMPLATE).phase_head(evaluation.phases)),
        owner=EVALUATION_TITLE,
        origin=ORIGIN,
        phase_labels=PHASE_LABELS,
    )
    page = render_page(
        EVALUATION_PATH,
        EVALUATION_TITLE,
        ORIGIN,
        "evaluation.md.j2",
        evaluation=evaluation,
        source=catalogue.sources[evaluation.source],
        municipalities=[(m, catalogue.municipalities[m.municipality]) for m in evaluation.municipalities.items],
        phases=phases,
        discrepancies=evaluation_contradictions(catalogue),
    )
    return [page, *phases.pages]


def sources_page(catalogue: Catalogue) -> Page:
    return render_page(
        SOURCES_PATH,
        "Kilder",
        "data/sources.yaml",
        "sources.md.j2",
        sources=list(catalogue.sources.values()),
    )
