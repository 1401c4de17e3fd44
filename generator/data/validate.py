"""Stage 2: validate a read Document into its typed model.

Pydantic reports every error in a file at once; this module turns each into a
located Problem with a message a maintainer can act on.
"""

from __future__ import annotations

import difflib
import typing
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .document import Document, Loc
from .models import SECTION_PATTERN, SLUG_PATTERN
from .problems import DataError, Problem

M = TypeVar("M", bound=BaseModel)

_EXPECTED = {
    "string_type": "expected text",
    "int_type": "expected a whole number",
    "int_parsing": "expected a whole number",
    "float_type": "expected a number",
    "bool_type": "expected true or false",
    "list_type": "expected a list",
    "model_type": "expected a mapping of fields",
    "model_attributes_type": "expected a mapping of fields",
    "dict_type": "expected a mapping of fields",
}


def _shown(value: Any) -> str:
    if value is None:
        return "nothing (empty value)"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, str):
        return f'"{value}"' if len(value) <= 60 else f'"{value[:57]}..."'
    return repr(value)


def _model_at(model: type[BaseModel], loc: Loc) -> type[BaseModel] | None:
    """The model class that describes the mapping at ``loc`` (for key suggestions)."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        member = _member_of_kind(current, part)  # pydantic's tag of a union chosen by `kind`
        if member is not None:
            current = member
            continue
        owner = _inner_model(current)
        field = owner.model_fields.get(part) if owner else None
        if field is None:
            return None
        current = field.annotation
    return _inner_model(current)


def _member_of_kind(annotation: Any, tag: str) -> type[BaseModel] | None:
    """The model in a union whose ``kind`` is the literal ``tag``, if the union is chosen by kind."""
    for arg in getattr(annotation, "__args__", ()):
        if isinstance(arg, type) and issubclass(arg, BaseModel):
            kind = arg.model_fields.get("kind")
            if kind is not None and tag in typing.get_args(kind.annotation):
                return arg
        elif (found := _member_of_kind(arg, tag)) is not None:
            return found
    return None


def _inner_model(annotation: Any) -> Any:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in getattr(annotation, "__args__", ()):
        found = _inner_model(arg)
        if found is not None:
            return found
    return None


def _message(model: type[BaseModel], error: dict[str, Any]) -> str:
    kind = error["type"]
    loc = tuple(error["loc"])
    given = error.get("input")
    if kind == "missing":
        return f"required field '{loc[-1]}' is missing"
    if kind == "extra_forbidden":
        parent = _model_at(model, loc[:-1])
        known = sorted(parent.model_fields) if parent else []
        close = difflib.get_close_matches(str(loc[-1]), known, n=1)
        hint = f" (did you mean '{close[0]}'?)" if close else ""
        allowed = f"; allowed fields: {', '.join(known)}" if known else ""
        return f"unknown field '{loc[-1]}'{hint}{allowed}"
    if kind in _EXPECTED:
        return f"{_EXPECTED[kind]}, got {_shown(given)}"
    ctx = error.get("ctx", {})
    if kind == "string_pattern_mismatch":
        if ctx.get("pattern") == SLUG_PATTERN:
            return (
                "expected an id of lowercase letters, digits and hyphens (like 'sammen-om-barnet'), "
                f"got {_shown(given)}"
            )
        if ctx.get("pattern") == SECTION_PATTERN:
            return f"expected a section number like '5.2' or '4.1.1', got {_shown(given)}"
        return f"expected text of the form {ctx.get('pattern')}, got {_shown(given)}"
    if kind == "string_too_long":
        size = len(given) if isinstance(given, str) else "more"
        return f"too long: at most {ctx.get('max_length')} characters, got {size}"
    if kind in ("greater_than_equal", "less_than_equal"):
        return f"expected a number from {_range_of(model, loc)}, got {_shown(given)}"
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return f"expected one of {expected}, got {_shown(given)}"
    if kind in ("too_short", "string_too_short"):
        return f"must not be empty, got {_shown(given)}"
    if kind == "value_error":
        return str(error.get("ctx", {}).get("error", error["msg"]))
    return f"{error['msg']}, got {_shown(given)}"


def _range_of(model: type[BaseModel], loc: Loc) -> str:
    """'1900 to 2100': the bounds declared for the number at ``loc``."""
    parent = _model_at(model, tuple(p for p in loc[:-1] if isinstance(p, str)))
    name = next((p for p in reversed(loc) if isinstance(p, str)), "")
    field = parent.model_fields.get(name) if parent else None
    low = high = None
    for meta in _metadata(field.annotation) + list(field.metadata) if field else []:
        low = getattr(meta, "ge", None) if getattr(meta, "ge", None) is not None else low
        high = getattr(meta, "le", None) if getattr(meta, "le", None) is not None else high
    return f"{low} to {high}"


def _metadata(annotation: Any) -> list[Any]:
    """Constraints declared on an annotation, also inside Optional[...] and on a Field(...)."""
    found = []
    for meta in getattr(annotation, "__metadata__", ()):
        found += [meta, *getattr(meta, "metadata", ())]
    for arg in getattr(annotation, "__args__", ()):
        found += _metadata(arg)
    return found


def problems_of(model: type[M], doc: Document) -> tuple[M | None, list[Problem]]:
    """Validate ``doc`` as ``model``; return the model or the located problems."""
    try:
        return model.model_validate(doc.data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc = _untagged(doc.data, tuple(error["loc"]))
            problems.append(doc.problem(loc, _message(model, error), key=error["type"] == "extra_forbidden"))
        return None, problems


def _untagged(data: Any, loc: Loc) -> Loc:
    """``loc`` without the tag pydantic adds inside a union chosen by ``kind`` ('blocks', 0, 'tekst', 'lost'),
    so that the problem is placed on the field in the file and named by the file's own path."""
    kept: list[Any] = []
    for part in loc:
        if isinstance(data, dict) and part not in data and data.get("kind") == part:
            continue
        kept.append(part)
        data = data.get(part) if isinstance(data, dict) else data[part] if _indexable(data, part) else None
    return tuple(kept)


def _indexable(data: Any, part: Any) -> bool:
    return isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data)


def validate(model: type[M], doc: Document) -> M:
    result, problems = problems_of(model, doc)
    if result is None:
        raise DataError(problems)
    return result
