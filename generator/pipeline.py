"""The whole pipeline in one call: data and hand-written content in, a docs tree out.

``build_site`` is what both the command line and the MkDocs adapter call. It
knows nothing about MkDocs: it returns Markdown files and a navigation tree in
the plain list form that ``mkdocs.yml``'s ``nav`` uses.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import escape
from pathlib import Path
from typing import Any

from .data.catalogue import DATA_FILES, Catalogue, load_catalogue
from .data.problems import DataError, Position, Problem
from .data.read import UnsafeFile, outside, read_regular_file
from .output.downloads import downloads
from .output.editing import Origin
from .site.economy import BUDGET_PATH, ECONOMY_PATH, budget_page, economy_page
from .site.explorer import EXPLORER_TITLE, explorer_page
from .site.pages import (
    EXPLORER_PATH,
    Page,
    element_page,
    element_path,
    elements_index_page,
    evaluation_page,
    home_page,
    project_page,
    project_path,
    projects_index_page,
    sources_page,
)
from .site.reference import REFERENCE_DIR, REFERENCE_INDEX, REFERENCE_TITLE, reference_pages, reference_path
from .site.source_pages import navigation_entries, source_pages

CONTENT_DIR = "content"
DATA_DIR = "data"
DOCS_DIR = "build/docs"


@dataclass
class Site:
    catalogue: Catalogue
    pages: list[Page]
    content: dict[str, bytes]
    nav: list[Any]
    downloads: dict[str, bytes]  # generated files that are not pages, e.g. the cost CSV

    @property
    def warnings(self) -> list[Problem]:
        return self.catalogue.warnings

    def origins(self) -> dict[str, Origin]:
        """For every page of the docs tree, the file (and line) a maintainer edits to change it."""
        found = {path: Origin(f"{CONTENT_DIR}/{path}") for path in self.content if path.endswith(".md")}
        found.update({page.path: Origin(page.origin, page.line, page.template) for page in self.pages})
        return found

    def files(self) -> dict[str, bytes]:
        """Every file of the docs tree: hand-written content plus generated pages."""
        files = dict(self.content)
        files.update({page.path: page.markdown.encode("utf-8") for page in self.pages})
        files.update(self.downloads)
        return files


def read_content(root: Path) -> dict[str, bytes]:
    """The hand-written files under content/ (dot-files skipped), or DataError.

    Only the project's own regular files are published: a symbolic link (to a file or a folder),
    a FIFO or device, a file too large, or a content/ folder that leads elsewhere is an error
    naming the file, never followed; a link could otherwise publish any file of the machine.
    """
    base = root / CONTENT_DIR
    if base.is_symlink() or (base.exists() and outside(base, root)):
        message = "is a symbolic link; content/ must be a folder of the project itself"
        raise DataError([Problem(CONTENT_DIR, None, "", message)])
    found: dict[str, bytes] = {}
    problems: list[Problem] = []
    pending = [base] if base.is_dir() else []
    while pending:
        folder = pending.pop()
        for entry in sorted(os.scandir(folder), key=lambda e: e.name):
            path = Path(entry.path)
            shown = f"{CONTENT_DIR}/{path.relative_to(base).as_posix()}"
            if entry.name.startswith("."):
                continue
            if entry.is_dir(follow_symlinks=False):
                pending.append(path)
                continue
            try:
                found[path.relative_to(base).as_posix()] = read_regular_file(path)
            except UnsafeFile as exc:
                problems.append(Problem(shown, None, "", str(exc)))
    if problems:
        raise DataError(problems)
    return dict(sorted(found.items()))


def navigation(catalogue: Catalogue, paths: list[str]) -> list[Any]:
    """The site navigation: fixed sections, filled from the catalogue and the pages present."""
    elements = [
        {group.name: [{e.name: element_path(e)} for e in catalogue.elements.values() if e.group == group.id]}
        for group in catalogue.groups.values()
    ]
    projects = [
        {f"{catalogue.municipality_of(p).short_name}: {p.title}": project_path(p)} for p in catalogue.projects.values()
    ]
    about = sorted(
        p
        for p in paths
        if p.startswith("om/") and p.endswith(".md") and p != "om/index.md" and not p.startswith(REFERENCE_DIR + "/")
    )
    reference = [REFERENCE_INDEX, *({f"data/{name}": reference_path(name)} for name in DATA_FILES)]
    return [
        {"Forside": "index.md"},
        {"Elementer": ["elementer/index.md", {EXPLORER_TITLE: EXPLORER_PATH}, *elements]},
        {"Puljeprojekter": ["puljeprojekter/index.md", *projects]},
        {"Økonomi": [ECONOMY_PATH, {"Budgetberegner": BUDGET_PATH}]},
        *({title: entry} for title, entry in navigation_entries(catalogue).items()),
        {"Om": ["om/index.md", *about, {REFERENCE_TITLE: reference}]},
    ]


def html_navigation(nav: list[Any]) -> list[Any]:
    """The navigation with every title escaped for HTML, as a builder's theme needs it.

    Titles come from the data (project titles, element and municipality names), and themes print
    navigation titles as raw HTML (Material's ``nav-item.html`` does). This is the one boundary
    where they are escaped; the entries' paths are ours and stay as they are.
    """

    def entry(item: Any) -> Any:
        if isinstance(item, dict):
            return {escape(title, quote=True): entry(value) for title, value in item.items()}
        if isinstance(item, list):
            return [entry(value) for value in item]
        return item

    return entry(nav)


def all_pages(catalogue: Catalogue) -> Iterator[Page]:
    yield home_page(catalogue)
    yield elements_index_page(catalogue)
    yield explorer_page(catalogue)  # before the element pages: an element id that clashes is the one reported
    for element in catalogue.elements.values():
        yield element_page(catalogue, element)
    yield projects_index_page(catalogue)
    for project in catalogue.projects.values():
        yield project_page(catalogue, project)
    yield economy_page(catalogue)
    yield budget_page(catalogue)
    yield from source_pages(catalogue)
    yield evaluation_page(catalogue)
    yield sources_page(catalogue)
    yield from reference_pages(catalogue)


_ANCHOR = re.compile(r"\{ #([^\s}]+) \}|\sid=\"([^\"]+)\"")


def duplicate_anchors(pages: list[Page]) -> list[Problem]:
    """An id from the data (an activity, a case) that one page would also use for a heading or another entry.

    The ids are collected from the rendered Markdown, where every heading's id is written out, so no list of
    a template's headings is kept by hand.
    """
    problems = []
    for page in pages:
        seen: set[str] = set()
        for match in _ANCHOR.finditer(page.markdown):
            anchor = match.group(1) or match.group(2)
            if anchor in seen:
                position = Position(page.line, 1) if page.line else None
                message = f"'{anchor}' would be two places on the page {page.path}; choose another id"
                problems.append(Problem(page.origin, position, "id", message))
            seen.add(anchor)
    return problems


def build_site(root: Path) -> Site:
    """Validate all data under ``root`` and produce every page, or raise DataError."""
    found: list[Problem] = []
    try:
        content = read_content(root)
    except DataError as exc:
        found = exc.problems
    try:
        catalogue = load_catalogue(root / DATA_DIR, root)
    except DataError as exc:
        raise DataError([*found, *exc.problems]) from None
    if found:
        raise DataError(found)
    pages = list(all_pages(catalogue))
    problems = [
        Problem(
            f"{CONTENT_DIR}/{p.path}",
            None,
            "",
            f"this file would hide the generated page from {p.origin}; rename or remove it",
        )
        for p in pages
        if p.path in content
    ]
    first: dict[str, Page] = {}
    for page in pages:
        if page.path in first:
            problems.append(
                Problem(
                    page.origin,
                    None,
                    "id",
                    f"the page for {page.title!r} would be {page.path}, which is already the page for "
                    f"{first[page.path].title!r}; choose another id",
                )
            )
        first.setdefault(page.path, page)
    problems += duplicate_anchors(pages)
    if problems:
        raise DataError(problems)
    nav = navigation(catalogue, sorted({*content, *(p.path for p in pages)}))
    return Site(catalogue, pages, content, nav, downloads=downloads(catalogue))
