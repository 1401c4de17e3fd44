"""A project's cost table as the report lays it out: parts, rows and cells, with footnotes for their caveats."""

from __future__ import annotations

from dataclasses import dataclass

from ...data.models import CostColumn, FlaggedCell, Project
from ...domain.caveats import cell_caveats
from ...domain.costs import Bands, cell_text
from ..caveats import Footnote, Footnotes, Mark
from ..labels import STAFF_LABELS, band_label
from ..units import unit_view


@dataclass(frozen=True)
class Cell:
    text: str
    marks: tuple[Mark, ...] = ()  # footnotes with the caveats of the cell's number (domain/caveats.py)
    budget_key: str | None = None  # the activity's key in the budget calculator, if it can be budgeted


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Cell]
    unit: str | None = None


@dataclass(frozen=True)
class PartView:
    heading: str | None
    groups: list[tuple[str | None, int]]  # header cells spanning columns; empty if the table has none
    labels: list[str]
    described: list[Row]  # staff, partner, cadence
    hours: list[Row]  # hours per staff group
    money: list[Row]  # establishment, explanation, cost per child


def _groups(columns: list[CostColumn]) -> list[tuple[str | None, int]]:
    if not any(column.group for column in columns):
        return []
    spans: list[tuple[str | None, int]] = []
    for column in columns:
        if spans and spans[-1][0] == column.group and column.group is not None:
            spans[-1] = (column.group, spans[-1][1] + 1)
        else:
            spans.append((column.group, 1))
    return spans


def table_view(
    project: Project,
    bands: Bands | None = None,
    budget_keys: dict[int, str] | None = None,
    footnotes: Footnotes | None = None,
) -> tuple[list[PartView], list[Footnote]]:
    """The project's cost table, part by part, with a footnote for every caveat of a cell.

    ``budget_keys`` gives the calculator's key of each column that can be budgeted, by ``id(column)``
    (``Catalogue.budget_activities`` is the one place the keys are made). The notes' places are column labels.
    """
    if project.cost is None:
        return [], []
    notes = footnotes if footnotes is not None else Footnotes("kb-note")

    def marks(column: CostColumn, cell: FlaggedCell, group: str | None = None) -> tuple[Mark, ...]:
        return tuple(notes.marks(cell_caveats(project, column, cell, group), column.label))

    def figure_cell(column: CostColumn, cell: FlaggedCell, group: str | None = None) -> Cell:
        figure = getattr(column.hours, group) if group else getattr(column, cell)
        return Cell(cell_text(figure) if figure.regular else figure.as_written, marks(column, cell, group))

    parts = []
    for part in project.cost.parts:
        columns = part.columns
        described = [
            Row("Involveret personale", [Cell(", ".join(c.staff)) for c in columns]),
            Row("Involveret samarbejdspartner", [Cell(", ".join(c.partner)) for c in columns]),
            Row("Kadence og børn involveret", [Cell(c.cadence or "", marks(c, "cadence")) for c in columns]),
        ]
        hours = [
            Row(label, [figure_cell(c, "hours", name) for c in columns], unit="timer")
            for name, label in STAFF_LABELS.items()
        ]
        money = [
            Row("Etableringsomkostninger", [figure_cell(c, "establishment") for c in columns], unit="kr."),
            Row("Uddybning", [Cell(c.establishment_explanation or "") for c in columns]),
            Row(
                "Omkostninger i alt per barn per afholdt aktivitet ekskl. etableringsomkostninger",
                [figure_cell(c, "cost_per_child") for c in columns],
                unit="kr.",
            ),
        ]
        keys = [(budget_keys or {}).get(id(column)) for column in columns]
        money.append(Row("Budget", [Cell("Læg i budget" if key else "", budget_key=key) for key in keys]))
        if bands is not None:
            money.append(
                Row(
                    "Omkostningsbånd (sitets inddeling)",
                    [
                        Cell(band_label(bands, c.cost_per_child.value) if c.cost_per_child.value is not None else "")
                        for c in columns
                    ],
                )
            )
        views = [unit_view(c) for c in columns]
        money += [
            Row("Sitets læsning af kadencen", [Cell(v.reading if v else "") for v in views]),
            Row("Pr. afholdelse (sitets beregning)", [Cell(v.occurrence if v else "") for v in views]),
            Row("Pr. barn pr. år eller forløb (sitets beregning)", [Cell(v.period if v else "") for v in views]),
            Row("Personaletimer (sitets beregning)", [Cell(v.hours if v else "") for v in views]),
        ]
        parts.append(PartView(part.heading, _groups(columns), [c.label for c in columns], described, hours, money))
    return parts, notes.notes
