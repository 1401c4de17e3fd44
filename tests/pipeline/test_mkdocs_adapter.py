"""The MkDocs adapter: generates before each build, sets the navigation, watches sources when serving."""

import json
import re
import signal
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from jinja2 import Environment, FileSystemLoader
from mkdocs.config import load_config
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer

from generator.mkdocs_plugin import WAKE_DIR, WATCH_INTERVAL, CompiledTemplates, KnowledgeBasePlugin
from generator.output.pagefind_order import indexed_pages
from generator.pipeline import BUILDER_DATA, BUILDER_DATA_ENV, BuilderData, build_site
from generator.site.navigation import html_navigation
from generator.site.render import TEMPLATES

from ..helpers import FIXTURES, edit


def config_for(project: Path):
    return load_config(str(project / "mkdocs.yml"))


def test_on_config_writes_pages_and_nav(minimal):
    config = KnowledgeBasePlugin().on_config(config_for(minimal))
    docs = Path(config.docs_dir)
    assert (docs / "elementer" / "hjemmebesoeg.md").is_file()
    assert (docs / "om" / "index.md").is_file()
    assert config.nav[0] == {"Forside": "index.md"}


def test_editing_yaml_changes_only_affected_files(minimal):
    plugin = KnowledgeBasePlugin()
    config = plugin.on_config(config_for(minimal))
    page = Path(config.docs_dir) / "puljeprojekter" / "sammen-i-nordby.md"
    other = Path(config.docs_dir) / "om" / "index.md"
    other_mtime = other.stat().st_mtime_ns
    edit(minimal / "data" / "projects.yaml", '"I Nordby Kommune er indsatsen blevet modnet."', '"Ny tekst."')
    plugin.on_config(config_for(minimal))
    assert "Ny tekst." in page.read_text(encoding="utf-8")
    assert other.stat().st_mtime_ns == other_mtime


def test_data_errors_stop_the_build_with_the_report(minimal):
    edit(minimal / "data" / "projects.yaml", "    pages: 6-7", "    pages: seks")
    with pytest.raises(PluginError, match=r"data/projects.yaml:\d+:\d+: projects\[0\].pages"):
        KnowledgeBasePlugin().on_config(config_for(minimal))


def test_serve_keeps_the_last_good_tree_and_nav_and_logs_the_located_errors(minimal, caplog):
    plugin = KnowledgeBasePlugin()
    plugin.on_startup(command="serve", dirty=False)
    good = plugin.on_config(config_for(minimal))
    docs = Path(good.docs_dir)
    before = {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()}
    edit(minimal / "data" / "projects.yaml", '"I Nordby Kommune er indsatsen blevet modnet."', '"Ny tekst."')
    edit(minimal / "data" / "projects.yaml", "    pages: 6-7", "    pages: seks")
    config = plugin.on_config(config_for(minimal))
    assert config.nav == good.nav
    assert {p: p.read_bytes() for p in docs.rglob("*") if p.is_file()} == before
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any(re.fullmatch(r"data/projects.yaml:\d+:\d+: projects\[0\].pages: .+", m) for m in errors), errors
    assert "serving the site as it was" in errors[-1]


def test_serve_without_a_good_generation_and_build_still_stop_on_data_errors(minimal):
    edit(minimal / "data" / "projects.yaml", "    pages: 6-7", "    pages: seks")
    for command in ("serve", "build"):
        plugin = KnowledgeBasePlugin()
        plugin.on_startup(command=command, dirty=False)
        with pytest.raises(PluginError, match=r"data/projects.yaml:\d+:\d+: projects\[0\].pages"):
            plugin.on_config(config_for(minimal))


def test_build_after_a_good_generation_still_stops_on_data_errors(minimal):
    plugin = KnowledgeBasePlugin()
    plugin.on_startup(command="build", dirty=False)
    plugin.on_config(config_for(minimal))
    edit(minimal / "data" / "projects.yaml", "    pages: 6-7", "    pages: seks")
    with pytest.raises(PluginError, match=r"projects\[0\].pages"):
        plugin.on_config(config_for(minimal))


def watched_paths(server: LiveReloadServer) -> set[str]:
    """The paths the server watches (its own count of them) that its observer will look at."""
    assert len(server.observer.emitters) == len(server._watched_paths)
    return set(server._watched_paths)


