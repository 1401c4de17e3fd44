"""Caveats travel with the number: a flagged cost figure shows its note wherever the site or a download uses it.

The real data, with flags injected the way data/projects.yaml writes them: Tønder's Overgangsforløb
(11.523 kr., the highest cost per child of all) is flagged as doubtful, and one cadence cell too.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest
from openpyxl import load_workbook

from generator.data.catalogue import load_catalogue
from generator.domain.caveats import FLAG, IRREGULAR, REPEATED, SHARED, cell_caveats, column_caveats
from generator.output.downloads import HEADERS, cost_csv, cost_xlsx
from generator.site.caveats import script_caveats
from generator.site.pages.economy import economy_page
from generator.site.pages.elements import element_page
from generator.site.pages.explorer import explorer_data
from generator.site.pages.overviews import projects_index_page
from generator.site.pages.projects import project_page

from ..helpers import ROOT, edit, html

TOENDER = "smaaboernstrampolinen"
SILKEBORG = "maalrettet-samarbejde-mellem-foraeldre-sundhedsplejen-og-dagtilbud"
DOUBTFUL = "PRØVE: deltabellen har samme timetal som en anden deltabel, men andre beløb."
CADENCE = "PRØVE: teksten siger en anden kadence end tabellen."
FLAGS = f"""              cost_per_child: "11.523 kr."
              flags:
                - cells: [cost_per_child, hours]
                  note: "{DOUBTFUL}"
"""
CADENCE_FLAG = f"""              cadence: "Ét forløb over 16 uger per børnegruppe"
              flags:
                - cells: [cadence]
                  note: "{CADENCE}"
"""


def _strip_caveats(data) -> None:
    """Take every column's flags and shared-establishment marks out of a copy of the data."""
    projects = data / "projects.yaml"
    text = projects.read_text(encoding="utf-8")
    text = re.sub(r"\n( +)flags:\n(?:\1  .*\n)+", "\n", text)
    text = re.sub(r"\n +establishment_shared: true(?=\n)", "", text)
    projects.write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def stripped(tmp_path_factory):
    """The real data without any column's flags or shared-establishment marks."""
    data = tmp_path_factory.mktemp("stripped") / "data"
    shutil.copytree(ROOT / "data", data)
    _strip_caveats(data)
    return load_catalogue(data)


@pytest.fixture(scope="module")
def flagged(tmp_path_factory):
    """The data without its own flags, then two known flags; Silkeborg's 40.998 kr. marked as one shared cost."""
    data = tmp_path_factory.mktemp("flagged") / "data"
    shutil.copytree(ROOT / "data", data)
    _strip_caveats(data)
    projects = data / "projects.yaml"
    edit(projects, '              cost_per_child: "11.523 kr."\n', FLAGS)
    edit(projects, '              cadence: "Ét forløb over 16 uger per børnegruppe"\n', CADENCE_FLAG)
    text = projects.read_text(encoding="utf-8")
    shared = 'establishment: "40.998 kr."\n              establishment_shared: true\n'
    assert text.count('establishment: "40.998 kr."\n') == 3
    projects.write_text(text.replace('establishment: "40.998 kr."\n', shared), encoding="utf-8")
    return load_catalogue(data)


def _column(catalogue, project_id, label):
    project = catalogue.projects[project_id]
    return project, next(c for c in project.cost.columns if c.label == label)


# --- the one answer: which caveats go with this number ----------------------------------------------------


def test_a_flag_goes_with_the_cells_it_names_and_no_other(flagged):
    project, column = _column(flagged, TOENDER, "Overgangsforløb")
    assert [(c.kind, c.note) for c in cell_caveats(project, column, "cost_per_child")] == [(FLAG, DOUBTFUL)]
    assert [c.note for c in cell_caveats(project, column, "hours")] == [DOUBTFUL]
    assert [c.note for c in cell_caveats(project, column, "hours", "vikarer")] == [DOUBTFUL]
    assert cell_caveats(project, column, "establishment") == []
    assert cell_caveats(project, column, "cadence") == []
    _, other = _column(flagged, TOENDER, "Overgangsmøde")  # the same sub-table, not flagged here
    assert column_caveats(project, other) == []


