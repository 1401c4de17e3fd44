"""Stage 3: load every data file and resolve cross-references once.

The catalogue is the only place that knows how entries point at each other.
Pages receive resolved objects from it and never look anything up by id.

The report lists, per element, the projects that worked with it (section 4.1),
and each project's main result names its elements (chapter 5). The two lists
disagree in places; both are kept, and every relation says which side states it.
"""

from __future__ import annotations

import difflib
import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from .budget import BudgetActivity, budget_activities
from .costs import Bands, CostRow, cost_rows
from .models import (
    Activity,
    ActivityElement,
    Case,
    CasesFile,
    CostColumn,
    Element,
    ElementGroup,
    ElementsFile,
    Evaluation,
    EvaluationFile,
    Figure,
    MunicipalitiesFile,
    Municipality,
    PageRange,
    Person,
    Programme,
    ProgrammesFile,
    Project,
    ProjectMention,
    ProjectsFile,
    RecommendationsFile,
    Region,
    SearchFile,
    Source,
    SourcesFile,
    ThemeMeeting,
)
from .problems import DataError, Problem, Severity, errors
from .read import Document, Loc, load_text, read_text
from .validate import problems_of

DATA_FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": SourcesFile,
    "municipalities.yaml": MunicipalitiesFile,
    "elements.yaml": ElementsFile,
    "projects.yaml": ProjectsFile,
    "evaluation.yaml": EvaluationFile,
    "programmes.yaml": ProgrammesFile,
    "cases.yaml": CasesFile,
    "recommendations.yaml": RecommendationsFile,
    "search.yaml": SearchFile,
}


@dataclass(frozen=True)
class ElementProject:
    """That a project worked with an element, and which part of the report says so."""

    element: Element
    project: Project
    mention: ProjectMention | None  # the element's project list in section 4.1
    in_main_result: bool  # the project's own main result in chapter 5

    @property
    def in_element_section(self) -> bool:
        return self.mention is not None

    @property
    def agreed(self) -> bool:
        return self.in_element_section and self.in_main_result