def test_serve_watches_data_content_and_templates_and_looks_often(minimal, tmp_path):
    server = LiveReloadServer(builder=lambda: None, host="127.0.0.1", port=0, root=str(tmp_path))
    config = config_for(minimal)
    server.watch(config.docs_dir)  # as MkDocs does before on_serve
    server.watch(config.config_file_path)
    server = KnowledgeBasePlugin().on_serve(server, config, builder=None)
    assert str(minimal / "data") in watched_paths(server)
    assert str(minimal / "content") in watched_paths(server)
    assert str(TEMPLATES) in watched_paths(server)
    assert config.config_file_path in watched_paths(server)
    # The plugin writes the docs tree itself; a change there is no reason for another rebuild.
    assert config.docs_dir not in watched_paths(server)
    assert str(minimal / WAKE_DIR) in watched_paths(server) and (minimal / WAKE_DIR).is_dir()
    # MkDocs looks every 0.5 s; the server the plugin hands back looks every WATCH_INTERVAL.
    assert {emitter.timeout for emitter in server.observer.emitters} == {WATCH_INTERVAL}
    assert server.build_delay == WATCH_INTERVAL
    server.watch(str(minimal / "extra"))  # a path watched later (mkdocs serve -w) is looked at as often
    assert str(minimal / "extra") in watched_paths(server)


def test_navigation_titles_from_the_data_reach_the_theme_escaped(minimal):
    edit(
        minimal / "data" / "municipalities.yaml", 'short_name: "Nordby"', 'short_name: "Nordby<script>x</script> & co"'
    )
    config = KnowledgeBasePlugin().on_config(config_for(minimal))
    projects = next(item["Puljeprojekter"] for item in config.nav if "Puljeprojekter" in item)
    titles = [title for entry in projects if isinstance(entry, dict) for title in entry]
    assert titles and all("<" not in title for title in titles)
    assert any(title.startswith("Nordby&lt;script&gt;x&lt;/script&gt; &amp; co: ") for title in titles)


# --- `generator build` runs the pipeline once -------------------------------------------------


def test_generator_build_reads_the_data_once(minimal, monkeypatch):
    """The MkDocs step takes the navigation from the generated file and does not read the data again."""
    from generator import cli

    calls = []
    real_build_site, real_run_builder = cli.build_site, cli._run_builder

    def counted_build_site(root):
        calls.append(root)
        return real_build_site(root)

    def break_the_data_then_build(root, out, keep_open):
        # Were the data read again now, the strict build would stop on this error.
        edit(minimal / "data" / "projects.yaml", "    pages: 6-7", "    pages: seks")
        return real_run_builder(root, out, keep_open)

    monkeypatch.setattr(cli, "build_site", counted_build_site)
    monkeypatch.setattr(cli, "_run_builder", break_the_data_then_build)
    assert cli.build(minimal, minimal / "site") == 0
    assert calls == [minimal]
    page = (minimal / "site" / "puljeprojekter" / "sammen-i-nordby" / "index.html").read_text(encoding="utf-8")
    assert "Nordby" in page and "seks" not in page
    nav = json.loads((minimal / BUILDER_DATA).read_bytes())["nav"]
    assert nav[0] == {"Forside": "index.md"}


def test_the_plugin_builds_from_the_handed_over_data_without_generating(minimal, monkeypatch):
    good = build_site(minimal)
    (minimal / BUILDER_DATA).write_bytes(good.builder_data().to_json())
    monkeypatch.setenv(BUILDER_DATA_ENV, str(minimal / BUILDER_DATA))
    monkeypatch.setenv("KB_REPOSITORY_URL", "https://github.com/example/kb")

    def no_generation(root):
        raise AssertionError("the plugin generated again")

    monkeypatch.setattr("generator.mkdocs_plugin.build_site", no_generation)
    plugin = KnowledgeBasePlugin()
    plugin.on_startup(command="build", dirty=False)
    config = plugin.on_config(config_for(minimal))
    assert config.nav == html_navigation(good.nav)
    assert plugin.synonyms == good.catalogue.synonyms
    link = plugin.edit_links["puljeprojekter/sammen-i-nordby.md"]
    assert (link.file, link.line) == ("data/projects.yaml", good.origins()["puljeprojekter/sammen-i-nordby.md"].line)


