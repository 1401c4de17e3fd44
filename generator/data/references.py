"""Stage 3 (references): fields that hold another entry's id say so in their type; one walker checks them all.

A field that names an entry elsewhere is typed with a marker, usually through an alias in models/common.py:

    MunicipalityId = Annotated[Slug, RefersTo("municipalities.yaml", "municipalities", "municipality")]
    municipality: MunicipalityId = Field(...)      # also in lists: list[MunicipalityId]

and a list whose entries must differ says so on the list:

    elements: Annotated[list[Element], Unique("id"), Unique("number")] = Field(...)

``check_references`` walks every validated model beside its YAML document (the model's fields mirror
the YAML keys, its lists the YAML lists), finds each marked value and reports what is wrong, located
at the value. Adding a reference field needs no code here. The data-format pages (reference.py) name
the target from the same marker.

Targets are read from the raw YAML, so a reference to a file with other errors is still checked; a
reference to a file that could not be read at all is not, so one broken file does not cascade.
"""

from __future__ import annotations

import difflib
import types
import typing
from dataclasses import dataclass
from functools import cache
from typing import Annotated, Any, Union

from pydantic import BaseModel

from .document import Document, Loc
from .problems import Problem


@dataclass(frozen=True)
class RefersTo:
    """The value is the id of an entry in the list ``key`` of data file ``file`` (or one of ``also``)."""

    file: str  # e.g. 'elements.yaml'
    key: str  # the list in that file, e.g. 'groups'
    kind: str  # what an entry is called in messages, e.g. 'group'
    also: tuple[str, ...] = ()  # other values that are allowed, e.g. ('landsplan',)

    @property
    def main_list(self) -> bool:
        """Whether ``key`` is the list the file is named after (elements in elements.yaml)."""
        return self.key == self.file.removesuffix(".yaml")

    @property
    def expected(self) -> str:
        where = f"data/{self.file}" + ("" if self.main_list else f" ({self.key})")
        either = "".join(f"'{value}' or " for value in self.also)
        return f"{either}an id in {where}"


@dataclass(frozen=True)
class RefersWithin:
    """The value is the id of an entry in the list ``key`` of the enclosing ``owner`` (e.g. a project's activities)."""

    owner: str  # the enclosing model's class name, e.g. 'Project'
    key: str  # an attribute of the owner that lists the entries (a field, or a property that gathers them)
    kind: str
    shown: str | None = None  # where a maintainer finds the entries in the YAML, when ``key`` is a property

    @property
    def where(self) -> str:
        return self.shown or self.key

    @property
    def expected(self) -> str:
        return f"an id in this {self.owner.lower()}'s `{self.where}`"


@dataclass(frozen=True)
class Unique:
    """No two entries of the list share ``by`` (a field of each entry; None: the entry itself)."""

    by: str | None = None
    what: str | None = None  # the name in messages; by default ``by``, or the kind of reference the list holds


Reference = RefersTo | RefersWithin
_MARKERS = (RefersTo, RefersWithin, Unique)


def markers_of(annotation: Any, metadata: typing.Iterable[Any] = ()) -> tuple[Any, tuple[Any, ...]]:
    """The bare type of a field and the markers declared on it, looking through Annotated[…] and Optional[…]."""
    found = [m for m in metadata if isinstance(m, _MARKERS)]
    while True:
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin is Annotated:
            annotation = args[0]
            found += [m for m in args[1:] if isinstance(m, _MARKERS)]
        elif origin in (Union, types.UnionType) and len(rest := [a for a in args if a is not type(None)]) == 1:
            annotation = rest[0]
        else:
            return annotation, tuple(found)


def reference_of(annotation: Any, metadata: typing.Iterable[Any] = ()) -> Reference | None:
    return next((m for m in markers_of(annotation, metadata)[1] if isinstance(m, Reference)), None)


@cache
def _fields(model: type[BaseModel]) -> list[tuple[str, Any, tuple[Any, ...]]]:
    return [(name, *markers_of(info.annotation, info.metadata)) for name, info in model.model_fields.items()]


