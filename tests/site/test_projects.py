"""The pool projects in full: every section, every cost figure, and the overview table."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from generator.data.catalogue import load_catalogue
from generator.data.models import Amount, Hours
from generator.data.problems import DataError, Severity
from generator.domain.costs import per_child_range
from generator.domain.numbers import danish_number
from generator.pipeline import build_site
from generator.site.pages.about import evaluation_pages
from generator.site.pages.overviews import projects_index_page
from generator.site.pages.projects import project_page
from generator.site.render import kroner_range

from ..helpers import edit, html

SECTIONS = [
    "Hovedresultat",
    "Indsatsen i overblik",
    "Modenhed",
    "Resultater på tværs af aktiviteter",
    "Aktiviteter",
    "Omkostninger",
    "Betydningsfulde elementer",
    "Hvad evalueringen kan vise",
]


@pytest.fixture
def catalogue(real_catalogue):
    return real_catalogue


def test_all_projects_are_complete(catalogue):
    # The report's own fifteen (chapter 5); projects from other sources may follow.
    assert sum(1 for p in catalogue.projects.values() if p.source == "evaluering") == 15
    for project in catalogue.projects.values():
        headings = [h.get_text(strip=True) for h in html(project_page(catalogue, project).markdown).find_all("h2")]
        missing = [s for s in SECTIONS if s not in headings]
        assert missing == [], project.id
        activity_headings = [h.get_text(strip=True) for h in html(project_page(catalogue, project).markdown)("h3")]
        assert all(a.name in activity_headings for a in project.activities), project.id


def test_every_cost_column_has_every_number(catalogue):
    """Each cell of a cost table is a number, the report's '-', or an irregular cell with a note."""
    for project in catalogue.projects.values():
        if project.cost is None:
            assert project.no_cost is not None
            continue
        for column in project.cost.columns:
            cells = [*(getattr(column.hours, name) for name in type(column.hours).model_fields)]
            cells += [column.establishment, column.cost_per_child]
            assert len(cells) == 6
            for cell in cells:
                assert cell.value is not None or cell.dash or cell.note, (project.id, column.label)


def test_figures_keep_the_report_text_and_read_danish_numbers():
    assert Hours.model_validate("2,25").value == Decimal("2.25")
    assert Amount.model_validate("5.543 kr.").value == Decimal(5543)
    assert Amount.model_validate("-").value is None and Amount.model_validate("-").dash
    odd = Amount.model_validate({"as_written": "220 .", "reading": "220 kr.", "note": "Uden kr."})
    assert (odd.value, odd.regular, odd.as_written) == (Decimal(220), False, "220 .")
    with pytest.raises(ValueError, match="must be a mapping with as_written and note"):
        Amount.model_validate("220 .")
    with pytest.raises(ValueError, match="expected a cell"):
        Hours.model_validate("2,25 kr.")
    assert danish_number(Decimal("1099")) == "1.099" and danish_number(Decimal("2.25")) == "2,25"
    assert danish_number(Decimal("1234567.5")) == "1.234.567,5"


def test_cost_range_across_activities(catalogue):
    frederikshavn = per_child_range(catalogue.projects["styrket-deltagende-foraeldresamarbejde"])
    assert kroner_range(frederikshavn) == "232–1.269 kr." and not frederikshavn.uses_reading
    silkeborg_id = "maalrettet-samarbejde-mellem-foraeldre-sundhedsplejen-og-dagtilbud"
    silkeborg = per_child_range(catalogue.projects[silkeborg_id])
    assert kroner_range(silkeborg) == "220–3.164 kr." and silkeborg.uses_reading
    assert per_child_range(catalogue.projects["laesevenner"]) is None


def test_svendborg_says_why_there_is_no_cost_table(catalogue):
    page = html(project_page(catalogue, catalogue.projects["laesevenner"]).markdown)
    text = page.get_text(" ", strip=True)
    assert "Ikke opgjort" in text
    assert "det ikke muligt at identificere omkostningerne" in text
    assert page.find("table", string=re.compile("Omkostningsvurdering")) is None


