"""The rest of the report (Om → Rapporten, one page per chapter) and what the evaluation can and cannot show."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from ...data.catalogue import Catalogue
from ...data.contradictions import table1_named
from ...data.models import PageRange, Project, ReportChapter, ReportFigure, ReportTable1
from ..chart import Bar, bar_chart
from ..labels import DAYCARE_LABELS, PARTNER_LABELS
from ..paging import ROWS_TEMPLATE
from ..render import macros
from ..urls import EVIDENCE_PATH, REPORT_INDEX, chapter_path, discrepancy_anchor
from .base import Page, render_page
from .contradictions import EVIDENCE_TITLE, REPORT_TITLE, TABLE1_KEY, report_contradictions
from .long_tables import long_table

FILE = "report.yaml"
CHART_ID = "figurernes-grundlag"


@dataclass(frozen=True)
class Heading:
    """A section's heading on its chapter page: its Markdown level and its text with the report's number."""

    level: Markup  # '##', '###' … (ours: a template must not escape it)
    text: str


@dataclass(frozen=True)
class Table1Row:
    """A project's row of table 1: the marks the table has, and the partners and daycare types its text names."""

    project: Project
    municipality: str
    marks: int
    named: list[str]
    differs: bool  # the counts differ: the project page shows both (anchor ``differs_anchor``)
    differs_anchor: str


def headings(chapter: ReportChapter) -> dict[str, Heading]:
    """Numbered sections by their depth (2.1 → ##, 4.3.1 → ###); a box one level below the section before it."""
    found, box = {}, 2  # a box before the first numbered section is a section of the chapter
    for section in chapter.sections:
        if section.number:
            level = section.number.count(".") + 1
            found[section.id] = Heading(Markup("#" * level), f"{section.number} {section.heading}")
            box = min(level + 1, 6)
        else:
            found[section.id] = Heading(Markup("#" * box), section.heading)
    return found


def table1_rows(catalogue: Catalogue) -> list[Table1Row]:
    rows = []
    for project in catalogue.projects.values():
        named = [PARTNER_LABELS[k] for k in project.partners] + [DAYCARE_LABELS[k] for k in project.daycare_types]
        rows.append(
            Table1Row(
                project=project,
                municipality=catalogue.municipality_of(project).short_name,
                marks=project.table1.marks,
                named=named,
                differs=table1_named(project) != project.table1.marks,
                differs_anchor=discrepancy_anchor(TABLE1_KEY),
            )
        )
    return rows


def figures_chart(figures: list[ReportFigure]) -> Markup:
    """How many pool projects each of the report's collaboration figures rests on (the report's own counts)."""
    counted = [f for f in figures if f.projects]
    numbers = f"{counted[0].number}–{counted[-1].number}" if len(counted) > 1 else str(counted[0].number)
    bars = [Bar(f"Figur {f.number}", Decimal(f.projects.value), f.projects.figure) for f in counted if f.projects]
    description = "; ".join(f"figur {f.number}: {f.projects.figure} puljeprojekter" for f in counted if f.projects)
    return bar_chart(
        bars,
        title=f"Antal puljeprojekter, som figur {numbers} bygger på",
        description=f"Én søjle pr. figur: {description}. Tabellen under diagrammet viser det samme.",
        chart_id=CHART_ID,
        label_width=90,
    )


def chapter_pages(catalogue: Catalogue, chapter: ReportChapter) -> list[Page]:
    """A chapter of the report, and the numbered pages of its table 1 (a row per project) when that is long."""
    report = catalogue.report
    path = chapter_path(chapter)
    document = catalogue.documents.get(FILE)
    index = report.chapters.index(chapter)
    position = document.position(("report", "chapters", index)) if document else None
    title = f"{chapter.number}. {chapter.heading}"
    blocks = [*chapter.blocks, *(block for section in chapter.sections for block in section.blocks)]
    table1 = next((block for block in blocks if isinstance(block, ReportTable1)), None)
    table = (
        long_table(
            path,
            table1_rows(catalogue),
            "table1_row",
            caption=table1.title,
            head=Markup(macros(ROWS_TEMPLATE).table1_head()),
            owner=title,
            origin=f"data/{FILE}",
        )
        if table1
        else None
    )
    page = render_page(
        path,
        title,
        f"data/{FILE}",
        "report_chapter.md.j2",
        line=position.line if position else None,
        chapter=chapter,
        headings=headings(chapter),
        source=catalogue.sources[report.source],
        table1=table,
        chapters=report.chapters,
    )
    return [page, *(table.pages if table else [])]


def report_index_page(catalogue: Catalogue) -> Page:
    report = catalogue.report
    return render_page(
        REPORT_INDEX,
        REPORT_TITLE,
        f"data/{FILE}",
        "report_index.md.j2",
        chapters=report.chapters,
        source=catalogue.sources[report.source],
        discrepancies=report_contradictions(catalogue),
    )


def evidence_page(catalogue: Catalogue) -> Page:
    report = catalogue.report
    points = [
        (point, report.chapter_of(point.section), report.section(point.section)) for point in report.evidence.points
    ]
    figures = [f for f in report.figures if f.projects]
    pages = [p for f in figures for p in (f.pages, f.projects.pages, *([f.responses.pages] if f.responses else []))]
    return render_page(
        EVIDENCE_PATH,
        EVIDENCE_TITLE,
        f"data/{FILE}",
        "evidence.md.j2",
        evidence=report.evidence,
        points=points,
        figures=figures,
        chart=figures_chart(figures) if figures else None,
        figure_pages=PageRange(first=min(p.first for p in pages), last=max(p.last for p in pages)) if pages else None,
        headings={c.id: headings(c) for c in report.chapters},
        source=catalogue.sources[report.source],
        discrepancies=report_contradictions(catalogue),
    )
