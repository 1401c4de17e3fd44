"""Which caveats go with a number from a cost table: one answer for every page, download and script.

A number carries its caveats wherever it is used (issue 15: Tønder's 11.523 kr. was flagged on its
own page but reused without the flag as a maximum elsewhere). A cell's caveats are, in this order:

- ``IRREGULAR``: the report does not write a regular number there (``Figure.note``, and the site's
  ``reading`` where it has one);
- ``FLAG``: the column's flags for that cell (``CostColumn.flags``), e.g. a doubtful sub-table;
- ``SHARED`` / ``REPEATED``: an establishment amount the table repeats in several columns, either
  marked as one shared cost (``establishment_shared``) or not known to be one.

Pure: the only words here are the data's own notes; the site words each kind (``site/caveats.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import get_args

from ..data.contradictions import repeated_establishment
from ..data.models import CostColumn, Figure, FlaggedCell, Project
from .costs import STAFF_GROUPS

CELLS: tuple[FlaggedCell, ...] = get_args(FlaggedCell)  # cadence, hours, establishment, cost_per_child

IRREGULAR = "irregular"  # the cell is not a regular number in the report
FLAG = "flag"  # a flag of the column names the cell
SHARED = "shared"  # one establishment cost that the table repeats in several columns
REPEATED = "repeated"  # an establishment amount in several columns, not known to be one cost


@dataclass(frozen=True)
class Caveat:
    """One reason to read a number with care; ``note`` is the data's own Danish text where there is one."""

    kind: str  # IRREGULAR, FLAG, SHARED or REPEATED
    cell: FlaggedCell
    note: str | None = None  # IRREGULAR and FLAG: the note as the data writes it
    as_written: str | None = None  # IRREGULAR: the cell as the report writes it; SHARED/REPEATED: the amount
    reading: str | None = None  # IRREGULAR: the site's reading of the cell as a number, if any
    group: str | None = None  # IRREGULAR hours: the staff group whose cell it is (a key of STAFF_GROUPS)


def _figures(column: CostColumn, cell: FlaggedCell, group: str | None) -> list[tuple[str | None, Figure]]:
    if cell == "hours":
        groups = [group] if group is not None else list(STAFF_GROUPS)
        return [(name, getattr(column.hours, name)) for name in groups]
    if cell == "establishment":
        return [(None, column.establishment)]
    if cell == "cost_per_child":
        return [(None, column.cost_per_child)]
    return []  # the cadence is text, never an irregular number


def cell_caveats(project: Project, column: CostColumn, cell: FlaggedCell, group: str | None = None) -> list[Caveat]:
    """The caveats of one cell of ``column`` (a column of ``project``'s table).

    For ``hours`` without ``group`` the answer covers every staff group's cell (as for a total of the hours).
    """
    if cell not in CELLS:
        raise ValueError(f"unknown cell {cell!r}; expected one of {', '.join(CELLS)}")
    if group is not None and (cell != "hours" or group not in STAFF_GROUPS):
        raise ValueError(f"a staff group ({group!r}) is only for the hours, and one of {', '.join(STAFF_GROUPS)}")
    found = [
        Caveat(IRREGULAR, cell, figure.note, figure.as_written, figure.reading, name)
        for name, figure in _figures(column, cell, group)
        if not figure.regular
    ]
    found += [Caveat(FLAG, cell, flag.note) for flag in column.flags if cell in flag.cells]
    if cell == "establishment" and column.establishment.as_written in repeated_establishment(project, shared=True):
        kind = SHARED if column.establishment_shared else REPEATED
        found.append(Caveat(kind, cell, as_written=column.establishment.as_written))
    return found


def column_caveats(project: Project, column: CostColumn) -> list[Caveat]:
    """Every caveat of a column, cell by cell in the table's order (each staff group's hours cell once)."""
    return [caveat for cell in CELLS for caveat in cell_caveats(project, column, cell)]