def test_serve_generates_even_with_handed_over_data_in_the_environment(minimal, monkeypatch):
    monkeypatch.setenv(BUILDER_DATA_ENV, str(minimal / "does-not-exist.json"))
    plugin = KnowledgeBasePlugin()
    plugin.on_startup(command="serve", dirty=False)
    config = plugin.on_config(config_for(minimal))
    assert (Path(config.docs_dir) / "puljeprojekter" / "sammen-i-nordby.md").is_file()


def test_builder_data_survives_json():
    site = build_site(FIXTURES / "minimal")
    data = site.builder_data()
    assert BuilderData.from_json(data.to_json()) == data
    assert data.origins == site.origins()


# --- serving: dirty rebuilds, and every menu brought up to date after a navigation change -----


def serving(dirty: bool = True) -> KnowledgeBasePlugin:
    plugin = KnowledgeBasePlugin()
    plugin.on_startup(command="serve", dirty=dirty)
    return plugin


def mtimes(docs: Path) -> dict[Path, int]:
    return {page: page.stat().st_mtime_ns for page in docs.rglob("*.md")}


def test_a_dirty_rebuild_that_changes_the_navigation_has_every_page_rebuilt_next(minimal, tmp_path):
    plugin = serving()
    config = plugin.on_config(config_for(minimal))
    config.site_dir = str(tmp_path / "site")
    plugin.on_post_build(config)
    assert not (minimal / WAKE_DIR).exists()
    edit(minimal / "data" / "projects.yaml", 'title: "Sammen i Nordby"', 'title: "Sammen i Nordbx"')
    plugin.on_config(config)
    assert plugin.menus_behind
    before = mtimes(Path(config.docs_dir))
    plugin.on_post_build(config)
    after = mtimes(Path(config.docs_dir))
    # Every page is newer than its HTML of this rebuild, so MkDocs' next dirty rebuild renders it.
    assert before.keys() == after.keys() and all(after[p] > before[p] for p in before)
    assert (minimal / WAKE_DIR / "navigation-changed").is_file()  # watched: the server rebuilds


def test_the_edited_files_pages_are_written_first_and_the_others_it_changed_right_after(minimal, tmp_path, monkeypatch):
    import generator.mkdocs_plugin as adapter

    generations = []
    monkeypatch.setattr(adapter, "build_site", lambda root: generations.append(root) or build_site(root))
    plugin = serving()
    config = plugin.on_config(config_for(minimal))
    config.site_dir = str(tmp_path / "site")
    plugin.on_post_build(config)
    docs = Path(config.docs_dir)
    made_from = {path: origin.file for path, origin in build_site(minimal).origins().items()}
    edit(minimal / "data" / "projects.yaml", 'title: "Sammen i Nordby"', 'title: "Sammen i Nordbx"')
    plugin.on_config(config)
    showing = {p for p in made_from if "Nordbx" in (docs / p).read_text(encoding="utf-8")}
    assert showing and {made_from[p] for p in showing} == {"data/projects.yaml"}
    plugin.on_post_build(config)
    assert (minimal / WAKE_DIR / "pages-changed").is_file()  # watched: the server rebuilds
    plugin.on_config(config)  # that rebuild writes the rest of the tree, generated with the pages shown first
    assert len(generations) == 2
    shown_later = {p for p in made_from if "Nordbx" in (docs / p).read_text(encoding="utf-8")} - showing
    assert {made_from[p] for p in shown_later} >= {"data/municipalities.yaml", "data/elements.yaml"}
    assert {p: (docs / p).read_bytes() for p in made_from} == {
        p: data for p, data in build_site(minimal).files().items() if p in made_from
    }


def test_an_edit_that_keeps_the_navigation_rebuilds_only_its_pages(minimal, tmp_path):
    plugin = serving()
    config = plugin.on_config(config_for(minimal))
    config.site_dir = str(tmp_path / "site")
    docs = Path(config.docs_dir)
    texts = {page: page.read_bytes() for page in docs.rglob("*.md")}
    before = mtimes(docs)
    edit(minimal / "data" / "projects.yaml", '"I Nordby Kommune er indsatsen blevet modnet."', '"Ny tekst."')
    plugin.on_config(config)
    plugin.on_post_build(config)
    plugin.on_config(config)  # the rebuild it asks for, if any pages of other files changed
    plugin.on_post_build(config)
    assert not plugin.menus_behind
    after = mtimes(docs)
    changed = {page for page in texts if page.read_bytes() != texts[page]}
    assert changed and {page for page in before if after[page] != before[page]} == changed
    assert not (minimal / WAKE_DIR / "navigation-changed").exists()


