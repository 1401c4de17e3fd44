"""One page per pool project (the overview is in overviews.py)."""

from __future__ import annotations

from ...data.catalogue import Catalogue
from ...data.models import CostColumn, Element, Project
from ...domain.caveats import Caveat, cell_caveats
from ...domain.costs import CostRange, per_child_range
from ..caveats import Footnotes
from ..labels import (
    ASSESSMENT_LABELS,
    MATURITY_LABELS,
    PARTNER_LABELS,
    PHASE_LABELS,
)
from ..urls import project_path
from .base import Page, render_page
from .brief import project_brief, project_handout, project_start
from .contradictions import project_contradictions
from .cost_table import table_view


def _partner_names(project: Project) -> list[str]:
    return [PARTNER_LABELS[k] for k in project.partners] + list(project.other_partners)


def _price_year(catalogue: Catalogue) -> str:
    """The price level the report states for all amounts, e.g. '2022-priser'."""
    return catalogue.evaluation.cost_method.price_level


def _main_elements(catalogue: Catalogue, project: Project) -> list[Element]:
    return [r.element for r in catalogue.elements_of(project) if r.in_main_result]


def maturity_summary(project: Project) -> str:
    """'Modnet', or 'Modnet (også angivet som delvist modnet)' where the report says both."""
    label = MATURITY_LABELS[project.maturity.level]
    others = [MATURITY_LABELS[r.level].lower() for r in project.maturity.other_readings]
    others = [o for o in dict.fromkeys(others) if o != label.lower()]
    return f"{label} (også angivet som {' og '.join(others)})" if others else label


def project_page(catalogue: Catalogue, project: Project) -> Page:
    evaluation = catalogue.evaluation
    bands = catalogue.bands
    footnotes = Footnotes("kb-note")
    cost_parts, cost_notes = table_view(project, bands, catalogue.budget_keys, footnotes)  # numbers the notes first
    cost_range = per_child_range(project)
    range_marks = [
        mark for column, caveats in range_end_caveats(project, cost_range) for mark in footnotes.marks(caveats, column)
    ]
    costed = {a for column in (project.cost.columns if project.cost else []) for a in column.activities}
    return render_page(
        project_path(project),
        project.title,
        "data/projects.yaml",
        "project.md.j2",
        line=catalogue.line_of("projects.yaml", "projects", project.id),
        project=project,
        municipality=catalogue.municipality_of(project),
        source=catalogue.source_of(project),
        maturity_label=MATURITY_LABELS[project.maturity.level],
        maturity_summary=maturity_summary(project),
        other_readings=[(r, MATURITY_LABELS[r.level]) for r in project.maturity.other_readings],
        main_elements=_main_elements(catalogue, project),
        relations=catalogue.elements_of(project),
        phases=[
            (period, PHASE_LABELS[phase])
            for period, phase in zip(evaluation.phases.periods, project.phases.periods, strict=False)
        ],
        phase_table=evaluation.phases,
        assessments=ASSESSMENT_LABELS,
        cost_range=cost_range,
        cost_parts=cost_parts,
        cost_notes=cost_notes,
        range_marks=range_marks,
        uncosted=[a for a in project.activities if project.cost and a.id not in costed],
        cost_facts=evaluation.cost_method.facts,
        price_year=_price_year(catalogue),
        caveats=evaluation.caveats,
        discrepancies=project_contradictions(catalogue, project),
        brief=project_brief(catalogue, project),
        start=project_start(catalogue, project),
        handout=project_handout(catalogue, project),
    )


def range_end_caveats(project: Project, cost_range: CostRange | None) -> list[tuple[str, list[Caveat]]]:
    """(column label, caveats) of the columns whose cost per child is the range's lowest or highest number."""
    columns = [(project, c) for c in project.cost.columns] if project.cost else []
    return [(column.label, caveats) for _, column, caveats in columns_end_caveats(columns, cost_range)]


def columns_end_caveats(
    columns: list[tuple[Project, CostColumn]], cost_range: CostRange | None
) -> list[tuple[Project, CostColumn, list[Caveat]]]:
    """(project, column, caveats) of the columns whose cost per child is the range's lowest or highest number."""
    if cost_range is None:
        return []
    ends = {cost_range.low, cost_range.high}
    found = []
    for project, column in columns:
        if column.cost_per_child.value in ends:
            caveats = cell_caveats(project, column, "cost_per_child")
            if caveats:
                found.append((project, column, caveats))
    return found
