"""Files to download: the cost rows as XLSX and CSV, and the whole knowledge base as JSON with its JSON Schema.

The JSON holds every data file as validated (the same content as the YAML in data/), and the
schema is generated from the models, never written by hand.

In the spreadsheets a number column holds a number or nothing, never the report's "-", "(Se ovenfor)" or
"220 .": beside them, one column says how the report writes the cells that are not a plain number, and one
lists every caveat of the row's numbers (the same as the site shows, from domain/caveats.py).

The spreadsheets are data, never code: every value comes from YAML that strangers may change, so no
cell may become a formula or a link. XLSX cells are written as plain strings or numbers (xlsxwriter
is told not to turn strings into formulas or hyperlinks), and a text cell that a spreadsheet could
read as a formula is neutralised with a leading apostrophe in both files (OWASP's CSV-injection
advice), so that the XLSX stays safe when someone re-saves it as CSV. See ``inert``.
"""

from __future__ import annotations

import csv
import functools
import io
import json
import re
from collections.abc import Callable
from datetime import datetime
from decimal import Decimal

import xlsxwriter
from pydantic import BaseModel, ConfigDict, create_model

from ..data.catalogue import DATA_FILES, Catalogue
from ..data.models import Figure
from ..domain.caveats import column_caveats
from ..domain.costs import STAFF_GROUPS, CostRow, cost_rows
from ..domain.numbers import danish_number
from ..maintainers.schemas import for_maintainers
from ..site.caveats import caveat_text, cell_name
from ..site.labels import STAFF_LABELS
from ..site.pages.compare import compare_files
from ..site.urls import CSV_PATH, JSON_PATH, SCHEMA_PATH, XLSX_PATH

HEADERS = [
    "Kommune",
    "Puljeprojekt",
    "Afsnit",
    "Tabel",
    "Deltabel",
    "Aktivitet (kolonne i tabellen)",
    "Involveret personale",
    "Involveret samarbejdspartner",
    "Kadence og børn involveret",
    *(f"Timer: {label}" for label in STAFF_LABELS.values()),
    "Etableringsomkostninger (kr.)",
    "Uddybning",
    "Omkostning pr. barn pr. afholdt aktivitet ekskl. etablering (kr.)",
    "Celler, der ikke er et almindeligt tal, som rapporten skriver dem",
    "Forbehold ved tallene",
    "Prisniveau",
]
# How the wording column names each number cell of a row.
FIGURE_NAMES = {
    **{name: f"Timer, {label.lower()}" for name, label in STAFF_LABELS.items()},
    "establishment": "Etableringsomkostninger",
    "cost_per_child": "Omkostning pr. barn",
}
FIXED_TIME = datetime(2022, 1, 1)  # document properties: fixed, so the same data gives the same file

# A text cell starting with one of these can be read as a formula by Excel, LibreOffice or Google
# Sheets (OWASP: = + - @ tab CR; also LF, and the full-width forms that East Asian Excel accepts).
FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
DASH = "-"  # the report's dash for an empty cell: a lone "-" is text in every spreadsheet, so it stays as it is


def inert(value: object) -> object:
    """A cell that cannot run: text that a spreadsheet could read as a formula gets a leading apostrophe.

    The rule is OWASP's: any text cell whose first character (after spaces) starts a formula. The one
    exception is a cell that is exactly the report's dash. Numbers are real numbers and pass unchanged.
    """
    if isinstance(value, str) and value != DASH and value.lstrip(" ")[:1] in FORMULA_START:
        return "'" + value
    return value


def _figures(row: CostRow) -> list[tuple[str, Figure]]:
    """The number cells of a row in the file's order, each with its key in FIGURE_NAMES."""
    column = row.column
    hours = [(name, getattr(column.hours, name)) for name in STAFF_GROUPS]
    return [*hours, ("establishment", column.establishment), ("cost_per_child", column.cost_per_child)]


def as_written(row: CostRow) -> str:
    """The cells that are not a plain number in the report, as it writes them: 'Omkostning pr. barn: 220 .'."""
    return "; ".join(
        f"{FIGURE_NAMES[key]}: {figure.as_written or 'tom celle'}"
        for key, figure in _figures(row)
        if figure.dash or not figure.regular
    )


def caveats(row: CostRow) -> str:
    """Every caveat of the row's numbers, each with the cell it is about, as the site words them."""
    named = ((cell_name(c), caveat_text(c)) for c in column_caveats(row.project, row.column))
    return " · ".join(f"{name[:1].upper()}{name[1:]}: {text}" for name, text in named)


