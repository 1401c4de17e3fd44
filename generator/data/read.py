"""Stage 1: read YAML safely, keeping the line and column of every value.

Data arrives through pull requests, so it is untrusted. We read the YAML event
stream (libyaml's C parser where PyYAML has it, else PyYAML's own; both are
iterative) and build plain values ourselves with an explicit stack, so no input
can reach Python's recursion limit. Only the standard tags are accepted (a tag
such as ``!!python/object`` is an error, not an object), duplicate keys are
errors (PyYAML would silently keep the last), and aliases are errors: the data
never needs them, and refusing them rules out recursive aliases and "billion
laughs" expansion.

Every file is bounded before it can cost much: its size (checked on the open
file before reading it, and read no further than the limit), its number of
values, its nesting depth, the length of each value and key, and the digits of
a number. The limits are far above honest data (see ``docs`` of each constant)
so that the knowledge base can grow a hundredfold.
"""

from __future__ import annotations

import functools
import math
from array import array
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .characters import control_problem
from .document import Document, Loc, pack, unpack
from .files import MAX_FILE_BYTES, read_text, too_large
from .problems import DataError, Position, Problem, field_path

_SCALAR_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
}
_MAP_TAG = "tag:yaml.org,2002:map"
_SEQ_TAG = "tag:yaml.org,2002:seq"
_STR_TAG = "tag:yaml.org,2002:str"
_NUMBER_TAGS = {"tag:yaml.org,2002:int", "tag:yaml.org,2002:float"}

# Today (2025) the largest file, data/projects.yaml, has 274 kB and 4,018 values, nesting 9 deep;
# the longest line has 1,575 characters and the longest text 1,563. Each limit leaves room for
# more than a hundredfold growth of the knowledge base while bounding time and memory.
MAX_NODES = 1_000_000  # values in one file: 250 times projects.yaml
MAX_DEPTH = 64  # levels of nesting; honest data has 9
MAX_SCALAR_CHARS = 100_000  # one value; the models allow less per field (models.MAX_TEXT)
MAX_KEY_CHARS = 100  # field names are short English words
MAX_NUMBER_CHARS = 30  # a number written with more characters is not a page, year or count
SHARED_CHARS = 64  # a value this short is kept once per file however often it recurs (ids, kinds, units)

_Loader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_RESOLVER = yaml.resolver.Resolver()


def _mark(event: yaml.Event) -> Position:
    return Position(event.start_mark.line + 1, event.start_mark.column + 1)


def _pack(event: yaml.Event) -> int:
    return pack(event.start_mark.line + 1, event.start_mark.column + 1)


class _Skip:
    """A value that is not built: under a refused key or tag, or a refused key itself."""


_SKIP = _Skip()
_KEY_OPEN = _Skip()  # a mapping's key is a collection, being skipped; its value is skipped next


@dataclass
class _Frame:
    """An open mapping or sequence while its events arrive."""

    loc: Loc
    value: dict[str, Any] | list[Any] | _Skip
    key: str | _Skip | None = None  # in a mapping: None while a key is expected, else whose value comes
    key_loc: Loc = ()  # the loc of ``key``'s value
    marks: array[int] = field(default_factory=lambda: array("Q"))  # its parts' positions (Document.marks)


