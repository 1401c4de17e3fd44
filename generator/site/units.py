"""Decision units in Danish: the site's reading of a column's cadence and its calculations, as pages show them.

The figures come from ``domain/units.py``; this module only words them, and every text says it is the
site's reading or calculation, never the report's.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from ..data.models import CostColumn, DecisionUnit
from ..domain.numbers import danish_number
from ..domain.units import Interval, UnitFigures, group_size, unit_figures
from .labels import PERIOD_LABELS
from .render import kroner_range


def hours_text(value: Decimal) -> str:
    """Hours as the site shows them: at most two decimals ('2,53')."""
    return danish_number(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP).normalize())


def hours_range(span: Interval) -> str:
    """'1 time', '2,5 timer', '1,9–2,53 timer'."""
    low, high = hours_text(span.low), hours_text(span.high)
    if low == high:
        return f"{low} {'time' if low == '1' else 'timer'}"
    return f"{low}–{high} timer"


def group_text(unit: DecisionUnit) -> str:
    """'1 barn', '15 familier', '4-5 børn': whom one occurrence is for."""
    low, high = unit.group.low, unit.group.high
    number = str(low) if low == high else f"{low}-{high}"
    if unit.counted == "familier":
        return f"{number} {'familie' if high == 1 else 'familier'}"
    return f"{number} {'barn' if high == 1 else 'børn'}"


@dataclass(frozen=True)
class UnitView:
    """What a page shows of a column's decision unit; every text but ``reading`` is the site's calculation."""

    reading: str  # the site's reading of the cadence, in words
    occurrence: str  # '3.480 kr. pr. afholdelse for 15 familier'
    period: str  # '696–928 kr. pr. barn pr. år', or '' when the table gives no frequency
    hours: str  # '9,5 timer pr. afholdelse; 1,9–2,53 timer pr. barn pr. år'
    sort: Decimal  # cost per occurrence (lowest), for sorting; -1 without one


def unit_view(column: CostColumn) -> UnitView | None:
    figures: UnitFigures | None = unit_figures(column)
    if figures is None:
        return None
    unit = figures.unit
    period = PERIOD_LABELS[unit.per] if unit.per else ""
    occurrence = (
        f"{kroner_range(figures.per_occurrence)} pr. afholdelse for {group_text(unit)}"
        if figures.per_occurrence is not None
        else ""
    )
    if occurrence and unit.group.low != unit.group.high:  # the calculator needs one figure: the middle
        middle = column.cost_per_child.value * group_size(unit)
        occurrence += f" (budgetberegneren regner med midten, {kroner_range(Interval(middle, middle))})"
    per_child = f"{kroner_range(figures.per_child_period)} pr. barn {period}" if figures.per_child_period else ""
    hours = []
    if figures.hours_per_occurrence is not None:
        one = Interval(figures.hours_per_occurrence, figures.hours_per_occurrence)
        hours.append(f"{hours_range(one)} pr. afholdelse")
    if figures.hours_per_child_period is not None:
        hours.append(f"{hours_range(figures.hours_per_child_period)} pr. barn {period}")
    return UnitView(
        reading=unit.reading,
        occurrence=occurrence,
        period=per_child,
        hours="; ".join(hours),
        sort=figures.per_occurrence.low if figures.per_occurrence is not None else Decimal(-1),
    )
