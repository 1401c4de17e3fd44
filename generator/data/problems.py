"""Problems found in the data, located at file, line and column.

A data problem is the maintainer's to fix, so it is reported as one clean line
per problem and never as a traceback. Bugs in the generator stay exceptions.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum

# Named escapes for the controls people know; every other one is shown as its code point.
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}
# Cc: C0, DEL and C1 controls (line breaks, terminal escapes); Cf: bidi overrides, zero-width and
# other invisible format characters; Zl/Zp: Unicode line and paragraph separators; Cs: lone surrogates.
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs"}


def printable(text: object) -> str:
    """Text from the data made safe to print to a terminal or a CI log, and still readable.

    A key or value can carry a line break, an ANSI escape or a right-to-left override. Printed as
    is, it could start a line of its own (``::warning ...`` is a command to GitHub Actions), clear
    the screen, or make a line read differently from what it says. Each such character is shown
    as a visible escape instead (``\\n``, ``\\x1b``, ``\\u202e``); everything else is left alone.
    """
    return "".join(_escape_char(c) if unicodedata.category(c) in _HIDDEN else c for c in str(text))


def _escape_char(char: str) -> str:
    code = ord(char)
    if char in _NAMED:
        return _NAMED[char]
    if code <= 0xFF:
        return f"\\x{code:02x}"
    return f"\\u{code:04x}" if code <= 0xFFFF else f"\\U{code:08x}"


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True, slots=True)  # one per value of every data file: no __dict__ each
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
        """One line for the terminal; file, field and message may quote the data, so all are escaped."""
        line, column = (self.position.line, self.position.column) if self.position else (1, 1)
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        field = f" {printable(self.field)}:" if self.field else ""
        return f"{printable(self.file)}:{line}:{column}:{field} {prefix}{printable(self.message)}"

    def annotation(self) -> str:
        """The problem as a GitHub Actions workflow command, shown inline on the file's line."""
        line, column = (self.position.line, self.position.column) if self.position else (1, 1)
        # A warning is a contradiction in the sources, not a mistake in the change: a notice, not a warning.
        kind = "notice" if self.severity is Severity.WARNING else "error"
        title = printable(self.field) if self.field else "data"
        file = _escape_property(printable(self.file))
        properties = f"file={file},line={line},col={column},title={_escape_property(title)}"
        return f"::{kind} {properties}::{_escape_data(printable(self.message))}"

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