@dataclass
class Catalogue:
    sources: dict[str, Source]
    municipalities: dict[str, Municipality]
    groups: dict[str, ElementGroup]
    elements: dict[str, Element]
    projects: dict[str, Project]
    relations: list[ElementProject]
    evaluation: Evaluation
    regions: dict[str, Region]
    municipalities_source: str
    programmes: dict[str, Programme]
    cases: CasesFile
    recommendations: RecommendationsFile
    synonyms: dict[str, list[str]]
    files: dict[str, BaseModel]  # every data file's validated model, by file name (for the JSON download)
    warnings: list[Problem] = field(default_factory=list)
    documents: dict[str, Document] = field(default_factory=dict)  # the files as read, with line numbers

    def line_of(self, file: str, key: str, entry_id: str) -> int | None:
        """The line where an entry (``- id: …`` under ``key``) starts in a data file, for edit links."""
        document = self.documents.get(file)
        entries = document.data.get(key) if document and isinstance(document.data, dict) else None
        for index, entry in enumerate(entries or []):
            if isinstance(entry, dict) and entry.get("id") == entry_id:
                position = document.position((key, index))
                return position.line if position else None
        return None

    def projects_of(self, element: Element) -> list[ElementProject]:
        """Relations of an element: the report's 4.1 order first, then those only chapter 5 states."""
        mine = [r for r in self.relations if r.element.id == element.id]
        order = {m.project: i for i, m in enumerate(element.projects.items)}
        return sorted(mine, key=lambda r: (order.get(r.project.id, len(order)), r.project.section_key))

    def elements_of(self, project: Project) -> list[ElementProject]:
        """Relations of a project: its main result's order first, then those only section 4.1 states."""
        mine = [r for r in self.relations if r.project.id == project.id]
        order = {e: i for i, e in enumerate(project.elements.items)}
        return sorted(mine, key=lambda r: (order.get(r.element.id, len(order)), r.element.number))

    def combines_with(self, element: Element) -> list[Element]:
        return [self.elements[i] for i in element.combines_with.elements]

    def municipality_of(self, project: Project) -> Municipality:
        return self.municipalities[project.municipality]

    def group_of(self, element: Element) -> ElementGroup:
        return self.groups[element.group]

    def source_of(self, entry: Element | Project | Programme) -> Source:
        return self.sources[entry.source]

    def activity_costs(self, element: Element) -> list[ActivityCost]:
        """The costed activities mapped to an element, with the cost column that costs each."""
        found = []
        for project in self.projects.values():
            if project.cost is None:
                continue
            for activity in project.activities:
                for link in activity.elements:
                    if link.element != element.id:
                        continue
                    for column in project.cost.columns:
                        if activity.id in column.activities:
                            found.append(ActivityCost(project, activity, column, link))
        return found

    def region_of(self, municipality: Municipality) -> Region:
        return self.regions[municipality.region]

    def mentions_of(self, municipality: Municipality) -> MunicipalityMentions:
        """Everything on the site that names a municipality."""
        mid = municipality.id
        return MunicipalityMentions(
            projects=[p for p in self.projects.values() if p.municipality == mid],
            examples=[
                (e, i) for e in self.elements.values() for i, ex in enumerate(e.examples) if ex.municipality == mid
            ],
            in_evaluation=any(m.municipality == mid for m in self.evaluation.municipalities.items),
            programmes=[
                p
                for p in self.programmes.values()
                if any(m.municipality == mid for m in p.municipalities)
                or any(v.person.municipality == mid for v in p.voices)
            ],
            cases=[
                c for c in self.cases.cases if mid in c.municipalities or any(s.municipality == mid for s in c.speakers)
            ],
            sessions=[t for t in self.cases.theme_meetings if any(p.municipality == mid for p in [*t.hosts, *t.panel])],
        )

    # --- derived once per build: every page that needs these gets the same objects ---------

    @cached_property
    def cost_rows(self) -> list[CostRow]:
        """Every column of every project's cost table, in project order."""
        return cost_rows(list(self.projects.values()))

    @cached_property
    def bands(self) -> Bands:
        """The site's bands of cost per child, over every costed activity (the same on every page)."""
        return Bands.of([row.per_child for row in self.cost_rows if row.per_child is not None])

    @cached_property
    def budget_activities(self) -> list[BudgetActivity]:
        """Every activity the budget calculator offers, keyed as the calculator keys them."""
        return budget_activities(list(self.projects.values()))


@dataclass(frozen=True)
class ActivityCost:
    project: Project
    activity: Activity
    column: CostColumn
    link: ActivityElement


@dataclass(frozen=True)
class MunicipalityMentions:
    projects: list[Project]
    examples: list[tuple[Element, int]]  # element and the index of its practice example
    in_evaluation: bool
    programmes: list[Programme]
    cases: list[Case]
    sessions: list[ThemeMeeting]  # theme meetings the municipality hosts or sits on the panel of

    @property
    def any(self) -> bool:
        return bool(
            self.projects or self.examples or self.in_evaluation or self.programmes or self.cases or self.sessions
        )


