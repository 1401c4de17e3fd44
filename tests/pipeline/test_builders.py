"""One generated tree, three builders: MkDocs, ProperDocs and Zensical build the same site from build/mkdocs.yml.

`generator generate` writes the docs tree and the builder-neutral configuration once; each builder then
builds it on its own, without our plugin, and the sites are compared: the pages, their titles, the
navigation (titles and where each entry leads) and the main text of a sample of pages.

What differs by nature is left out of the comparison, each with its reason (EXCLUDED_FILES, _chrome).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html import unescape
from pathlib import Path
from posixpath import normpath
from urllib.parse import urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from generator.pipeline import BUILDER_CONFIG, DOCS_DIR

from ..helpers import ROOT, copy_project, edit, run_generator

pytestmark = pytest.mark.xdist_group("builders")

BUILDERS = ("mkdocs", "properdocs", "zensical")
REFERENCE = "mkdocs"  # the default builder; the others are compared with it

# A municipality's short name is in the menu (project titles): markup and an ampersand from the data must reach
# every builder's menu as text, escaped once (the configuration escapes it as the plugin does).
HOSTILE = "Frederikshavn <b>&</b> co"

# Pages whose article text is compared: one of each kind, the tables and scripts' pages among them.
SAMPLE = (
    "index.html",
    "elementer/index.html",
    "elementer/overgangsmoeder/index.html",
    "puljeprojekter/index.html",
    "puljeprojekter/styrket-deltagende-foraeldresamarbejde/index.html",
    "oekonomi/index.html",
    "oekonomi/budget/index.html",
    "kommuner/index.html",
    "om/kilder/index.html",
    "404.html",
)


def _excluded(path: str) -> str | None:
    """Why a file of one builder's site need not be in the others', or None if it must."""
    if path.startswith(("assets/javascripts/", "assets/stylesheets/", "assets/images/")) and not _ours(path):
        return "the theme's own scripts, styles and icons (each builder bundles its own version)"
    if path.startswith("search/") or path == "search.json":
        return "a builder's own search index (Zensical writes one of its own; ours is pagefind/)"
    if path.startswith("pagefind/"):
        return "the search index: its chunk names follow the pages' HTML, which each builder writes its own way"
    if path == "sitemap.xml.gz":
        return "MkDocs and ProperDocs also write a gzipped sitemap; Zensical writes sitemap.xml only"
    return None


def _ours(path: str) -> bool:
    """A file of our own under assets/ (copied from the docs tree), which every builder must publish."""
    return (ROOT / "content" / path).is_file()


def _run(command: list[str], cwd: Path) -> None:
    result = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{command[0]} failed:\n{result.stdout}\n{result.stderr}"


@pytest.fixture(scope="module")
def sites(tmp_path_factory) -> dict[str, Path]:
    """The real project generated once, then built by each builder (strict) into a folder of its own."""
    base = tmp_path_factory.mktemp("builders")
    project = copy_project(ROOT, base / "project")
    edit(project / "data" / "municipalities.yaml", 'short_name: "Frederikshavn"', f'short_name: "{HOSTILE}"')
    # Zensical has no --site-dir: its site goes where the generated file says (inside build/, as it requires).
    zensical_site = project / "build" / "site-zensical"
    result = run_generator("generate", "--root", str(project), "--site-dir", str(zensical_site))
    assert result.returncode == 0, result.stderr
    config = str(project / BUILDER_CONFIG)
    bin_dir = Path(sys.executable).parent
    found = {"mkdocs": base / "mkdocs", "properdocs": base / "properdocs", "zensical": zensical_site}
    for name in ("mkdocs", "properdocs"):
        _run([str(bin_dir / name), "build", "--strict", "-f", config, "-d", str(found[name])], cwd=project)
    _run([str(bin_dir / "zensical"), "build", "--strict", "-f", config], cwd=project)
    for site in found.values():  # the one search for every builder, as README says to run it
        _run([sys.executable, "-m", "generator", "search-index", "--root", str(project), str(site)], cwd=project)
    yield found
    shutil.rmtree(base, ignore_errors=True)


def _files(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}


def _compared(site: Path) -> set[str]:
    return {path for path in _files(site) if _excluded(path) is None}


def _soup(site: Path, page: str) -> BeautifulSoup:
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def _url_of(page: str) -> str:
    """The address a page is served at, from the root (``elementer/index.html`` -> ``/elementer/``)."""
    return "/" + page.removesuffix("index.html")


def _target(page: str, href: str) -> str:
    """Where a link on ``page`` leads, from the root: "./.." and ".." are the same address."""
    path = urlsplit(urljoin(_url_of(page), href)).path
    return normpath(path) + ("/" if path.endswith("/") and path != "/" else "")


def _text(element) -> str:
    return re.sub(r"\s+", " ", element.get_text(" ", strip=True)).strip()


def _navigation(site: Path, page: str) -> list[tuple[str, str | None]]:
    """The primary menu of ``page``: each entry's title and where it leads (None for a section heading)."""
    nav = _soup(site, page).select_one("nav.md-nav--primary")
    assert nav is not None, f"{page}: no menu"
    entries = []
    for link in nav.select(".md-nav__link"):
        title = _text(link)
        if not title:  # the site name above the menu on small screens: theme chrome
            continue
        href = link.get("href") if link.name == "a" else None
        entries.append((title, _target(page, href) if href is not None else None))
    return entries


