"""The budget arithmetic, in one place: the calculator page's script follows exactly these rules.

For each chosen activity a leader enters how many children take part each time and how many
times a year it is held. Then, per year and per daycare:

- running cost = cost per child per held activity × children × times a year;
- staff hours for each group = hours per held activity × times a year;

both multiplied by the number of daycares. Establishment costs are one-off, counted once per
activity, and left out when "we already have the materials/training" is chosen. Every amount is in
the report's price level, multiplied by a price-adjustment factor the user enters (1.00 by default).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .costs import HOUR_ROWS, CostRow, cost_rows
from .models import Project


@dataclass(frozen=True)
class BudgetActivity:
    key: str
    project: Project
    row: CostRow


def budget_activities(projects: list[Project]) -> list[BudgetActivity]:
    """Every costed activity with a cost per child, keyed '<project id>-<n>' (n counts its table's columns)."""
    result = []
    for project in projects:
        rows = [row for row in cost_rows([project])]
        for n, row in enumerate(rows, start=1):
            if row.per_child is not None:
                result.append(BudgetActivity(f"{project.id}-{n}", project, row))
    return result


@dataclass(frozen=True)
class Line:
    activity: BudgetActivity
    children: int
    times: int


@dataclass(frozen=True)
class Totals:
    running: Decimal
    establishment: Decimal
    hours: dict[str, Decimal]


def totals(
    lines: list[Line], *, daycares: int = 1, factor: Decimal = Decimal(1), have_materials: bool = False
) -> Totals:
    running = Decimal(0)
    establishment = Decimal(0)
    hours = {name: Decimal(0) for name in HOUR_ROWS}
    for line in lines:
        column = line.activity.row.column
        running += column.cost_per_child.value * line.children * line.times * daycares
        if not have_materials and column.establishment.value is not None:
            establishment += column.establishment.value
        for name in HOUR_ROWS:
            value = getattr(column.hours, name).value
            if value is not None:
                hours[name] += value * line.times * daycares
    return Totals(running * factor, establishment * factor, hours)
