"""The thin adapter into MkDocs: generate the docs tree and the navigation before each build.

All logic lives in the generator core (``build_site``); this file only hands its
results to MkDocs, so moving to another builder means replacing these lines. Under
``generator build`` the tree is already generated: the command names the file with the
navigation and the rest (``BUILDER_DATA_ENV``), and nothing is generated here a second time.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from .editing import EditLink, edit_link, repository_url
from .problems import DataError, errors
from .render import TEMPLATES
from .search import enrich_index_file
from .site import BUILDER_DATA_ENV, CONTENT_DIR, DATA_DIR, BuilderData, build_site, html_navigation
from .write import sync_tree

log = logging.getLogger("mkdocs.plugins.knowledge_base")


class KnowledgeBasePlugin(BasePlugin):
    command: str | None = None
    synonyms: dict[str, list[str]] | None = None
    edit_links: dict[str, EditLink] | None = None
    nav: list[Any] | None = None  # of the last generation that worked

    def on_startup(self, *, command: str, dirty: bool) -> None:
        # Having this hook also makes MkDocs keep this one instance across the rebuilds of `serve`.
        self.command = command

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        generated = os.environ.get(BUILDER_DATA_ENV) if self.command != "serve" else None
        if generated:  # `generator build` wrote the tree and this file under its lock
            data = BuilderData.from_json(Path(generated).read_bytes())
        else:
            try:
                site = build_site(root)
            except DataError as exc:
                if self.command != "serve" or self.nav is None:
                    raise PluginError(f"The data has errors:\n{exc.report()}") from None
                return self._keep_last_good(config, exc)
            sync_tree(site.files(), Path(config.docs_dir))
            data = site.builder_data()
        if data.warnings:
            log.info("%d places where the sources disagree; `python -m generator check` lists them", data.warnings)
        self.synonyms = data.synonyms
        repository = repository_url(root, os.environ)
        self.edit_links = {path: edit_link(repository, o) for path, o in data.origins.items()} if repository else {}
        config.nav = self.nav = html_navigation(data.nav)
        return config

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

    def on_post_build(self, config: MkDocsConfig) -> None:
        # Runs after the search plugin (listed first in mkdocs.yml) has written its index.
        index = Path(config.site_dir) / "search" / "search_index.json"
        if index.exists():
            changed = enrich_index_file(index, self.synonyms)
            log.info("search index: compound parts added to %d entries", changed)

    def on_serve(self, server: LiveReloadServer, config: MkDocsConfig, builder: object) -> LiveReloadServer:
        root = Path(config.config_file_path).parent
        for folder in (root / DATA_DIR, root / CONTENT_DIR, TEMPLATES):
            server.watch(str(folder))
        return server
