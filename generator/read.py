"""Stage 1: read YAML safely, keeping the line and column of every value.

Data arrives through pull requests, so it is untrusted. We compose the YAML
node graph with PyYAML's SafeLoader and build plain values ourselves: only the
standard tags are accepted (a tag such as ``!!python/object`` is an error, not
an object), duplicate keys are errors (PyYAML would silently keep the last),
and anchors/aliases are errors: the data never needs them, and refusing them
rules out recursive aliases, "billion laughs" expansion and values whose
reported line is the anchor's rather than their own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .problems import DataError, Position, Problem, field_path

Loc = tuple[str | int, ...]

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
MAX_NODES = 200_000


@dataclass
class Document:
    """A parsed data file: its plain value plus where each part came from."""

    path: str
    data: Any
    values: dict[Loc, Position] = field(default_factory=dict)
    keys: dict[Loc, Position] = field(default_factory=dict)

    def position(self, loc: Loc, *, key: bool = False) -> Position | None:
        """Best position for ``loc``: the key itself, the value, or the nearest parent."""
        if key and loc in self.keys:
            return self.keys[loc]
        for end in range(len(loc), -1, -1):
            found = self.values.get(loc[:end])
            if found is not None:
                return found
        return None

    def problem(self, loc: Loc, message: str, *, key: bool = False, **kwargs: Any) -> Problem:
        return Problem(self.path, self.position(loc, key=key), field_path(loc), message, **kwargs)


def _mark(node: yaml.Node) -> Position:
    return Position(node.start_mark.line + 1, node.start_mark.column + 1)


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.problems: list[Problem] = []
        self.loader = yaml.SafeLoader("")
        self.count = 0
        self.seen: set[int] = set()

    def build(self, node: yaml.Node, loc: Loc) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise DataError([self.doc.problem(loc, f"file is too large (more than {MAX_NODES} values)")])
        if id(node) in self.seen:
            message = "aliases (*name) are not supported; write the value out in full"
            self.problems.append(Problem(self.doc.path, _mark(node), field_path(loc), message))
            return None
        self.seen.add(id(node))
        self.doc.values.setdefault(loc, _mark(node))
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, loc)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _SEQ_TAG:
                return self._bad_tag(node, loc)
            return [self.build(item, (*loc, i)) for i, item in enumerate(node.value)]
        if node.tag not in _SCALAR_TAGS:
            return self._bad_tag(node, loc)
        return self.loader.construct_object(node)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict[str, Any] | None:
        if node.tag != _MAP_TAG:
            return self._bad_tag(node, loc)
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(
                    Problem(self.doc.path, _mark(key_node), field_path(loc), "merge keys (<<) are not supported")
                )
                continue
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != "tag:yaml.org,2002:str":
                self.problems.append(
                    Problem(self.doc.path, _mark(key_node), field_path(loc), "keys must be plain text")
                )
                continue
            key = key_node.value
            child = (*loc, key)
            if key in out:
                first = self.doc.keys[child]
                self.problems.append(
                    Problem(
                        self.doc.path,
                        _mark(key_node),
                        field_path(child),
                        f"duplicate key '{key}' (first given at line {first.line})",
                    )
                )
                continue
            self.doc.keys[child] = _mark(key_node)
            out[key] = self.build(value_node, child)
        return out

    def _bad_tag(self, node: yaml.Node, loc: Loc) -> None:
        self.problems.append(
            Problem(
                self.doc.path,
                _mark(node),
                field_path(loc),
                f"tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not allowed; use plain YAML values",
            )
        )
        return None


def load_text(text: str, path: str) -> Document:
    """Parse ``text`` (the contents of ``path``) into a Document, or raise DataError."""
    doc = Document(path=path, data=None)
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        position = Position(mark.line + 1, mark.column + 1) if mark else None
        message = ": ".join(part for part in (exc.context, exc.problem) if part)
        raise DataError([Problem(path, position, "", f"YAML syntax error: {message}")]) from None
    except yaml.YAMLError as exc:
        raise DataError([Problem(path, None, "", f"YAML syntax error: {exc}")]) from None
    if node is None:
        raise DataError([Problem(path, Position(1, 1), "", "file is empty; expected a mapping of fields")])
    builder = _Builder(doc)
    doc.data = builder.build(node, ())
    if builder.problems:
        raise DataError(builder.problems)
    return doc


def load_file(path: Path, root: Path) -> Document:
    """Read a data file; its problems are reported relative to the project ``root``."""
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError([Problem(shown, None, "", "file not found")]) from None
    except UnicodeDecodeError as exc:
        raise DataError([Problem(shown, None, "", f"file is not valid UTF-8 ({exc.reason})")]) from None
    return load_text(text, shown)