class _Checker:
    """Collects reference problems, pointing at the YAML position of each reference."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def unique(self, doc: Document, values: list[Any], loc_of: Callable[[int], Loc], what: str) -> None:
        """Report every value that repeats an earlier one; ``loc_of(i)`` locates the i-th value."""
        seen: dict[Any, int] = {}
        for index, value in enumerate(values):
            if value in seen:
                first = doc.position(loc_of(seen[value]))
                where = f" (first used at line {first.line})" if first else ""
                self.problems.append(doc.problem(loc_of(index), f"duplicate {what} '{value}'{where}"))
            else:
                seen[value] = index

    def refer(self, doc: Document, loc: Loc, value: str, known: list[str] | None, kind: str, file: str) -> None:
        """Report ``value`` unless it is a known id; skip when the target file itself could not be read."""
        if known is None or value in known:
            return
        close = difflib.get_close_matches(value, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        self.problems.append(doc.problem(loc, f"unknown {kind} '{value}'{hint}; it must be an id in {file}"))


def _raw_ids(doc: Document | None, key: str) -> list[str] | None:
    """Ids present in a file even if it failed validation, so references can still be checked.

    None when the file could not be read at all: its own error is reported, and
    references to it are not, so one broken file does not cascade.
    """
    items = doc.data.get(key) if doc and isinstance(doc.data, dict) else None
    if not isinstance(items, list):
        return None
    return [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]


def load_catalogue(data_dir: Path, root: Path | None = None) -> Catalogue:
    """Read, validate and cross-reference every data file, or raise DataError with all problems."""
    root = root or data_dir.parent
    docs: dict[str, Document] = {}
    models: dict[str, Any] = {}
    problems: list[Problem] = []
    for name, model in DATA_FILES.items():
        try:
            docs[name], result, found = _parse(data_dir / name, root, model)
        except DataError as exc:
            problems.extend(exc.problems)
            continue
        problems.extend(found)
        if result is not None:
            models[name] = result

    checker = _Checker()
    _check_references(checker, docs, models)
    problems.extend(checker.problems)
    if errors(problems) or len(models) < len(DATA_FILES):
        raise DataError(problems)

    catalogue = _assemble(models)
    catalogue.documents = docs
    catalogue.warnings = [
        *_asymmetry_warnings(catalogue, docs, models),
        *_unmentioned_municipalities(catalogue, docs["municipalities.yaml"]),
        *_cost_warnings(docs["projects.yaml"], models["projects.yaml"].projects),
    ]
    return catalogue


@dataclass(frozen=True)
class _Parsed:
    digest: str  # of the text it was parsed from
    document: Document
    model: BaseModel | None
    problems: list[Problem]


# Each data file as last parsed and validated, by the name problems give it and its model (one entry
# each, replaced when the text changes). `mkdocs serve` loads the catalogue again after every edit;
# the files whose text is the same need not be parsed and validated again. Documents and models are
# not changed after loading, so one build can share them with the next.
_PARSED: dict[tuple[str, type[BaseModel]], _Parsed] = {}


def _parse(path: Path, root: Path, model: type[BaseModel]) -> tuple[Document, BaseModel | None, list[Problem]]:
    """One data file parsed and validated, or DataError; taken from the last load if its text is the same."""
    shown, text = read_text(path, root)  # read (and checked) every time: only parsing is saved
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()
    cached = _PARSED.get((shown, model))
    if cached is None or cached.digest != digest:
        document = load_text(text, shown)
        result, found = problems_of(model, document)
        cached = _PARSED[(shown, model)] = _Parsed(digest, document, result, found)
    return cached.document, cached.model, list(cached.problems)


def _check_references(checker: _Checker, docs: dict[str, Document], models: dict[str, Any]) -> None:
    ids = {
        "sources": _raw_ids(docs.get("sources.yaml"), "sources"),
        "municipalities": _raw_ids(docs.get("municipalities.yaml"), "municipalities"),
        "regions": _raw_ids(docs.get("municipalities.yaml"), "regions"),
        "elements": _raw_ids(docs.get("elements.yaml"), "elements"),
        "groups": _raw_ids(docs.get("elements.yaml"), "groups"),
        "projects": _raw_ids(docs.get("projects.yaml"), "projects"),
    }
    for name, key in (
        ("sources.yaml", "sources"),
        ("municipalities.yaml", "municipalities"),
        ("municipalities.yaml", "regions"),
        ("programmes.yaml", "programmes"),
        ("elements.yaml", "elements"),
        ("elements.yaml", "groups"),
        ("projects.yaml", "projects"),
    ):
        if name in models:
            ids_in_file = [entry.id for entry in getattr(models[name], key)]
            checker.unique(docs[name], ids_in_file, lambda n, key=key: (key, n, "id"), "id")

    if "elements.yaml" in models:
        doc, file = docs["elements.yaml"], models["elements.yaml"]
        checker.unique(doc, [e.number for e in file.elements], lambda n: ("elements", n, "number"), "number")
        for i, element in enumerate(file.elements):
            at = ("elements", i)
            combined = element.combines_with.elements
            checker.unique(doc, combined, lambda j, at=at: (*at, "combines_with", "elements", j), "element")
            mentioned = [m.project for m in element.projects.items]
            checker.unique(doc, mentioned, lambda j, at=at: (*at, "projects", "items", j, "project"), "project")
            if element.id in combined:
                loc = (*at, "combines_with", "elements", combined.index(element.id))
                checker.problems.append(doc.problem(loc, "an element cannot be combined with itself"))
            checker.refer(doc, (*at, "group"), element.group, ids["groups"], "group", "data/elements.yaml (groups)")
            checker.refer(doc, (*at, "source"), element.source, ids["sources"], "source", "data/sources.yaml")
            for j, other in enumerate(element.combines_with.elements):
                loc = (*at, "combines_with", "elements", j)
                checker.refer(doc, loc, other, ids["elements"], "element", "data/elements.yaml")
            for j, example in enumerate(element.examples):
                loc = (*at, "examples", j, "municipality")
                checker.refer(
                    doc, loc, example.municipality, ids["municipalities"], "municipality", "data/municipalities.yaml"
                )
            for j, mention in enumerate(element.projects.items):
                loc = (*at, "projects", "items", j, "project")
                checker.refer(doc, loc, mention.project, ids["projects"], "project", "data/projects.yaml")

    if "projects.yaml" in models:
        doc, file = docs["projects.yaml"], models["projects.yaml"]
        for i, project in enumerate(file.projects):
            at = ("projects", i)
            named = project.elements.items
            checker.unique(doc, named, lambda j, at=at: (*at, "elements", "items", j), "element")
            checker.refer(
                doc,
                (*at, "municipality"),
                project.municipality,
                ids["municipalities"],
                "municipality",
                "data/municipalities.yaml",
            )
            checker.refer(doc, (*at, "source"), project.source, ids["sources"], "source", "data/sources.yaml")
            for j, element_id in enumerate(project.elements.items):
                loc = (*at, "elements", "items", j)
                checker.refer(doc, loc, element_id, ids["elements"], "element", "data/elements.yaml")
            linked = set(project.elements.items)
            if "elements.yaml" in models:
                linked |= {
                    e.id
                    for e in models["elements.yaml"].elements
                    if project.id in [m.project for m in e.projects.items]
                }
            _check_activities(checker, doc, at, project, linked if "elements.yaml" in models else None)

    if "evaluation.yaml" in models:
        doc, evaluation = docs["evaluation.yaml"], models["evaluation.yaml"].evaluation
        at = ("evaluation",)
        checker.refer(doc, (*at, "source"), evaluation.source, ids["sources"], "source", "data/sources.yaml")
        for j, mention in enumerate(evaluation.municipalities.items):
            loc = (*at, "municipalities", "items", j, "municipality")
            checker.refer(
                doc, loc, mention.municipality, ids["municipalities"], "municipality", "data/municipalities.yaml"
            )
        named = [d.id for d in evaluation.discrepancies]
        checker.unique(doc, named, lambda j: (*at, "discrepancies", j, "id"), "id")

    _check_other_sources(checker, docs, models, ids)
    _check_page_anchors(checker, docs, models)
    _check_page_counts(checker, docs, models)


def _check_page_counts(checker: _Checker, docs: dict[str, Document], models: dict[str, Any]) -> None:
    """Every page number lies within its source document's page count, where data/sources.yaml records one.

    A page belongs to the source named by the nearest enclosing `source` field; where a file names
    none above it (the element groups), to the one source that the whole file cites.
    """
    if "sources.yaml" not in models:
        return
    counts = {s.id: s.page_count for s in models["sources.yaml"].sources if s.page_count is not None}
    for name, model in models.items():
        cited = set(_sources_in(model))
        default = cited.pop() if len(cited) == 1 else None
        for loc, pages, source in _pages_in(model, (), default):
            count = counts.get(source) if source else None
            if count is not None and pages.last > count:
                message = (
                    f"page {pages.last} is beyond the end of source '{source}', which has {count} pages "
                    "(page_count in data/sources.yaml)"
                )
                checker.problems.append(docs[name].problem(loc, message))


def _sources_in(value: Any) -> Iterator[str]:
    if isinstance(value, BaseModel):
        source = getattr(value, "source", None)
        if isinstance(source, str):
            yield source
        for name in type(value).model_fields:
            yield from _sources_in(getattr(value, name))
    elif isinstance(value, list):
        for item in value:
            yield from _sources_in(item)


def _pages_in(value: Any, loc: Loc, source: str | None) -> Iterator[tuple[Loc, PageRange, str | None]]:
    """Each page range in a validated model, with its location and the source it refers to."""
    if isinstance(value, PageRange):
        yield loc, value, source
    elif isinstance(value, BaseModel):
        own = getattr(value, "source", None)
        source = own if isinstance(own, str) else source
        for name in type(value).model_fields:
            yield from _pages_in(getattr(value, name), (*loc, name), source)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _pages_in(item, (*loc, index), source)


# Headings that every project page has; an activity id equal to one would take its anchor.
PROJECT_ANCHORS = {
    "hovedresultat",
    "indsatsen-i-overblik",
    "modenhed",
    "resultater-pa-tvaers-af-aktiviteter",
    "resultater",
    "andre-forhold",
    "aktiviteter",
    "omkostninger",
    "uoverensstemmelser-i-rapporten",
    "betydningsfulde-elementer",
    "hvad-evalueringen-kan-vise",
}


def _check_page_anchors(checker: _Checker, docs: dict[str, Document], models: dict[str, Any]) -> None:
    """Ids that become anchors on one page must differ from each other and from the page's headings."""
    if "projects.yaml" in models:
        doc = docs["projects.yaml"]
        periods = len(models["evaluation.yaml"].evaluation.phases.periods) if "evaluation.yaml" in models else None
        for i, project in enumerate(models["projects.yaml"].projects):
            for j, activity in enumerate(project.activities):
                if activity.id in PROJECT_ANCHORS:
                    loc = ("projects", i, "activities", j, "id")
                    checker.problems.append(
                        doc.problem(loc, f"activity id '{activity.id}' is also a heading of the project page")
                    )
            if periods is not None and len(project.phases.periods) != periods:
                checker.problems.append(
                    doc.problem(
                        ("projects", i, "phases", "periods"),
                        f"expected {periods} phases, one per data period in data/evaluation.yaml, "
                        f"got {len(project.phases.periods)}",
                    )
                )
    if "cases.yaml" in models:
        doc, file = docs["cases.yaml"], models["cases.yaml"]
        anchors = [t.id for t in file.theme_meetings] + [c.id for c in file.cases]
        locs = [("theme_meetings", i, "id") for i in range(len(file.theme_meetings))]
        locs += [("cases", i, "id") for i in range(len(file.cases))]
        checker.unique(doc, anchors, lambda k: locs[k], "id on the cases page")
    if "recommendations.yaml" in models:
        doc, file = docs["recommendations.yaml"], models["recommendations.yaml"]
        anchors, locs = ["fravaer"], [("absence",)]
        for i, recommendation in enumerate(file.recommendations):
            anchors.append(recommendation.id)
            locs.append(("recommendations", i, "id"))
            for j, item in enumerate(recommendation.items):
                anchors.append(item.id)
                locs.append(("recommendations", i, "items", j, "id"))
        checker.unique(doc, anchors, lambda k: locs[k], "id on the recommendations page")


