""" "Kort fortalt": the box under the title of every element and project page, and the caveat beneath it.

A leader should learn within the first screen what an entry is, who takes part, what it costs in kroner and
staff hours, what it needs, and how far the report vouches for it. The numbers come from
``domain/glance.py`` (ranges across the cost columns); this module gathers the rest from the data, and the
template ``_brief.md.j2`` words it. Nothing here is new information: every value is on the page below too.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ...data.catalogue import Catalogue
from ...data.models import Activity, CostColumn, Element, Project, Quote
from ...domain.costs import Bands
from ...domain.glance import CostGlance, cost_glance
from ..labels import DAYCARE_LABELS, PARTNER_LABELS, REACH_LABELS, STAFF_LABELS, band_span
from ..units import hours_range
from ..urls import EVIDENCE_PATH

# The page on what the evaluation can and cannot show, at its title.
EVIDENCE_LINK = (EVIDENCE_PATH, "hvad-evalueringen-kan-og-ikke-kan-vise")


@dataclass(frozen=True)
class Prerequisite:
    """A place on the site where the report describes what an activity needs."""

    project: Project | None  # None: on the same page
    anchor: str
    text: str


@dataclass(frozen=True)
class Brief:
    glance: CostGlance
    bands: list[str]  # the site's bands of the cost per child's two ends, lowest first
    hours: str  # the glance's staff hours per occurrence in words ('2–9,5 timer'), '' without
    staff: list[str]  # staff groups with hours in the cost columns, as the report names them
    reach: list[
        str
    ]  # the site's reading of the target group ('Universel'; 'Universel (3)' counts an element's projects)
    daycare: list[str]
    partners: list[str]  # the partners the data names by kind (PARTNER_LABELS)
    other_partners: list[str]  # the others, as the report names them
    prerequisites: list[tuple[str, list[Prerequisite]]]  # (heading: '' or a municipality, places)
    projects: list[tuple[Project, str, bool]]  # an element's: (project, short name, in the element's own list)
    caveats: list[Quote]  # the report's words on what the evaluation can and cannot show
    evidence_link: tuple[str, str]  # (page path, anchor)


def _brief(
    bands: Bands,
    columns: list[CostColumn],
    projects: list[Project],
    prerequisites: list[tuple[str, list[Prerequisite]]],
    caveats: list[Quote],
    named: list[tuple[Project, str, bool]] | None = None,
) -> Brief:
    glance = cost_glance(columns)
    reach = Counter(project.reach for project in projects)
    daycare = {kind for project in projects for kind in project.daycare_types}
    return Brief(
        glance=glance,
        bands=band_span(bands, glance.per_child) if glance.per_child else [],
        hours=hours_range(glance.hours) if glance.hours else "",
        staff=[STAFF_LABELS[name] for name in glance.staff_groups],
        reach=[
            f"{label} ({reach[key]})" if len(projects) > 1 else label
            for key, label in REACH_LABELS.items()
            if key in reach
        ],
        daycare=[label for key, label in DAYCARE_LABELS.items() if key in daycare],
        partners=[label for key, label in PARTNER_LABELS.items() if any(key in p.partners for p in projects)],
        other_partners=list(dict.fromkeys(other for project in projects for other in project.other_partners)),
        prerequisites=prerequisites,
        projects=named or [],
        caveats=caveats,
        evidence_link=EVIDENCE_LINK,
    )


def project_brief(catalogue: Catalogue, project: Project) -> Brief:
    places = []
    if project.prerequisites_across:
        places.append(Prerequisite(None, "forudsaetninger-paa-tvaers", "På tværs af aktiviteterne"))
    places += [Prerequisite(None, _prerequisites_anchor(a), a.name) for a in project.activities if a.prerequisites]
    return _brief(
        catalogue.bands,
        list(project.cost.columns) if project.cost else [],
        [project],
        [("", places)] if places else [],
        list(catalogue.evaluation.caveats),
    )


def element_brief(catalogue: Catalogue, element: Element) -> Brief:
    costs = catalogue.activity_costs(element)
    by_municipality: dict[str, list[Prerequisite]] = {}
    seen: set[tuple[str, str]] = set()
    for cost in costs:
        activity = cost.activity
        if activity is None or activity.prerequisites is None or (cost.project.id, activity.id) in seen:
            continue
        seen.add((cost.project.id, activity.id))
        name = catalogue.municipality_of(cost.project).short_name
        by_municipality.setdefault(name, []).append(
            Prerequisite(cost.project, _prerequisites_anchor(activity), activity.name)
        )
    finding = catalogue.evaluation.elements_finding
    relations = catalogue.projects_of(element)
    return _brief(
        catalogue.bands,
        [cost.column for cost in costs],
        [relation.project for relation in relations],
        list(by_municipality.items()),
        [*catalogue.evaluation.caveats, finding.guidance, finding.results_count],
        [(r.project, _short_label(catalogue, r.project), r.in_element_section) for r in relations],
    )


def _short_label(catalogue: Catalogue, project: Project) -> str:
    """The municipality's short name; with the title where the municipality has two projects (Hjørring)."""
    name = catalogue.municipality_of(project).short_name
    twins = [p for p in catalogue.projects.values() if p.municipality == project.municipality]
    return f"{name}: {project.title}" if len(twins) > 1 else name


def _prerequisites_anchor(activity: Activity) -> str:
    """The anchor of an activity's 'Forudsætninger' on its project page (templates/project.md.j2)."""
    return f"{activity.id}-forudsaetninger"
