"""Where the sources contradict themselves: on the entry pages that show them, and all on one page.

Recorded contradictions (``discrepancies`` of projects, the evaluation, programmes and cases) are
data; the others are computed from the data where they are kept: a maturity the report states
differently, a name it writes differently, an element list that disagrees with a main result, and
table 1's marks against a project's partners and daycare types. Nothing is recorded twice.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace

from markupsafe import Markup

from ...data.catalogue import Catalogue, ElementProject
from ...data.contradictions import table1_named
from ...data.models import Discrepancy, Element, PageRange, Programme, Project, Source
from .. import paging
from ..labels import DAYCARE_LABELS, DISCREPANCY_KIND_LABELS, MATURITY_LABELS, PARTNER_LABELS, project_label
from ..urls import (
    CASES_PATH,
    CONTRADICTIONS_PATH,
    EVALUATION_PATH,
    EVIDENCE_PATH,
    REPORT_INDEX,
    discrepancy_anchor,
    element_path,
    hrefer,
    paged_path,
    programme_path,
    project_path,
)
from .base import Page, render_page

REPORT_TITLE = "Rapporten"
CONTRADICTIONS_TITLE = "Uoverensstemmelser i kilderne"
# Pages the contradictions page links for one contradiction (at today's size two at most); a contradiction that
# the same words record on more entries (copies of an entry, say) names the first ones and how many more, so a
# page of the contradictions stays light however often one of them recurs.
SHOWN_PLACES = 6
EVIDENCE_TITLE = "Hvad evalueringen kan og ikke kan vise"
TABLE1_KEY = "tabel-1"  # the computed table 1 contradiction's key on its project page


@dataclass(frozen=True)
class Said:
    """One reading: where a source says it, and what; ``verbatim`` is False for the site's own description."""

    where: str
    pages: PageRange | None
    text: str
    verbatim: bool = True


@dataclass(frozen=True)
class Shown:
    """A page that shows a contradiction, and the id of the place on it."""

    label: str
    path: str
    anchor: str


@dataclass(frozen=True)
class Contradiction:
    key: str  # unique on the contradictions page
    kind: str  # a key of DISCREPANCY_KIND_LABELS
    topic: str
    source: Source
    readings: list[Said]
    note: str
    shown: list[Shown]

    @property
    def anchor(self) -> str:
        """The id of its heading on the contradictions page."""
        return self.key

    @property
    def shown_paths(self) -> list[str]:
        return [place.path for place in self.shown]

    @property
    def here(self) -> Shown:
        """Where its entry page shows it (the page a recorded contradiction belongs to comes first)."""
        return self.shown[0]


def recorded(
    owner: str, discrepancy: Discrepancy, source: Source, shown_on: tuple[str, str], catalogue: Catalogue
) -> Contradiction:
    """A contradiction recorded in the data, shown on its entry page (label, path) under its own anchor."""
    label, path = shown_on
    shown = [Shown(label, path, discrepancy_anchor(discrepancy.id))]
    for element_id in dict.fromkeys(r.element for r in discrepancy.readings if r.element):
        element = catalogue.elements[element_id]
        shown.append(Shown(element.name, element_path(element), "praksiseksempler"))
    return Contradiction(
        key=f"{owner}-{discrepancy.id}",
        kind=discrepancy.kind,
        topic=discrepancy.topic,
        source=source,
        readings=[Said(r.where, r.pages, r.text) for r in discrepancy.readings],
        note=discrepancy.note,
        shown=shown,
    )


def project_contradictions(catalogue: Catalogue, project: Project) -> list[Contradiction]:
    """What the project page lists under its contradictions: the recorded ones, then table 1's if it differs."""
    shown_on = (project_label(catalogue, project), project_path(project))
    source = catalogue.source_of(project)
    found = [recorded(project.id, d, source, shown_on, catalogue) for d in project.discrepancies]
    table1 = _table1(catalogue, project)
    return found + ([table1] if table1 else [])


def _table1(catalogue: Catalogue, project: Project) -> Contradiction | None:
    named = table1_named(project)
    marks = project.table1.marks
    if named == marks:
        return None
    municipality = catalogue.municipality_of(project)
    lists = [PARTNER_LABELS[k] for k in project.partners] + [DAYCARE_LABELS[k] for k in project.daycare_types]
    return Contradiction(
        key=f"{TABLE1_KEY}-{project.id}",
        kind="tal",
        topic=f"Tabel 1 og teksten om {municipality.short_name}s projekt: antal samarbejdsparter og dagtilbudstyper",
        source=catalogue.source_of(project),
        readings=[
            Said(
                f"tabel 1, rækken {municipality.short_name}: {project.title}",
                project.table1.pages,
                f"{marks} krydser for samarbejdsparter og dagtilbudstyper",
                verbatim=False,
            ),
            Said(
                f"afsnit {project.section}, som sitet læser det",
                project.pages,
                f"{named}: {', '.join(lists)}",
                verbatim=False,
            ),
        ],
        note="Tekstudtrækket af tabel 1 har mistet kolonneoverskrifterne, så det kan ikke ses, hvilket kryds der "
        "mangler eller er i overskud. Sitet viser samarbejdsparter og dagtilbudstyper, som projektets tekst "
        "nævner dem, og antallet af krydser, som tabellen har dem.",
        shown=[Shown(project_label(catalogue, project), project_path(project), discrepancy_anchor(TABLE1_KEY))],
    )


