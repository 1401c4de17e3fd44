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
from ...data.models import (
    Activity,
    CostColumn,
    CostTable,
    Element,
    ElementLink,
    KeyFact,
    PhaseTable,
    Project,
    Quote,
    Recommendation,
    Source,
    SubRecommendation,
)
from ...domain.caveats import cell_caveats
from ...domain.costs import Bands
from ...domain.glance import CostGlance, cost_glance
from ..caveats import Footnote, Footnotes, Mark
from ..labels import DAYCARE_LABELS, PARTNER_LABELS, REACH_LABELS, STAFF_LABELS, band_span
from ..units import hours_range
from ..urls import BRIEF_SCRIPT, EVIDENCE_PATH, element_path, page_url, project_path
from .base import located

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


def evaluation_caveats(catalogue: Catalogue, of_elements: bool) -> list[Quote]:
    """The report's words on what the evaluation can and cannot show; for elements also how they were found."""
    finding = catalogue.evaluation.elements_finding
    return [*catalogue.evaluation.caveats, *([finding.guidance, finding.results_count] if of_elements else [])]


def project_brief(catalogue: Catalogue, project: Project) -> Brief:
    places = _prerequisite_places(project, same_page=True)
    return _brief(
        catalogue.bands,
        list(project.cost.columns) if project.cost else [],
        [project],
        [("", places)] if places else [],
        evaluation_caveats(catalogue, of_elements=False),
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
    relations = catalogue.projects_of(element)
    return _brief(
        catalogue.bands,
        [cost.column for cost in costs],
        [relation.project for relation in relations],
        list(by_municipality.items()),
        evaluation_caveats(catalogue, of_elements=True),
        [(r.project, _short_label(catalogue, r.project), r.in_element_section) for r in relations],
    )


def _short_label(catalogue: Catalogue, project: Project) -> str:
    """The municipality's short name; with the title where the municipality has two projects (Hjørring)."""
    name = catalogue.municipality_of(project).short_name
    return f"{name}: {project.title}" if catalogue.project_count(project.municipality) > 1 else name


def _prerequisites_anchor(activity: Activity) -> str:
    """The anchor of an activity's 'Forudsætninger' on its project page (templates/project.md.j2)."""
    return f"{activity.id}-forudsaetninger"


# --- "Hvad kræver det at starte?" (issue 16, part 6) ------------------------------------------------------------


@dataclass(frozen=True)
class Establishment:
    """One cost column's establishment cost as the report's table writes it, with its project and table."""

    project: Project
    project_label: str  # the municipality's short name (with the title where it has two projects)
    column: CostColumn
    table: CostTable
    marks: list[Mark]  # the caveats of the amount (irregular cell, flags, an amount the table repeats)


@dataclass(frozen=True)
class StartNeeds:
    """What starting takes: prerequisites, establishment costs, and what the cost tables leave out."""

    prerequisites: list[tuple[Project, str, list[Prerequisite]]]  # (project, its label, places), projects' order
    establishment: list[Establishment]  # every costed column's establishment cell, in the tables' order
    notes: list[Footnote]  # the caveats the establishment marks link to
    left_out: list[KeyFact]  # the report's words on what the cost tables do not include
    price_level: str  # '2022-priser'


def _prerequisite_places(project: Project, same_page: bool) -> list[Prerequisite]:
    owner = None if same_page else project
    places = []
    if project.prerequisites_across:
        places.append(Prerequisite(owner, "forudsaetninger-paa-tvaers", "På tværs af aktiviteterne"))
    places += [Prerequisite(owner, _prerequisites_anchor(a), a.name) for a in project.activities if a.prerequisites]
    return places


def _start_needs(
    catalogue: Catalogue, projects: list[Project], columns: list[tuple[Project, CostColumn]], same_page: bool
) -> StartNeeds:
    footnotes = Footnotes("kb-etablering")
    establishment = []
    for project, column in columns:
        assert project.cost is not None  # a column comes from the project's table
        label = _short_label(catalogue, project)
        caveats = cell_caveats(project, column, "establishment")
        marks = footnotes.marks(caveats, f"{label}, {column.label}")
        establishment.append(Establishment(project, label, column, project.cost, marks))
    method = catalogue.evaluation.cost_method
    return StartNeeds(
        prerequisites=[
            (project, _short_label(catalogue, project), places)
            for project in projects
            if (places := _prerequisite_places(project, same_page))
        ],
        establishment=establishment,
        notes=footnotes.notes,
        left_out=method.left_out,
        price_level=method.price_level,
    )


def project_start(catalogue: Catalogue, project: Project) -> StartNeeds:
    columns = [(project, column) for column in project.cost.columns] if project.cost else []
    return _start_needs(catalogue, [project], columns, same_page=True)


def element_start(catalogue: Catalogue, element: Element) -> StartNeeds:
    """An element's prerequisites from all its projects; establishment costs of the columns that count for it."""
    projects = [relation.project for relation in catalogue.projects_of(element)]
    columns = [(cost.project, cost.column) for cost in catalogue.activity_costs(element)]
    return _start_needs(catalogue, projects, columns, same_page=False)


# --- the one-page brief for a political committee (issue 16, part 7) --------------------------------------------


@dataclass(frozen=True)
class FirstStep:
    """A Børns Vilkår sub-recommendation whose first step the data links to an element of this page."""

    recommendation: Recommendation
    item: SubRecommendation
    number: str  # '3.1': the recommendation's number and the item's place, as on the recommendations page
    where: str  # where in the source ("afsnit '…'")
    links: list[tuple[Element, ElementLink]]  # the elements of this page it is linked to, and why


@dataclass(frozen=True)
class Handout:
    """What the printed brief adds to the box: first steps, sources, the page's address and the data's dates."""

    first_steps: list[FirstStep]
    recommendations_source: Source
    address: str  # the page's address under the site's root ('elementer/overgangsmoeder/')
    tables: list[CostTable]  # the cost tables the page's figures come from
    phases: PhaseTable  # the evaluation's data periods (tabel 2): the first and the last are printed
    price_level: KeyFact  # the report's 'Alle beløb er opgjort i 2022-priser.'
    script: str  # the script that prints the brief


def first_steps(catalogue: Catalogue, elements: list[Element]) -> list[FirstStep]:
    """The first steps that data/recommendations.yaml links to any of ``elements``, in the source's order."""
    wanted = {element.id: element for element in elements}
    found = []
    for recommendation in catalogue.recommendations.recommendations:
        for index, item in enumerate(recommendation.items, start=1):
            links = [(wanted[link.element], link) for link in item.elements if link.element in wanted]
            if links:
                number = f"{recommendation.number}.{index}"
                found.append(FirstStep(recommendation, item, number, located(item.at), links))
    return found


def _handout(catalogue: Catalogue, path: str, elements: list[Element], tables: list[CostTable]) -> Handout:
    evaluation = catalogue.evaluation
    return Handout(
        first_steps=first_steps(catalogue, elements),
        recommendations_source=catalogue.sources[catalogue.recommendations.source],
        address=page_url(path),
        tables=list({table.number: table for table in tables}.values()),
        phases=evaluation.phases,
        price_level=evaluation.cost_method.price_level_fact,
        script=BRIEF_SCRIPT,
    )


def project_handout(catalogue: Catalogue, project: Project) -> Handout:
    elements = [relation.element for relation in catalogue.elements_of(project)]
    return _handout(catalogue, project_path(project), elements, [project.cost] if project.cost else [])


def element_handout(catalogue: Catalogue, element: Element) -> Handout:
    tables = [cost.project.cost for cost in catalogue.activity_costs(element) if cost.project.cost]
    return _handout(catalogue, element_path(element), [element], tables)


def comparison_handout(catalogue: Catalogue, path: str) -> Handout:
    """A comparison's brief: the entries are chosen in the browser, so it names no first steps or tables of its own
    (each entry's page has them); the address the script writes holds the choice."""
    return _handout(catalogue, path, [], [])
