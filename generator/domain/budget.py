"""The budget arithmetic, in one place: the calculator page's script follows exactly these rules.

For each chosen activity a leader enters how many daycares hold it, how many children (or groups,
where the activity is held for a group) each of them has in it, and how many times a year each child
or group has it. Then, per year:

- occurrences = daycares × children or groups per daycare × times a year;
- running cost = occurrences × cost per occurrence, where cost per occurrence = the report's cost per
  child × the group the report costed (``units.group_size``; 1 for an activity held per child);
- staff hours for each group = occurrences × the table's hours per occurrence;

so kroner and hours follow from the same occurrences. Establishment costs are one-off: counted once
per activity, except an amount the table repeats in several columns (``establishment_shared``),
counted once per project; all left out when "we already have the materials/training" is chosen.
Every amount is in the report's price level, multiplied by a price-adjustment factor the user enters
(1.00 by default).

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

from ..data.models import DecisionUnit, Project
from .costs import STAFF_GROUPS, CostRow, cost_rows
from .units import group_size


@dataclass(frozen=True)
class BudgetActivity:
    key: str
    project: Project
    row: CostRow

    @property
    def unit(self) -> DecisionUnit:
        return self.row.column.unit  # budget_activities offers only columns that have one

    @property
    def group(self) -> Decimal:
        """The children (or families) one occurrence was costed for."""
        return group_size(self.unit)

    @property
    def per_group(self) -> bool:
        """Held for a group (the leader counts groups), not for one child at a time."""
        return self.unit.group.high > 1

    @property
    def occurrence_cost(self) -> Decimal:
        return self.row.per_child * self.group

    @property
    def default_times(self) -> int:
        """Times a year the calculator starts from: the most the table's cadence says, or 1 when it says none."""
        return self.unit.times.high if self.unit.times is not None else 1

    @property
    def establishment_key(self) -> str:
        """Establishment costs with the same key are one cost: a repeated amount is the project's, once."""
        column = self.row.column
        return f"{self.project.id}:{column.establishment.as_written}" if column.establishment_shared else self.key


def budget_activities(projects: list[Project]) -> list[BudgetActivity]:
    """Every costed activity with a cost per child and the site's reading of its group, keyed '<project id>-<n>'
    (n counts its table's columns). Without knowing how many children one occurrence is for, kroner and
    hours cannot follow from the same occurrences, so such a column is left out (``unbudgeted``)."""
    result = []
    for project in projects:
        rows = [row for row in cost_rows([project])]
        for n, row in enumerate(rows, start=1):
            if row.per_child is not None and row.column.unit is not None:
                result.append(BudgetActivity(f"{project.id}-{n}", project, row))
    return result


def unbudgeted(projects: list[Project]) -> list[CostRow]:
    """Costed columns the calculator leaves out: a cost per child, but no reading of the group it is for."""
    return [row for row in cost_rows(projects) if row.per_child is not None and row.column.unit is None]


@dataclass(frozen=True)
class Line:
    activity: BudgetActivity
    count: int  # children, or groups, per daycare
    times: int  # a year, for each child or group
    daycares: int = 1

    @property
    def occurrences(self) -> int:
        return self.daycares * self.count * self.times


@dataclass(frozen=True)
class Totals:
    running: Decimal
    establishment: Decimal
    hours: dict[str, Decimal]
    occurrences: int


def totals(lines: list[Line], *, factor: Decimal = Decimal(1), have_materials: bool = False) -> Totals:
    running = Decimal(0)
    establishment: dict[str, Decimal] = {}
    hours = {name: Decimal(0) for name in STAFF_GROUPS}
    for line in lines:
        column = line.activity.row.column
        running += line.activity.occurrence_cost * line.occurrences
        if not have_materials and column.establishment.value is not None:
            establishment[line.activity.establishment_key] = column.establishment.value
        for name in STAFF_GROUPS:
            value = getattr(column.hours, name).value
            if value is not None:
                hours[name] += value * line.occurrences
    one_off = sum(establishment.values(), Decimal(0))
    return Totals(running * factor, one_off * factor, hours, sum(line.occurrences for line in lines))


# --- what the user types ------------------------------------------------------------------------


@dataclass(frozen=True)
class NumberRule:
    """Which numbers a field accepts: whole or decimal, and the smallest and largest value."""

    whole: bool
    minimum: Decimal
    maximum: Decimal


INPUTS = {
    "count": NumberRule(whole=True, minimum=Decimal(0), maximum=Decimal(10000)),  # children or groups per daycare
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
