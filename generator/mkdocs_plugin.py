"""The thin adapter into MkDocs: generate the docs tree and the navigation before each build.

All logic lives in the generator core (``build_site``); this file only hands its
results to MkDocs, so moving to another builder means replacing these lines.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin

from .problems import DataError
from .render import TEMPLATES
from .search import enrich_index_file
from .site import CONTENT_DIR, DATA_DIR, build_site
from .write import sync_tree

log = logging.getLogger("mkdocs.plugins.knowledge_base")


class KnowledgeBasePlugin(BasePlugin):
    synonyms: dict[str, list[str]] | None = None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent
        try:
            site = build_site(root)
        except DataError as exc:
            raise PluginError(f"The data has errors:\n{exc.report()}") from None
        if site.warnings:
            log.info("%d places where the sources disagree; `python -m generator check` lists them", len(site.warnings))
        self.synonyms = site.catalogue.synonyms
        sync_tree(site.files(), Path(config.docs_dir))
        config.nav = site.nav
        return config

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
