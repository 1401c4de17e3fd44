"""The whole pipeline in one call: data and hand-written content in, a docs tree out.

``build_site`` is what both the command line and the MkDocs adapter call. It
knows nothing about MkDocs: it returns Markdown files and a navigation tree in
the plain list form that ``mkdocs.yml``'s ``nav`` uses.

``generator build`` runs the pipeline once: it writes the docs tree and, beside it, the
``BuilderData`` a builder needs besides the Markdown (navigation, search synonyms, where each page
comes from); the builder it starts reads that file instead of generating again.
"""

from __future__ import annotations

import functools
import json
import os
import re
from collections.abc import Iterator, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from .data.catalogue import Catalogue, load_catalogue
from .data.files import UnsafeFile, outside, read_regular_file
from .data.problems import DataError, Position, Problem
from .output.downloads import downloads
from .output.editing import Origin
from .site.navigation import navigation, off_menu
from .site.pages import all_pages
from .site.pages.base import Page
from .site.search import Facets, facets_html, page_facets

CONTENT_DIR = "content"
DATA_DIR = "data"
DOCS_DIR = "build/docs"
BUILDER_DATA = "build/builder.json"  # beside the docs tree, not in it: the builder must not publish it
PROJECT_CONFIG = "mkdocs.yml"
# The builder-neutral configuration `generate` writes beside the tree (mkdocs, properdocs and zensical read it).
BUILDER_CONFIG = "build/mkdocs.yml"
# Where a site built from BUILDER_CONFIG goes unless `generate --site-dir` says otherwise; Zensical wants the
# site folder inside the configuration file's folder.
BUILDER_SITE_DIR = "build/site"
# Set by `generator build` for the builder it starts: the BuilderData file of the tree just generated.
BUILDER_DATA_ENV = "KB_BUILDER_DATA"


@dataclass(frozen=True)
class BuilderData:
    """What a builder needs besides the docs tree; plain data, written and read as JSON."""

    nav: list[Any]  # as ``Site.nav``: titles not yet escaped
    synonyms: dict[str, list[str]]
    origins: dict[str, Origin]
    warnings: int  # how many places the sources disagree (the builder only mentions the count)
    off_menu: list[str]  # not_in_nav patterns of the entries the menu leaves out (navigation.off_menu)

    def to_json(self) -> bytes:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1).encode("utf-8")

    @classmethod
    def from_json(cls, data: bytes) -> BuilderData:
        raw = json.loads(data)
        origins = {path: Origin(**origin) for path, origin in raw["origins"].items()}
        return cls(raw["nav"], raw["synonyms"], origins, raw["warnings"], raw["off_menu"])


@dataclass
class Site:
    catalogue: Catalogue
    pages: list[Page]
    content: dict[str, bytes]
    nav: list[Any]

    @functools.cached_property
    def downloads(self) -> dict[str, bytes]:
        """Generated files that are not pages, e.g. the cost CSV; made when first asked for (a served edit
        shows its pages before they are made)."""
        return downloads(self.catalogue)

    @functools.cached_property
    def facets(self) -> dict[str, Facets]:
        """What the search knows of each page (site/search.py), which its Markdown ends with."""
        return page_facets(self.catalogue)

    @property
    def warnings(self) -> list[Problem]:
        return self.catalogue.warnings

    def origins(self) -> dict[str, Origin]:
        """For every page of the docs tree, the file (and line) a maintainer edits to change it."""
        found = {path: Origin(f"{CONTENT_DIR}/{path}") for path in self.content if path.endswith(".md")}
        found.update({page.path: Origin(page.origin, page.line, page.template) for page in self.pages})
        return found

    def builder_data(self) -> BuilderData:
        return BuilderData(
            self.nav, self.catalogue.synonyms, self.origins(), len(self.warnings), off_menu(self.catalogue)
        )

    def files(self) -> TreeFiles:
        """Every file of the docs tree: hand-written content plus generated pages and downloads."""
        return TreeFiles(self, with_downloads=True)

    def pages_and_content(self) -> dict[str, bytes]:
        """The docs tree but the downloads; every page ends with what the search knows of it (site/search.py)."""
        return dict(TreeFiles(self, with_downloads=False))


class TreeFiles(Mapping[str, bytes]):
    """The files of a site's docs tree by path, each page's bytes made when asked for.

    A writer that takes one file at a time (``sync_tree``) then never holds every page twice, as text
    and as bytes: at 100 times today's data the pages' bytes alone are over 100 MB.
    """

    def __init__(self, site: Site, *, with_downloads: bool) -> None:
        self._facets = site.facets
        # Later sources win, as they always have: pages over content, a page's files over both, downloads last;
        # the Markdown of content and pages ends with what the search knows of the page (site/search.py).
        self._sources: dict[str, bytes | Page] = dict(site.content)
        self._sources.update({page.path: page for page in site.pages})
        self._finished = {path for path in self._sources if path.endswith(".md")}
        attached = {path: data for page in site.pages for path, data in page.files}
        if with_downloads:
            attached.update(site.downloads)
        self._sources.update(attached)
        self._finished -= attached.keys()

    def __getitem__(self, path: str) -> bytes:
        source = self._sources[path]
        data = source.text if isinstance(source, Page) else source
        if path in self._finished:
            data += facets_html(self._facets.get(path, Facets("side"))).encode("utf-8")
        return data

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


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
    return Site(catalogue, pages, content, nav)
