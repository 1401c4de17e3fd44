"""What the overviews show and sort by: staff groups of cost columns, an element's profile, and the sort rule.

The sort rule for a cost range is the lower end, then the upper end; entries without a range come last.
The pages write each entry's key (``range_key``) into the HTML, and the overviews' script only compares the
keys, so the order in the browser and in Python is the same by construction.
"""

from __future__ import annotations

import typing
from collections import Counter
from decimal import Decimal

from ..data.models import CostColumn, DaycareType, MaturityLevel, Outcome, Project
from .costs import STAFF_GROUPS, CostRange

SortKey = tuple[Decimal, ...] | None  # None: sorts last


def range_key(cost_range: CostRange | None, *, descending: bool = False) -> SortKey:
    """Sort by the lower end, then the upper end (both reversed for the highest first)."""
    if cost_range is None:
        return None
    sign = -1 if descending else 1
    return (sign * cost_range.low, sign * cost_range.high)


def sort_order(keys: list[SortKey]) -> list[int]:
    """The indexes of ``keys`` in sorted order: ascending, ties and missing keys in their given order, missing last."""
    return sorted(range(len(keys)), key=lambda i: (keys[i] is None, keys[i] or ()))


def staff_groups(columns: list[CostColumn]) -> list[str]:
    """The staff groups (domain.costs.STAFF_GROUPS, in that order) with hours above zero in any of the columns."""
    return [
        group
        for group in STAFF_GROUPS
        if any((value := getattr(column.hours, group).value) is not None and value > 0 for column in columns)
    ]


def maturity_counts(projects: list[Project]) -> dict[MaturityLevel, int]:
    """How many of the projects the report rates at each maturity (only levels that occur, best first)."""
    counts = Counter(p.maturity.level for p in projects)
    return {level: counts[level] for level in typing.get_args(MaturityLevel) if counts[level]}


def daycare_types(projects: list[Project]) -> list[DaycareType]:
    """Every daycare type any of the projects worked in, in the model's order."""
    found = {t for p in projects for t in p.daycare_types}
    return [t for t in typing.get_args(DaycareType) if t in found]


def outcomes(projects: list[Project]) -> list[Outcome]:
    """Every outcome any of the projects' purpose sentences names, in the model's order."""
    found = {o.outcome for p in projects for o in p.outcomes}
    return [o for o in typing.get_args(Outcome) if o in found]


def reaches(projects: list[Project]) -> list[str]:
    """'universel' and/or 'maalrettet': what the projects' target groups are (both for 'universel-og-maalrettet')."""
    found = {part for p in projects for part in ("universel", "maalrettet") if part in p.reach.split("-og-")}
    return [part for part in ("universel", "maalrettet") if part in found]
