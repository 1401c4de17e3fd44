"""The data-format reference for maintainers, generated from the models: every field of every data file.

One page per data file lists each kind of entry in the file (a model) with every field: its type in
plain Danish, whether it is required, its description (from the model) and an example taken from the
real data. An index page says how the files fit together. Nothing here is written by hand, so the
reference cannot drift from what ``check`` accepts.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, Literal, Union

from annotated_types import MinLen
from markupsafe import Markup
from pydantic import BaseModel, StringConstraints
from pydantic.fields import FieldInfo

from ...data.catalogue import DATA_FILES, Catalogue
from ...data.models import SLUG_PATTERN, Figure, PageRange
from ...data.references import RefersTo, RefersWithin, reference_of
from ...maintainers.schemas import SCHEMA_DIR, schema_comment, schema_name
from ..render import escape_markdown
from ..urls import REFERENCE_INDEX, hrefer, reference_path
from .base import Page, render_page

REFERENCE_TITLE = "Dataformat"
EXAMPLE_LENGTH = 60


@dataclass(frozen=True)
class FieldRow:
    name: Markup  # a model field's name: from the code, not the data
    type: Markup  # HTML: plain Danish, with links to the entry kinds it contains
    required: bool
    description: Markup
    example: str  # '' when the data never uses the field


@dataclass(frozen=True)
class Section:
    model: type[BaseModel]
    anchor: str
    where: list[str]  # where in the file entries of this kind stand, e.g. 'projects[].cost'
    rows: list[FieldRow]


def _anchor(model: type[BaseModel]) -> str:
    return model.__name__.lower()


def _link(model: type[BaseModel], where: dict[type[BaseModel], list[str]]) -> str:
    return f'<a href="#{_anchor(model)}">{model.__name__}</a>'


def _constraint(metadata: list[Any]) -> str | None:
    for item in metadata:
        if isinstance(item, StringConstraints) and item.pattern == SLUG_PATTERN:
            return "id (a–z, 0–9 og bindestreg)"
    return None


Href = Callable[[str], str]  # the relative URL of another page of the site, from the page being made


def reference_label(reference: RefersTo | RefersWithin, where: dict[type[BaseModel], list[str]], href: Href) -> str:
    """'id i data/municipalities.yaml', linked to the kind of entry the id must name (from the field's type)."""
    if isinstance(reference, RefersWithin):
        return f'id i <code>{reference.where}</code> i samme <a href="#{reference.owner.lower()}">{reference.owner}</a>'
    target = _models_in(DATA_FILES[reference.file].model_fields[reference.key].annotation)[0]
    page = "" if target in where else href(reference_path(reference.file))
    in_list = "" if reference.main_list else f" (<code>{reference.key}</code>)"
    either = "".join(f"<code>{value}</code> eller " for value in reference.also)
    return f'{either}id i <a href="{page}#{_anchor(target)}">data/{reference.file}</a>{in_list}'


def type_label(annotation: Any, metadata: list[Any], where: dict[type[BaseModel], list[str]], href: Href) -> str:
    """A field's type in plain Danish, e.g. 'liste af id (…)' or 'en af: `modnet`, `delvist-modnet`'."""
    origin, args = typing.get_origin(annotation), typing.get_args(annotation)
    if origin is typing.Annotated:
        return type_label(args[0], [*args[1:], *metadata], where, href)
    if origin in (Union, types.UnionType):
        return " eller ".join(type_label(a, metadata, where, href) for a in args if a is not type(None))
    if origin is list:
        minimum = next((m.min_length for m in metadata if isinstance(m, MinLen)), 0)
        least = f" (mindst {minimum})" if minimum else ""
        return f"liste{least} af {type_label(args[0], [], where, href)}"
    if origin is dict:
        return f"opslag fra {type_label(args[0], [], where, href)} til {type_label(args[1], [], where, href)}"
    if (reference := reference_of(annotation, metadata)) is not None:
        return reference_label(reference, where, href)
    if origin is Literal:
        return "en af: " + ", ".join(f"<code>{a}</code>" for a in args)
    if annotation is PageRange:
        return "sidetal, fx <code>12</code>, eller sider, fx <code>12-14</code>"
    if isinstance(annotation, type) and issubclass(annotation, Figure):
        return (
            f"celle skrevet som i rapporten, fx <code>{annotation.EXAMPLE}</code> eller <code>-</code>; "
            f"er cellen ikke et almindeligt tal: {_link(annotation, where)}"
        )
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _link(annotation, where)
    simple = {
        str: "tekst",
        int: "heltal",
        bool: "<code>true</code> eller <code>false</code>",
        Decimal: "tal",
        float: "tal",
    }
    if annotation in simple:
        return _constraint(metadata) or simple[annotation]
    raise TypeError(f"no Danish label for the type {annotation!r}; add one in reference.type_label")


def _models_in(annotation: Any) -> list[type[BaseModel]]:
    if annotation is PageRange:  # written as a page number or range, not as a mapping
        return []
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return [annotation]
    return [m for arg in typing.get_args(annotation) for m in _models_in(arg)]


def _suffix(annotation: Any) -> str:
    """'[]' for a list of entries, so paths read like the YAML: projects[].activities[]."""
    return "[]" if typing.get_origin(annotation) is list else ""


def models_of(data_file: str) -> dict[type[BaseModel], list[str]]:
    """Every model a data file uses, in the order a reader meets them, with where each one stands."""
    where: dict[type[BaseModel], list[str]] = {DATA_FILES[data_file]: ["(filen)"]}
    queue = [(DATA_FILES[data_file], "")]
    while queue:
        model, path = queue.pop(0)
        for name, info in model.model_fields.items():
            annotation = typing.get_args(info.annotation)[0] if _is_optional(info.annotation) else info.annotation
            for inner in _models_in(annotation):
                place = f"{path}.{name}{_suffix(annotation)}".lstrip(".")
                if inner not in where:
                    where[inner] = [place]
                    queue.append((inner, place))
                elif place not in where[inner]:
                    where[inner].append(place)
    return where


def _is_optional(annotation: Any) -> bool:
    args = typing.get_args(annotation)
    return typing.get_origin(annotation) in (Union, types.UnionType) and type(None) in args and len(args) == 2


def examples(catalogue: Catalogue, data_file: str) -> dict[tuple[type[BaseModel], str], Any]:
    """The first value the real data gives each field of each model in a file."""
    found: dict[tuple[type[BaseModel], str], Any] = {}

    def visit(value: Any) -> None:
        if isinstance(value, BaseModel):
            for name in type(value).model_fields:
                item = getattr(value, name)
                if item is not None and item != [] and (type(value), name) not in found:
                    found[(type(value), name)] = item
                visit(item)
        elif isinstance(value, list | tuple):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)

    visit(catalogue.files[data_file])
    return found


