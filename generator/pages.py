"""Stage 4: one pure function per page kind, from the catalogue to Markdown.

Each function gathers ready values for exactly one template; the template only
formats them. Adding a page kind means a function here, a template and a golden
file.
"""

from __future__ import annotations

import posixpath
import statistics
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .catalogue import Catalogue, ElementProject, repeated_establishment
from .combinations import MAX_CHOSEN, observed_with
from .costs import BAND_LABELS, per_child_range, table_view
from .models import Element, ElementGroup, Municipality, Programme, Project
from .render import TEMPLATES_DIR, render

MATURITY_LABELS = {
    "modnet": "Modnet",
    "delvist-modnet": "Delvist modnet",
    "ikke-modnet": "Ikke modnet",
}

PARTNER_LABELS = {
    "foraeldre": "Forældre",
    "sundhedsplejerske": "Sundhedsplejerske",
    "socialraadgiver": "Socialrådgiver",
    "frivillige": "Frivillige",
}
DAYCARE_LABELS = {
    "vuggestue": "Vuggestue",
    "boernehave": "Børnehave",
    "dagpleje": "Dagpleje",
    "aldersintegreret": "Aldersintegreret",
}
REACH_LABELS = {
    "universel": "Universel",
    "maalrettet": "Målrettet",
    "universel-og-maalrettet": "Universel og målrettet",
}
PHASE_LABELS = {
    "konkretisering": "Konkretisering",
    "udbredelse": "Udbredelse",
    "virkning": "Virkning",
    "afsluttet": "Afsluttet",
}
ASSESSMENT_LABELS = {
    "velimplementeret": "Velimplementeret",
    "implementeret": "Implementeret",
    "delvist-implementeret": "Delvist implementeret",
    "ikke-implementeret": "Ikke implementeret",
}


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes, what it says, and which data file it comes from."""

    path: str
    title: str
    markdown: str
    origin: str  # the file it is made from, from the project root, e.g. data/projects.yaml
    line: int | None = None  # where in ``origin`` its entry starts, if it is made from one entry
    template: str | None = None  # the template with the page's fixed wording, from the project root


EXPLORER_PATH = "elementer/sammensaet.md"  # the combination explorer (explorer.py)


def element_path(element: Element) -> str:
    return f"elementer/{element.id}.md"


def project_path(project: Project) -> str:
    return f"puljeprojekter/{project.id}.md"


def programme_path(programme: Programme) -> str:
    return f"programmer/{programme.id}.md"


def municipality_path(municipality: Municipality) -> str:
    return f"kommuner/{municipality.id}.md"


def _target_path(target: Any) -> str:
    if isinstance(target, Element):
        return element_path(target)
    if isinstance(target, Project):
        return project_path(target)
    if isinstance(target, Programme):
        return programme_path(target)
    if isinstance(target, Municipality):
        return municipality_path(target)
    return str(target)


def page_url(path: str) -> str:
    """The directory-style URL of a Markdown page: a/b.md -> a/b/, a/index.md -> a/."""
    stem = path.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        stem = stem.removesuffix("index")
    else:
        stem += "/"
    return stem


def linker(from_path: str) -> Callable[[Any], Markup]:
    """Relative Markdown link from ``from_path`` to a page or entry (MkDocs checks these)."""

    def link(target: Any) -> Markup:
        return Markup(posixpath.relpath(_target_path(target), posixpath.dirname(from_path) or "."))

    return link


def hrefer(from_path: str) -> Callable[[Any], Markup]:
    """Relative URL from ``from_path`` to a page, for raw HTML where MkDocs does not rewrite links."""

    def href(target: Any) -> Markup:
        here = page_url(from_path) or "."
        path = _target_path(target)
        if not path.endswith(".md"):  # a file, e.g. a download: its own address, not a directory
            return Markup(posixpath.relpath(path, here))
        there = page_url(path)
        relative = posixpath.relpath(there or ".", here)
        return Markup("./" if relative == "." else relative + "/")

    return href


def render_page(path: str, title: str, origin: str, template: str, *, line: int | None = None, **context: Any) -> Page:
    markdown = render(template, link=linker(path), href=hrefer(path), title=title, **context)
    return Page(path, title, markdown, origin, line, template=f"{TEMPLATES_DIR}/{template}")


def project_line(catalogue: Catalogue, project: Project) -> str:
    """How the report itself refers to a project in its lists: 'Titel, Kommune (afsnit 5.2)'."""
    return f"{project.title}, {catalogue.municipality_of(project).name} (afsnit {project.section})"


def citation(catalogue: Catalogue, entries: list[Element] | list[Project]) -> str:
    """'Evalueringsrapporten (Titel), afsnit 4.1' for the documents and sections a list of entries comes from."""
    sources = [catalogue.sources[i] for i in dict.fromkeys(entry.source for entry in entries)]
    documents = "; ".join(f"{s.short_name} ({s.title})" for s in sources)
    span = section_span([entry.section for entry in entries])
    return f"{documents}, {'afsnit' if '.' in span else 'kapitel'} {span}"


def section_span(sections: list[str]) -> str:
    """'4.1' for 4.1.1 … 4.1.9 (their common parent), else 'first–last'."""
    parts = [s.split(".") for s in sections]
    common = []
    for level in zip(*parts, strict=False):
        if len(set(level)) > 1:
            break
        common.append(level[0])
    if common and all(len(p) > len(common) for p in parts):
        return ".".join(common)
    return f"{sections[0]}–{sections[-1]}" if len(sections) > 1 else sections[0]


def _grouped(catalogue: Catalogue) -> list[tuple[ElementGroup, list[Element]]]:
    """Element groups with their elements; a group without elements is left out."""
    groups = [(g, [e for e in catalogue.elements.values() if e.group == g.id]) for g in catalogue.groups.values()]
    return [(group, elements) for group, elements in groups if elements]


def home_page(catalogue: Catalogue) -> Page:
    municipalities = {p.municipality for p in catalogue.projects.values()}
    return render_page(
        "index.md",
        "Forside",
        "data/elements.yaml",
        "home.md.j2",
        groups=_grouped(catalogue),
        element_count=len(catalogue.elements),
        project_count=len(catalogue.projects),
        municipality_count=len(municipalities),
        max_chosen=MAX_CHOSEN,
        citation=citation(catalogue, list(catalogue.elements.values())),
        event_name=catalogue.cases.event.name,
    )


def elements_index_page(catalogue: Catalogue) -> Page:
    groups = [
        (group, [(e, _project_counts(catalogue, e)) for e in elements]) for group, elements in _grouped(catalogue)
    ]
    return render_page(
        "elementer/index.md",
        "Elementer",
        "data/elements.yaml",
        "elements_index.md.j2",
        groups=groups,
        group_count=len(groups),
        element_count=len(catalogue.elements),
        citation=citation(catalogue, list(catalogue.elements.values())),
    )


def _project_counts(catalogue: Catalogue, element: Element) -> dict[str, int]:
    """How many projects the element's own list names, and how many more only chapter 5 adds."""
    relations = catalogue.projects_of(element)
    return {
        "listed": sum(1 for r in relations if r.in_element_section),
        "only_in_project": sum(1 for r in relations if not r.in_element_section),
    }


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
        relations=[_relation_view(catalogue, r) for r in relations],
        disagreements=sum(1 for r in relations if not r.agreed),
        observed=observed_with(catalogue, element),
        costs=_element_costs(catalogue, element),
        price_year=_price_year(catalogue),
        explorer_path=EXPLORER_PATH,
    )


