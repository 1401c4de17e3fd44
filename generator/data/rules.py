"""Stage 3 (rules): what the data must satisfy beyond its types and references.

Plain references and unique ids are declared on the models and checked by references.py. What
stays here needs more than one field to judge: an element combined with itself, an activity tied to
an element its project is not linked to, outcome words that are not in the purpose sentence, ids that
would collide as anchors on one page, the phase count of every project, and pages beyond the end of their source.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic import BaseModel

from .document import Document, Loc
from .models import PageRange
from .problems import Problem


def check_rules(docs: dict[str, Document], models: dict[str, Any]) -> list[Problem]:
    """Every rule that the validated ``models`` break, located in their ``docs``."""
    return [
        *_self_combinations(docs, models),
        *_unlinked_activities(docs, models),
        *_project_phases(docs, models),
        *_outcome_words(docs, models),
        *_page_anchors(docs, models),
        *_page_counts(docs, models),
        *_report_sections(docs, models),
    ]


def _self_combinations(docs: dict[str, Document], models: dict[str, Any]) -> Iterator[Problem]:
    if "elements.yaml" not in models:
        return
    for i, element in enumerate(models["elements.yaml"].elements):
        combined = element.combines_with.elements
        if element.id in combined:
            loc = ("elements", i, "combines_with", "elements", combined.index(element.id))
            yield docs["elements.yaml"].problem(loc, "an element cannot be combined with itself")


def _report_sections(docs: dict[str, Document], models: dict[str, Any]) -> Iterator[Problem]:
    """A section id is unique across the report's chapters (an evidence point's section is a declared reference)."""
    if "report.yaml" not in models:
        return
    report, doc = models["report.yaml"].report, docs["report.yaml"]
    seen: set[str] = set()
    for c, chapter in enumerate(report.chapters):
        for s, section in enumerate(chapter.sections):
            if section.id in seen:
                loc = ("report", "chapters", c, "sections", s, "id")
                yield doc.problem(loc, f"section id '{section.id}' is used in another chapter too; ids must differ")
            seen.add(section.id)


def _unlinked_activities(docs: dict[str, Document], models: dict[str, Any]) -> Iterator[Problem]:
    """An activity or a cost column points only at elements its project is linked to: by its main result or by the
    element's own list of projects in section 4.1. (An unknown element is a reference error instead.)"""
    if "projects.yaml" not in models or "elements.yaml" not in models:
        return
    elements = models["elements.yaml"].elements
    known = {e.id for e in elements}
    for i, project in enumerate(models["projects.yaml"].projects):
        linked = set(project.elements.items) | {
            e.id for e in elements if project.id in [m.project for m in e.projects.items]
        }
        links = [
            (("activities", j, "elements", k), link)
            for j, activity in enumerate(project.activities)
            for k, link in enumerate(activity.elements)
        ]
        if project.cost is not None:
            links += [
                (("cost", "parts", p, "columns", c, "elements", k), link)
                for p, part in enumerate(project.cost.parts)
                for c, column in enumerate(part.columns)
                for k, link in enumerate(column.elements)
            ]
        for where, link in links:
            if link.element in known and link.element not in linked:
                yield docs["projects.yaml"].problem(
                    ("projects", i, *where, "element"),
                    f"project '{project.id}' is not linked to element '{link.element}' (neither its main result "
                    "nor the element's list of projects names it)",
                )


def _project_phases(docs: dict[str, Document], models: dict[str, Any]) -> Iterator[Problem]:
    """Every project has one phase per data period.

    (That an activity id must not repeat a heading's id on its page is checked on the rendered page,
    by ``pipeline.duplicate_anchors``.)
    """
    if "projects.yaml" not in models:
        return
    doc = docs["projects.yaml"]
    periods = len(models["evaluation.yaml"].evaluation.phases.periods) if "evaluation.yaml" in models else None
    for i, project in enumerate(models["projects.yaml"].projects):
        if periods is not None and len(project.phases.periods) != periods:
            yield doc.problem(
                ("projects", i, "phases", "periods"),
                f"expected {periods} phases, one per data period in data/evaluation.yaml, "
                f"got {len(project.phases.periods)}",
            )


def _outcome_words(docs: dict[str, Document], models: dict[str, Any]) -> Iterator[Problem]:
    """A project's outcome words are quoted from its purpose sentence, so they must stand in it."""
    if "projects.yaml" not in models:
        return
    for i, project in enumerate(models["projects.yaml"].projects):
        for k, outcome in enumerate(project.outcomes):
            if outcome.words not in project.purpose.text:
                loc = ("projects", i, "outcomes", k, "words")
                yield docs["projects.yaml"].problem(loc, f"{outcome.words!r} is not in this project's `purpose` text")


def _page_anchors(docs: dict[str, Document], models: dict[str, Any]) -> Iterator[Problem]:
    """Ids from several lists that become anchors on one page must differ from each other."""
    if "cases.yaml" in models:
        file = models["cases.yaml"]
        anchors = [(t.id, ("theme_meetings", i, "id")) for i, t in enumerate(file.theme_meetings)]
        anchors += [(c.id, ("cases", i, "id")) for i, c in enumerate(file.cases)]
        yield from _repeated(docs["cases.yaml"], anchors, "id on the cases page")
    if "recommendations.yaml" in models:
        anchors = [("fravaer", ("absence",))]
        for i, recommendation in enumerate(models["recommendations.yaml"].recommendations):
            anchors.append((recommendation.id, ("recommendations", i, "id")))
            anchors += [
                (item.id, ("recommendations", i, "items", j, "id")) for j, item in enumerate(recommendation.items)
            ]
        yield from _repeated(docs["recommendations.yaml"], anchors, "id on the recommendations page")


def _repeated(doc: Document, values: list[tuple[str, Loc]], what: str) -> Iterator[Problem]:
    first: dict[str, Loc] = {}
    for value, loc in values:
        if value not in first:
            first[value] = loc
            continue
        position = doc.position(first[value])
        where = f" (first used at line {position.line})" if position else ""
        yield doc.problem(loc, f"duplicate {what} '{value}'{where}")


def _page_counts(docs: dict[str, Document], models: dict[str, Any]) -> Iterator[Problem]:
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
                yield docs[name].problem(loc, message)


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