def test_cost_table_is_an_accessible_table(catalogue):
    page = html(project_page(catalogue, catalogue.projects["styrket-deltagende-foraeldresamarbejde"]).markdown)
    table = next(t for t in page("table") if "Tabel 4" in t.caption.get_text())
    assert "2022-priser" in table.caption.get_text() and "kr." in table.caption.get_text()
    assert [th.get_text() for th in table.thead("th")] == [
        "Aktivitet",
        "Overgangssamtaler",
        "Trivselssamtale og 3-års",
        "Forældrecaféer",
    ]
    money = table.tbody.find_next_siblings("tbody")[-1]
    rows = {tr.th.get_text(): [td.get_text() for td in tr("td")] for tr in money("tr")}
    assert rows["Etableringsomkostninger (kr.)"] == ["5.543", "6.071", "2.876"]
    per_child = next(v for k, v in rows.items() if k.startswith("Omkostninger i alt per barn"))
    assert per_child == ["1.099", "1.269", "232"]
    assert all(th.get("scope") in {"row", "col", "rowgroup", "colgroup"} for th in table("th"))


def test_a_changed_cost_value_changes_the_rendered_table(minimal):
    def cost_cells():
        site = build_site(minimal)
        markdown = next(p.markdown for p in site.pages if p.path == "puljeprojekter/sammen-i-nordby.md")
        table = next(t for t in html(markdown)("table") if "Tabel 4" in t.caption.get_text())
        return [td.get_text() for td in table("td", class_="kb-num")]

    before = cost_cells()
    assert "2,25" in before and "1.099" in before
    edit(minimal / "data" / "projects.yaml", 'paedagogisk_personale: "2,25"', 'paedagogisk_personale: "3,5"')
    edit(minimal / "data" / "projects.yaml", 'cost_per_child: "1.099 kr."', 'cost_per_child: "1.250 kr."')
    after = cost_cells()
    assert "3,5" in after and "2,25" not in after
    assert "1.250" in after and "1.099" not in after


def test_an_irregular_cell_is_shown_as_written_with_a_note(minimal):
    site = build_site(minimal)
    markdown = next(p.markdown for p in site.pages if p.path == "puljeprojekter/sammen-i-nordby.md")
    assert '220 .<sup class="kb-caveat"><a href="#kb-note-1" aria-label="forbehold, note 1">1</a></sup>' in markdown
    assert "Sitets læsning af cellen: 220 kr." in markdown
    warnings = [w.format() for w in site.warnings]
    assert any("the report writes '220 .', not a number; read as '220 kr.'" in w for w in warnings)


def test_real_cost_warnings(catalogue):
    cost = [w for w in catalogue.warnings if "table " in w.message]
    assert all(w.severity is Severity.WARNING for w in cost)
    messages = "\n".join(w.format() for w in cost)
    assert "table 17, column 'Forældremøder': the report writes '220 .', not a number" in messages
    assert "repeats the establishment cost" not in messages  # Tabel 14's and 17's are read as shared (their notes)
    assert "table 7, column 'Opkvalificering og videreuddannelse': the report writes '(Se ovenfor)'" in messages


def test_cost_column_must_point_at_an_activity_of_the_project(minimal):
    edit(minimal / "data" / "projects.yaml", "activities: [foraeldrecafe]", "activities: [foraeldrecaf]")
    edit(minimal / "data" / "projects.yaml", "      - id: foraeldrecafe", "      - id: hjemmebesoeg")
    with pytest.raises(DataError) as caught:
        load_catalogue(minimal / "data")
    messages = [p.format() for p in caught.value.problems]
    assert any("duplicate activity id 'hjemmebesoeg'" in m for m in messages)
    assert any("unknown activity 'foraeldrecaf'" in m and "this project's `activities`" in m for m in messages)


def test_a_project_needs_a_cost_table_or_the_reason_it_has_none(minimal):
    no_cost = '    no_cost: {pages: 8, text: "Det er ikke muligt at identificere omkostningerne."}\n'
    edit(minimal / "data" / "projects.yaml", no_cost, "")
    with pytest.raises(DataError) as caught:
        load_catalogue(minimal / "data")
    assert "give either `cost`" in caught.value.problems[0].format()


