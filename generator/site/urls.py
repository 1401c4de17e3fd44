"""Where every page lives, and links between pages: paths are written here, never in templates."""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from ..data.models import Element, Municipality, Programme, Project, ReportChapter

# Fixed pages and downloads, from the docs tree's root.
HOME_PATH = "index.md"
ELEMENTS_PATH = "elementer/index.md"
EXPLORER_PATH = "elementer/sammensaet.md"  # the combination explorer
ELEMENTS_COMPARE_PATH = "elementer/sammenlign.md"  # two to four elements side by side (?id=…&id=…)
PROJECTS_PATH = "puljeprojekter/index.md"
PROJECTS_COMPARE_PATH = "puljeprojekter/sammenlign.md"  # two to four projects side by side (?id=…&id=…)
ECONOMY_PATH = "oekonomi/index.md"
BUDGET_PATH = "oekonomi/budget.md"
PROGRAMMES_PATH = "programmer/index.md"
CASES_PATH = "kommunale-eksempler/index.md"
RECOMMENDATIONS_PATH = "anbefalinger/index.md"
MUNICIPALITIES_PATH = "kommuner/index.md"
ABOUT_PATH = "om/index.md"  # hand-written, in content/
EVALUATION_PATH = "om/evalueringen.md"
EVIDENCE_PATH = "om/hvad-evalueringen-kan-vise.md"  # what the evaluation can and cannot show
REPORT_DIR = "om/rapporten"  # the rest of the report, one page per chapter
REPORT_INDEX = f"{REPORT_DIR}/index.md"
SOURCES_PATH = "om/kilder.md"
CONTRADICTIONS_PATH = "om/uoverensstemmelser.md"  # every contradiction of the sources, by kind
REFERENCE_DIR = "om/dataformat"  # the data-format pages, one per data file
REFERENCE_INDEX = f"{REFERENCE_DIR}/index.md"
XLSX_PATH = "oekonomi/omkostninger.xlsx"
CSV_PATH = "oekonomi/omkostninger.csv"
JSON_PATH = "data/vidensbase.json"
SCHEMA_PATH = "data/vidensbase.schema.json"
BUDGET_SCRIPT = "assets/javascripts/budget.js"  # the budget calculator, loaded only on its page
BUDGET_DATA_PATH = "data/budgetberegner.json"  # its activities and data, when there are more than a page shows
EXPLORER_SCRIPT = "assets/javascripts/combinations.js"  # the combination explorer, loaded only on its page
EXPLORER_DATA_PATH = (
    "data/sammensaet.json"  # its data, when there are more elements, projects or activities than a page shows
)
OVERVIEW_SCRIPT = "assets/javascripts/overviews.js"  # filters and sort of the two overviews, loaded only there
COMPARE_SCRIPT = "assets/javascripts/compare.js"  # fills the comparison table, loaded only on the two compare pages
COMPARE_DATA_DIR = "data/sammenlign"  # one small JSON per entry: its comparison rows as escaped HTML
BRIEF_SCRIPT = "assets/javascripts/brief.js"  # "Print et beslutningsoplæg": element, project and comparison pages
TABLES_SCRIPT = "assets/javascripts/tables.js"  # filter forms, sortable tables, the page scripts' helpers
SORT_SCRIPTS = (  # vendored Tablesort, for the sortable tables only
    "assets/javascripts/vendor/tablesort/tablesort.min.js",
    "assets/javascripts/vendor/tablesort/tablesort.number.min.js",
)
PAGING_SCRIPT = "assets/javascripts/paging.js"  # an overview's rows beyond its page, loaded only where it has more
OVERVIEW_DATA_DIR = "data/oversigter"  # one JSON per paged overview: every row as escaped HTML (site/paging.py)


