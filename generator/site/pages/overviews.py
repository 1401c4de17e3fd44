"""The two overviews a leader scans: the elements and the pool projects, with headline badges, filters and sort.

Both pages are complete without script (every entry, in the report's order). The form above each list
names the filters and sorts that ``assets/javascripts/overviews.js`` applies and keeps in the address;
each entry carries its filter values (``data-<filter>``) and, for each sort, the key this module computes
(``data-sort-<sort>``), so the browser only compares numbers the generator wrote.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from ...data.catalogue import Catalogue
from ...data.models import Element, Project
from ...domain import overview
from ...domain.costs import CostRange, columns_range, per_child_range
from ..caveats import Footnotes
from ..labels import (
    DAYCARE_LABELS,
    MATURITY_LABELS,
    OUTCOME_LABELS,
    PARTNER_LABELS,
    REACH_LABELS,
    STAFF_LABELS,
    band_span,
    project_label,
)
from ..paging import paginate
from ..urls import ELEMENTS_COMPARE_PATH, ELEMENTS_PATH, PROJECTS_COMPARE_PATH, PROJECTS_PATH
from .base import Filter, Page, _grouped, citation, render_parts
from .projects import (
    _main_elements,
    _partner_names,
    _price_year,
    columns_end_caveats,
    maturity_summary,
    range_end_caveats,
)

# The comparison pages (pages/compare.py): each entry's "Sammenlign" checkbox sends its id there. While one is
# None, its checkboxes and the form's button stay in the HTML but hidden.
PROJECTS_COMPARE: str | None = PROJECTS_COMPARE_PATH
ELEMENTS_COMPARE: str | None = ELEMENTS_COMPARE_PATH

# Target group as a filter: a project that is both universal and targeted is found under both.
REACH_FILTER_LABELS = {"universel": "Universel (alle børn)", "maalrettet": "Målrettet"}
RANGE_RULE = (
    "Et spænd sorteres efter sit laveste beløb og, når det er ens, efter sit højeste; "
    "uden beløb står sidst. Rækkefølgen er sitets."
)


def projects_index_pages(catalogue: Catalogue) -> list[Page]:
    """The projects overview: one page, or a first page and numbered pages (site/paging.py) when there are many."""
    projects = list(catalogue.projects.values())
    footnotes = Footnotes()
    rows = [_project_row(catalogue, p, footnotes) for p in projects]
    ranges = [per_child_range(p) for p in projects]
    maturity_rank = {level: i for i, level in enumerate(MATURITY_LABELS)}
    sorts = {
        "pris": [overview.range_key(r) for r in ranges],
        "pris-hoej": [overview.range_key(r, descending=True) for r in ranges],
        "modenhed": [(Decimal(maturity_rank[p.maturity.level]),) for p in projects],
        "elementer": [(Decimal(-len(row["elements"])),) for row in rows],
    }
    _attach_sorts(rows, sorts)
    used = _used(rows)
    filters = [
        *_profile_filters(),
        Filter("element", "Element", "Alle elementer", [(e.id, e.name) for e in catalogue.elements.values()]),
        Filter("partner", "Samarbejdspartner", "Alle samarbejdsparter", list(PARTNER_LABELS.items())),
        Filter("modenhed", "Modenhed", "Alle", list(MATURITY_LABELS.items())),
    ]
    sort = Filter(
        "sort",
        "Sortér efter",
        "Rapportens rækkefølge (afsnit)",
        [
            ("pris", "Kr. pr. barn, lavest først"),
            ("pris-hoej", "Kr. pr. barn, højest først"),
            ("modenhed", "Modenhed, mest modne først"),
            ("elementer", "Flest elementer først"),
        ],
    )
    paged = paginate(PROJECTS_PATH, "puljeprojekter", rows, "project_row", compare=PROJECTS_COMPARE)
    return render_parts(
        paged,
        "Puljeprojekter",
        "data/projects.yaml",
        "projects_index.md.j2",
        footnotes=footnotes,
        places=lambda part: {place for row in part.rows for place in row["places"]},
        project_count=len(projects),
        filters=[_only_used(f, used) for f in filters],
        sort=sort,
        range_rule=RANGE_RULE,
        compare=PROJECTS_COMPARE,
        price_year=_price_year(catalogue),
        citation=citation(catalogue, projects),
    )


def elements_index_pages(catalogue: Catalogue) -> list[Page]:
    """The elements overview: one page, or a first page and numbered pages (site/paging.py) when there are many."""
    groups = {e.id: group for group, elements in _grouped(catalogue) for e in elements}
    elements = list(catalogue.elements.values())
    footnotes = Footnotes()
    cards = [_element_card(catalogue, e, groups[e.id], footnotes) for e in elements if e.id in groups]
    ranges = [card["cost_range"] for card in cards]
    _attach_sorts(
        cards,
        {
            "pris": [overview.range_key(r) for r in ranges],
            "pris-hoej": [overview.range_key(r, descending=True) for r in ranges],
            "projekter": [(Decimal(-len(card["projects"])),) for card in cards],
        },
    )
    used = _used(cards)
    sort = Filter(
        "sort",
        "Sortér efter",
        "Rapportens rækkefølge (nummer)",
        [
            ("pris", "Kr. pr. barn, lavest først"),
            ("pris-hoej", "Kr. pr. barn, højest først"),
            ("projekter", "Flest puljeprojekter først"),
        ],
    )
    paged = paginate(ELEMENTS_PATH, "elementer", cards, "element_card", compare=ELEMENTS_COMPARE)
    return render_parts(
        paged,
        "Elementer",
        "data/elements.yaml",
        "elements_index.md.j2",
        footnotes=footnotes,
        places=lambda part: {place for card in part.rows for place in card["places"]},
        group_count=len(set(groups.values())),
        element_count=len(elements),
        filters=[_only_used(f, used) for f in _profile_filters()],
        sort=sort,
        range_rule=RANGE_RULE,
        compare=ELEMENTS_COMPARE,
        price_year=_price_year(catalogue),
        citation=citation(catalogue, elements),
        projects_citation=citation(catalogue, list(catalogue.projects.values())),
    )


def elements_index_page(catalogue: Catalogue) -> Page:
    """The elements overview's first page."""
    return elements_index_pages(catalogue)[0]