def _element_costs(catalogue: Catalogue, element: Element) -> dict[str, Any]:
    """Cost per child of the activities mapped to an element: each one, and min, median and max."""
    bands = catalogue.bands
    items = []
    for cost in catalogue.activity_costs(element):
        value = cost.column.cost_per_child.value
        items.append(
            {
                "cost": cost,
                "municipality": catalogue.municipality_of(cost.project),
                "value": value,
                "band": bands.label(value) if value is not None else "",
            }
        )
    values = sorted(item["value"] for item in items if item["value"] is not None)
    summary = (values[0], statistics.median(values), values[-1]) if values else None
    return {"rows": items, "summary": summary, "editorial": any(i["cost"].link.basis == "redaktionel" for i in items)}


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


def projects_index_page(catalogue: Catalogue) -> Page:
    projects = list(catalogue.projects.values())
    rows = [_project_row(catalogue, p) for p in projects]
    used_elements = {e.id for row in rows for e in row["elements"]}
    used_partners = {k for row in rows for k in row["project"].partners}
    used_maturity = {row["project"].maturity.level for row in rows}
    return render_page(
        "puljeprojekter/index.md",
        "Puljeprojekter",
        "data/projects.yaml",
        "projects_index.md.j2",
        rows=rows,
        project_count=len(projects),
        element_options=[e for e in catalogue.elements.values() if e.id in used_elements],
        partner_options=[(k, v) for k, v in PARTNER_LABELS.items() if k in used_partners],
        maturity_options=[(k, v) for k, v in MATURITY_LABELS.items() if k in used_maturity],
        price_year=_price_year(catalogue),
        citation=citation(catalogue, projects),
    )