def _check_other_sources(
    checker: _Checker, docs: dict[str, Document], models: dict[str, Any], ids: dict[str, list[str] | None]
) -> None:
    """References from municipalities, programmes, cases and recommendations."""
    muni_file = "data/municipalities.yaml"
    if "municipalities.yaml" in models:
        doc, file = docs["municipalities.yaml"], models["municipalities.yaml"]
        checker.refer(doc, ("source",), file.source, ids["sources"], "source", "data/sources.yaml")
        for i, municipality in enumerate(file.municipalities):
            loc = ("municipalities", i, "region")
            checker.refer(doc, loc, municipality.region, ids["regions"], "region", f"{muni_file} (regions)")

    if "programmes.yaml" in models:
        doc, file = docs["programmes.yaml"], models["programmes.yaml"]
        for i, programme in enumerate(file.programmes):
            at = ("programmes", i)
            checker.refer(doc, (*at, "source"), programme.source, ids["sources"], "source", "data/sources.yaml")
            blocks = [b.id for b in programme.blocks]
            checker.unique(doc, blocks, lambda j, at=at: (*at, "blocks", j, "id"), "id")
            for j, entry in enumerate(programme.municipalities):
                loc = (*at, "municipalities", j, "municipality")
                checker.refer(doc, loc, entry.municipality, ids["municipalities"], "municipality", muni_file)
            for j, link in enumerate(programme.elements):
                loc = (*at, "elements", j, "element")
                checker.refer(doc, loc, link.element, ids["elements"], "element", "data/elements.yaml")
            voices = [(("voices", j), v) for j, v in enumerate(programme.voices)]
            for j, entry in enumerate(programme.municipalities):
                voices += [(("municipalities", j, "voices", k), v) for k, v in enumerate(entry.voices)]
            for where, voice in voices:
                if voice.person.municipality:
                    loc = (*at, *where, "person", "municipality")
                    checker.refer(doc, loc, voice.person.municipality, ids["municipalities"], "municipality", muni_file)

    if "cases.yaml" in models:
        doc, file = docs["cases.yaml"], models["cases.yaml"]
        checker.refer(doc, ("source",), file.source, ids["sources"], "source", "data/sources.yaml")
        themes = [t.id for t in file.theme_meetings]
        for i, case in enumerate(file.cases):
            at = ("cases", i)
            checker.refer(doc, (*at, "theme"), case.theme, themes, "theme meeting", "data/cases.yaml (theme_meetings)")
            for j, municipality in enumerate(case.municipalities):
                loc = (*at, "municipalities", j)
                checker.refer(doc, loc, municipality, ids["municipalities"], "municipality", muni_file)
            _check_people(checker, doc, at, {"speakers": case.speakers}, ids["municipalities"])
        for i, theme in enumerate(file.theme_meetings):
            people = {"hosts": theme.hosts, "panel": theme.panel}
            _check_people(checker, doc, ("theme_meetings", i), people, ids["municipalities"])

    if "recommendations.yaml" in models:
        doc, file = docs["recommendations.yaml"], models["recommendations.yaml"]
        checker.refer(doc, ("source",), file.source, ids["sources"], "source", "data/sources.yaml")
        areas = ["landsplan", *(ids["regions"] or [])] if ids["regions"] is not None else None
        for j, figure in enumerate(file.absence.figures):
            loc = ("absence", "figures", j, "area")
            checker.refer(doc, loc, figure.area, areas, "area", f"'landsplan' or a region id in {muni_file}")