def test_full_rebuilds_need_no_second_pass(minimal, tmp_path):
    plugin = serving(dirty=False)
    config = plugin.on_config(config_for(minimal))
    edit(minimal / "data" / "projects.yaml", 'title: "Sammen i Nordby"', 'title: "Sammen i Nordbx"')
    plugin.on_config(config)
    assert not plugin.menus_behind


class CountingEnvironment(Environment):
    compiled = 0

    def compile(self, *args, **kwargs):
        CountingEnvironment.compiled += 1
        return super().compile(*args, **kwargs)


def test_theme_templates_are_compiled_once_per_server_until_one_changes(tmp_path):
    (tmp_path / "page.html").write_text("<p>{{ text }}</p>", encoding="utf-8")
    cache = CompiledTemplates()

    def render() -> str:  # each build makes a new environment, as MkDocs does
        env = CountingEnvironment(loader=FileSystemLoader(tmp_path), bytecode_cache=cache)
        return env.get_template("page.html").render(text="x")

    CountingEnvironment.compiled = 0
    assert render() == render() == "<p>x</p>"
    assert CountingEnvironment.compiled == 1
    (tmp_path / "page.html").write_text("<p>{{ text }}!</p>", encoding="utf-8")
    assert render() == "<p>x!</p>"
    assert CountingEnvironment.compiled == 2


def test_the_server_lists_the_themes_files_once_until_the_overrides_change(minimal, monkeypatch):
    from jinja2 import FileSystemLoader

    listings = []
    list_templates = FileSystemLoader.list_templates
    monkeypatch.setattr(FileSystemLoader, "list_templates", lambda self: listings.append(1) or list_templates(self))
    (minimal / "overrides").mkdir()
    edit(minimal / "mkdocs.yml", "  name: material\n", "  name: material\n  custom_dir: overrides\n")
    plugin = serving(dirty=False)
    theme_files = []
    for _ in range(2):  # two rebuilds: MkDocs makes a new config, theme and environment for each
        config = plugin.on_config(config_for(minimal))
        theme_files.append(config.theme.get_env().list_templates(filter_func=lambda name: name.endswith(".css")))
    assert len(listings) == 1 and theme_files[0] == theme_files[1] and theme_files[0]
    overrides = Path(config.theme.custom_dir)
    (overrides / "new.css").write_text("p {}", encoding="utf-8")
    config = plugin.on_config(config_for(minimal))
    assert "new.css" in config.theme.get_env().list_templates(filter_func=lambda name: name.endswith(".css"))
    assert len(listings) == 2


def test_only_the_server_shares_compiled_templates(minimal):
    env = Environment()
    serving().on_env(env, config_for(minimal), files=None)
    assert isinstance(env.bytecode_cache, CompiledTemplates)
    builder = KnowledgeBasePlugin()
    builder.on_startup(command="build", dirty=False)
    plain = Environment()
    builder.on_env(plain, config_for(minimal), files=None)
    assert plain.bytecode_cache is None


def _indexed(base: str) -> dict[str, str]:
    """The served search index's pages: their text (title, article and added words) by URL. Read while the server
    may swap in a new index, so a file named by the old one can be gone: then it is read again, whole."""

    def fetch(path: str) -> bytes:
        with urllib.request.urlopen(base + "pagefind/" + path, timeout=30) as response:
            return response.read()

    for _ in range(50):
        try:
            return {url: page["content"] for url, page in indexed_pages(fetch).items()}
        except urllib.error.HTTPError as exc:
            if exc.code != 404:
                raise
    raise AssertionError("the search index kept changing while it was read")


