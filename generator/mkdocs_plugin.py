"""The thin adapter into MkDocs: generate the docs tree and the navigation before each build.

All logic lives in the generator core (``build_site``); this file only hands its
results to MkDocs, so moving to another builder means replacing these lines. Under
``generator build`` the tree is already generated: the command names the file with the
navigation and the rest (``BUILDER_DATA_ENV``), and nothing is generated here a second time.

``mkdocs serve --dirty`` (what ``scripts/serve`` runs) rebuilds only the pages whose Markdown
changed, so an edit shows at once. The pages made from the edited file come first: other pages the
edit changed (an overview that shows the edited title, say) are written and rebuilt right after them,
and when the edit also changed the navigation, so are all other pages, so that every menu shows it
too. The search index (Pagefind, generator/output/pagefind.py) is made after each build, as after any builder;
while serving, only after the last rebuild of an edit.
"""

from __future__ import annotations

import hashlib
import logging
import os
import time
from pathlib import Path
from typing import Any

from jinja2 import BytecodeCache, Environment
from jinja2.bccache import Bucket
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from pathspec.gitignore import GitIgnoreSpec
from watchdog.observers.polling import PollingObserver

from .data.problems import DataError, errors
from .output.editing import EditLink, edit_link, repository_url
from .output.pagefind import search_index
from .output.search import Enricher
from .output.write import hold_back, sync_tree, with_other_files_kept
from .pipeline import BUILDER_DATA_ENV, CONTENT_DIR, DATA_DIR, BuilderData, Site, build_site
from .site.navigation import html_navigation
from .site.render import TEMPLATES

log = logging.getLogger("mkdocs.plugins.knowledge_base")

# Touched while serving to ask the server for one more rebuild (see _rebuild_every_page).
WAKE_DIR = "build/.serve"
# How often the server looks for a saved file (MkDocs' own 0.5 s is up to half a second of every edit).
WATCH_INTERVAL = 0.05


