"""The downloads read back as the YAML: the XLSX of all cost rows, and the knowledge base as JSON."""

from __future__ import annotations

import io
import json

import pytest
import yaml
from openpyxl import load_workbook

from generator.catalogue import DATA_FILES, load_catalogue
from generator.downloads import HEADERS, cost_xlsx, knowledge_json, knowledge_schema, sheet_names
from generator.pages import hrefer

from .helpers import ROOT

HOURS = ("paedagogisk_personale", "paedagogisk_leder", "vikarer", "samarbejdspartner")


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(ROOT / "data")


def _expected(value):
    """What the XLSX holds for a YAML cell: a number for a regular number, else the text as written."""
    text = value if isinstance(value, str) else value["as_written"]
    bare = text.removesuffix(" kr.")
    if isinstance(value, dict) or bare == "-":
        return bare or None  # an empty cell is empty in the sheet
    return float(bare.replace(".", "").replace(",", "."))


def _money(column):
    return column["establishment"], column["cost_per_child"]


def test_xlsx_has_all_rows_as_numbers_and_a_sheet_per_project(catalogue):
    book = load_workbook(io.BytesIO(cost_xlsx(catalogue)), read_only=True)
    projects = yaml.safe_load((ROOT / "data" / "projects.yaml").read_text(encoding="utf-8"))["projects"]
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
        raw = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))
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
    from generator.pages import project_page

    for project in catalogue.projects.values():
        if project.cost is None:
            continue
        markdown = project_page(catalogue, project).markdown
        for target in ("oekonomi/omkostninger.xlsx", "oekonomi/omkostninger.csv", "data/vidensbase.json"):
            assert f'href="../../{target}" download' in markdown, (project.id, target)


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
    assert all(len(n) <= 31 for n in sheet_names(["a" * 40] * 12))
    assert len({n.casefold() for n in sheet_names(["a" * 40] * 12)}) == 12