def _check_people(
    checker: _Checker, doc: Document, at: Loc, groups: dict[str, list[Person]], known: list[str] | None
) -> None:
    for key, people in groups.items():
        for j, person in enumerate(people):
            if person.municipality:
                loc = (*at, key, j, "municipality")
                checker.refer(doc, loc, person.municipality, known, "municipality", "data/municipalities.yaml")


def _check_activities(
    checker: _Checker, doc: Document, at: Loc, project: Project, linked: set[str] | None = None
) -> None:
    """Activity ids are unique within a project, cost columns point at them, and activities point at elements
    the project is linked to (``linked``: by its main result or by the element's own list in section 4.1)."""
    activity_ids = [a.id for a in project.activities]
    checker.unique(doc, activity_ids, lambda j: (*at, "activities", j, "id"), "activity id")
    for j, activity in enumerate(project.activities):
        mapped = [link.element for link in activity.elements]
        checker.unique(doc, mapped, lambda k, j=j: (*at, "activities", j, "elements", k, "element"), "element")
        for k, element_id in enumerate(mapped):
            if linked is not None and element_id not in linked:
                checker.problems.append(
                    doc.problem(
                        (*at, "activities", j, "elements", k, "element"),
                        f"project '{project.id}' is not linked to element '{element_id}' (neither its main result "
                        "nor the element's list of projects names it)",
                    )
                )
    if project.cost is None:
        return
    for p, part in enumerate(project.cost.parts):
        for c, column in enumerate(part.columns):
            col = (*at, "cost", "parts", p, "columns", c)
            checker.unique(doc, column.activities, lambda j, col=col: (*col, "activities", j), "activity")
            for j, activity in enumerate(column.activities):
                checker.refer(
                    doc, (*col, "activities", j), activity, activity_ids, "activity", "this project's `activities`"
                )


