"""One strict full build, and checks on the HTML a visitor gets."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from ..conftest import made_once
from ..helpers import FIXTURES, ROOT, copy_project, edit, run_generator


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


# The checks of every page of the real site read it as parsed once per worker (built_html, in conftest.py).
every_page = pytest.mark.xdist_group("built-html")


@every_page
def test_every_element_and_project_has_a_page(real_catalogue, built, built_html):
    catalogue = real_catalogue
    for element in catalogue.elements.values():
        page = built_html[built / "elementer" / element.id / "index.html"]
        assert page.find("h1").get_text(strip=True).removesuffix("¶") == element.name
        assert element.lead.text in page.get_text(" ", strip=True)
    for project in catalogue.projects.values():
        page = built_html[built / "puljeprojekter" / project.id / "index.html"]
        assert page.find("h1").get_text(strip=True).removesuffix("¶") == project.title
    overview = built_html[built / "elementer" / "index.html"].get_text(" ", strip=True)
    assert all(e.name in overview for e in catalogue.elements.values())


@every_page
def test_pages_are_danish(built, built_html):
    for path, page in built_html.items():
        assert page.html.get("lang") == "da", path
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["language"] == "da"
    # The search (Pagefind, generator/output/pagefind.py) reads every page as Danish.
    assert json.loads((built / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))["languages"].keys() == {
        "da"
    }


# Markdown that no extension of mkdocs.yml renders reaches the page as text: an admonition's "???"/"!!!" line
# (its indented body then becomes a code block) or an attribute list "{ #id }" / "{: .class }".
UNRENDERED = re.compile(r"^(\?\?\?|!!!)\+? |\{ ?#[\w-]+ ?\}|\{: ")


@every_page
def test_no_markdown_is_left_as_text(built_html):
    left = {
        path.as_posix(): text[:60]
        for path, page in built_html.items()
        for text in (element.get_text() for element in page.select("article p, article li, article code"))
        if UNRENDERED.search(text)
    }
    assert left == {}


@every_page
def test_internal_links_resolve(built, built_html):
    for path, page in built_html.items():
        base = "/" + path.relative_to(built).as_posix()
        for anchor in page.find_all("a", href=True):
            href = anchor["href"]
            parsed = urlparse(href)
            if parsed.scheme or parsed.netloc or href.startswith(("mailto:", "#")):
                continue
            target = urlparse(urljoin(base, href)).path
            file = built / target.lstrip("/")
            if target.endswith("/"):
                file = file / "index.html"
            assert file.exists(), f"{path.relative_to(built)}: broken link {href}"


@every_page
def test_no_asset_comes_from_another_host(built, built_html):
    for path, page in built_html.items():
        for tag, attribute in (
            ("script", "src"),
            ("link", "href"),
            ("img", "src"),
            ("iframe", "src"),
            ("source", "src"),
            ("video", "src"),
            ("audio", "src"),
        ):
            for node in page.find_all(tag):
                value = node.get(attribute)
                if value:
                    assert not urlparse(value).netloc and not value.startswith("//"), f"{path}: {tag} {value}"
    for css in built.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        assert "fonts.googleapis" not in text and "@import url(http" not in text, css


@every_page
def test_a_pages_own_script_loads_on_that_page_only_and_never_blocks_rendering(built, built_html):
    from generator.site import urls

    own = {  # script -> the pages that need it
        urls.BUDGET_SCRIPT: {"oekonomi/budget/index.html"},
        urls.EXPLORER_SCRIPT: {"elementer/sammensaet/index.html"},
        urls.OVERVIEW_SCRIPT: {"elementer/index.html", "puljeprojekter/index.html"},
        urls.COMPARE_SCRIPT: {"elementer/sammenlign/index.html", "puljeprojekter/sammenlign/index.html"},
        # The filter forms, the sortable tables and the helpers of the pages above; Tablesort where a table sorts.
        urls.TABLES_SCRIPT: {
            "oekonomi/index.html",
            "kommunale-eksempler/index.html",
            "oekonomi/budget/index.html",
            "elementer/sammensaet/index.html",
            "elementer/index.html",
            "puljeprojekter/index.html",
        },
        **{script: {"oekonomi/index.html", "kommunale-eksempler/index.html"} for script in urls.SORT_SCRIPTS},
    }
    found: dict[str, set[str]] = {script: set() for script in own}
    for path, page in built_html.items():
        for node in page.find_all("script", src=True):
            script = next((s for s in own if node["src"].endswith(s)), None)
            if script:
                found[script].add(path.relative_to(built).as_posix())
                assert node.has_attr("defer"), f"{path}: {node['src']} blocks rendering"
    assert found == own


def test_no_github_widget(built):
    text = (built / "index.html").read_text(encoding="utf-8")
    assert "api.github.com" not in text and 'class="md-source"' not in text


@every_page
def test_disagreements_are_shown(built, built_html):
    text = built_html[built / "elementer" / "styrkede-tvaerfaglige-moeder" / "index.html"].get_text(" ", strip=True)
    assert "men projektets hovedresultat (afsnit 5.4, s. 68) nævner ikke elementet" in text
    morsoe = built_html[built / "puljeprojekter" / "faelles-om-boernelivet" / "index.html"].get_text(" ", strip=True)
    assert "Rapporten angiver modenheden forskelligt" in morsoe and "Delvist modnet" in morsoe


# The three tests of the scripted project run on one worker, which builds it.
scripted_group = pytest.mark.xdist_group("scripted")
SCRIPT_TEXT = "<script>alert('x')</script> [klik](javascript:alert(1))"


@pytest.fixture(scope="session")
def scripted(tmp_path_factory) -> Path:
    """A copy of the real project with a script in an element's text, and the site built from it (once per run).

    The tests of a failed build start from a copy of this project and its site.
    """

    def make(folder: Path) -> None:
        project = copy_project(ROOT, folder / "project")
        edit(
            project / "data" / "elements.yaml",
            '"Bedre forudsætninger for en helhedsorienteret tilgang til støtten til barnet."',
            json.dumps(SCRIPT_TEXT),
        )
        result = run_generator("build", "--root", str(project), "--site-dir", str(project / "out"))
        assert result.returncode == 0, result.stderr

    return made_once(tmp_path_factory, "scripted", make) / "project"


@scripted_group
def test_script_in_data_is_shown_as_text(scripted):
    page = soup(scripted / "out" / "elementer" / "hjemmet-som-samarbejdsramme" / "index.html")
    scripts = [s for s in page.find_all("script") if "alert" in (s.string or "")]
    assert scripts == []
    assert not page.find("a", href=lambda h: h and h.startswith("javascript:"))
    assert SCRIPT_TEXT in page.get_text()


def _copy_of(scripted: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A copy of the scripted project with its built site: the project and the site."""
    real = copy_project(scripted, tmp_path / "project")
    shutil.copytree(scripted / "out", real / "out")
    return real, real / "out"