def test_overview_table_reads_without_script(catalogue):
    page = html(projects_index_page(catalogue).markdown)
    table = page.find("table", id="kb-projects")
    assert [th.get_text() for th in table.thead("th")] == [
        "Projekt",
        "Kr. pr. barn",
        "Elementer",
        "Dagtilbud",
        "Målgruppe",
        "Formål",
        "Samarbejdsparter",
    ]
    rows = table.tbody("tr")
    assert len(rows) == len(catalogue.projects)
    frederikshavn = rows[0]
    assert frederikshavn["data-modenhed"] == "modnet"
    assert frederikshavn["data-partner"] == "foraeldre sundhedsplejerske"
    assert "overgangsmoeder" in frederikshavn["data-element"].split()
    assert "232–1.269 kr." in frederikshavn.get_text()
    # The form is in place (disabled until the script runs); every option matches some row.
    form = page.find("form", class_="kb-overview-form")
    assert form.fieldset.has_attr("disabled") and not form.has_attr("hidden")
    for select in form("select"):
        for option in select("option"):
            if option["value"] and select["name"] != "sort":
                assert any(option["value"] in row[f"data-{select['name']}"].split() for row in rows)
            elif option["value"]:
                assert any(row.has_attr(f"data-sort-{option['value']}") for row in rows)


def test_evaluation_page_has_table_3_and_the_cost_method(catalogue):
    page = html(evaluation_pages(catalogue)[0].markdown)
    table3 = next(t for t in page("table") if t.caption.get_text().startswith("Tabel 3"))
    rows = {tr.th.get_text(): [td.get_text() for td in tr("td")] for tr in table3.tbody("tr")}
    assert rows["Involverede børn"] == ["~4.000", "~8.000"]
    assert rows["Kufferter udleveret"] == ["58", "189"]
    text = page.get_text(" ", strip=True)
    for phrase in ["1.600 timer", "et overhead på 20%", "SIRKA-database", "2022-priser", "transporttid"]:
        assert phrase in text
    assert len(page.find("h2", string="Formål og evalueringsspørgsmål").find_next("ol")("li")) == 3
    assert "14 modnede puljeprojekter" in text and "12 puljeprojekter" in text  # both readings shown


def test_a_recorded_contradiction_is_shown_with_both_readings(catalogue):
    project = catalogue.projects["det-sunde-liv"]
    assert "virkningsfase" in [d.id for d in project.discrepancies]
    page = html(project_page(catalogue, project).markdown)
    section = page.find("h2", string="Uoverensstemmelser i rapporten").find_next("div", class_="admonition")
    text = section.get_text(" ", strip=True)
    assert "ikke er overgået til virkningsfasen" in text and "kun meget sent er overgået" in text


@pytest.mark.parametrize(
    "old,new,message",
    [
        ("      - id: foraeldrecafe", "      - id: omkostninger", "'omkostninger' would be two places on the page"),
        ("periods: [konkretisering, virkning]", "periods: [konkretisering]", "expected 2 phases"),
    ],
)
def test_project_ids_and_phases_fit_the_page(minimal, old, new, message):
    edit(minimal / "data" / "projects.yaml", old, new)
    if new.endswith("omkostninger"):
        edit(minimal / "data" / "projects.yaml", "activities: [foraeldrecafe]", "activities: [omkostninger]")
    with pytest.raises(DataError) as caught:
        build_site(minimal)
    assert any(message in p.format() for p in caught.value.problems)


def test_the_price_level_must_be_stated(minimal):
    edit(minimal / "data" / "evaluation.yaml", 'label: "Prisniveau"', 'label: "Priser"')
    with pytest.raises(DataError) as caught:
        load_catalogue(minimal / "data")
    assert "one of the facts must have label 'Prisniveau'" in caught.value.problems[0].format()


def test_each_activity_shows_its_cost_band(catalogue):
    page = html(project_page(catalogue, catalogue.projects["styrket-deltagende-foraeldresamarbejde"]).markdown)
    band_row = page.find("th", string="Omkostningsbånd (sitets inddeling)").find_parent("tr")
    assert [td.get_text() for td in band_row("td")] == ["Middel", "Middel", "Meget lav"]  # 1.099, 1.269, 232 kr.
    brief = " ".join(page.find("section", class_="kb-brief").get_text(" ").split())
    assert "pr. barn pr. aktivitet (meget lav–middel)" in brief