def _project_row(catalogue: Catalogue, project: Project) -> dict[str, Any]:
    return {
        "project": project,
        "municipality": catalogue.municipality_of(project),
        "elements": _main_elements(catalogue, project),
        "maturity": maturity_summary(project),
        "partners": _partner_names(project),
        "daycare": [DAYCARE_LABELS[t] for t in project.daycare_types],
        "cost_range": per_child_range(project),
        "section_sort": "".join(f"{n:03d}" for n in project.section_key),
    }


def _partner_names(project: Project) -> list[str]:
    return [PARTNER_LABELS[k] for k in project.partners] + list(project.other_partners)


def _price_year(catalogue: Catalogue) -> str:
    """The price level the report states for all amounts, e.g. '2022-priser'."""
    return catalogue.evaluation.cost_method.price_level


def _main_elements(catalogue: Catalogue, project: Project) -> list[Element]:
    return [r.element for r in catalogue.elements_of(project) if r.in_main_result]


def maturity_summary(project: Project) -> str:
    """'Modnet', or 'Modnet (også angivet som delvist modnet)' where the report says both."""
    label = MATURITY_LABELS[project.maturity.level]
    others = [MATURITY_LABELS[r.level].lower() for r in project.maturity.other_readings]
    others = [o for o in dict.fromkeys(others) if o != label.lower()]
    return f"{label} (også angivet som {' og '.join(others)})" if others else label


def project_page(catalogue: Catalogue, project: Project) -> Page:
    evaluation = catalogue.evaluation
    bands = catalogue.bands
    cost_parts, cost_notes = table_view(project, bands)
    cost_range = per_child_range(project)
    costed = {a for column in (project.cost.columns if project.cost else []) for a in column.activities}
    return render_page(
        project_path(project),
        project.title,
        "data/projects.yaml",
        "project.md.j2",
        line=catalogue.line_of("projects.yaml", "projects", project.id),
        project=project,
        municipality=catalogue.municipality_of(project),
        source=catalogue.source_of(project),
        maturity_label=MATURITY_LABELS[project.maturity.level],
        maturity_summary=maturity_summary(project),
        other_readings=[(r, MATURITY_LABELS[r.level]) for r in project.maturity.other_readings],
        main_elements=_main_elements(catalogue, project),
        relations=catalogue.elements_of(project),
        partners=_partner_names(project),
        daycare=[DAYCARE_LABELS[t] for t in project.daycare_types],
        reach=REACH_LABELS[project.reach],
        phases=[
            (period, PHASE_LABELS[phase])
            for period, phase in zip(evaluation.phases.periods, project.phases.periods, strict=False)
        ],
        phase_table=evaluation.phases,
        assessments=ASSESSMENT_LABELS,
        cost_range=cost_range,
        band_range=sorted({bands.label(cost_range.low), bands.label(cost_range.high)}, key=BAND_LABELS.index)
        if cost_range
        else [],
        cost_parts=cost_parts,
        cost_notes=cost_notes,
        repeated=repeated_establishment(project),
        uncosted=[a for a in project.activities if project.cost and a.id not in costed],
        cost_facts=evaluation.cost_method.facts,
        price_year=_price_year(catalogue),
        caveats=evaluation.caveats,
    )


def evaluation_page(catalogue: Catalogue) -> Page:
    evaluation = catalogue.evaluation
    return render_page(
        "om/evalueringen.md",
        "Om evalueringen",
        "data/evaluation.yaml",
        "evaluation.md.j2",
        evaluation=evaluation,
        source=catalogue.sources[evaluation.source],
        municipalities=[(m, catalogue.municipalities[m.municipality]) for m in evaluation.municipalities.items],
        projects=list(catalogue.projects.values()),
        municipality_of=catalogue.municipality_of,
        phase_labels=PHASE_LABELS,
    )


def sources_page(catalogue: Catalogue) -> Page:
    return render_page(
        "om/kilder.md",
        "Kilder",
        "data/sources.yaml",
        "sources.md.j2",
        sources=list(catalogue.sources.values()),
    )