def test_an_irregular_cell_brings_its_note_and_reading_and_a_repeated_amount_its_kind(flagged, stripped):
    project, column = _column(flagged, SILKEBORG, "Forældremøder")
    (irregular,) = cell_caveats(project, column, "cost_per_child")
    assert (irregular.kind, irregular.as_written, irregular.reading) == (IRREGULAR, "220 .", "220 kr.")
    assert irregular.note.startswith("Rapporten skriver")
    assert [(c.kind, c.as_written) for c in cell_caveats(project, column, "establishment")] == [(SHARED, "40.998 kr.")]
    real_project, real_column = _column(stripped, SILKEBORG, "Forældremøder")  # not marked as shared there
    assert [c.kind for c in cell_caveats(real_project, real_column, "establishment")] == [REPEATED]


def test_an_irregular_hours_cell_is_the_caveat_of_its_group_and_of_the_total():
    catalogue = load_catalogue(ROOT / "data")
    for project in catalogue.projects.values():
        for column in project.cost.columns if project.cost else []:
            odd = [n for n in ("paedagogisk_personale", "vikarer") if not getattr(column.hours, n).regular]
            for name in odd:
                assert [c.group for c in cell_caveats(project, column, "hours", name)] == [name]
                assert name in [c.group for c in cell_caveats(project, column, "hours")]


def test_a_cell_the_tables_do_not_have_is_refused(flagged):
    project, column = _column(flagged, TOENDER, "Overgangsforløb")
    with pytest.raises(ValueError, match="unknown cell"):
        cell_caveats(project, column, "price")
    with pytest.raises(ValueError, match="only for the hours"):
        cell_caveats(project, column, "establishment", "vikarer")


def test_the_calculator_gets_a_columns_caveats_as_plain_data(flagged):
    project, column = _column(flagged, TOENDER, "Overgangsforløb")
    data = script_caveats(project, column)
    assert json.loads(json.dumps(data)) == data
    assert [(d["cell"], d["text"]) for d in data] == [("hours", DOUBTFUL), ("cost_per_child", DOUBTFUL)]
    assert data[1]["where"] == "omkostning pr. barn"


# --- every page kind that uses the number shows its note -------------------------------------------------


def _note_of(soup, mark):
    """The note a mark links to, on the same page."""
    target = soup.find(id=mark["href"].removeprefix("#"))
    assert target is not None, mark
    return target.find_parent("li") or target


def _marks_in(node):
    return node.select("sup.kb-caveat a")


def test_economy_marks_the_flagged_numbers_and_the_spread_that_uses_them(flagged):
    soup = html(economy_page(flagged).markdown)
    row = next(r for r in soup.find("table", id="kb-costs").tbody("tr") if "Overgangsforløb" in r.th.get_text())
    cells = row("td", class_="kb-num")[:-1]  # the last is the site's calculation, which marks nothing
    assert [bool(_marks_in(c)) for c in cells] == [True] * 5 + [False, True]  # hours ×4, total, establishment, child
    (mark,) = _marks_in(cells[-1])
    assert mark["aria-label"].startswith("forbehold")
    note = _note_of(soup, mark)
    assert DOUBTFUL in note.get_text() and "Tønder: Overgangsforløb" in note.get_text()
    spread = next(li for li in soup("li") if li.get_text().startswith("Tabellerne:"))
    assert "til 11.523 kr." in spread.get_text() and _marks_in(spread)[-1]["href"] == mark["href"]
    assert "forbehold ved det højeste beløb" in soup.get_text()
    cadence_row = next(r for r in soup.find("table", id="kb-costs").tbody("tr") if "Gruppeforløb" in r.th.get_text())
    assert CADENCE in _note_of(soup, _marks_in(cadence_row("td")[3])[0]).get_text()
    assert f"Overgangsforløb (forbehold, note {mark.get_text()})" in str(soup.find("svg"))


