"""The "Sammensæt en indsats" page: choose one to three elements and see what to add, who did it, and the cost.

The page's script (assets/javascripts/combinations.js) works out the chosen one by the rule in ``combinations``
from a compact description of the elements, projects and activities made here. Without script the
page still gives each element's recommended complements and both pictures with their tables.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from markupsafe import Markup

from ...data.catalogue import Catalogue
from ...data.models import Project
from ...domain.caveats import cell_caveats
from ...domain.combinations import MAX_CHOSEN, observed_with, recommendations
from ...domain.numbers import danish_number
from .. import paging
from ..caveats import caveat_text
from ..diagrams import BOTH, MARK_LABELS, ONLY_LIST, ONLY_RESULT, Column, element_matrix, recommendation_network
from ..labels import project_label
from ..paging import inert_json
from ..render import macros
from ..urls import BUDGET_PATH, EXPLORER_DATA_PATH, EXPLORER_PATH, hrefer
from .base import Page, render_page, script_json
from .long_tables import long_table

EXPLORER_TITLE = "Sammensæt en indsats"
ORIGIN = "data/elements.yaml"


def explorer_data(catalogue: Catalogue) -> dict[str, Any]:
    """What the script needs to work out any choice by the rule in ``combinations``, derived once per entry.

    Elements, projects and activities refer to each other by their position in these lists. The script
    computes a choice's suggestions, projects and costs from them (no choice is worked out in advance: their
    number grows with the cube of the elements). ``order`` ranks activities by their cost per child.
    """
    href = hrefer(EXPLORER_PATH)
    elements = list(catalogue.elements.values())
    projects = list(catalogue.projects.values())
    element_at = {e.id: i for i, e in enumerate(elements)}
    either: dict[str, list[int]] = {p.id: [] for p in projects}  # chapter 4 or chapter 5
    for relation in catalogue.relations:
        either[relation.project.id].append(element_at[relation.element.id])
    project_at = {p.id: i for i, p in enumerate(projects)}
    linked = {id(c.column) for e in elements for c in catalogue.activity_costs(e)}
    rows = [r for r in catalogue.cost_rows if id(r.column) in linked and r.per_child is not None]
    rank = {value: i for i, value in enumerate(sorted({r.per_child for r in rows}))}
    return {
        "max": MAX_CHOSEN,
        "price_year": catalogue.evaluation.cost_method.price_level,
        "budget": str(href(BUDGET_PATH)),
        "elements": [
            {
                "id": e.id,
                "name": e.name,
                "href": str(href(e)),
                "number": e.number,
                "recommends": [element_at[i] for i in e.combines_with.elements],
            }
            for e in elements
        ],
        "projects": [
            {
                "label": project_label(catalogue, p),
                "href": str(href(p)),
                "named": [element_at[i] for i in p.elements.items],  # by the main result (chapter 5)
                "either": sorted(set(either[p.id])),
            }
            for p in projects
        ],
        "activities": [
            {
                "key": catalogue.budget_keys.get(id(r.column)),  # None: the calculator leaves the column out
                "label": r.column.label,
                "project": project_at[r.project.id],
                "per_child": f"{danish_number(r.per_child)} kr.",
                "order": rank[r.per_child],
                "elements": [element_at[link.element] for link in r.column.elements],
                # linked by the report's words; the rest only by the site's judgement
                "quoted": [element_at[link.element] for link in r.column.elements if link.basis != "redaktionel"],
                # what the number's reader must know wherever it is shown (domain/caveats.py)
                "caveats": [caveat_text(c) for c in cell_caveats(r.project, r.column, "cost_per_child")],
            }
            for r in rows
        ],
    }


def _column_labels(catalogue: Catalogue, projects: list[Project]) -> list[str]:
    """Municipality short names, with the section where a municipality has more than one project."""
    names = [catalogue.municipality_of(p).short_name for p in projects]
    counts = Counter(names)
    return [f"{n} ({p.section})" if counts[n] > 1 else n for n, p in zip(names, projects, strict=True)]


def _matrix_columns(catalogue: Catalogue) -> list[tuple[Project, Column]]:
    projects = list(catalogue.projects.values())
    columns = []
    for project, label in zip(projects, _column_labels(catalogue, projects), strict=True):
        marks = {}
        for relation in catalogue.elements_of(project):
            if relation.in_element_section and relation.in_main_result:
                marks[relation.element.id] = BOTH
            else:
                marks[relation.element.id] = ONLY_LIST if relation.in_element_section else ONLY_RESULT
        columns.append((project, Column(label, marks)))
    return columns


def explorer_pages(catalogue: Catalogue) -> list[Page]:
    """The explorer, and the numbered pages of its two long tables when there are many elements or projects.

    At today's size the page holds its script's data, a checkbox for every element, both pictures and both tables
    whole. With more elements than ``paging.ROWS_PER_PAGE`` the reader finds elements by name in a short list the
    script fills from the data file (``EXPLORER_DATA_PATH``, also used when the projects or activities are that
    many), the pictures (unreadable with so many) are left out for their tables, and each table continues on
    numbered pages of its own (pages/long_tables.py).
    """
    elements = list(catalogue.elements.values())
    arrows = recommendations(catalogue)
    recommended_by = {e.id: [a.source for a in arrows if a.target.id == e.id] for e in elements}
    one_way = [a for a in arrows if not a.mutual]
    columns = _matrix_columns(catalogue)
    limit = paging.ROWS_PER_PAGE
    many = len(elements) > limit  # the picker finds elements by name; no pictures
    data = explorer_data(catalogue)
    in_file = many or max(len(data["projects"]), len(data["activities"])) > limit
    drawn = not many and len(columns) <= limit
    counts = Counter(kind for _, column in columns for kind in column.marks.values())
    matrix_description = (
        f"Et gitter med {len(elements)} elementer som rækker og {len(columns)} puljeprojekter som kolonner. "
        f"{counts[BOTH]} markeringer er nævnt begge steder i rapporten, {counts[ONLY_LIST]} kun i elementets "
        f"projektliste og {counts[ONLY_RESULT]} kun i projektets hovedresultat. "
        "Tabellen under billedet viser det samme."
    )
    head = macros(paging.ROWS_TEMPLATE)
    combinations = long_table(
        EXPLORER_PATH,
        [
            {
                "element": e,
                "recommends": [(other, e.id in other.combines_with.elements) for other in catalogue.combines_with(e)],
                "recommended_by": recommended_by[e.id],
                "observed": observed_with(catalogue, e),
            }
            for e in elements
        ],
        "combination_row",
        caption="Hvilke elementer hvert element har gode erfaringer med at kombinere med, ifølge rapporten",
        label="Hvad rapporten siger om at kombinere hvert element",
        head=Markup(head.combination_head()),
        owner=EXPLORER_TITLE,
        origin=ORIGIN,
        part="kombinationer",
    )
    projects = long_table(
        EXPLORER_PATH,
        [
            {
                "project": project,
                "label": column.label,
                "kinds": {kind: [e for e in elements if column.marks.get(e.id) == kind] for kind in MARK_LABELS},
            }
            for project, column in columns
        ],
        "matrix_row",
        caption="Elementer i hvert puljeprojekt, efter hvor rapporten nævner dem",
        label="Elementer i hvert puljeprojekt",
        head=Markup(head.matrix_head(MARK_LABELS)),
        owner=EXPLORER_TITLE,
        origin=ORIGIN,
        part="projekter",
        mark_labels=MARK_LABELS,
    )
    attached = ((EXPLORER_DATA_PATH, inert_json(data, sort_keys=True)),) if in_file else ()
    page = render_page(
        EXPLORER_PATH,
        EXPLORER_TITLE,
        ORIGIN,
        "explorer.md.j2",
        attached=attached,
        elements=elements,
        element_count=len(elements),
        choices=[] if many else elements,
        max_chosen=min(MAX_CHOSEN, len(elements)),
        combinations=combinations,
        one_way=one_way[:limit],
        one_way_count=len(one_way),
        never_recommended=[e for e in elements if not recommended_by[e.id]][:limit],
        never_recommended_count=sum(1 for e in elements if not recommended_by[e.id]),
        network=recommendation_network(elements, arrows, chart_id="kb-netvaerk") if drawn else None,
        matrix=(
            element_matrix(elements, [c for _, c in columns], chart_id="kb-matrix", description=matrix_description)
            if drawn
            else None
        ),
        projects=projects,
        source=catalogue.sources[elements[0].source],
        data=None if in_file else script_json(data),
        data_file=EXPLORER_DATA_PATH if in_file else None,
        price_year=catalogue.evaluation.cost_method.price_level,
    )
    return [page, *combinations.pages, *projects.pages]
