"""Cost figures from the report's tables, ready to show: Danish number formats and ranges.

Cells keep the report's own text; numbers are only derived from them (see
``models.Figure``). Nothing here knows about pages or MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property

from ..data.models import Amount, CostColumn, Figure, Project


def cell_text(figure: Figure) -> str:
    """The cell as the report writes it, without the unit (the table header gives it)."""
    return figure.as_written.removesuffix(" kr.") if isinstance(figure, Amount) else figure.as_written


@dataclass(frozen=True)
class CostRange:
    low: Decimal
    high: Decimal
    uses_reading: bool  # a number came from an irregular cell's reading


def per_child_values(columns: list[CostColumn]) -> list[tuple[Decimal, bool]]:
    """Cost per child of each column that has a number, and whether it is a reading of an irregular cell."""
    return [
        (column.cost_per_child.value, not column.cost_per_child.regular)
        for column in columns
        if column.cost_per_child.value is not None
    ]


def per_child_range(project: Project) -> CostRange | None:
    """Lowest and highest cost per child per activity in the project's table, or None without numbers."""
    return None if project.cost is None else columns_range(project.cost.columns)


def columns_range(columns: list[CostColumn]) -> CostRange | None:
    """Lowest and highest cost per child of some columns (a project's or an element's), or None without numbers."""
    values = per_child_values(columns)
    if not values:
        return None
    numbers = [v for v, _ in values]
    return CostRange(min(numbers), max(numbers), any(reading for _, reading in values))


# --- all costed activities, and bands of cost per child ---------------------------------------

# The staff groups whose hours every cost column gives, in the report's order (their names: site/labels.py).
STAFF_GROUPS = ("paedagogisk_personale", "paedagogisk_leder", "vikarer", "samarbejdspartner")

BAND_COUNT = 5  # the site's bands of cost per child (their names are in site/labels.py)


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
        values = [getattr(self.column.hours, name).value for name in STAFF_GROUPS]
        return None if any(v is None for v in values) else sum(values, Decimal(0))


def cost_rows(projects: list[Project]) -> list[CostRow]:
    return [
        CostRow(project, part.heading, column)
        for project in projects
        if project.cost is not None
        for part in project.cost.parts
        for column in part.columns
    ]


def per_child_spread(rows: list[CostRow]) -> tuple[CostRow, CostRow] | None:
    """The activities with the lowest and the highest cost per child (the first of equals); None if none has one."""
    valued = [row for row in rows if row.per_child is not None]
    if not valued:
        return None
    return min(valued, key=lambda r: r.per_child), max(valued, key=lambda r: r.per_child)


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
        return cls([ordered[(k * count) // BAND_COUNT] for k in range(1, BAND_COUNT)])

    def band(self, value: Decimal) -> int:
        return sum(1 for threshold in self.thresholds if value >= threshold)

    def ranges(self) -> list[tuple[Decimal | None, Decimal | None]]:
        """(from, below) for each band, lowest first; None at the open ends."""
        edges: list[Decimal | None] = [None, *self.thresholds, None]
        return [(edges[i], edges[i + 1]) for i in range(BAND_COUNT)]
