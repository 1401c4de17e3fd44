"""One page per element (the overview is in overviews.py)."""

from __future__ import annotations

import statistics
from typing import Any

from ...data.catalogue import Catalogue, ElementProject
from ...data.models import Element
from ...domain.caveats import cell_caveats
from ...domain.combinations import observed_with
from ..caveats import Footnotes
from ..labels import band_label, project_label
from ..units import unit_view
from ..urls import EXPLORER_PATH, element_path
from .base import Page, project_line, render_page
from .brief import element_brief, element_handout, element_start
from .contradictions import Contradiction, project_contradictions
from .projects import _price_year


def element_page(catalogue: Catalogue, element: Element) -> Page:
    relations = catalogue.projects_of(element)
    return render_page(
        element_path(element),
        element.name,
        "data/elements.yaml",
        "element.md.j2",
        line=catalogue.line_of("elements.yaml", "elements", element.id),
        element=element,
        element_count=len(catalogue.elements),
        group=catalogue.group_of(element),
        source=catalogue.source_of(element),
        combines_with=catalogue.combines_with(element),
        examples=[(ex, catalogue.municipalities[ex.municipality]) for ex in element.examples],
        disputed=_disputed_examples(catalogue, element),
        relations=[_relation_view(catalogue, r) for r in relations],
        disagreements=sum(1 for r in relations if not r.agreed),
        observed=observed_with(catalogue, element),
        costs=_element_costs(catalogue, element),
        price_year=_price_year(catalogue),
        explorer_path=EXPLORER_PATH,
        brief=element_brief(catalogue, element),
        start=element_start(catalogue, element),
        handout=element_handout(catalogue, element),
        finding=catalogue.evaluation.elements_finding,
    )


def _element_costs(catalogue: Catalogue, element: Element) -> dict[str, Any]:
    """Cost per child of the activities mapped to an element: each one, and min, median and max.

    Each number carries the marks of its caveats; ``flagged_ends`` names the lowest and highest numbers
    that have caveats, so the summary says so where it uses them.
    """
    bands = catalogue.bands
    footnotes = Footnotes()
    items = []
    for cost in catalogue.activity_costs(element):
        value = cost.column.cost_per_child.value
        place = f"{project_label(catalogue, cost.project)}, {cost.column.label}"
        items.append(
            {
                "cost": cost,
                "project_label": project_label(catalogue, cost.project),
                "value": value,
                "band": band_label(bands, value) if value is not None else "",
                "marks": footnotes.marks(cell_caveats(cost.project, cost.column, "cost_per_child"), place),
                "unit": unit_view(cost.column),
            }
        )
    values = sorted(item["value"] for item in items if item["value"] is not None)
    summary = (values[0], statistics.median(values), values[-1]) if values else None
    ends = {"low": values[0] if values else None, "high": values[-1] if values else None}
    flagged_ends = {
        end: list(dict.fromkeys(mark for item in items if item["value"] == value for mark in item["marks"]))
        for end, value in ends.items()
    }
    return {
        "rows": items,
        "summary": summary,
        "valued": len(values),  # the columns the summary is computed from
        "flagged_ends": flagged_ends,
        "notes": footnotes.notes,
        "editorial": any(i["cost"].link.basis == "redaktionel" for i in items),
    }


def _disputed_examples(catalogue: Catalogue, element: Element) -> dict[int, list[Contradiction]]:
    """Contradictions a project records about one of the element's practice examples, by the example's index.

    A reading names the element (Reading.element); the example is the one about the project's municipality.
    """
    disputed: dict[int, list[Contradiction]] = {}
    places = {example.municipality for example in element.examples}
    for project in catalogue.projects.values():
        if project.municipality not in places:  # no example can be about it: skip working out its contradictions
            continue
        about = [c for c in project_contradictions(catalogue, project) if element_path(element) in c.shown_paths]
        for i, example in enumerate(element.examples):
            if about and example.municipality == project.municipality:
                disputed.setdefault(i, []).extend(about)
    return disputed


def _relation_view(catalogue: Catalogue, relation: ElementProject) -> dict[str, Any]:
    project = relation.project
    expected = project_line(catalogue, project)
    as_written = relation.mention.as_written if relation.mention else None
    return {
        "relation": relation,
        "project": project,
        "municipality": catalogue.municipality_of(project),
        "as_written": as_written if as_written and as_written != expected else None,
    }