def test_economy_without_flags_has_no_note_on_the_highest_number(stripped):
    soup = html(economy_page(stripped).markdown)
    spread = next(li for li in soup("li") if li.get_text().startswith("Tabellerne:"))
    assert "til 11.523 kr." in spread.get_text() and not _marks_in(spread)
    assert "forbehold ved det højeste beløb" not in soup.get_text()


def test_element_pages_mark_the_number_in_the_list_and_the_summary(real_catalogue):
    """Overgangsmøder's dearest column is Tønder's Overgangsmøde, from the sub-table the data flags as doubtful."""
    element = real_catalogue.elements["overgangsmoeder"]
    soup = html(element_page(real_catalogue, element).markdown)
    table = next(t for t in soup("table") if "omkostning pr. barn" in t.caption.get_text())
    row = next(r for r in table.tbody("tr") if r.th.get_text() == "Overgangsmøde" and "Tønder" in r.get_text())
    (mark,) = _marks_in(row)
    assert "Deltabellerne »Overgang mellem hjem og dagtilbud«" in _note_of(soup, mark).get_text()
    summary = next(p for p in soup("p") if p.get_text().startswith("Aktiviteterne, der er eksempler"))
    assert "til 2.283 kr." in summary.get_text() and [m["href"] for m in _marks_in(summary)] == [mark["href"]]
    assert "forbehold ved det højeste beløb i spændet" in soup.get_text()
    assert soup.find(id="forbehold") is not None


def test_element_summary_without_flagged_ends_says_nothing(stripped):
    soup = html(element_page(stripped, stripped.elements["overgangsmoeder"]).markdown)
    assert "Der er forbehold ved" not in soup.get_text()


def test_the_explorer_carries_the_caveats_of_every_activity_and_range(real_catalogue):
    data = explorer_data(real_catalogue)
    projects = data["projects"]  # an activity names its project by its index in this list
    toender = [
        a for a in data["activities"] if a["label"] == "Overgangsmøde" and "Tønder" in str(projects[a["project"]])
    ]
    assert len(toender) == 1 and any("Deltabellerne »Overgang mellem" in c for c in toender[0]["caveats"])
    # an element's activities, whose cheapest and dearest (by ``order``) are the ends of the range the script shows
    mine = [[a["order"] for a in data["activities"] if e in a["elements"]] for e in toender[0]["elements"]]
    assert any(toender[0]["order"] in (min(orders), max(orders)) for orders in mine)
    silkeborg = next(a for a in data["activities"] if a["label"] == "Forældremøder")
    assert any(c.endswith("Sitets læsning af cellen: 220 kr.") for c in silkeborg["caveats"])


def test_project_pages_mark_the_flagged_cells_and_list_the_note(flagged):
    soup = html(project_page(flagged, flagged.projects[TOENDER]).markdown)
    table = next(t for t in soup("table") if "Overgang mellem hjem og dagtilbud" in t.caption.get_text())
    marked = [td for td in table("td") if _marks_in(td)]
    assert len(marked) == 4 + 1  # the four hours and the cost per child of Overgangsforløb
    (note,) = {_marks_in(td)[0]["href"] for td in marked}
    assert DOUBTFUL in soup.find(id=note.removeprefix("#")).parent.get_text()
    brief = soup.find("dt", string="Pris og tid").find_next_sibling("dd")
    assert [m["href"] for m in _marks_in(brief)] == [note]  # 11.523 kr. is the top of the project's range


def test_the_projects_overview_marks_a_range_whose_end_is_flagged(flagged):
    soup = html(projects_index_page(flagged).markdown)
    row = next(r for r in soup.find("table", id="kb-projects").tbody("tr") if "Småbørnstrampolinen" in r.th.get_text())
    cell = row.find("td", class_="kb-num")
    assert "11.523 kr." in cell.get_text()
    (mark,) = _marks_in(cell)
    assert DOUBTFUL in _note_of(soup, mark).get_text()


