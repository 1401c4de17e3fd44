"""Cost figures from the report's tables, ready to show: Danish number formats and ranges.

Cells keep the report's own text; numbers are only derived from them (see
``models.Figure``). Nothing here knows about pages or MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from ..data.models import Amount, CostColumn, Figure, Project
from .numbers import danish_number


def cell_text(figure: Figure) -> str:
    """The cell as the report writes it, without the unit (the table header gives it)."""
    return figure.as_written.removesuffix(" kr.") if isinstance(figure, Amount) else figure.as_written


@dataclass(frozen=True)
class CostRange:
    low: Decimal
    high: Decimal
    uses_reading: bool  # a number came from an irregular cell's reading

    def __str__(self) -> str:
        if self.low == self.high:
            return f"{danish_number(self.low)} kr."
        return f"{danish_number(self.low)}–{danish_number(self.high)} kr."


def per_child_values(columns: list[CostColumn]) -> list[tuple[Decimal, bool]]:
    """Cost per child of each column that has a number, and whether it is a reading of an irregular cell."""
    return [
        (column.cost_per_child.value, not column.cost_per_child.regular)
        for column in columns
        if column.cost_per_child.value is not None
    ]


def per_child_range(project: Project) -> CostRange | None:
    """Lowest and highest cost per child per activity in the project's table, or None without numbers."""
    if project.cost is None:
        return None
    values = per_child_values(project.cost.columns)
    if not values:
        return None
    numbers = [v for v, _ in values]
    return CostRange(min(numbers), max(numbers), any(reading for _, reading in values))


# --- the cost table as rows and columns, as the report lays it out ----------

HOUR_ROWS = {
    "paedagogisk_personale": "Pædagogisk personale",
    "paedagogisk_leder": "Pædagogisk leder",
    "vikarer": "Vikarer",
    "samarbejdspartner": "Samarbejdspartner",
}


@dataclass(frozen=True)
class Cell:
    text: str
    note: int | None = None  # number of the footnote explaining an irregular cell
    budget_key: str | None = None  # the activity's key in the budget calculator, if it can be budgeted


@dataclass(frozen=True)
class Row:
    label: str
    cells: list[Cell]
    unit: str | None = None


@dataclass(frozen=True)
class Note:
    number: int
    column: str
    as_written: str
    reading: str | None
    text: str


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


def table_view(project: Project, bands: Bands | None = None) -> tuple[list[PartView], list[Note]]:
    """The project's cost table, part by part, with footnotes for cells that are not plain numbers."""
    if project.cost is None:
        return [], []
    notes: list[Note] = []

    def figure_cell(column: CostColumn, figure: Figure) -> Cell:
        if figure.regular:
            return Cell(cell_text(figure))
        notes.append(Note(len(notes) + 1, column.label, figure.as_written, figure.reading, figure.note or ""))
        return Cell(figure.as_written, note=len(notes))

    parts = []
    ordinal = 0
    for part in project.cost.parts:
        columns = part.columns
        described = [
            Row("Involveret personale", [Cell(", ".join(c.staff)) for c in columns]),
            Row("Involveret samarbejdspartner", [Cell(", ".join(c.partner)) for c in columns]),
            Row("Kadence og børn involveret", [Cell(c.cadence or "") for c in columns]),
        ]
        hours = [
            Row(label, [figure_cell(c, getattr(c.hours, name)) for c in columns], unit="timer")
            for name, label in HOUR_ROWS.items()
        ]
        money = [
            Row("Etableringsomkostninger", [figure_cell(c, c.establishment) for c in columns], unit="kr."),
            Row("Uddybning", [Cell(c.establishment_explanation or "") for c in columns]),
            Row(
                "Omkostninger i alt per barn per afholdt aktivitet ekskl. etableringsomkostninger",
                [figure_cell(c, c.cost_per_child) for c in columns],
                unit="kr.",
            ),
        ]
        keys = []
        for column in columns:
            ordinal += 1
            keys.append(f"{project.id}-{ordinal}" if column.cost_per_child.value is not None else None)
        money.append(Row("Budget", [Cell("Læg i budget" if key else "", budget_key=key) for key in keys]))
        if bands is not None:
            money.append(
                Row(
                    "Omkostningsbånd (sitets inddeling)",
                    [
                        Cell(bands.label(c.cost_per_child.value) if c.cost_per_child.value is not None else "")
                        for c in columns
                    ],
                )
            )
        parts.append(PartView(part.heading, _groups(columns), [c.label for c in columns], described, hours, money))
    return parts, notes


# --- all costed activities, and bands of cost per child ---------------------------------------

BAND_LABELS = ["Meget lav", "Lav", "Middel", "Høj", "Meget høj"]


@dataclass(frozen=True)
class CostRow:
    """One column of one project's cost table: an activity (or group of activities) as the report costs it."""

    project: Project
    part_heading: str | None
    column: CostColumn

    @cached_property
    def per_child(self) -> Decimal | None:
        return self.column.cost_per_child.value

    @cached_property
    def total_hours(self) -> Decimal | None:
        values = [getattr(self.column.hours, name).value for name in HOUR_ROWS]
        return None if any(v is None for v in values) else sum(values, Decimal(0))


def cost_rows(projects: list[Project]) -> list[CostRow]:
    return [
        CostRow(project, part.heading, column)
        for project in projects
        if project.cost is not None
        for part in project.cost.parts
        for column in part.columns
    ]


@dataclass(frozen=True)
class Bands:
    """Five bands of cost per child, each holding about a fifth of the costed activities.

    The values are sorted; the thresholds are the values at 1/5, 2/5, 3/5 and 4/5 of the list. An
    activity is in band k when its cost is at least the k-th threshold, so equal costs share a band.
    """

    thresholds: list[Decimal]

    @classmethod
    def of(cls, values: list[Decimal]) -> Bands:
        ordered = sorted(values)
        count = len(ordered)
        return cls([ordered[(k * count) // len(BAND_LABELS)] for k in range(1, len(BAND_LABELS))])

    def band(self, value: Decimal) -> int:
        return sum(1 for threshold in self.thresholds if value >= threshold)

    def label(self, value: Decimal) -> str:
        return BAND_LABELS[self.band(value)]

    def ranges(self) -> list[tuple[str, Decimal | None, Decimal | None]]:
        """(label, from, below) for each band; None at the open ends."""
        edges: list[Decimal | None] = [None, *self.thresholds, None]
        return [(label, edges[i], edges[i + 1]) for i, label in enumerate(BAND_LABELS)]