class CompiledTemplates(BytecodeCache):
    """The theme's templates compiled once per server, not once per rebuild.

    MkDocs makes a new Jinja environment for every build; Jinja checks each entry against the
    template's source (a checksum), so an edited template is compiled again.
    """

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.code:
            bucket.bytecode_from_string(self.code[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


class ThemeFiles:
    """The theme's static files listed once per server, not once per rebuild (a tenth of a second each time).

    MkDocs lists every file of the theme's folders for each build (Material has about 1,400), through the
    Jinja environment it makes for the build. The list is kept until a file in a folder of the theme that
    can change (``custom_dir``, our overrides) comes, goes or moves.
    """

    def __init__(self) -> None:
        self.listed: dict[tuple[Any, ...], list[str]] = {}

    def install(self, config: MkDocsConfig) -> None:
        """Have the environments the theme makes for this build list its files from here."""
        theme = config.theme
        make_env = theme.get_env

        def get_env() -> Environment:
            env = make_env()
            list_templates = env.list_templates

            def listed(extensions: Any = None, filter_func: Any = None) -> list[str]:
                # MkDocs' filter is a new function each build, with the same code and settings
                what = (
                    getattr(filter_func, "__code__", filter_func),
                    tuple(sorted(theme.static_templates)),
                    extensions,
                )
                key = (tuple(theme.dirs), what, _tree(theme.custom_dir))
                if key not in self.listed:
                    self.listed = {key: list_templates(extensions, filter_func)}
                return self.listed[key]

            env.list_templates = listed  # type: ignore[method-assign]
            return env

        theme.get_env = get_env  # type: ignore[method-assign]


def _tree(folder: str | None) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What is in ``folder``, to tell when a listing of it is out of date."""
    if not folder:
        return ()
    return tuple((root, tuple(sorted(files))) for root, _dirs, files in sorted(os.walk(folder)))


class KnowledgeBasePlugin(BasePlugin):
    command: str | None = None
    dirty = False
    synonyms: dict[str, list[str]] | None = None
    edit_links: dict[str, EditLink] | None = None
    nav: list[Any] | None = None  # of the last generation that worked
    menus_behind = False  # a dirty rebuild changed the navigation; the pages it did not rebuild show the old one
    later: Site | None = None  # the site whose other files to write once the edited file's pages are shown
    stamps: dict[str, bytes] | None = None  # data and content files as of the last generation

    def __init__(self) -> None:
        super().__init__()
        self.indexed_here = True  # False under `generator build`, which indexes the site itself
        self.enricher = Enricher()  # remembers each page's compound parts from one rebuild to the next

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this hook also makes MkDocs keep this one instance across the rebuilds of `serve`.
        self.command, self.dirty = command, dirty
        self.compiled = CompiledTemplates()
        self.theme_files = ThemeFiles()

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        if self.command == "serve":
            self.theme_files.install(config)
        generated = os.environ.get(BUILDER_DATA_ENV) if self.command != "serve" else None
        self.indexed_here = not generated
        if generated:  # `generator build` wrote the tree and this file under its lock
            data = BuilderData.from_json(Path(generated).read_bytes())
        else:
            stamps = _stamps(root) if self.dirty else None
            site = self.later if self.later is not None and stamps == self.stamps else None
            if site is None:
                try:
                    site = build_site(root)
                except DataError as exc:
                    if self.command != "serve" or self.nav is None:
                        raise PluginError(f"The data has errors:\n{exc.report()}") from None
                    return self._keep_last_good(config, exc)
            data = site.builder_data()
            self._write(site, data, stamps, Path(config.docs_dir))
        if data.warnings:
            log.info("%d places where the sources disagree; `python -m generator check` lists them", data.warnings)
        self.synonyms = data.synonyms
        repository = repository_url(root, os.environ)
        self.edit_links = {path: edit_link(repository, o) for path, o in data.origins.items()} if repository else {}
        if data.off_menu:  # entries reached from their overview only (navigation.off_menu)
            known = [pattern.pattern for pattern in config.not_in_nav.patterns] if config.not_in_nav else []
            config.not_in_nav = GitIgnoreSpec.from_lines(list(dict.fromkeys([*known, *data.off_menu])))
        nav = html_navigation(data.nav)
        self.menus_behind = self.dirty and self.nav is not None and nav != self.nav
        config.nav = self.nav = nav
        return config

    def _write(self, site: Site, data: BuilderData, stamps: dict[str, bytes] | None, docs: Path) -> None:
        """Write the docs tree. In a dirty serve, after an edit, first only the pages made from the edited files
        (see ``hold_back``), and the rest of the tree, downloads included, with the rebuild that follows
        (on_post_build asks for it), from the same ``site``: the browser reloads when a rebuild ends."""
        if self.later is None and stamps is not None and self.stamps is not None:
            edited = {path for path, stamp in stamps.items() if self.stamps.get(path) != stamp}
            made_from = {path: origin.file for path, origin in data.origins.items()}
            held = hold_back(site.pages_and_content(), docs, made_from, edited)
            sync_tree(with_other_files_kept(held, docs), docs)
            self.later = site
        else:
            sync_tree(site.files(), docs)
            self.later = None
        self.stamps = stamps

    def _keep_last_good(self, config: MkDocsConfig, exc: DataError) -> MkDocsConfig:
        """While serving, broken data leaves the docs tree and the navigation as they last worked.

        MkDocs' server holds every request until a rebuild succeeds, so failing here would hang the
        browser; rebuilding the last good tree keeps the site answering while the terminal says why.
        """
        found = errors(exc.problems)
        for problem in found:
            log.error(problem.format())
        log.error("The data has %d error(s); serving the site as it was until they are fixed", len(found))
        config.nav = self.nav
        return config

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # overrides/main.html shows the link under the page's content.
        link = (self.edit_links or {}).get(page.file.src_uri)
        if link:
            page.meta["kb_edit"] = link
        return markdown

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        if self.command == "serve":
            env.bytecode_cache = self.compiled
        return env

    def on_post_build(self, config: MkDocsConfig) -> None:
        # A served edit whose other pages follow in the next rebuild is indexed with them.
        if self.indexed_here and self.later is None:
            report = search_index(Path(config.site_dir), self.synonyms, self.enricher)
            log.info("search index: %d pages in %.2f s", report.pages, report.seconds)
        if self.later is not None:
            self._wake(config, "pages-changed")
            log.info("The edited file's pages are shown: rebuilding the other files the edit changed")
        if self.menus_behind:
            self._rebuild_every_page(config)

    def _rebuild_every_page(self, config: MkDocsConfig) -> None:
        """Mark every page changed and wake the server: its next (dirty) rebuild renders them all."""
        now = time.time_ns()
        for page in Path(config.docs_dir).rglob("*.md"):
            os.utime(page, ns=(now, now))
        self._wake(config, "navigation-changed")
        log.info("The navigation changed: rebuilding every page so that every menu shows it")

    @staticmethod
    def _wake(config: MkDocsConfig, reason: str) -> None:
        """Ask the server for one more rebuild: WAKE_DIR is watched."""
        wake = Path(config.config_file_path).parent / WAKE_DIR
        wake.mkdir(parents=True, exist_ok=True)
        (wake / reason).write_text(str(time.time_ns()), encoding="utf-8")

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        root = Path(config.config_file_path).parent
        # The docs tree is written by on_config itself: watching it would only rebuild everything twice.
        server.unwatch(config.docs_dir)
        _look_often(server)
        (root / WAKE_DIR).mkdir(parents=True, exist_ok=True)
        for folder in (root / DATA_DIR, root / CONTENT_DIR, TEMPLATES, root / WAKE_DIR):
            server.watch(str(folder))
        return server


def _stamps(root: Path) -> dict[str, bytes]:
    """A digest of each data and content file, to tell which files an edit changed (a modification time can
    repeat within a file system's resolution; reading the files takes about a millisecond)."""
    found = {}
    for folder in (DATA_DIR, CONTENT_DIR):
        for path in (root / folder).rglob("*"):
            if path.is_file():
                found[path.relative_to(root).as_posix()] = hashlib.blake2b(path.read_bytes()).digest()
    return found


def _look_often(server: LiveReloadServer) -> None:
    """Have the server look for saved files every WATCH_INTERVAL seconds instead of every 0.5 s.

    MkDocs' server polls (portable: no inotify limits, network and container mounts work); one look
    at data/, content/ and the templates takes about half a millisecond. on_serve runs before the
    server starts its observer, so the paths watched so far move to a new one: each is unwatched and
    watched again through the server, which keeps its own count of them (MkDocs 1.6, pinned).
    """
    watched = dict(server._watched_paths)  # path -> how many times it is watched
    for path, times in watched.items():
        for _ in range(times):
            server.unwatch(path)
    server.observer = PollingObserver(timeout=WATCH_INTERVAL)
    # After a change the server waits until nothing has changed for build_delay (0.1 s); a save is
    # seen in one look, and the changes of one look arrive together, so one interval is enough.
    server.build_delay = WATCH_INTERVAL
    for path, times in watched.items():
        for _ in range(times):
            server.watch(path)