def evaluation_contradictions(catalogue: Catalogue) -> list[Contradiction]:
    evaluation = catalogue.evaluation
    shown_on = ("Om evalueringen", EVALUATION_PATH)
    source = catalogue.sources[evaluation.source]
    return [recorded("evaluering", d, source, shown_on, catalogue) for d in evaluation.discrepancies]


def report_contradictions(catalogue: Catalogue) -> list[Contradiction]:
    """The report's chapters 1–4 and annex A: shown on the report's overview and on the evidence page."""
    report, source = catalogue.report, catalogue.sources[catalogue.report.source]
    found = [recorded("rapport", d, source, (REPORT_TITLE, REPORT_INDEX), catalogue) for d in report.discrepancies]
    return [replace(c, shown=[*c.shown, Shown(EVIDENCE_TITLE, EVIDENCE_PATH, c.here.anchor)]) for c in found]


def programme_contradictions(catalogue: Catalogue, programme: Programme) -> list[Contradiction]:
    shown_on = (programme.name, programme_path(programme))
    source = catalogue.source_of(programme)
    return [recorded(programme.id, d, source, shown_on, catalogue) for d in programme.discrepancies]


def cases_contradictions(catalogue: Catalogue) -> list[Contradiction]:
    cases = catalogue.cases
    shown_on = ("Kommunale eksempler", CASES_PATH)
    return [recorded("eksempler", d, catalogue.sources[cases.source], shown_on, catalogue) for d in cases.discrepancies]


def all_contradictions(catalogue: Catalogue) -> list[Contradiction]:
    """Every contradiction of every source, in the order of the site's sections."""
    found: list[Contradiction] = []
    for project in catalogue.projects.values():
        found += project_contradictions(catalogue, project)
        found += _maturity(catalogue, project)
        found += _project_names(catalogue, project)
    for element in catalogue.elements.values():
        found += _element_names(catalogue, element)
        found += [_listed(catalogue, r) for r in catalogue.projects_of(element) if not r.agreed]
    found += evaluation_contradictions(catalogue) + report_contradictions(catalogue)
    for programme in catalogue.programmes.values():
        found += programme_contradictions(catalogue, programme)
    return _once(found + cases_contradictions(catalogue))


def _once(found: list[Contradiction]) -> list[Contradiction]:
    """A contradiction recorded on several entries (two projects that share a table's figure, say) with the same
    topic, readings and note is listed once, linking every page that shows it."""
    kept: dict[tuple, Contradiction] = {}
    for item in found:
        same = (
            item.source.id,
            item.kind,
            item.topic,
            item.note,
            tuple((r.where, str(r.pages), r.text) for r in item.readings),
        )
        first = kept.setdefault(same, item)
        if first is not item:
            shown = [place for place in item.shown if place not in first.shown]
            kept[same] = replace(first, shown=[*first.shown, *shown])
    return list(kept.values())


def _maturity(catalogue: Catalogue, project: Project) -> Iterator[Contradiction]:
    maturity = project.maturity
    if not maturity.other_readings:
        return
    yield Contradiction(
        key=f"modenhed-{project.id}",
        kind="vurderinger",
        topic=f"Modenheden af {project.title}",
        source=catalogue.source_of(project),
        readings=[
            Said(f"{maturity.where} ({MATURITY_LABELS[maturity.level].lower()})", maturity.pages, maturity.reason),
            *(
                Said(f"{r.where} ({MATURITY_LABELS[r.level].lower()})", r.pages, r.text)
                for r in maturity.other_readings
            ),
        ],
        note="Rapporten angiver projektets modningsgrad forskelligt. Projektsiden viser den modningsgrad, "
        "kapitel 3 angiver, og nævner de andre.",
        shown=[Shown(project_label(catalogue, project), project_path(project), "modenhed")],
    )


