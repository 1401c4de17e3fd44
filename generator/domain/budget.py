"""The budget arithmetic, in one place: the calculator page's script follows exactly these rules.

For each chosen activity a leader enters how many children take part each time and how many
times a year it is held. Then, per year and per daycare:

- running cost = cost per child per held activity × children × times a year;
- staff hours for each group = hours per held activity × times a year;

both multiplied by the number of daycares. Establishment costs are one-off, counted once per
activity, and left out when "we already have the materials/training" is chosen. Every amount is in
the report's price level, multiplied by a price-adjustment factor the user enters (1.00 by default).

What the user types is read by one rule, ``parse_number``, for every field. The script has the same
function and computes ``totals`` the same way, with exact decimals; everything it computes with (the
figures, the staff groups, ``INPUTS`` and the messages) comes from ``script_data``, and
tests/browser/test_browser_budget.py checks its figures against ``totals``. Counts are whole numbers written
with digits only; the price factor is a decimal number with a comma or a point as the decimal sign
("1,05" and "1.05" are both 1.05). There are no thousands separators: a factor is a small number, so
"1.000" is 1, and a count such as "1.000" is refused rather than guessed. Anything else (empty,
negative, "1e9", out of range) is refused with a reason; a refused value is never replaced by another
one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from ..data.models import Project
from .costs import STAFF_GROUPS, CostRow, cost_rows


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
    hours = {name: Decimal(0) for name in STAFF_GROUPS}
    for line in lines:
        column = line.activity.row.column
        running += column.cost_per_child.value * line.children * line.times * daycares
        if not have_materials and column.establishment.value is not None:
            establishment += column.establishment.value
        for name in STAFF_GROUPS:
            value = getattr(column.hours, name).value
            if value is not None:
                hours[name] += value * line.times * daycares
    return Totals(running * factor, establishment * factor, hours)


# --- what the user types ------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberRule:
    """Which numbers a field accepts: whole or decimal, and the smallest and largest value."""

    whole: bool
    minimum: Decimal
    maximum: Decimal


INPUTS = {
    "children": NumberRule(whole=True, minimum=Decimal(0), maximum=Decimal(1000)),  # children each time
    "times": NumberRule(whole=True, minimum=Decimal(0), maximum=Decimal(1000)),  # times a year
    "daycares": NumberRule(whole=True, minimum=Decimal(1), maximum=Decimal(10000)),
    "factor": NumberRule(whole=False, minimum=Decimal("0.01"), maximum=Decimal(10)),  # price-level factor
}

# Why a value is refused; the page words each reason in Danish.
EMPTY, NEGATIVE, NOT_WHOLE, NOT_A_NUMBER, OUT_OF_RANGE = (
    "empty",
    "negative",
    "not-whole",
    "not-a-number",
    "out-of-range",
)

_WHOLE = re.compile(r"[0-9]+")
_DECIMAL = re.compile(r"[0-9]+(?:[.,][0-9]+)?")


@dataclass(frozen=True)
class Parsed:
    value: Decimal | None  # None when refused
    problem: str | None = None  # one of the reasons above


def parse_number(text: str, rule: NumberRule) -> Parsed:
    """The number ``text`` means under ``rule``, or why it is refused. Only spaces and tabs around it are ignored."""
    text = text.strip(" \t")
    if text == "":
        return Parsed(None, EMPTY)
    if text[0] in "-\u2212" and _DECIMAL.fullmatch(text[1:].lstrip(" ")):
        return Parsed(None, NEGATIVE)
    if not _DECIMAL.fullmatch(text):
        return Parsed(None, NOT_A_NUMBER)
    if rule.whole and not _WHOLE.fullmatch(text):
        return Parsed(None, NOT_WHOLE)
    value = Decimal(text.replace(",", "."))
    if not rule.minimum <= value <= rule.maximum:
        return Parsed(None, OUT_OF_RANGE)
    return Parsed(value)