def _assemble(models: dict[str, Any]) -> Catalogue:
    elements = {e.id: e for e in sorted(models["elements.yaml"].elements, key=lambda e: e.number)}
    projects = {p.id: p for p in sorted(models["projects.yaml"].projects, key=lambda p: p.section_key)}
    relations = []
    for element in elements.values():
        mentions = {m.project: m for m in element.projects.items}
        for project in projects.values():
            in_main = element.id in project.elements.items
            if project.id in mentions or in_main:
                relations.append(ElementProject(element, project, mentions.get(project.id), in_main))
    return Catalogue(
        sources={s.id: s for s in models["sources.yaml"].sources},
        municipalities={m.id: m for m in models["municipalities.yaml"].municipalities},
        groups={g.id: g for g in models["elements.yaml"].groups},
        elements=elements,
        projects=projects,
        relations=relations,
        evaluation=models["evaluation.yaml"].evaluation,
        regions={r.id: r for r in models["municipalities.yaml"].regions},
        municipalities_source=models["municipalities.yaml"].source,
        programmes={p.id: p for p in models["programmes.yaml"].programmes},
        cases=models["cases.yaml"],
        recommendations=models["recommendations.yaml"],
        synonyms={w.word.lower(): [m.lower() for m in w.means] for w in models["search.yaml"].words},
        files=dict(models),
    )


def _asymmetry_warnings(catalogue: Catalogue, docs: dict[str, Document], models: dict[str, Any]) -> Iterator[Problem]:
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


def repeated_establishment(project: Project) -> list[str]:
    """Establishment amounts (as written) that the table repeats in more than one column."""
    if project.cost is None:
        return []
    amounts = [c.establishment for c in project.cost.columns if c.establishment.value]
    written = [a.as_written for a in amounts]
    return [w for w in dict.fromkeys(written) if written.count(w) > 1]


def _cost_warnings(doc: Document, projects: list[Project]) -> Iterator[Problem]:
    for i, project in enumerate(projects):
        at = ("projects", i)
        named = len(project.partners) + len(project.daycare_types)
        if named != project.table1.marks:
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