def test_serve_dirty_shows_an_edit_then_brings_every_menu_and_the_search_index_up_to_date(minimal, tmp_path):
    from .test_build_safety import ENV, NEW_TEXT, OLD_TEXT, free_port, get, stop_group, wait_for

    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=minimal,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=ENV,
            start_new_session=True,  # its own process group, so the test can end it
        )
    try:
        wait_for(lambda: "Serving on" in log.read_text() or server.poll() is not None, "the server to start")
        assert server.poll() is None, log.read_text()
        index = _indexed(base)
        pages = set(index)
        assert any(NEW_TEXT not in text and OLD_TEXT in text for text in index.values())
        # An edit that keeps the navigation: one dirty rebuild of the pages it changes.
        edit(minimal / "data" / "projects.yaml", OLD_TEXT, NEW_TEXT)
        wait_for(lambda: NEW_TEXT in get(base + "puljeprojekter/sammen-i-nordby/")[1], "the edited page")

        def index_shows_only_the_new_text() -> bool:
            texts = _indexed(base).values()
            return any(NEW_TEXT in text for text in texts) and not any(OLD_TEXT in text for text in texts)

        # The other pages the edit changed follow with the next rebuild, and the search index with them.
        wait_for(index_shows_only_the_new_text, "every page of the search index in its new version")
        assert set(_indexed(base)) == pages
        # A value on two pages, not in the navigation: the page made from the edited file shows it first,
        # the other one with the rebuild after.
        edit(minimal / "data" / "projects.yaml", "    pages: 6-7", "    pages: 6-8")
        wait_for(lambda: "s. 6–8" in get(base + "puljeprojekter/sammen-i-nordby/")[1], "the edited page")
        wait_for(lambda: "<code>6-8</code>" in get(base + "om/dataformat/projects/")[1], "the other page")
        # An edit of a title in the navigation.
        edit(minimal / "data" / "projects.yaml", 'title: "Sammen i Nordby"', 'title: "Sammen i Nordbx"')
        wait_for(lambda: "Sammen i Nordbx" in get(base + "puljeprojekter/sammen-i-nordby/")[1], "the edited page")
        # A page the edit does not change gets the new title in its menu with the rebuild after.
        wait_for(lambda: "Nordby: Sammen i Nordbx" in get(base + "om/")[1], "the menu of another page")
        old = re.compile(r"Sammen i Nordby(?!, Nordby Kommune \(afsnit)")  # elements.yaml cites the report's heading

        def index_shows_the_new_title() -> bool:
            texts = _indexed(base).values()
            return any("Sammen i Nordbx" in text for text in texts) and not any(old.search(t) for t in texts)

        wait_for(index_shows_the_new_title, "the search index with the new title")
        assert set(_indexed(base)) == pages
    finally:
        server.send_signal(signal.SIGINT)  # MkDocs shuts down cleanly on Ctrl-C
        try:
            server.wait(timeout=30)
        finally:
            stop_group(server)  # one that did not is ended, not left running (and the test fails)


def test_a_section_with_too_many_entries_lists_only_its_overview_and_builds_strictly(minimal, tmp_path, monkeypatch):
    from mkdocs.commands.build import build

    import generator.site.navigation as navigation

    monkeypatch.setattr(navigation, "NAV_ENTRY_LIMIT", 1)  # the fixture has two elements and two projects
    site = build_site(minimal)
    sections = {next(iter(section)): next(iter(section.values())) for section in site.nav}
    assert sections["Elementer"] == ["elementer/index.md", *sections["Elementer"][1:3]]  # overview, explorer, compare
    assert all(
        not isinstance(entry, dict) or "elementer/hjemmebesoeg.md" not in entry.values()
        for entry in sections["Elementer"]
    )
    assert len(sections["Puljeprojekter"]) == 2  # the overview and the comparison
    assert site.builder_data().off_menu == ["/elementer/*.md", "/puljeprojekter/*.md"]
    # MkDocs is told the entries are left out on purpose: a strict build (omitted files warn) succeeds.
    config = load_config(str(minimal / "mkdocs.yml"), strict=True, site_dir=str(tmp_path / "site"))
    build(config)
    assert (tmp_path / "site" / "elementer" / "hjemmebesoeg" / "index.html").is_file()
    assert (
        "Hjemmebesøg"
        not in (tmp_path / "site" / "om" / "index.html").read_text(encoding="utf-8").split("md-content")[0]
    )
