"""The pool-project overview and one page per project."""

from __future__ import annotations

from typing import Any

from ...data.catalogue import Catalogue
from ...data.models import Element, Project
from ...domain.caveats import Caveat, cell_caveats
from ...domain.costs import CostRange, per_child_range
from ..caveats import Footnotes
from ..labels import (
    ASSESSMENT_LABELS,
    DAYCARE_LABELS,
    MATURITY_LABELS,
    PARTNER_LABELS,
    PHASE_LABELS,
    project_label,
)
from ..urls import PROJECTS_PATH, project_path
from .base import Filter, Page, citation, render_page
from .brief import project_brief
from .contradictions import project_contradictions
from .cost_table import table_view


def projects_index_page(catalogue: Catalogue) -> Page:
    projects = list(catalogue.projects.values())
    footnotes = Footnotes()
    rows = [_project_row(catalogue, p, footnotes) for p in projects]
    used_elements = {e.id for row in rows for e in row["elements"]}
    used_partners = {k for row in rows for k in row["project"].partners}
    used_maturity = {row["project"].maturity.level for row in rows}
    return render_page(
        PROJECTS_PATH,
        "Puljeprojekter",
        "data/projects.yaml",
        "projects_index.md.j2",
        rows=rows,
        project_count=len(projects),
        filters=[
            Filter(
                "element",
                "Element",
                "Alle elementer",
                [(e.id, e.name) for e in catalogue.elements.values() if e.id in used_elements],
            ),
            Filter(
                "partner",
                "Samarbejdspartner",
                "Alle samarbejdsparter",
                [(k, v) for k, v in PARTNER_LABELS.items() if k in used_partners],
            ),
            Filter("maturity", "Modenhed", "Alle", [(k, v) for k, v in MATURITY_LABELS.items() if k in used_maturity]),
        ],
        price_year=_price_year(catalogue),
        citation=citation(catalogue, projects),
        notes=footnotes.notes,
    )


def _project_row(catalogue: Catalogue, project: Project, footnotes: Footnotes) -> dict[str, Any]:
    cost_range = per_child_range(project)
    place = project_label(catalogue, project)
    return {
        "project": project,
        "municipality": catalogue.municipality_of(project),
        "elements": _main_elements(catalogue, project),
        "maturity": maturity_summary(project),
        "partners": _partner_names(project),
        "daycare": [DAYCARE_LABELS[t] for t in project.daycare_types],
        "cost_range": cost_range,
        "range_marks": [
            mark
            for column, caveats in range_end_caveats(project, cost_range)
            for mark in footnotes.marks(caveats, f"{place}, {column}")
        ],
        "section_sort": "".join(f"{n:03d}" for n in project.section_key),
    }


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
    )


def range_end_caveats(project: Project, cost_range: CostRange | None) -> list[tuple[str, list[Caveat]]]:
    """(column label, caveats) of the columns whose cost per child is the range's lowest or highest number."""
    if cost_range is None or project.cost is None:
        return []
    ends = {cost_range.low, cost_range.high}
    found = []
    for column in project.cost.columns:
        if column.cost_per_child.value in ends:
            caveats = cell_caveats(project, column, "cost_per_child")
            if caveats:
                found.append((column.label, caveats))
    return found
