"""The figures of a page's "Kort fortalt": ranges across the cost columns of a project or an element.

A leader deciding on a project or an element needs three numbers before the tables: what a child's
share of one held activity costs, what one occurrence costs, and how many staff hours it takes. Each is
a range over the columns given (a project's table, or the columns that are instances of an element):

- cost per child: the report's own numbers (one per column), lowest to highest;
- cost per occurrence: the site's calculation (``units.unit_figures``), the lowest column's lower end to
  the highest column's upper end, over the columns with the site's reading of their group;
- staff hours per occurrence: the site's calculation, every staff group's hours of one occurrence together;
- staff groups: those with hours in at least one column, in the report's order;
- establishment: the report's one-off amounts (above nought), lowest to highest; the comparison pages show it.

Pages label every range as the site's calculation, since choosing the ends across columns is the site's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from ..data.models import CostColumn
from .costs import STAFF_GROUPS, per_child_values
from .units import Interval, occurrence_hours, unit_figures


@dataclass(frozen=True)
class CostGlance:
    """Ranges across cost columns; None where no column has the number."""

    columns: int  # how many columns the ranges are taken over
    per_child: Interval | None  # the report's cost per child per held activity
    per_child_counted: int  # columns with a cost per child
    per_child_uses_reading: bool  # an end or more came from an irregular cell's reading
    per_occurrence: Interval | None  # the site's calculation: kroner for one occurrence
    per_occurrence_counted: int  # columns with a cost per occurrence
    hours: Interval | None  # the site's calculation: staff hours of one occurrence
    hours_counted: int  # columns with hours in every staff group
    staff_groups: tuple[str, ...]  # keys of STAFF_GROUPS with hours above nought in some column
    establishment: Interval | None = None  # the report's establishment costs above nought, lowest to highest
    establishment_counted: int = 0  # columns with an establishment cost above nought


def _span(values: Sequence[Decimal], highs: Sequence[Decimal] | None = None) -> Interval | None:
    if not values:
        return None
    return Interval(min(values), max(highs if highs is not None else values))


def cost_glance(columns: Sequence[CostColumn]) -> CostGlance:
    per_child = per_child_values(list(columns))
    figures = [f for f in (unit_figures(c) for c in columns) if f is not None and f.per_occurrence is not None]
    hours = [h for h in (occurrence_hours(c) for c in columns) if h is not None]
    groups = tuple(
        name
        for name in STAFF_GROUPS
        if any((value := getattr(c.hours, name).value) is not None and value > 0 for c in columns)
    )
    establishment = [v for c in columns if (v := c.establishment.value) is not None and v > 0]
    return CostGlance(
        columns=len(columns),
        per_child=_span([v for v, _ in per_child]),
        per_child_counted=len(per_child),
        per_child_uses_reading=any(reading for _, reading in per_child),
        per_occurrence=_span(
            [f.per_occurrence.low for f in figures if f.per_occurrence],
            [f.per_occurrence.high for f in figures if f.per_occurrence],
        ),
        per_occurrence_counted=len(figures),
        hours=_span(hours),
        hours_counted=len(hours),
        staff_groups=groups,
        establishment=_span(establishment),
        establishment_counted=len(establishment),
    )