@scripted_group
def test_failed_build_leaves_previous_site_intact(scripted, tmp_path):
    real, site = _copy_of(scripted, tmp_path)
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    edit(real / "data" / "projects.yaml", "    municipality: haderslev", "    municipality: haderslv")
    result = run_generator("build", "--root", str(real), "--site-dir", str(site))
    assert result.returncode == 1
    assert "unknown municipality 'haderslv' (did you mean 'haderslev'?)" in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


@scripted_group
def test_strict_build_failure_also_leaves_site_intact(scripted, tmp_path):
    real, site = _copy_of(scripted, tmp_path)
    marker = site / "index.html"
    before = marker.read_bytes()
    (real / "content" / "om" / "index.md").write_text("# Om\n\n[brudt](findes-ikke.md)\n", encoding="utf-8")
    result = run_generator("build", "--root", str(real), "--site-dir", str(site))
    assert result.returncode == 1
    assert marker.read_bytes() == before


@every_page
def test_every_table_has_a_caption_and_headers_and_every_chart_a_text(built_html):
    for path, page in built_html.items():
        for table in page.find_all("table"):
            assert table.find("caption") and table.find("th"), path
        for svg in page.find_all("svg", class_="kb-chart"):
            assert svg.get("role") == "img" and svg.find("title") and svg.find("desc"), path


@every_page
def test_every_table_a_template_makes_comes_in_materials_wrappers(built_html):
    """Material's script wraps each table without a class once the page has loaded, which lays the whole page out
    again: 0.4-0.7 s of a phone's main thread on Økonomi and the data-format pages (Lighthouse). The templates'
    tables come wrapped (data_table in _macros.md.j2) and carry a class, so the script leaves them alone."""
    tables = 0
    for path, page in built_html.items():
        for table in page.select("article table"):
            tables += 1
            assert table.get("class"), (path, table.caption)
            if "kb-table" in table["class"]:
                wrappers = [table.parent.get("class"), table.parent.parent.get("class")]
                assert wrappers == [["md-typeset__table"], ["md-typeset__scrollwrap"]], (path, table.caption)
    assert tables > 100


@every_page
def test_every_page_links_to_the_accessibility_statement(built, built_html):
    for path, page in built_html.items():
        if path.name == "404.html":
            continue
        here = "/" + path.parent.relative_to(built).as_posix() + "/"
        links = [urljoin(here, a.get("href", "")) for a in page.select(".md-copyright a")]
        assert "/om/tilgaengelighed/" in links, path
    assert (built / "om" / "tilgaengelighed" / "index.html").exists()


def test_an_id_that_would_overwrite_another_page_is_an_error(tmp_path):
    minimal = copy_project(FIXTURES / "minimal", tmp_path / "p")
    for path in (minimal / "data").glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("sprogkuffert", "sammensaet"), encoding="utf-8")
    result = run_generator("check", "--root", str(minimal))
    assert result.returncode == 1
    assert (
        "the page for 'Sprogkuffert' would be elementer/sammensaet.md, "
        "which is already the page for 'Sammensæt en indsats'; choose another id" in result.stderr
    )
