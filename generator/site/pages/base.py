"""What every page family shares: the Page, rendering one template, and small text helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from markupsafe import Markup

from ...data.catalogue import Catalogue
from ...data.models import Element, ElementGroup, Locator, Project
from .. import paging
from ..caveats import Footnotes
from ..paging import Paged, Pager, Part, inert_json, title_of
from ..render import TEMPLATES_DIR, render
from ..urls import URLS, hrefer, linker, overview_options_path


@dataclass(frozen=True)
class Filter:
    """One select of a table's filter form (templates/_macros.md.j2): its field, label and choices."""

    name: str
    label: str
    everything: str  # the first choice, which filters nothing
    options: list[tuple[str, str]]  # (value, text)
    remote: bool = False  # its options are in a paged overview's data file (site/paging.py), not in the page


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes, what it says, and which data file it comes from."""

    path: str
    title: str
    text: bytes  # its Markdown in UTF-8, as written: half the memory of the str, which Danish text with a dash makes
    origin: str  # the file it is made from, from the project root, e.g. data/projects.yaml
    line: int | None = None  # where in ``origin`` its entry starts, if it is made from one entry
    template: str | None = None  # the template with the page's fixed wording, from the project root
    files: tuple[tuple[str, bytes], ...] = ()  # files published with it: a paged overview's rows (site/paging.py)

    @property
    def markdown(self) -> str:
        return self.text.decode("utf-8")


def render_page(
    path: str,
    title: str,
    origin: str,
    template: str,
    *,
    line: int | None = None,
    attached: tuple[tuple[str, bytes], ...] = (),
    **context: Any,
) -> Page:
    markdown = render(template, link=linker(path), href=hrefer(path), urls=URLS, title=title, **context)
    text = markdown.encode("utf-8")
    return Page(path, title, text, origin, line, template=f"{TEMPLATES_DIR}/{template}", files=attached)


def render_parts(
    paged: Paged[Any],
    title: str,
    origin: str,
    template: str,
    *,
    footnotes: Footnotes | None = None,
    places: Callable[[Part[Any]], set[str]] = lambda part: set(),
    per_part: Callable[[Part[Any]], dict[str, Any]] = lambda part: {},
    **context: Any,
) -> list[Page]:
    """The pages of a paged overview (site/paging.py): each with its path, title, rows, pager and what
    ``per_part`` gives it. With ``footnotes``, a page lists the notes of the ``places`` its numbers stand at (all
    of them when the overview is one page), and page 1 carries the data file with every row and every note."""
    data = paged.data(footnotes.notes if footnotes else [])
    if paged.split and "filters" in context:
        context["filters"], options = remote_filters(context["filters"])
        data += ((overview_options_path(paged.name), inert_json(options)),)
    pages = []
    for part in paged.parts:
        if footnotes:
            context["notes"] = footnotes.notes_at(places(part)) if paged.split else footnotes.notes
        page = render_page(
            part.path,
            title_of(title, part.pager),
            origin,
            template,
            attached=data if part.pager is None or part.pager.number == 1 else (),
            rows_html=part.html,
            pager=part.pager,
            **per_part(part),
            **context,
        )
        pages.append(searched_once(page, part.pager))
    return pages


# Front matter of an overview's numbered pages (Material's search reads it): they repeat rows whose own pages the
# search finds, so only page 1 of an overview is in the search index, which then does not grow with them.
NOT_SEARCHED = "---\nsearch:\n  exclude: true\n---\n\n"


def searched_once(page: Page, pager: Pager | None) -> Page:
    """The page as it is if it is an overview's first page; a later page kept out of the search index."""
    return page if pager is None or pager.number == 1 else replace(page, text=NOT_SEARCHED.encode("utf-8") + page.text)


def remote_filters(filters: list[Filter]) -> tuple[list[Filter], dict[str, list[tuple[str, str]]]]:
    """Filters, those with more choices than an overview page has rows (elements, projects, municipalities: they
    grow with the data) without their choices, and those choices for the page's data file (filled by its script)."""
    long = {f.name: f.options for f in filters if len(f.options) > paging.ROWS_PER_PAGE}
    shown = [Filter(f.name, f.label, f.everything, [], remote=True) if f.name in long else f for f in filters]
    return shown, long


def project_line(catalogue: Catalogue, project: Project) -> str:
    """How the report itself refers to a project in its lists: 'Titel, Kommune (afsnit 5.2)'."""
    return f"{project.title}, {catalogue.municipality_of(project).name} (afsnit {project.section})"


def citation(catalogue: Catalogue, entries: list[Element] | list[Project]) -> str:
    """'Evalueringsrapporten (Titel), afsnit 4.1' for the documents and sections a list of entries comes from."""
    sources = [catalogue.sources[i] for i in dict.fromkeys(entry.source for entry in entries)]
    documents = "; ".join(f"{s.short_name} ({s.title})" for s in sources)
    return f"{documents}, {sections_label(entries)}"


def sections_label(entries: list[Element] | list[Project]) -> str:
    """'afsnit 4.1' or 'kapitel 5': the part of the report the entries come from."""
    span = section_span([entry.section for entry in entries])
    return f"{'afsnit' if '.' in span else 'kapitel'} {span}"


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


def located(locator: Locator) -> str:
    """'afsnit X, s. 4' / 'afsnit X' / 's. 4' for a place in a source."""
    parts = [locator.where] if locator.where else []
    if locator.pages is not None:
        parts.append(f"s. {locator.pages}")
    return ", ".join(parts)


def script_json(data: object) -> Markup:
    """JSON that is safe inside a <script> element: no '<', '>' or '&' that could end it."""
    return Markup(inert_json(data, sort_keys=True).decode("utf-8"))
