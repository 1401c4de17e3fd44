"""Stage 3 (warnings): where the sources disagree with themselves, or the data leaves something unused.

None of these stops a build: the report's own contradictions are kept and shown on the site. They
are printed by ``check`` so that a maintainer sees them, located like errors.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from .document import Document, Loc
from .models import Figure, Project
from .problems import Problem, Severity

if TYPE_CHECKING:
    from .catalogue import Catalogue


def warnings_of(catalogue: Catalogue, docs: dict[str, Document], models: dict[str, Any]) -> list[Problem]:
    return [
        *_asymmetries(catalogue, docs, models),
        *_unmentioned_municipalities(catalogue, docs["municipalities.yaml"]),
        *_cost_warnings(docs["projects.yaml"], models["projects.yaml"].projects),
    ]


def _asymmetries(catalogue: Catalogue, docs: dict[str, Document], models: dict[str, Any]) -> Iterator[Problem]:
    """Section 4.1's list of projects under an element against chapter 5's main results."""
    element_index = {e.id: i for i, e in enumerate(models["elements.yaml"].elements)}
    project_index = {p.id: i for i, p in enumerate(models["projects.yaml"].projects)}
    for relation in catalogue.relations:
        element, project = relation.element, relation.project
        if relation.agreed:
            continue
        if relation.in_element_section:
            j = [m.project for m in element.projects.items].index(project.id)
            loc = ("elements", element_index[element.id], "projects", "items", j, "project")
            yield docs["elements.yaml"].problem(
                loc,
                f"section {element.section} lists project '{project.id}', but the project's main result "
                f"(section {project.section}) does not name element '{element.id}'",
                severity=Severity.WARNING,
            )
        else:
            j = project.elements.items.index(element.id)
            loc = ("projects", project_index[project.id], "elements", "items", j)
            yield docs["projects.yaml"].problem(
                loc,
                f"the main result of section {project.section} names element '{element.id}', but section "
                f"{element.section} does not list project '{project.id}'",
                severity=Severity.WARNING,
            )


def irregular_cells(project: Project) -> Iterator[tuple[Loc, str, Figure]]:
    """Cells of a project's cost table that are not a plain number or '-' in the report."""
    if project.cost is None:
        return
    for p, part in enumerate(project.cost.parts):
        for c, column in enumerate(part.columns):
            col = ("cost", "parts", p, "columns", c)
            cells: list[tuple[Loc, Figure]] = [
                ((*col, "hours", name), getattr(column.hours, name)) for name in type(column.hours).model_fields
            ]
            cells += [
                ((*col, "establishment"), column.establishment),
                ((*col, "cost_per_child"), column.cost_per_child),
            ]
            for loc, figure in cells:
                if not figure.regular:
                    yield loc, column.label, figure


def repeated_establishment(project: Project, *, shared: bool = False) -> list[str]:
    """Establishment amounts (as written) that the table repeats in more than one column; with ``shared``
    False, not those the data already reads as one shared cost (``establishment_shared``, the table's note
    saying why)."""
    if project.cost is None:
        return []
    amounts = [
        c.establishment
        for c in project.cost.columns
        if c.establishment.value and (shared or not c.establishment_shared)
    ]
    written = [a.as_written for a in amounts]
    return [w for w in dict.fromkeys(written) if written.count(w) > 1]


def table1_named(project: Project) -> int:
    """How many marks table 1 should have for the project by its lists: one per partner and daycare type.

    Table 1 marks the partners and daycare types of each project; the text extraction lost its column
    headings, so only the number of marks can be compared. Where they differ, the site shows both
    (pages/contradictions.py): the difference is computed from the data here, never recorded twice.
    """
    return len(project.partners) + len(project.daycare_types)


def _cost_warnings(doc: Document, projects: list[Project]) -> Iterator[Problem]:
    for i, project in enumerate(projects):
        at = ("projects", i)
        if (named := table1_named(project)) != project.table1.marks:
            yield doc.problem(
                (*at, "table1", "marks"),
                f"table 1 has {project.table1.marks} marks for this project, but `partners` and `daycare_types` "
                f"name {named}; check them against the report's text",
                severity=Severity.WARNING,
            )
        for loc, label, figure in irregular_cells(project):
            shown = f"'{figure.as_written}'" if figure.as_written else "an empty cell"
            reading = f"; read as '{figure.reading}'" if figure.reading else "; no number is read from it"
            yield doc.problem(
                (*at, *loc),
                f"table {project.cost.number}, column '{label}': the report writes {shown}, not a number{reading}",
                severity=Severity.WARNING,
            )
        for amount in repeated_establishment(project):
            yield doc.problem(
                (*at, "cost"),
                f"table {project.cost.number} repeats the establishment cost '{amount}' in several columns; "
                "it may be one shared cost",
                severity=Severity.WARNING,
            )


def _unmentioned_municipalities(catalogue: Catalogue, doc: Document) -> Iterator[Problem]:
    for i, municipality in enumerate(catalogue.municipalities.values()):
        if not catalogue.mentions_of(municipality).any:
            yield doc.problem(
                ("municipalities", i, "id"),
                f"no entry mentions municipality '{municipality.id}', so it gets no page",
                severity=Severity.WARNING,
            )
