"""Stage 3: load every data file and resolve cross-references once.

The catalogue is the only place that knows how entries point at each other.
Pages receive resolved objects from it and never look anything up by id.

The report lists, per element, the projects that worked with it (section 4.1),
and each project's main result names its elements (chapter 5). The two lists
disagree in places; both are kept, and every relation says which side states it.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any, cast

from pydantic import BaseModel

from ..domain.budget import BudgetActivity, budget_activities
from ..domain.costs import Bands, CostRow, cost_rows
from .contradictions import warnings_of
from .document import Document
from .files import read_text
from .mentions import MunicipalityMentions, gather_mentions
from .models import (
    Activity,
    CasesFile,
    ColumnElement,
    CostColumn,
    Element,
    ElementGroup,
    ElementsFile,
    Evaluation,
    EvaluationFile,
    MunicipalitiesFile,
    Municipality,
    Programme,
    ProgrammesFile,
    Project,
    ProjectMention,
    ProjectsFile,
    RecommendationsFile,
    Region,
    Report,
    ReportFile,
    SearchFile,
    Source,
    SourcesFile,
)
from .problems import DataError, Problem, errors
from .read import load_text
from .references import check_references
from .rules import check_rules
from .validate import problems_of

DATA_FILES: dict[str, type[BaseModel]] = {
    "sources.yaml": SourcesFile,
    "municipalities.yaml": MunicipalitiesFile,
    "elements.yaml": ElementsFile,
    "projects.yaml": ProjectsFile,
    "evaluation.yaml": EvaluationFile,
    "report.yaml": ReportFile,
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
    report: Report  # the rest of the report: chapters 1–4 and annex A, and what the evaluation can show
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
        if (file, key) not in self._entry_index:
            document = self.documents.get(file)
            entries = document.data.get(key) if document and isinstance(document.data, dict) else None
            found: dict[str, int] = {}
            for index, entry in enumerate(entries or []):
                if isinstance(entry, dict) and isinstance(entry.get("id"), str):
                    found.setdefault(entry["id"], index)  # the first entry with the id, as a scan would find
            self._entry_index[(file, key)] = found
        index = self._entry_index[(file, key)].get(entry_id)
        if index is None:
            return None
        position = self.documents[file].position((key, index))
        return position.line if position else None

    @cached_property
    def _entry_index(self) -> dict[tuple[str, str], dict[str, int]]:
        """Where each entry of a data file's list is, by id: filled by ``line_of`` one list at a time."""
        return {}

    @cached_property
    def _relations_by(self) -> tuple[dict[str, list[ElementProject]], dict[str, list[ElementProject]]]:
        """The relations of each element and of each project, in the order of ``relations``."""
        by_element: dict[str, list[ElementProject]] = {}
        by_project: dict[str, list[ElementProject]] = {}
        for relation in self.relations:
            by_element.setdefault(relation.element.id, []).append(relation)
            by_project.setdefault(relation.project.id, []).append(relation)
        return by_element, by_project

    def projects_of(self, element: Element) -> list[ElementProject]:
        """Relations of an element: the report's 4.1 order first, then those only chapter 5 states."""
        mine = self._relations_by[0].get(element.id, [])
        order = {m.project: i for i, m in enumerate(element.projects.items)}
        return sorted(mine, key=lambda r: (order.get(r.project.id, len(order)), r.project.section_key))

    def elements_of(self, project: Project) -> list[ElementProject]:
        """Relations of a project: its main result's order first, then those only section 4.1 states."""
        mine = self._relations_by[1].get(project.id, [])
        order = {e: i for i, e in enumerate(project.elements.items)}
        return sorted(mine, key=lambda r: (order.get(r.element.id, len(order)), r.element.number))

    def combines_with(self, element: Element) -> list[Element]:
        return [self.elements[i] for i in element.combines_with.elements]

    def municipality_of(self, project: Project) -> Municipality:
        return self.municipalities[project.municipality]

    def project_count(self, municipality_id: str) -> int:
        """How many pool projects a municipality has (Hjørring has two)."""
        return self._project_counts.get(municipality_id, 0)

    @cached_property
    def _project_counts(self) -> dict[str, int]:
        return Counter(project.municipality for project in self.projects.values())

    def group_of(self, element: Element) -> ElementGroup:
        return self.groups[element.group]

    def source_of(self, entry: Element | Project | Programme) -> Source:
        return self.sources[entry.source]

    def activity_costs(self, element: Element) -> list[ActivityCost]:
        """The cost columns that are instances of an element (each column says so itself, with its basis)."""
        return self._costs_by_element.get(element.id, [])

    @cached_property
    def _costs_by_element(self) -> dict[str, list[ActivityCost]]:
        found: dict[str, list[ActivityCost]] = {}
        for project in self.projects.values():
            if project.cost is None:
                continue
            activities = {activity.id: activity for activity in project.activities}
            for column in project.cost.columns:
                for link in column.elements:
                    activity = activities[column.activities[0]] if column.activities else None
                    found.setdefault(link.element, []).append(ActivityCost(project, activity, column, link))
        return found

    def region_of(self, municipality: Municipality) -> Region:
        return self.regions[municipality.region]

    def mentions_of(self, municipality: Municipality) -> MunicipalityMentions:
        """Everything on the site that names a municipality."""
        return self._mentions[municipality.id]

    @cached_property
    def _mentions(self) -> dict[str, MunicipalityMentions]:
        return gather_mentions(self)

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

    @cached_property
    def budget_keys(self) -> dict[int, str]:
        """The calculator's key of each cost column it offers, by ``id(column)``."""
        return {id(a.row.column): a.key for a in self.budget_activities}