# --- downloads hold numbers; the wording and the caveats stand beside them ----------------------------------

NUMBERS = [h for h in HEADERS if h.startswith("Timer:") or h.endswith("(kr.)")]
WORDING = "Celler, der ikke er et almindeligt tal, som rapporten skriver dem"
CAVEATS = "Forbehold ved tallene"


def test_csv_number_columns_hold_danish_numbers_or_nothing(flagged):
    rows = list(csv.DictReader(io.StringIO(cost_csv(flagged).decode("utf-8-sig")), delimiter=";"))
    assert len(NUMBERS) == 6 and len(rows) == 51
    for row in rows:
        for header in NUMBERS:
            assert re.fullmatch(r"(\d{1,3}(\.\d{3})*(,\d+)?)?", row[header]), (row[HEADERS[5]], header, row[header])
    by_label = {(r[HEADERS[2]], r[HEADERS[5]]): r for r in rows}  # (section, column)
    hjoerring = by_label["5.5", "Opkvalificering og videreuddannelse"]
    assert hjoerring[NUMBERS[-1]] == ""
    assert hjoerring[WORDING] == "Omkostning pr. barn: (Se ovenfor)"
    by_label = {label: r for (_, label), r in by_label.items() if label != "Opkvalificering og videreuddannelse"}
    assert by_label["Forældremøder"][NUMBERS[-1]] == "220"
    assert by_label["Forældremøder"][WORDING] == "Omkostning pr. barn: 220 ."
    assert "Sitets læsning af cellen: 220 kr." in by_label["Forældremøder"][CAVEATS]
    assert f"Omkostning pr. barn: {DOUBTFUL}" in by_label["Overgangsforløb"][CAVEATS]
    assert by_label["Overgangsforløb"][NUMBERS[-1]] == "11.523"
    for row in rows:  # a number column left empty always says why beside it
        assert all(row[h] for h in NUMBERS) or row[WORDING], row


def test_xlsx_number_columns_hold_numbers_or_nothing(flagged):
    book = load_workbook(io.BytesIO(cost_xlsx(flagged)), read_only=True)
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(values_only=True))
        assert list(rows[0]) == HEADERS
        at = [HEADERS.index(h) for h in NUMBERS]
        for row in rows[1:]:
            assert all(row[i] is None or isinstance(row[i], int | float) for i in at), row
    rows = list(book["Alle aktiviteter"].iter_rows(values_only=True))
    toender = next(r for r in rows if r[5] == "Overgangsforløb")
    assert toender[HEADERS.index(NUMBERS[-1])] == 11523
    assert DOUBTFUL in toender[HEADERS.index(CAVEATS)]


# --- "220 ." is never "220 . kr." -------------------------------------------------------------------------


def test_220_is_never_shown_with_a_unit_after_the_point(built):
    wrong = re.compile(r"220 \.(\s|&nbsp;|&#160;)*kr")
    found = [
        str(path.relative_to(built))
        for path in built.rglob("*")
        if path.is_file()
        and path.suffix in {".html", ".csv", ".json", ".js", ".xml", ".txt"}
        and wrong.search(path.read_text(encoding="utf-8", errors="replace"))
    ]
    assert found == []
    economy = (built / "oekonomi" / "index.html").read_text(encoding="utf-8")
    assert "220 .<sup" in economy  # as the report writes it, with its mark


def test_the_explorer_shows_the_caveat_of_a_range_end(page, server):
    page.goto(server + "elementer/sammensaet/?e=tematiserede-foraeldrearrangementer")
    page.wait_for_selector("#kb-combo-results:not([hidden])")
    note = page.locator(".kb-combo-caveat").first
    assert note.text_content().startswith("Forbehold ved det laveste beløb (Forældremøder, 220 kr.*)")
    assert "Sitets læsning af cellen: 220 kr." in note.text_content()
    page.click(".kb-combo-activities summary")
    item = page.locator(".kb-combo-activities li", has_text="Forældremøder")
    assert "Forbehold: Rapporten skriver" in item.text_content()
    assert page.foreign == []