def _article(site: Path, page: str) -> str:
    article = _soup(site, page).select_one("article")
    assert article is not None, f"{page}: no article"
    for chrome in article.select("a.headerlink"):  # the permalink sign after each heading: theme chrome
        chrome.decompose()
    return _text(article)


def test_every_builder_builds_the_same_pages_and_files(sites):
    expected = _compared(sites[REFERENCE])
    pages = {path for path in expected if path.endswith(".html")}
    assert len(pages) > 90
    generated = {p.relative_to(ROOT / DOCS_DIR).as_posix() for p in (ROOT / DOCS_DIR).rglob("*") if p.is_file()}
    # Every file of the tree that is not a page (downloads, our scripts and styles) is published as it is.
    assert {p for p in generated if not p.endswith(".md") and not p.startswith(".")} <= expected
    for name in BUILDERS:
        assert _compared(sites[name]) == expected, name


_TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def _titles(site: Path, pages: list[str]) -> dict[str, str]:
    """Each page's <title> as text (read with a pattern: parsing every page of three sites takes long)."""
    found = {}
    for page in pages:
        match = _TITLE.search((site / page).read_text(encoding="utf-8"))
        found[page] = unescape(match.group(1)) if match else ""
    return found


def test_every_page_has_the_same_title(sites):
    pages = sorted(p for p in _compared(sites[REFERENCE]) if p.endswith(".html"))
    titles = _titles(sites[REFERENCE], pages)
    assert titles["index.html"] == "Forside - Viden om tidlig indsats i dagtilbud"
    # The title from the data is text, escaped once, in every builder's <title> (overrides/main.html).
    assert titles["puljeprojekter/styrket-deltagende-foraeldresamarbejde/index.html"].startswith(
        f"{HOSTILE}: Styrket deltagende forældresamarbejde - "
    )
    for name in BUILDERS:
        assert _titles(sites[name], pages) == titles, name


@pytest.mark.parametrize("page", ["index.html", "puljeprojekter/index.html", "om/rapporten/index.html"])
def test_the_navigation_is_the_same(sites, page):
    menu = _navigation(sites[REFERENCE], page)
    assert ("Forside", "/") in menu
    assert ("Budgetberegner", "/oekonomi/budget/") in menu
    assert ("Samarbejde med forældre", None) in menu  # a section without a page of its own
    for name in BUILDERS:
        assert _navigation(sites[name], page) == menu, name


def test_titles_from_the_data_are_text_in_every_menu(sites):
    for name in BUILDERS:
        menu = _navigation(sites[name], "index.html")
        titles = [title for title, _ in menu if title.startswith("Frederikshavn")]
        assert titles == [f"{HOSTILE}: Styrket deltagende forældresamarbejde"], name
        nav = _soup(sites[name], "index.html").select_one("nav.md-nav--primary")
        assert nav.find("b") is None, name


@pytest.mark.parametrize("page", SAMPLE)
def test_the_main_text_is_the_same(sites, page):
    text = _article(sites[REFERENCE], page)
    assert text.startswith("404") if page == "404.html" else len(text) > 100
    for name in BUILDERS:
        assert _article(sites[name], page) == text, name


def test_every_builder_uses_our_theme_overrides(sites):
    """overrides/ uses only what Material and Zensical both have: the htmltitle and config blocks, the copyright
    partial (Zensical's templates keep Material's names)."""
    for name in BUILDERS:
        soup = _soup(sites[name], "om/index.html")
        footer = soup.select_one("nav.kb-footer-links")
        assert footer is not None, name
        assert [_target("om/index.html", a["href"]) for a in footer.select("a")] == [
            "/om/tilgaengelighed/",
            "/om/kilder/",
            "/om/",
        ], name
        # The header's search field goes to the search page (overrides/partials/header.html).
        form = soup.select_one("header form.kb-header-search[role=search]")
        assert form is not None and _target("om/index.html", form["action"]) == "/soeg/", name
        assert soup.select_one("[data-pagefind-body]") is not None, name


def test_search_index_after_every_builder(sites):
    """`generator search-index` indexes each builder's site: Pagefind's script and a Danish index, every page
    with its kind, and the added words at the theme's mark."""
    for name in BUILDERS:
        bundle = sites[name] / "pagefind"
        assert (bundle / "pagefind.js").is_file(), name
        entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
        assert list(entry["languages"]) == ["da"], name
        assert entry["languages"]["da"]["page_count"] > 100, name
        assert len(list((bundle / "filter").glob("*.pf_filter"))) == 3, name
        assert (sites[name] / "soeg" / "index.html").is_file(), name
