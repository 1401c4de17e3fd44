"""One strict full build, and checks on the HTML a visitor gets."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlparse

import yaml
from bs4 import BeautifulSoup

from ..helpers import ROOT, edit, run_generator


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_element_and_project_has_a_page(real_catalogue, built):
    catalogue = real_catalogue
    for element in catalogue.elements.values():
        page = soup(built / "elementer" / element.id / "index.html")
        assert page.find("h1").get_text(strip=True).removesuffix("¶") == element.name
        assert element.lead.text in page.get_text(" ", strip=True)
    for project in catalogue.projects.values():
        page = soup(built / "puljeprojekter" / project.id / "index.html")
        assert page.find("h1").get_text(strip=True).removesuffix("¶") == project.title
    overview = soup(built / "elementer" / "index.html").get_text(" ", strip=True)
    assert all(e.name in overview for e in catalogue.elements.values())


def test_pages_are_danish(built):
    for path in html_pages(built):
        assert soup(path).html.get("lang") == "da", path
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    assert config["theme"]["language"] == "da"
    search = next(p["search"] for p in config["plugins"] if isinstance(p, dict) and "search" in p)
    assert search["lang"] == "da"


def test_internal_links_resolve(built):
    for path in html_pages(built):
        base = "/" + path.relative_to(built).as_posix()
        for anchor in soup(path).find_all("a", href=True):
            href = anchor["href"]
            parsed = urlparse(href)
            if parsed.scheme or parsed.netloc or href.startswith(("mailto:", "#")):
                continue
            target = urlparse(urljoin(base, href)).path
            file = built / target.lstrip("/")
            if target.endswith("/"):
                file = file / "index.html"
            assert file.exists(), f"{path.relative_to(built)}: broken link {href}"


def test_no_asset_comes_from_another_host(built):
    for path in html_pages(built):
        page = soup(path)
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


def test_no_github_widget(built):
    text = (built / "index.html").read_text(encoding="utf-8")
    assert "api.github.com" not in text and 'class="md-source"' not in text


def test_disagreements_are_shown(built):
    text = soup(built / "elementer" / "styrkede-tvaerfaglige-moeder" / "index.html").get_text(" ", strip=True)
    assert "men projektets hovedresultat (afsnit 5.4, s. 68) nævner ikke elementet" in text
    morsoe = soup(built / "puljeprojekter" / "faelles-om-boernelivet" / "index.html").get_text(" ", strip=True)
    assert "Rapporten angiver modenheden forskelligt" in morsoe and "Delvist modnet" in morsoe


def test_script_in_data_is_shown_as_text(real, tmp_path):
    edit(
        real / "data" / "elements.yaml",
        '"Bedre forudsætninger for en helhedsorienteret tilgang til støtten til barnet."',
        "\"<script>alert('x')</script> [klik](javascript:alert(1))\"",
    )
    site = tmp_path / "out"
    result = run_generator("build", "--root", str(real), "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    page = soup(site / "elementer" / "hjemmet-som-samarbejdsramme" / "index.html")
    scripts = [s for s in page.find_all("script") if "alert" in (s.string or "")]
    assert scripts == []
    assert not page.find("a", href=lambda h: h and h.startswith("javascript:"))
    assert "<script>alert('x')</script> [klik](javascript:alert(1))" in page.get_text()


def test_failed_build_leaves_previous_site_intact(real, tmp_path):
    site = tmp_path / "out"
    assert run_generator("build", "--root", str(real), "--site-dir", str(site)).returncode == 0
    before = {p: p.read_bytes() for p in site.rglob("*") if p.is_file()}
    edit(real / "data" / "projects.yaml", "    municipality: haderslev", "    municipality: haderslv")
    result = run_generator("build", "--root", str(real), "--site-dir", str(site))
    assert result.returncode == 1
    assert "unknown municipality 'haderslv' (did you mean 'haderslev'?)" in result.stderr
    assert {p: p.read_bytes() for p in site.rglob("*") if p.is_file()} == before


def test_strict_build_failure_also_leaves_site_intact(real, tmp_path):
    site = tmp_path / "out"
    assert run_generator("build", "--root", str(real), "--site-dir", str(site)).returncode == 0
    marker = site / "index.html"
    before = marker.read_bytes()
    (real / "content" / "om" / "index.md").write_text("# Om\n\n[brudt](findes-ikke.md)\n", encoding="utf-8")
    result = run_generator("build", "--root", str(real), "--site-dir", str(site))
    assert result.returncode == 1
    assert marker.read_bytes() == before


def test_every_table_has_a_caption_and_headers_and_every_chart_a_text(built):
    for path in html_pages(built):
        page = soup(path)
        for table in page.find_all("table"):
            assert table.find("caption") and table.find("th"), path
        for svg in page.find_all("svg", class_="kb-chart"):
            assert svg.get("role") == "img" and svg.find("title") and svg.find("desc"), path


def test_every_page_links_to_the_accessibility_statement(built):
    for path in html_pages(built):
        if path.name == "404.html":
            continue
        here = "/" + path.parent.relative_to(built).as_posix() + "/"
        links = [urljoin(here, a.get("href", "")) for a in soup(path).select(".md-copyright a")]
        assert "/om/tilgaengelighed/" in links, path
    assert (built / "om" / "tilgaengelighed" / "index.html").exists()


def test_an_id_that_would_overwrite_another_page_is_an_error(tmp_path):
    from ..helpers import FIXTURES, copy_project

    minimal = copy_project(FIXTURES / "minimal", tmp_path / "p")
    for path in (minimal / "data").glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace("sprogkuffert", "sammensaet"), encoding="utf-8")
    result = run_generator("check", "--root", str(minimal))
    assert result.returncode == 1
    assert (
        "the page for 'Sprogkuffert' would be elementer/sammensaet.md, "
        "which is already the page for 'Sammensæt en indsats'; choose another id" in result.stderr
    )