def _item(list_type: Any) -> tuple[Any, tuple[Any, ...]]:
    """The type of a list's entries and the markers declared on them."""
    return markers_of(typing.get_args(list_type)[0] if typing.get_args(list_type) else Any)


def raw_ids(doc: Document | None, key: str) -> list[str] | None:
    """Ids present in a file even if it failed validation, so references can still be checked.

    None when the file could not be read at all: its own error is reported, and
    references to it are not, so one broken file does not cascade.
    """
    items = doc.data.get(key) if doc and isinstance(doc.data, dict) else None
    if not isinstance(items, list):
        return None
    return [item["id"] for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]


def check_references(docs: dict[str, Document], models: dict[str, BaseModel]) -> list[Problem]:
    """Every declared reference and uniqueness in the validated ``models``, located in their ``docs``."""
    known: dict[tuple[str, str], list[str] | None] = {}

    def ids(target: RefersTo) -> list[str] | None:
        if (target.file, target.key) not in known:
            known[(target.file, target.key)] = raw_ids(docs.get(target.file), target.key)
        found = known[(target.file, target.key)]
        return None if found is None else [*target.also, *found]

    problems: list[Problem] = []
    for name, model in models.items():
        _Walker(docs[name], ids, problems).visit(model, type(model), (), (), ())
    return problems


class _Walker:
    def __init__(self, doc: Document, ids: typing.Callable[[RefersTo], list[str] | None], problems: list[Problem]):
        self.doc, self.ids, self.problems = doc, ids, problems

    def visit(self, value: Any, bare: Any, markers: tuple[Any, ...], loc: Loc, owners: tuple[BaseModel, ...]) -> None:
        for marker in markers:
            if isinstance(marker, Unique) and isinstance(value, list):
                self.unique(value, marker, _item(bare)[1], loc)
            elif isinstance(marker, Reference) and isinstance(value, str):
                self.refer(value, marker, loc, owners)
        if isinstance(value, BaseModel):
            for name, field_type, field_markers in _fields(type(value)):
                self.visit(getattr(value, name), field_type, field_markers, (*loc, name), (*owners, value))
        elif isinstance(value, list) and typing.get_origin(bare) is list:
            item_type, item_markers = _item(bare)
            for index, item in enumerate(value):
                self.visit(item, item_type, item_markers, (*loc, index), owners)

    def refer(self, value: str, reference: Reference, loc: Loc, owners: tuple[BaseModel, ...]) -> None:
        """Report ``value`` unless it is a known id; skip when the target file itself could not be read."""
        known = self.ids(reference) if isinstance(reference, RefersTo) else _within(reference, owners)
        if known is None or value in known:
            return
        close = difflib.get_close_matches(value, known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        message = f"unknown {reference.kind} '{value}'{hint}; it must be {reference.expected}"
        self.problems.append(self.doc.problem(loc, message))

    def unique(self, entries: list[Any], rule: Unique, item_markers: tuple[Any, ...], loc: Loc) -> None:
        """Report every entry that repeats an earlier one, at the repeated value."""
        kind = next((m.kind for m in item_markers if isinstance(m, Reference)), "value")
        what = rule.what or rule.by or kind
        seen: dict[Any, int] = {}
        for index, entry in enumerate(entries):
            value = entry if rule.by is None else getattr(entry, rule.by)
            at = (*loc, index) if rule.by is None else (*loc, index, rule.by)
            if value not in seen:
                seen[value] = index
                continue
            first_at = (*loc, seen[value]) if rule.by is None else (*loc, seen[value], rule.by)
            first = self.doc.position(first_at)
            where = f" (first used at line {first.line})" if first else ""
            self.problems.append(self.doc.problem(at, f"duplicate {what} '{value}'{where}"))


def _within(reference: RefersWithin, owners: tuple[BaseModel, ...]) -> list[str]:
    """The ids of the entries in ``reference.key`` of the nearest enclosing ``reference.owner``."""
    for owner in reversed(owners):
        if type(owner).__name__ == reference.owner:
            return [entry.id for entry in getattr(owner, reference.key)]
    raise TypeError(f"{reference} is declared on a field that no {reference.owner} encloses")