@dataclass(frozen=True)
class ActivityCost:
    """A cost column that is an instance of an element; ``activity`` is the narrative activity it costs."""

    project: Project
    activity: Activity | None
    column: CostColumn
    link: ColumnElement


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

    problems.extend(check_references(docs, models))  # declared on the models: references.py
    problems.extend(check_rules(docs, models))  # what needs more than one field: rules.py
    if errors(problems) or len(models) < len(DATA_FILES):
        raise DataError(problems)

    catalogue = _assemble(models)
    catalogue.documents = docs
    catalogue.warnings = warnings_of(catalogue, docs, models)
    return catalogue


def synonyms_of(search: SearchFile) -> dict[str, list[str]]:
    """data/search.yaml as the search index takes it: each word, lower case, with the site words it finds."""
    return {w.word.lower(): [m.lower() for m in w.means] for w in search.words}


def load_synonyms(data_dir: Path, root: Path | None = None) -> dict[str, list[str]]:
    """Only data/search.yaml, validated (``generator search-index`` needs no other data), or DataError."""
    _document, model, problems = _parse(data_dir / "search.yaml", root or data_dir.parent, SearchFile)
    if model is None or errors(problems):
        raise DataError(problems)
    return synonyms_of(cast(SearchFile, model))


def _assemble(models: dict[str, Any]) -> Catalogue:
    elements = {e.id: e for e in sorted(models["elements.yaml"].elements, key=lambda e: e.number)}
    projects = {p.id: p for p in sorted(models["projects.yaml"].projects, key=lambda p: p.section_key)}
    position = {project_id: i for i, project_id in enumerate(projects)}
    naming: dict[str, set[str]] = {}  # element id -> the projects whose main result names it
    for project in projects.values():
        for element_id in project.elements.items:
            naming.setdefault(element_id, set()).add(project.id)
    relations = []
    for element in elements.values():  # in element order, then project order
        mentions = {m.project: m for m in element.projects.items}
        named = naming.get(element.id, set())
        for project_id in sorted((set(mentions) | named) & position.keys(), key=position.__getitem__):
            relations.append(
                ElementProject(element, projects[project_id], mentions.get(project_id), project_id in named)
            )
    return Catalogue(
        sources={s.id: s for s in models["sources.yaml"].sources},
        municipalities={m.id: m for m in models["municipalities.yaml"].municipalities},
        groups={g.id: g for g in models["elements.yaml"].groups},
        elements=elements,
        projects=projects,
        relations=relations,
        evaluation=models["evaluation.yaml"].evaluation,
        report=models["report.yaml"].report,
        regions={r.id: r for r in models["municipalities.yaml"].regions},
        municipalities_source=models["municipalities.yaml"].source,
        programmes={p.id: p for p in models["programmes.yaml"].programmes},
        cases=models["cases.yaml"],
        recommendations=models["recommendations.yaml"],
        synonyms=synonyms_of(models["search.yaml"]),
        files=dict(models),
    )


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
