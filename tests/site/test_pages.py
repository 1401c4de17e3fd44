"""Stage 4: one function per page kind; golden Markdown; pages mirror the data."""

import pytest

from generator.pipeline import build_site
from generator.site.pages.elements import element_page
from generator.site.pages.projects import project_page
from generator.site.urls import element_path, hrefer, linker, page_url

from ..helpers import FIXTURES, ROOT, assert_golden, edit


def test_golden_element_page(real_catalogue):
    catalogue = real_catalogue
    page = element_page(catalogue, catalogue.elements["systematisk-trivselsvurdering"])
    assert page.path == "elementer/systematisk-trivselsvurdering.md"
    assert_golden("pages/element_systematisk-trivselsvurdering.md", page.markdown)


@pytest.mark.parametrize(
    "project_id",
    [
        "styrket-deltagende-foraeldresamarbejde",  # a regular cost table
        "maalrettet-samarbejde-mellem-foraeldre-sundhedsplejen-og-dagtilbud",  # grouped columns, '220 .'
        "laesevenner",  # no cost table, and why
        "faelles-om-boernelivet",  # two readings of its maturity
    ],
)
def test_golden_project_page(real_catalogue, project_id):
    catalogue = real_catalogue
    page = project_page(catalogue, catalogue.projects[project_id])
    assert_golden(f"pages/project_{project_id}.md", page.markdown)


def test_links():
    assert linker("elementer/a.md")("puljeprojekter/b.md") == "../puljeprojekter/b.md"
    assert page_url("elementer/index.md") == "elementer/"
    assert page_url("index.md") == ""
    assert hrefer("puljeprojekter/index.md")("puljeprojekter/b.md") == "b/"
    assert hrefer("elementer/a.md")("puljeprojekter/b.md") == "../../puljeprojekter/b/"
    assert hrefer("index.md")("elementer/index.md") == "elementer/"


def test_page_mirrors_the_data(minimal):
    def element_markdown():
        site = build_site(minimal)
        return next(p.markdown for p in site.pages if p.path == "elementer/hjemmebesoeg.md")

    before = element_markdown()
    assert "Mere tillid." in before
    edit(minimal / "data" / "elements.yaml", '"Mere tillid."', '"Meget mere tillid."')
    edit(minimal / "data" / "elements.yaml", "    pages: 3-4\n", "    pages: 7-8\n")  # within the 10 pages
    after = element_markdown()
    assert "Meget mere tillid." in after and "Mere tillid." not in after
    assert "afsnit 4.1.1, s. 7–8" in after and "afsnit 4.1.1, s. 3–4" in before


def test_every_element_page_has_every_section():
    site = build_site(ROOT)
    element_paths = {element_path(e) for e in site.catalogue.elements.values()}
    element_pages = [p for p in site.pages if p.path in element_paths]
    assert len(element_pages) == 9
    for page in element_pages:
        for heading in (
            "## Formål og begrundelse",
            "## Indhold",
            "## Kombinerer godt med",
            "## Praksiseksempler",
            "## Resultater",
            "## Puljeprojekter, der har arbejdet med elementet",
        ):
            assert heading in page.markdown, (page.path, heading)
        assert page.markdown.count("Kilde: Evalueringsrapporten") >= 8, page.path


def test_navigation_lists_every_page():
    site = build_site(FIXTURES / "minimal")
    flat = str(site.nav)
    for page in site.pages:
        if page.path.startswith("kommuner/") and page.path != "kommuner/index.md":
            continue  # reached from kommuner/index.md; mkdocs.yml lists them under not_in_nav
        assert page.path in flat, page.path
    assert [next(iter(section)) for section in site.nav] == [
        "Forside",
        "Elementer",
        "Puljeprojekter",
        "Økonomi",
        "Programmer",
        "Kommunale eksempler",
        "Anbefalinger",
        "Kommuner",
        "Om",
    ]


def test_citations_name_the_part_of_the_report():
    from generator.site.pages.base import section_span

    assert section_span(["4.1.1", "4.1.9"]) == "4.1"
    assert section_span(["5.2", "5.16"]) == "5"
    assert section_span(["4.1", "5.2"]) == "4.1–5.2"
    site = build_site(ROOT)
    pages = {p.path: p.markdown for p in site.pages}
    assert (
        "Kilde: Evalueringsrapporten (Forsøg med målrettede sociale indsatser i dagtilbud), kapitel 5"
        in pages["puljeprojekter/index.md"]
    )
    assert "dagtilbud), afsnit 4.1." in pages["elementer/index.md"]