def _example_text(value: Any) -> str:
    if isinstance(value, PageRange):
        return str(value).replace("–", "-")  # as written in YAML
    if isinstance(value, BaseModel) and not isinstance(value, Figure):
        return ""  # the linked section shows its fields
    if isinstance(value, list):
        if value and isinstance(value[0], BaseModel) and not isinstance(value[0], Figure):
            return ""
        text = "[" + ", ".join(_example_text(v) for v in value[:4]) + (", …" if len(value) > 4 else "") + "]"
    elif isinstance(value, Figure):
        text = value.as_written
    elif isinstance(value, bool):
        text = "true" if value else "false"
    else:
        text = str(value)
    return text if len(text) <= EXAMPLE_LENGTH else text[: EXAMPLE_LENGTH - 1].rstrip() + "…"


def sections(catalogue: Catalogue, data_file: str) -> list[Section]:
    where = models_of(data_file)
    found = examples(catalogue, data_file)
    href = hrefer(reference_path(data_file))
    result = []
    for model, places in where.items():
        rows = []
        for name, info in model.model_fields.items():
            rows.append(
                FieldRow(
                    name=Markup(name),
                    type=Markup(type_label(info.annotation, list(info.metadata), where, href)),
                    required=info.is_required(),
                    description=field_description(model, name, info),
                    example=_example_text(found.get((model, name))),
                )
            )
        result.append(Section(model, _anchor(model), [Markup(p) for p in places], rows))
    return result


def field_description(model: type[BaseModel], name: str, info: FieldInfo) -> Markup:
    """The field's Danish description as HTML: escaped text, with `code` kept as code."""
    if not info.description:
        raise ValueError(f"{model.__name__}.{name} has no description; the maintainers' reference needs one")
    parts = info.description.split("`")
    if len(parts) % 2 == 0:  # an unpaired backtick: all text
        return escape_markdown(info.description)
    return Markup("").join(
        Markup("<code>{}</code>").format(part) if i % 2 else _text_keeping_spaces(part) for i, part in enumerate(parts)
    )


def _text_keeping_spaces(text: str) -> Markup:
    before = " " if text[:1].isspace() else ""
    after = " " if text[-1:].isspace() and text.strip() else ""
    return Markup(before) + escape_markdown(text) + Markup(after)


def reference_pages(catalogue: Catalogue) -> list[Page]:
    files = [
        {
            "name": name,
            "path": reference_path(name),
            "schema": Markup(f"{SCHEMA_DIR}/{schema_name(name)}"),
            "content": Markup(" ").join(
                field_description(DATA_FILES[name], field, info)
                for field, info in DATA_FILES[name].model_fields.items()
            ),
        }
        for name in DATA_FILES
    ]
    pages = [
        render_page(
            REFERENCE_INDEX,
            REFERENCE_TITLE,
            "generator/data/models/__init__.py",
            "reference_index.md.j2",
            files=files,
            comment=Markup(schema_comment("projects.yaml")),
        )
    ]
    for name in DATA_FILES:
        pages.append(
            render_page(
                reference_path(name),
                f"data/{name}",
                f"generator/data/models/{name.removesuffix('.yaml')}.py",
                "reference.md.j2",
                data_file=name,
                sections=sections(catalogue, name),
                schema=Markup(f"{SCHEMA_DIR}/{schema_name(name)}"),
                comment=Markup(schema_comment(name)),
            )
        )
    return pages