class _Builder:
    """Plain values from YAML events, with an explicit stack instead of recursion."""

    def __init__(self, doc: Document):
        self.doc = doc
        self.problems: list[Problem] = []
        self.constructor = yaml.SafeLoader("")
        self.count = 0
        self.stack: list[_Frame] = []
        self.root: Any = None
        self.documents = 0
        # One string for each field name and short value that recurs (``id``, ``kilde``, an element's id in every
        # list that names it): the parser makes a new one each time it meets it.
        self.strings: dict[str, str] = {}

    def fail(self, event: yaml.Event, loc: Loc, message: str) -> None:
        self.problems.append(Problem(self.doc.path, _mark(event), field_path(loc), message))

    def feed(self, event: yaml.Event) -> None:
        if isinstance(event, yaml.DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                raise DataError([Problem(self.doc.path, _mark(event), "", "expected a single document in the file")])
            return
        if isinstance(event, (yaml.StreamStartEvent, yaml.StreamEndEvent, yaml.DocumentEndEvent)):
            return
        if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
            frame = self.stack.pop()
            if frame.marks and not isinstance(frame.value, _Skip):
                self.doc.marks[id(frame.value)] = frame.marks
            self._place(frame.value)
            return
        parent = self.stack[-1] if self.stack else None
        if parent is None:
            self._node(event, (), skip=False)
        elif isinstance(parent.value, _Skip):
            self._node(event, parent.loc, skip=True)
        elif isinstance(parent.value, list):
            self._node(event, (*parent.loc, len(parent.value)), skip=False)
        elif parent.key is None:
            self._key(parent, event)
        elif isinstance(parent.key, str):
            self._node(event, parent.key_loc, skip=False)
        else:
            self._node(event, parent.loc, skip=True)

    def _node(self, event: yaml.Event, loc: Loc, *, skip: bool) -> None:
        self.count += 1
        if self.count > MAX_NODES:
            message = f"file is too large (more than {MAX_NODES} values)"
            raise DataError([Problem(self.doc.path, _mark(event), field_path(loc), message)])
        if not skip:  # where the node starts, in its parent's marks: a mapping's key came just before
            if self.stack:
                self.stack[-1].marks.append(_pack(event))
            else:
                self.doc.root_mark = _pack(event)
        if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
            self._open(event, loc, skip=skip)
        elif skip:
            self._place(_SKIP)
        elif isinstance(event, yaml.AliasEvent):
            self.fail(event, loc, "aliases (*name) are not supported; write the value out in full")
            self._place(None)
        else:
            self._place(self._scalar(event, loc))

    def _open(self, event: yaml.Event, loc: Loc, *, skip: bool) -> None:
        if len(self.stack) >= MAX_DEPTH:
            message = f"nesting is too deep (more than {MAX_DEPTH} levels of lists and mappings)"
            shown = field_path(loc[:8]) + "…"  # the path is as deep as the nesting; its start says where
            raise DataError([Problem(self.doc.path, _mark(event), shown, message)])
        mapping = isinstance(event, yaml.MappingStartEvent)
        plain = _MAP_TAG if mapping else _SEQ_TAG
        tag = plain if event.tag in (None, "!") else event.tag
        if not skip and tag != plain:
            self._bad_tag(event, loc, tag)
            skip = True
        value: dict[str, Any] | list[Any] | _Skip = _SKIP if skip else ({} if mapping else [])
        self.stack.append(_Frame(loc, value))

    def _scalar(self, event: yaml.ScalarEvent, loc: Loc) -> Any:
        tag = _scalar_tag(event)
        text = event.value
        if tag not in _SCALAR_TAGS:
            self._bad_tag(event, loc, tag)
            return None
        if len(text) > MAX_SCALAR_CHARS:
            self.fail(event, loc, f"value is too long ({len(text)} characters; at most {MAX_SCALAR_CHARS})")
            return None
        if (problem := control_problem(text)) is not None:
            self.fail(event, loc, problem)
            return None
        if tag in _NUMBER_TAGS and len(text) > MAX_NUMBER_CHARS:
            self.fail(event, loc, f"number is too long ({len(text)} characters; at most {MAX_NUMBER_CHARS})")
            return None
        node = yaml.ScalarNode(tag, text, event.start_mark, event.end_mark, event.style)
        try:
            value = self.constructor.construct_object(node)
        except (ValueError, OverflowError, yaml.YAMLError) as exc:
            self.fail(event, loc, f"cannot read {text!r} as {tag.rsplit(':', 1)[-1]} ({exc})")
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.fail(event, loc, f"expected a finite number, got {text!r}")
            return None
        if isinstance(value, str) and len(value) <= SHARED_CHARS:
            return self.strings.setdefault(value, value)
        return value

    def _key(self, frame: _Frame, event: yaml.Event) -> None:
        refused = _refused_key(event)
        if refused is not None:
            self.fail(event, frame.loc, refused)
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                frame.key = _KEY_OPEN
                self._node(event, frame.loc, skip=True)
            else:
                frame.key = _SKIP
            return
        key = self.strings.setdefault(event.value, event.value)
        child = (*frame.loc, key)
        assert isinstance(frame.value, dict)
        if key in frame.value:
            first = unpack(frame.marks[2 * list(frame.value).index(key)])
            self.fail(event, child, f"duplicate key '{key}' (first given at line {first.line})")
            frame.key = _SKIP
            return
        frame.marks.append(_pack(event))
        frame.key, frame.key_loc = key, child

    def _place(self, value: Any) -> None:
        if not self.stack:
            self.root = None if isinstance(value, _Skip) else value
            return
        frame = self.stack[-1]
        if isinstance(frame.value, list):
            frame.value.append(value)
        elif isinstance(frame.value, dict):
            if frame.key is _KEY_OPEN:
                frame.key = _SKIP
                return
            if isinstance(frame.key, str):
                frame.value[frame.key] = value
            frame.key = None

    def _bad_tag(self, event: yaml.Event, loc: Loc, tag: str) -> None:
        self.fail(event, loc, f"tag {tag.replace('tag:yaml.org,2002:', '!!')} is not allowed; use plain YAML values")


def _scalar_tag(event: yaml.ScalarEvent) -> str:
    if event.tag in (None, "!"):
        return _resolve(event.value, event.implicit)
    return event.tag


@functools.lru_cache(maxsize=4096)  # most values repeat (ids, numbers, kinds); resolving runs a regex per value
def _resolve(value: str, implicit: tuple[bool, bool]) -> str:
    return _RESOLVER.resolve(yaml.ScalarNode, value, implicit)


def _refused_key(event: yaml.Event) -> str | None:
    """Why a mapping key is refused, or None for a plain, short text key."""
    if isinstance(event, yaml.AliasEvent):
        return "aliases (*name) are not supported; write the value out in full"
    if not isinstance(event, yaml.ScalarEvent):
        return "keys must be plain text"
    tag = _scalar_tag(event)
    if tag == "tag:yaml.org,2002:merge":
        return "merge keys (<<) are not supported"
    if tag != _STR_TAG:
        return "keys must be plain text"
    if len(event.value) > MAX_KEY_CHARS:
        return f"key is too long ({len(event.value)} characters; at most {MAX_KEY_CHARS})"
    if (problem := control_problem(event.value)) is not None:
        return f"key {problem}"
    return None


def _syntax_problem(text: str, path: str, exc: yaml.YAMLError) -> Problem:
    """A located problem for a YAML syntax error.

    libyaml finds the error; PyYAML's own parser words it the way our messages always have, so for
    files of honest size it reads the text again to find the same error in those words.
    """
    if _Loader is not yaml.SafeLoader and len(text) <= 2_000_000:
        try:
            for _ in yaml.parse(text, Loader=yaml.SafeLoader):
                pass
        except yaml.YAMLError as python_exc:
            exc = python_exc
    if isinstance(exc, yaml.MarkedYAMLError):
        mark = exc.problem_mark or exc.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else None
        message = ": ".join(part for part in (exc.context, exc.problem) if part)
        return Problem(path, position, "", f"YAML syntax error: {message}")
    if isinstance(exc, yaml.reader.ReaderError) and isinstance(exc.position, int):
        at = exc.position
        position = Position(text.count("\n", 0, at) + 1, at - text.rfind("\n", 0, at))
        character = f"U+{exc.character:04X}" if isinstance(exc.character, int) else repr(exc.character)
        return Problem(path, position, "", f"YAML syntax error: the character {character} is not allowed in YAML")
    return Problem(path, None, "", f"YAML syntax error: {str(exc).splitlines()[0]}")


def load_text(text: str, path: str) -> Document:
    """Parse ``text`` (the contents of ``path``) into a Document, or raise DataError."""
    if len(text) > MAX_FILE_BYTES:
        raise DataError([Problem(path, None, "", too_large(len(text), "characters"))])
    doc = Document(path=path, data=None)
    builder = _Builder(doc)
    loader = _Loader(text)
    try:
        while loader.check_event():
            builder.feed(loader.get_event())
    except yaml.YAMLError as exc:
        raise DataError([_syntax_problem(text, path, exc)]) from None
    finally:
        loader.dispose()
    if builder.problems:
        raise DataError(builder.problems)
    if builder.documents == 0:
        raise DataError([Problem(path, Position(1, 1), "", "file is empty; expected a mapping of fields")])
    doc.data = builder.root
    return doc


def load_file(path: Path, root: Path) -> Document:
    """Read a data file; its problems are reported relative to the project ``root``."""
    shown, text = read_text(path, root)
    return load_text(text, shown)
