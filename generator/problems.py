"""Problems found in the data, located at file, line and column.

A data problem is the maintainer's to fix, so it is reported as one clean line
per problem and never as a traceback. Bugs in the generator stay exceptions.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Position:
    line: int
    column: int


@dataclass(frozen=True)
class Problem:
    """One thing wrong (or suspicious) in a data file."""

    file: str
    position: Position | None
    field: str
    message: str
    severity: Severity = Severity.ERROR

    def format(self) -> str:
        line, column = (self.position.line, self.position.column) if self.position else (1, 1)
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        field = f" {self.field}:" if self.field else ""
        return f"{self.file}:{line}:{column}:{field} {prefix}{self.message}"

    def annotation(self) -> str:
        """The problem as a GitHub Actions workflow command, shown inline on the file's line."""
        line, column = (self.position.line, self.position.column) if self.position else (1, 1)
        # A warning is a contradiction in the sources, not a mistake in the change: a notice, not a warning.
        kind = "notice" if self.severity is Severity.WARNING else "error"
        title = f"{self.field}" if self.field else "data"
        properties = f"file={_escape_property(self.file)},line={line},col={column},title={_escape_property(title)}"
        return f"::{kind} {properties}::{_escape_data(self.message)}"

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        line, column = (self.position.line, self.position.column) if self.position else (0, 0)
        return (self.file, line, column, self.message)


class DataError(Exception):
    """The data cannot be built into a site; carries every problem found."""

    def __init__(self, problems: Iterable[Problem]):
        self.problems = sorted(problems, key=lambda p: p.sort_key)
        super().__init__(self.report())

    def report(self) -> str:
        return "\n".join(p.format() for p in self.problems)


def _escape_data(text: str) -> str:
    # https://github.com/actions/toolkit/blob/main/packages/core/src/command.ts (escapeData)
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def errors(problems: Iterable[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity is Severity.ERROR]


def field_path(loc: Iterable[str | int]) -> str:
    """Render a location like ("elements", 0, "lead", "text") as elements[0].lead.text."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out
