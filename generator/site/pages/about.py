"""About the evaluation (Om evalueringen) and the sources (Kilder)."""

from __future__ import annotations

from ...data.catalogue import Catalogue
from ..labels import PHASE_LABELS
from ..urls import EVALUATION_PATH, SOURCES_PATH
from .base import Page, render_page
from .contradictions import evaluation_contradictions


def evaluation_page(catalogue: Catalogue) -> Page:
    evaluation = catalogue.evaluation
    return render_page(
        EVALUATION_PATH,
        "Om evalueringen",
        "data/evaluation.yaml",
        "evaluation.md.j2",
        evaluation=evaluation,
        source=catalogue.sources[evaluation.source],
        municipalities=[(m, catalogue.municipalities[m.municipality]) for m in evaluation.municipalities.items],
        projects=list(catalogue.projects.values()),
        municipality_of=catalogue.municipality_of,
        phase_labels=PHASE_LABELS,
        discrepancies=evaluation_contradictions(catalogue),
    )


def sources_page(catalogue: Catalogue) -> Page:
    return render_page(
        SOURCES_PATH,
        "Kilder",
        "data/sources.yaml",
        "sources.md.j2",
        sources=list(catalogue.sources.values()),
    )