@dataclass(frozen=True)
class Urls:
    """The fixed pages and downloads by name, as templates receive them: ``link(urls.economy)``."""

    home: str = HOME_PATH
    elements: str = ELEMENTS_PATH
    explorer: str = EXPLORER_PATH
    elements_compare: str = ELEMENTS_COMPARE_PATH
    projects: str = PROJECTS_PATH
    projects_compare: str = PROJECTS_COMPARE_PATH
    economy: str = ECONOMY_PATH
    budget: str = BUDGET_PATH
    programmes: str = PROGRAMMES_PATH
    cases: str = CASES_PATH
    recommendations: str = RECOMMENDATIONS_PATH
    municipalities: str = MUNICIPALITIES_PATH
    about: str = ABOUT_PATH
    evaluation: str = EVALUATION_PATH
    evidence: str = EVIDENCE_PATH
    report: str = REPORT_INDEX
    sources: str = SOURCES_PATH
    contradictions: str = CONTRADICTIONS_PATH
    data_format: str = REFERENCE_INDEX
    xlsx: str = XLSX_PATH
    csv: str = CSV_PATH
    json: str = JSON_PATH
    json_schema: str = SCHEMA_PATH
    overview_script: str = OVERVIEW_SCRIPT
    budget_script: str = BUDGET_SCRIPT
    explorer_script: str = EXPLORER_SCRIPT
    compare_script: str = COMPARE_SCRIPT
    paging_script: str = PAGING_SCRIPT
    tables_script: str = TABLES_SCRIPT
    sort_scripts: tuple[str, ...] = SORT_SCRIPTS


URLS = Urls()


def element_path(element: Element) -> str:
    return f"elementer/{element.id}.md"


def project_path(project: Project) -> str:
    return f"puljeprojekter/{project.id}.md"


def programme_path(programme: Programme) -> str:
    return f"programmer/{programme.id}.md"


def municipality_path(municipality: Municipality) -> str:
    return f"kommuner/{municipality.id}.md"


def compare_data_dir(kind: str) -> str:
    """The folder of one kind's comparison JSON ('elementer' or 'puljeprojekter'), one file per entry."""
    return f"{COMPARE_DATA_DIR}/{kind}"


def compare_data_path(kind: str, entry_id: str) -> str:
    return f"{compare_data_dir(kind)}/{entry_id}.json"


def paged_path(root: str, number: int, part: str = "") -> str:
    """Page ``number`` of the overview (or long table) whose first page is ``root``: beside a folder's index
    (puljeprojekter/index.md -> puljeprojekter/side-2.md), else in a folder named after the page
    (om/evalueringen.md -> om/evalueringen/side-2.md); with ``part``, in a folder of that name there (for a page
    with two long tables: elementer/sammensaet/projekter/side-2.md)."""
    if number == 1:
        return root
    folder = posixpath.dirname(root) if posixpath.basename(root) == "index.md" else root.removesuffix(".md")
    return posixpath.join(folder, part, f"side-{number}.md")


def overview_data_path(name: str) -> str:
    """The JSON of a paged overview's rows ('puljeprojekter', 'oekonomi', ...)."""
    return f"{OVERVIEW_DATA_DIR}/{name}.json"


def overview_options_path(name: str) -> str:
    """The JSON of a paged overview's long filters' choices, which grow with the data."""
    return f"{OVERVIEW_DATA_DIR}/{name}-valg.json"


def chapter_path(chapter: ReportChapter) -> str:
    return f"{REPORT_DIR}/{chapter.id}.md"


def _target_path(target: Any) -> str:
    if isinstance(target, Element):
        return element_path(target)
    if isinstance(target, Project):
        return project_path(target)
    if isinstance(target, Programme):
        return programme_path(target)
    if isinstance(target, Municipality):
        return municipality_path(target)
    if isinstance(target, ReportChapter):
        return chapter_path(target)
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


def discrepancy_anchor(key: str) -> str:
    """The id of a contradiction's heading on the entry page that shows it (its id in the data, or a computed key)."""
    return f"uoverensstemmelse-{key}"


def reference_path(data_file: str) -> str:
    return f"{REFERENCE_DIR}/{data_file.removesuffix('.yaml')}.md"
