"""Which elements go together: the report's recommendations, and what the projects actually combined.

The two kinds of evidence are kept apart and never blended into one score:
- recommended: section 4.1 lists, per element, the elements it has good experience combining with
  ("Der er gode erfaringer med at kombinere … med følgende elementer"); directed, A recommends B;
- observed: two elements named together in the same project's main result (chapter 5).
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from ..data.catalogue import Catalogue
from ..data.models import Element, Project
from .costs import CostRow


@dataclass(frozen=True)
class Observed:
    element: Element
    projects: list[Project]


def observed_with(catalogue: Catalogue, element: Element) -> list[Observed]:
    """Other elements named together with ``element`` in a project's main result, most projects first."""
    together: dict[str, list[Project]] = {}
    for project in catalogue.projects.values():
        named = project.elements.items
        if element.id in named:
            for other in named:
                if other != element.id:
                    together.setdefault(other, []).append(project)
    found = [Observed(catalogue.elements[i], projects) for i, projects in together.items()]
    return sorted(found, key=lambda o: (-len(o.projects), o.element.number))


@dataclass(frozen=True)
class Suggestion:
    element: Element
    recommended_by: list[Element]  # chosen elements whose 4.1 list names this one
    observed_in: list[Project]  # projects that name this one together with every chosen element


def suggestions(catalogue: Catalogue, chosen: list[Element]) -> list[Suggestion]:
    """What to add to a selection, ranked by a stated rule.

    1. More chosen elements that recommend it (the report's lists, read in their direction) first;
    2. then more projects that named it together with all the chosen elements;
    3. then the report's order of the nine elements.
    Elements with neither kind of evidence are not suggested.
    """
    chosen_ids = {e.id for e in chosen}
    result = []
    for candidate in catalogue.elements.values():
        if candidate.id in chosen_ids:
            continue
        recommended_by = [e for e in chosen if candidate.id in e.combines_with.elements]
        observed_in = [
            p
            for p in catalogue.projects.values()
            if candidate.id in p.elements.items and chosen_ids <= set(p.elements.items)
        ]
        if recommended_by or observed_in:
            result.append(Suggestion(candidate, recommended_by, observed_in))
    return sorted(result, key=lambda s: (-len(s.recommended_by), -len(s.observed_in), s.element.number))


MAX_CHOSEN = 3  # the explorer lets a leader choose one to three elements


@dataclass(frozen=True)
class Selection:
    """Everything the explorer shows for one choice of elements."""

    chosen: list[Element]
    suggestions: list[Suggestion]
    together: list[Project]  # projects whose main result (chapter 5) names every chosen element
    listed_too: list[Project]  # more that work with every chosen element if chapter 4's project lists count too
    partly: list[tuple[Project, list[Element]]]  # projects whose main result names some, not all, of several
    costs: list[CostRow]  # cost columns that are instances of any chosen element and have a cost per child
    cost_range: tuple[CostRow, CostRow] | None  # cheapest and dearest per child


def selection(catalogue: Catalogue, chosen: list[Element]) -> Selection:
    ids = [e.id for e in chosen]
    projects = list(catalogue.projects.values())
    together = [p for p in projects if set(ids) <= set(p.elements.items)]
    either = {(r.element.id, r.project.id) for r in catalogue.relations}  # chapter 4 or chapter 5
    listed_too = [p for p in projects if p not in together and all((i, p.id) in either for i in ids)]
    partly = []
    if len(chosen) > 2:
        for project in projects:
            named = [e for e in chosen if e.id in project.elements.items]
            if 1 < len(named) < len(chosen):
                partly.append((project, named))
    columns = {id(cost.column) for element in chosen for cost in catalogue.activity_costs(element)}
    costs = [row for row in catalogue.cost_rows if id(row.column) in columns and row.per_child is not None]
    cost_range = None
    if costs:
        cost_range = (min(costs, key=lambda r: r.per_child), max(costs, key=lambda r: r.per_child))
    return Selection(chosen, suggestions(catalogue, chosen), together, listed_too, partly, costs, cost_range)


def all_selections(catalogue: Catalogue) -> list[Selection]:
    """Every choice of one to MAX_CHOSEN elements, in the report's element order."""
    elements = list(catalogue.elements.values())
    return [
        selection(catalogue, list(chosen))
        for size in range(1, MAX_CHOSEN + 1)
        for chosen in itertools.combinations(elements, size)
    ]


@dataclass(frozen=True)
class Recommendation:
    """One arrow of the report's lists: ``source`` recommends ``target``; mutual if the target names it back."""

    source: Element
    target: Element
    mutual: bool


def recommendations(catalogue: Catalogue) -> list[Recommendation]:
    return [
        Recommendation(element, other, element.id in other.combines_with.elements)
        for element in catalogue.elements.values()
        for other in catalogue.combines_with(element)
    ]