def _row(catalogue: Catalogue, row: CostRow, price: str, number: Callable[[Decimal], object]) -> list[object]:
    """One cost row; ``number`` turns a figure's number into what the file holds ("" where it has none)."""
    column, project = row.column, row.project
    figures = [number(figure.value) if figure.value is not None else "" for _, figure in _figures(row)]
    return [
        catalogue.municipality_of(project).name,
        project.title,
        project.section,
        project.cost.number,
        row.part_heading or "",
        column.label,
        ", ".join(column.staff),
        ", ".join(column.partner),
        column.cadence or "",
        *figures[:-2],
        figures[-2],
        column.establishment_explanation or "",
        figures[-1],
        as_written(row),
        caveats(row),
        price,
    ]


def sheet_names(wanted: list[str]) -> list[str]:
    """Names Excel accepts: at most 31 characters, none of []:*?/\\, not 'History', unique ignoring case."""
    taken: set[str] = set()
    names = []
    for name in wanted:
        clean = re.sub(r"[\[\]:*?/\\\x00-\x1f]", "-", name)[:31].strip().strip("'") or "Ark"
        candidate, number = clean, 1
        while candidate.casefold() in taken or candidate.casefold() == "history":
            number += 1
            suffix = f" ({number})"
            candidate = clean[: 31 - len(suffix)].rstrip("'") + suffix
        taken.add(candidate.casefold())
        names.append(candidate)
    return names


def cost_xlsx(catalogue: Catalogue) -> bytes:
    """One sheet with every cost row, then one sheet per project; numbers are numbers."""
    out = io.BytesIO()
    # Never a formula or a link from data, whatever a string looks like (xlsxwriter's defaults make both).
    book = xlsxwriter.Workbook(out, {"in_memory": True, "strings_to_formulas": False, "strings_to_urls": False})
    book.set_properties({"title": "Omkostninger i puljeprojekterne", "created": FIXED_TIME})
    bold = book.add_format({"bold": True, "text_wrap": True})
    price = catalogue.evaluation.cost_method.price_level
    projects = list(catalogue.projects.values())
    sheets = [("Alle aktiviteter", cost_rows(projects))]
    sheets += [(f"{p.section} {catalogue.municipality_of(p).short_name}", cost_rows([p])) for p in projects if p.cost]
    for name, (_, rows) in zip(sheet_names([name for name, _ in sheets]), sheets, strict=True):
        sheet = book.add_worksheet(name)
        for column, header in enumerate(HEADERS):
            sheet.write_string(0, column, header, bold)
        sheet.freeze_panes(1, 0)
        for index, row in enumerate(rows, start=1):
            for column, value in enumerate(_row(catalogue, row, price, float)):
                if isinstance(value, int | float):
                    sheet.write_number(index, column, value)
                elif value != "":  # an empty cell stays empty
                    sheet.write_string(index, column, inert(value))
    book.close()
    return out.getvalue()


def cost_csv(catalogue: Catalogue) -> bytes:
    """All cost rows as CSV for Danish Excel: UTF-8 with BOM, semicolons, numbers written the Danish way ('1.099')."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADERS)
    price = catalogue.evaluation.cost_method.price_level
    for row in catalogue.cost_rows:
        writer.writerow([inert(value) for value in _row(catalogue, row, price, danish_number)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def knowledge_base_model() -> type[BaseModel]:
    """One model for the whole knowledge base: a field per data file."""
    fields = {name.removesuffix(".yaml"): (model, ...) for name, model in DATA_FILES.items()}
    return create_model(
        "Vidensbase",
        __config__=ConfigDict(extra="forbid", title="Vidensbase"),
        __doc__="Hele vidensbasen: hver datafil i data/ som valideret.",
        **fields,
    )


def knowledge_json(catalogue: Catalogue) -> bytes:
    """Every data file's model as one compact JSON object, after ``"$schema"``.

    Each model is written by pydantic's serializer straight to bytes, the same bytes as ``json.dumps`` of its
    ``model_dump(mode="json")`` with ``ensure_ascii=False`` (the models hold no floats, whose digits could
    differ), without first making the whole knowledge base into Python values: at 100 times today's data those
    and the text made of them were a third of ``generate``'s peak memory.
    """
    parts = [b'{"$schema":"vidensbase.schema.json"']
    for name, model in catalogue.files.items():
        key = json.dumps(name.removesuffix(".yaml"), ensure_ascii=False).encode("utf-8")
        parts.append(b"," + key + b":" + model.__pydantic_serializer__.to_json(model))
    parts.append(b"}")
    return b"".join(parts)


@functools.cache  # the same for every build: it depends on the models only
def knowledge_schema() -> bytes:
    schema = for_maintainers(knowledge_base_model().model_json_schema())
    schema["properties"]["$schema"] = {"type": "string"}
    return json.dumps(schema, ensure_ascii=False, indent=1).encode("utf-8")


def downloads(catalogue: Catalogue) -> dict[str, bytes]:
    return {
        CSV_PATH: cost_csv(catalogue),
        XLSX_PATH: cost_xlsx(catalogue),
        JSON_PATH: knowledge_json(catalogue),
        SCHEMA_PATH: knowledge_schema(),
        **compare_files(catalogue),
    }
