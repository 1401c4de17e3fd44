"""A parsed data file: its plain value, and the line and column where each of its parts starts.

``read`` makes it; every later stage names a part by its ``Loc`` (the keys and list indexes from the file's
root) and asks the document where that part was written, to put a problem at its line.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass, field
from typing import Any

from .problems import Position, Problem, field_path

Loc = tuple[str | int, ...]


@dataclass
class Document:
    """A parsed data file: its plain value plus where each part came from.

    The positions are kept beside the value, not in a table keyed by each part's path: every mapping and
    list of ``data`` has an array of where its parts start (a mapping's key and value, pair by pair in
    its order; a list's items), found by the container's identity (``data`` keeps every container alive,
    and nothing changes it after reading). So a position costs 8 bytes, not a path tuple, a table entry
    and an object each; at 100 times today's data those were a third of a build's memory.
    """

    path: str
    data: Any
    root_mark: int = 0  # where ``data`` starts (pack), 0 for nowhere
    marks: dict[int, array[int]] = field(default_factory=dict, repr=False)  # id(container) -> its parts' marks

    def position(self, loc: Loc, *, key: bool = False) -> Position | None:
        """Best position for ``loc``: the key itself, the value, or the nearest parent."""
        found, value = self.root_mark, self.data
        for depth, part in enumerate(loc):
            index = _index(value, part)
            marks = self.marks.get(id(value)) if index is not None else None
            if marks is None:
                break
            if isinstance(value, dict):
                if key and depth == len(loc) - 1:
                    return unpack(marks[2 * index])
                found = marks[2 * index + 1]
            else:
                found = marks[index]
            value = value[part]
        return unpack(found) if found else None

    def problem(self, loc: Loc, message: str, *, key: bool = False, **kwargs: Any) -> Problem:
        return Problem(self.path, self.position(loc, key=key), field_path(loc), message, **kwargs)


def pack(line: int, column: int) -> int:
    """A position as one number: the line (from 1) above 32 bits, the column (from 1) below."""
    return line << 32 | column


def unpack(mark: int) -> Position:
    return Position(mark >> 32, mark & 0xFFFFFFFF)


def _index(value: Any, part: str | int) -> int | None:
    """Where ``part`` is among the parts of a mapping or list, or None if it is not one of them."""
    if isinstance(value, dict) and isinstance(part, str) and part in value:
        return list(value).index(part)
    if isinstance(value, list) and isinstance(part, int) and not isinstance(part, bool) and 0 <= part < len(value):
        return part
    return None
