"""Decision units: what one occurrence of a costed activity costs, and what a child's year or course costs.

The report's cost per child is "de afholdte udgifter, når aktiviteten gennemføres én gang for et givent
antal børn", divided per child (bilag 6.2.3), and its hours are those of one occurrence. The site's
reading of the table's cadence (``DecisionUnit``: the group one occurrence serves, and how many times
it is held a year or in a course) turns these into the figures a leader decides with. Every figure here
is the site's calculation from the report's cells and the site's reading; pages label them so.

- cost per occurrence = cost per child × the group (a range when the group is);
- hours per occurrence = the table's hours (every staff group together);
- cost per child per year (or per course) = cost per child × times;
- hours per child per year (or per course) = hours per occurrence × times / the group.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..data.models import CostColumn, DecisionUnit, Span
from .costs import STAFF_GROUPS


@dataclass(frozen=True)
class Interval:
    """From ``low`` to ``high``; one number when they are equal."""

    low: Decimal
    high: Decimal

    @classmethod
    def of(cls, span: Span) -> Interval:
        return cls(Decimal(span.low), Decimal(span.high))


def whole_kroner(value: Decimal) -> Decimal:
    """The amount the site shows: whole kroner, halves rounded up (452,5 -> 453)."""
    return value.quantize(Decimal(1), rounding=ROUND_HALF_UP)


def group_size(unit: DecisionUnit) -> Decimal:
    """The group the report's cost per child was computed for: the middle of a range ("4-5 børn": 4,5)."""
    return (Decimal(unit.group.low) + Decimal(unit.group.high)) / 2


def occurrence_hours(column: CostColumn) -> Decimal | None:
    """Every staff group's hours of one occurrence together, or None when a group's cell has no number."""
    values = [getattr(column.hours, name).value for name in STAFF_GROUPS]
    return None if any(v is None for v in values) else sum(values, Decimal(0))


@dataclass(frozen=True)
class UnitFigures:
    """The site's calculations for one cost column; None where the report or the reading gives no number."""

    unit: DecisionUnit
    per_occurrence: Interval | None  # kroner for one occurrence (for the whole group)
    hours_per_occurrence: Decimal | None  # staff hours of one occurrence, all groups
    per_child_period: Interval | None  # kroner per child per year (unit.per == "aar") or per course
    hours_per_child_period: Interval | None  # staff hours per child per year or per course


def unit_figures(column: CostColumn) -> UnitFigures | None:
    """The decision-unit figures of a column that has the site's reading of its cadence."""
    unit = column.unit
    if unit is None:
        return None
    per_child = column.cost_per_child.value
    hours = occurrence_hours(column)
    group = Interval.of(unit.group)
    times = Interval.of(unit.times) if unit.times is not None else None
    return UnitFigures(
        unit=unit,
        per_occurrence=Interval(per_child * group.low, per_child * group.high) if per_child is not None else None,
        hours_per_occurrence=hours,
        per_child_period=(
            Interval(per_child * times.low, per_child * times.high) if per_child is not None and times else None
        ),
        hours_per_child_period=(
            Interval(hours * times.low / group.high, hours * times.high / group.low)
            if hours is not None and times
            else None
        ),
    )