def _project_row(catalogue: Catalogue, project: Project, footnotes: Footnotes) -> dict[str, Any]:
    cost_range = per_child_range(project)
    place = project_label(catalogue, project)
    elements = _main_elements(catalogue, project)
    columns = project.cost.columns if project.cost else []
    end_caveats = [(f"{place}, {column}", caveats) for column, caveats in range_end_caveats(project, cost_range)]
    return {
        "project": project,
        "municipality": catalogue.municipality_of(project),
        "elements": elements,
        "maturity": maturity_summary(project),
        "partners": _partner_names(project),
        "daycare": [DAYCARE_LABELS[t] for t in project.daycare_types],
        "reach": REACH_LABELS[project.reach],
        "outcomes": [OUTCOME_LABELS[o.outcome] for o in project.outcomes],
        "purpose_pages": project.purpose.pages,
        "cost_range": cost_range,
        "band": _band_text(catalogue, cost_range),
        "staff": [STAFF_LABELS[g] for g in overview.staff_groups(columns)],
        "range_marks": [mark for where, caveats in end_caveats for mark in footnotes.marks(caveats, where)],
        "places": [where for where, _ in end_caveats],  # where its numbers stand in the caveat notes
        "values": {
            "dagtilbud": list(project.daycare_types),
            "maalgruppe": overview.reaches([project]),
            "formaal": [o.outcome for o in project.outcomes],
            "element": [e.id for e in elements],
            "partner": list(project.partners),
            "modenhed": [project.maturity.level],
        },
    }


def _element_card(catalogue: Catalogue, element: Element, group: Any, footnotes: Footnotes) -> dict[str, Any]:
    relations = catalogue.projects_of(element)
    projects = [r.project for r in relations]
    costs = [(cost.project, cost.column) for cost in catalogue.activity_costs(element)]
    columns = [column for _, column in costs]
    cost_range = columns_range(columns)
    end_caveats = [
        (f"{element.name}: {project_label(catalogue, project)}, {column.label}", caveats)
        for project, column, caveats in columns_end_caveats(costs, cost_range)
    ]
    return {
        "element": element,
        "group": group,
        "projects": projects,
        "listed": sum(1 for r in relations if r.in_element_section),
        "cost_range": cost_range,
        "costed": sum(1 for c in columns if c.cost_per_child.value is not None),
        "band": _band_text(catalogue, cost_range),
        "range_marks": [mark for where, caveats in end_caveats for mark in footnotes.marks(caveats, where)],
        "places": [where for where, _ in end_caveats],  # where its numbers stand in the caveat notes
        "maturity": ", ".join(
            f"{n} {MATURITY_LABELS[level].lower()}" for level, n in overview.maturity_counts(projects).items()
        ),
        "staff": [STAFF_LABELS[g] for g in overview.staff_groups(columns)],
        "daycare": [DAYCARE_LABELS[t] for t in overview.daycare_types(projects)],
        "reach": [REACH_FILTER_LABELS[r] for r in overview.reaches(projects)],
        "outcomes": [OUTCOME_LABELS[o] for o in overview.outcomes(projects)],
        "values": {
            "dagtilbud": overview.daycare_types(projects),
            "maalgruppe": overview.reaches(projects),
            "formaal": overview.outcomes(projects),
        },
    }


def _band_text(catalogue: Catalogue, cost_range: CostRange | None) -> str:
    """'Lav–Høj' (the site's bands of the range's two ends), or '' without a range."""
    return "–".join(band_span(catalogue.bands, cost_range)) if cost_range else ""


def _attach_sorts(entries: list[dict[str, Any]], sorts: dict[str, list[overview.SortKey]]) -> None:
    """Each entry's key for each sort, as the HTML carries it: numbers separated by spaces, '' for last."""
    for i, entry in enumerate(entries):
        entry["sorts"] = {
            name: " ".join(str(n) for n in keys[i]) if keys[i] is not None else "" for name, keys in sorts.items()
        }


def _profile_filters() -> list[Filter]:
    """Daycare type, target group and outcome: the filters both overviews share."""
    return [
        Filter("dagtilbud", "Dagtilbud", "Alle dagtilbudstyper", list(DAYCARE_LABELS.items())),
        Filter("maalgruppe", "Målgruppe", "Universel og målrettet", list(REACH_FILTER_LABELS.items())),
        Filter("formaal", "Formål", "Alle formål", list(OUTCOME_LABELS.items())),
    ]


def _used(entries: list[dict[str, Any]]) -> dict[str, set[str]]:
    used: dict[str, set[str]] = {}
    for entry in entries:
        for name, values in entry["values"].items():
            used.setdefault(name, set()).update(values)
    return used


def _only_used(filter_: Filter, used: dict[str, set[str]]) -> Filter:
    """The filter with only the choices some entry has (an empty list never shows)."""
    options = [(value, text) for value, text in filter_.options if value in used.get(filter_.name, set())]
    return Filter(filter_.name, filter_.label, filter_.everything, options)


def projects_index_page(catalogue: Catalogue) -> Page:
    """The projects overview's first page."""
    return projects_index_pages(catalogue)[0]