def _project_names(catalogue: Catalogue, project: Project) -> Iterator[Contradiction]:
    if not project.title_variants:
        return
    yield Contradiction(
        key=f"titel-{project.id}",
        kind="navne",
        topic=f"Titlen »{project.title}« skrives forskelligt",
        source=catalogue.source_of(project),
        readings=[
            Said(
                f"overskriften til afsnit {project.section}",
                PageRange(first=project.pages.first, last=project.pages.first),
                project.title,
            ),
            *(Said(v.where, v.pages, v.text) for v in project.title_variants),
        ],
        note="Rapporten skriver projektets titel på flere måder. Sitet bruger overskriftens.",
        shown=[Shown(project_label(catalogue, project), project_path(project), "titel")],
    )


def _element_names(catalogue: Catalogue, element: Element) -> Iterator[Contradiction]:
    if not element.name_variants:
        return
    yield Contradiction(
        key=f"navn-{element.id}",
        kind="navne",
        topic=f"Elementet »{element.name}« skrives forskelligt",
        source=catalogue.source_of(element),
        readings=[
            Said(f"listen over de {len(catalogue.elements)} elementer", None, element.name),
            *(Said(v.where, v.pages, v.text) for v in element.name_variants),
        ],
        note="Rapporten skriver elementets navn på flere måder. Sitet bruger navnet fra listen over elementerne.",
        shown=[Shown(element.name, element_path(element), "titel")],
    )


def _listed(catalogue: Catalogue, relation: ElementProject) -> Contradiction:
    """An element's list of projects (section 4.1) and a project's main result (chapter 5) disagree."""
    element, project = relation.element, relation.project
    listed = (
        Said(
            f"afsnit {element.section}, listen over puljeprojekter", element.projects.pages, relation.mention.as_written
        )
        if relation.mention
        else Said(
            f"afsnit {element.section}, listen over puljeprojekter",
            element.projects.pages,
            "Projektet står ikke på listen.",
            verbatim=False,
        )
    )
    main = "Hovedresultatet nævner elementet." if relation.in_main_result else "Hovedresultatet nævner ikke elementet."
    return Contradiction(
        key=f"liste-{element.id}-{project.id}",
        kind="lister",
        topic=f"{element.name} og {project_label(catalogue, project)}",
        source=catalogue.source_of(project),
        readings=[
            listed,
            Said(f"afsnit {project.section}, Hovedresultat", project.elements.pages, main, verbatim=False),
        ],
        note="Elementets afsnit og projektets hovedresultat er ikke enige om, at projektet har arbejdet med "
        "elementet. Sitet viser sammenhængen begge steder og siger, hvilken del af rapporten der nævner den.",
        shown=[
            Shown(element.name, element_path(element), "puljeprojekter-der-har-arbejdet-med-elementet"),
            Shown(project_label(catalogue, project), project_path(project), "betydningsfulde-elementer"),
        ],
    )


def contradictions_pages(catalogue: Catalogue) -> list[Page]:
    """Every contradiction, by kind: on one page, or with more than ``paging.ROWS_PER_PAGE`` that many a page
    (``om/uoverensstemmelser/side-2/`` …) under a pager, each page with the counts of every kind and where each
    kind begins."""
    found = all_contradictions(catalogue)
    ordered = [c for kind in DISCREPANCY_KIND_LABELS for c in found if c.kind == kind]
    counts = {kind: sum(1 for c in found if c.kind == kind) for kind in DISCREPANCY_KIND_LABELS}
    # The documents the site publishes (a source without a seed file is a named public source of figures).
    documents = [s for s in catalogue.sources.values() if s.seed_file]
    sources = [(s, sum(1 for c in found if c.source.id == s.id)) for s in documents]
    chunks = paging.slices(ordered)
    pagers = paging.pagers(CONTRADICTIONS_PATH, "", len(ordered)) if len(chunks) > 1 else [None]
    starts: dict[str, int] = {}  # the page each kind begins on
    for number, chunk in enumerate(chunks, start=1):
        for c in chunk:
            starts.setdefault(c.kind, number)
    labels = [(kind, label) for kind, label in DISCREPANCY_KIND_LABELS.items() if counts[kind]]
    pages = []
    for number, (chunk, pager) in enumerate(zip(chunks, pagers, strict=True), start=1):
        path = paged_path(CONTRADICTIONS_PATH, number)
        href = hrefer(path)
        begins = {
            k: Markup("") if at == number else href(paged_path(CONTRADICTIONS_PATH, at)) for k, at in starts.items()
        }
        pages.append(
            render_page(
                path,
                paging.title_of(CONTRADICTIONS_TITLE, pager),
                "data/projects.yaml",
                "contradictions.md.j2",
                total=len(found),
                strip=[(kind, label, counts[kind], begins[kind]) for kind, label in labels],
                kinds=[
                    (kind, label, counts[kind], starts[kind] < number, [c for c in chunk if c.kind == kind])
                    for kind, label in labels
                    if any(c.kind == kind for c in chunk)
                ],
                sources=sources,
                pager=pager,
                shown_places=SHOWN_PLACES,
            )
        )
    return pages
