"""The comparison pages: each entry's JSON (rows, figures from "Kort fortalt", escaping), the page and its links."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from generator.data.catalogue import load_catalogue
from generator.domain.costs import per_child_range
from generator.site.navigation import navigation
from generator.site.pages.compare import (
    ELEMENT_ROWS,
    PROJECT_ROWS,
    compare_files,
    element_entry,
    elements_compare_page,
    project_entry,
    projects_compare_page,
)
from generator.site.pages.elements import element_page
from generator.site.pages.overviews import elements_index_page, projects_index_page
from generator.site.pages.projects import project_page
from generator.site.render import kroner_range
from generator.site.urls import ELEMENTS_COMPARE_PATH, PROJECTS_COMPARE_PATH, compare_data_path

from ..helpers import edit, html

HOSTILE = "<img src=x onerror=alert(1)>"


def cell_text(entry: dict, key: str) -> str:
    return BeautifulSoup(entry["cells"][key], "html.parser").get_text(" ", strip=True)


def test_a_project_has_every_row_and_the_brief_figures(real_catalogue):
    project = real_catalogue.projects["boern-og-familier-i-fokus"]  # Ishøj, afsnit 5.7
    entry = project_entry(real_catalogue, project)
    assert list(entry["cells"]) == [key for key, _ in PROJECT_ROWS]
    assert entry["name"] == "Ishøj: Børn og familier i fokus" and entry["href"] == "../boern-og-familier-i-fokus/"
    # Tabel 10: the report's cost per child is 1.298 kr. (Forældretræning) to 2.280 kr.; one column has none.
    assert kroner_range(per_child_range(project)) == "1.298–2.280 kr."
    assert cell_text(entry, "pris-barn").startswith("1.298–2.280 kr. (middel–høj) (rapportens tal, spænd over 3 af 4")
    assert cell_text(entry, "kommune") == "Ishøj Kommune (afsnit 5.7)"
    assert cell_text(entry, "modenhed").startswith("Modnet (kapitel 3, Hovedkonklusion, s. 17)")
    assert cell_text(entry, "etablering").startswith("309.292 kr. (rapportens beløb i 1 af 4 kolonner")
    assert "sitets beregning" in cell_text(entry, "pris-afholdelse")
    links = BeautifulSoup(entry["cells"]["forudsaetninger"], "html.parser")("a")
    assert links[0]["href"] == "../boern-og-familier-i-fokus/#forudsaetninger-paa-tvaers"
    assert 'href="#forbehold"' in entry["cells"]["evidens"]


def test_an_element_has_its_rows_projects_and_ranges(real_catalogue):
    element = real_catalogue.elements["hjemmet-som-samarbejdsramme"]
    entry = element_entry(real_catalogue, element)
    assert list(entry["cells"]) == [key for key, _ in ELEMENT_ROWS]
    # Element 1 by hand: tabel 4 Overgangssamtaler 1.099 kr. … Helsingør's Hjemmebesøg 3.063 kr.
    assert cell_text(entry, "pris-barn").startswith("1.099–3.063 kr.")
    assert cell_text(entry, "modenhed") == "6 modnet"
    assert "Ishøj Kommune" in cell_text(entry, "kommuner")
    projects = BeautifulSoup(entry["cells"]["puljeprojekter"], "html.parser")("a")
    assert len(projects) == len(real_catalogue.projects_of(element))
    assert projects[0]["href"].startswith("../../puljeprojekter/")


def test_every_entry_has_a_small_json_file(real_catalogue):
    files = compare_files(real_catalogue)
    assert len(files) == len(real_catalogue.projects) + len(real_catalogue.elements)
    path = compare_data_path("puljeprojekter", "laesevenner")
    assert json.loads(files[path])["id"] == "laesevenner"
    assert json.loads(files[path])["cells"]["pris-barn"].endswith(">Ikke opgjort</a>")  # Svendborg: no table
    assert max(len(data) for data in files.values()) < 12_000


def test_a_hostile_name_stays_text_in_the_json_and_on_the_page(real):
    edit(real / "data" / "projects.yaml", 'title: "Styrket deltagende forældresamarbejde"', f'title: "{HOSTILE}"')
    edit(real / "data" / "municipalities.yaml", 'short_name: "Ishøj"', f'short_name: "{HOSTILE}"')
    catalogue = load_catalogue(real / "data")
    project = catalogue.projects["styrket-deltagende-foraeldresamarbejde"]
    entry = project_entry(catalogue, project)
    assert HOSTILE in entry["name"]  # plain text: compare.js inserts it with textContent
    element = element_entry(catalogue, catalogue.elements["hjemmet-som-samarbejdsramme"])
    for cells in (entry["cells"], element["cells"]):
        for html_text in cells.values():
            soup = BeautifulSoup(html_text, "html.parser")
            assert soup.find("img") is None and "<img" not in html_text
    assert HOSTILE in cell_text(element, "puljeprojekter")  # shown, as text
    page = projects_compare_page(catalogue).markdown
    assert "<img" not in page and html(page).find("img") is None
    assert HOSTILE in html(page).find("input", value=project.id).parent.get_text()


def test_the_page_is_a_get_form_with_labelled_rows_and_no_entry_data(real_catalogue):
    page = projects_compare_page(real_catalogue)
    soup = html(page.markdown)
    form = soup.find("form", id="kb-compare-form")
    assert form["method"] == "get" and "action" not in form.attrs  # submits to itself: ?id=a&id=b
    boxes = form("input", attrs={"name": "id"})
    assert [b["value"] for b in boxes] == list(real_catalogue.projects)
    assert all(b.parent.name == "label" for b in boxes)
    assert form["data-kb-compare"] == "../../data/sammenlign/puljeprojekter"
    rows = soup.find("table", id="kb-compare-table").tbody("tr")
    assert [(r["data-kb-row"], r.th.get_text()) for r in rows] == PROJECT_ROWS
    assert all(r.th["scope"] == "row" for r in rows)
    status = soup.find(id="kb-compare-status")
    assert status["role"] == "status" and status["aria-live"] == "polite"
    region = soup.find(id="kb-compare-region")
    assert region["tabindex"] == "0" and region["role"] == "region" and region.has_attr("hidden")
    scripts = {script["src"]: script.has_attr("defer") for script in soup.find_all("script", src=True)}
    # the table's script, and the printed brief's; neither blocks rendering
    assert scripts == {"../../assets/javascripts/compare.js": True, "../../assets/javascripts/brief.js": True}
    text = soup.get_text(" ")
    assert "sitets egne spænd" in text and "Kilde: Evalueringsrapporten" in text
    assert "1.298" not in page.markdown  # the figures live in the entries' files, not on the page
    evidence = soup.find(id="forbehold")
    assert evidence is not None and "sandsynliggjort" in text
    elements = html(elements_compare_page(real_catalogue).markdown)
    assert [r["data-kb-row"] for r in elements.find(id="kb-compare-table").tbody("tr")] == [k for k, _ in ELEMENT_ROWS]


def test_overviews_entry_pages_and_menu_lead_to_the_comparison(real_catalogue):
    projects = html(projects_index_page(real_catalogue).markdown)
    assert projects.find("form", id="kb-compare-projects")["action"] == "sammenlign/"
    assert not projects.find("label", class_="kb-compare-choice").has_attr("hidden")
    elements = html(elements_index_page(real_catalogue).markdown)
    assert elements.find("form", id="kb-compare-elements")["action"] == "sammenlign/"
    project = real_catalogue.projects["laesevenner"]
    link = html(project_page(real_catalogue, project).markdown).find("a", string="Sammenlign med andre puljeprojekter")
    assert link["href"] == "../sammenlign/?id=laesevenner"
    element = real_catalogue.elements["overgangsmoeder"]
    link = html(element_page(real_catalogue, element).markdown).find("a", string="Sammenlign med andre elementer")
    assert link["href"] == "../sammenlign/?id=overgangsmoeder"
    menu = json.dumps(navigation(real_catalogue, []), ensure_ascii=False)
    assert PROJECTS_COMPARE_PATH in menu and ELEMENTS_COMPARE_PATH in menu
