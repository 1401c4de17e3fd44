"""Declared references: a field typed as an id in another file is checked by one walker and documented.

The small models here are new to the generator: the walker checks their references and unique
lists with no code of their own, which is what adding a reference field to a model takes.
"""

from __future__ import annotations

import typing
from typing import Annotated

from pydantic import BaseModel, Field

from generator.data.catalogue import DATA_FILES
from generator.data.models import SLUG_PATTERN, Slug, Strict
from generator.data.read import load_text
from generator.data.references import RefersTo, RefersWithin, Unique, check_references, markers_of, reference_of
from generator.data.validate import validate
from generator.site.pages.reference import models_of, reference_path, type_label

# A new kind of reference: to the entries of a new file, in a plain field, inside a list, in an optional
# field of a nested entry, and to a list of the same entry.
ShelfId = Annotated[Slug, RefersTo("shelves.yaml", "shelves", "shelf")]
ChapterId = Annotated[Slug, RefersWithin("Book", "chapters", "chapter")]


class Shelf(Strict):
    id: Slug = Field(description="Id.")


class ShelvesFile(Strict):
    shelves: Annotated[list[Shelf], Unique("id")] = Field(description="Hylder.")


class Loan(Strict):
    shelf: ShelfId | None = Field(description="Hylden, lånet kom fra.", default=None)
    chapters: Annotated[list[ChapterId], Unique()] = Field(description="Kapitler.", default_factory=list)


class Chapter(Strict):
    id: Slug = Field(description="Id.")


class Book(Strict):
    id: Slug = Field(description="Id.")
    shelf: ShelfId = Field(description="Hylden.")
    also_on: list[ShelfId] = Field(description="Andre hylder.", default_factory=list)
    chapters: list[Chapter] = Field(description="Kapitler.", default_factory=list)
    loans: list[Loan] = Field(description="Udlån.", default_factory=list)


class BooksFile(Strict):
    books: Annotated[list[Book], Unique("id")] = Field(description="Bøger.")


SHELVES = "shelves:\n  - id: roman\n  - id: fagbog\n"
BOOKS = """\
books:
  - id: et
    shelf: romann
    also_on: [fagbog, digte]
    chapters: [{id: start}, {id: slut}]
    loans:
      - shelf: fagbgo
        chapters: [start, midte, start]
  - id: et
    shelf: roman
"""


def _check(books: str = BOOKS, shelves: str | None = SHELVES) -> list[str]:
    docs = {"books.yaml": load_text(books, "data/books.yaml")}
    if shelves is not None:
        docs["shelves.yaml"] = load_text(shelves, "data/shelves.yaml")
    models: dict[str, BaseModel] = {"books.yaml": validate(BooksFile, docs["books.yaml"])}
    return [p.format() for p in sorted(check_references(docs, models), key=lambda p: p.sort_key)]


DUPLICATE_BOOK = "data/books.yaml:9:9: books[1].id: duplicate id 'et' (first used at line 2)"
WITHIN_THE_BOOK = [
    "data/books.yaml:8:27: books[0].loans[0].chapters[1]: unknown chapter 'midte'; "
    "it must be an id in this book's `chapters`",
    "data/books.yaml:8:34: books[0].loans[0].chapters[2]: duplicate chapter 'start' (first used at line 8)",
]


def test_a_new_reference_field_is_checked_with_no_code_of_its_own():
    assert _check() == [
        "data/books.yaml:3:12: books[0].shelf: unknown shelf 'romann' (did you mean 'roman'?); "
        "it must be an id in data/shelves.yaml",
        "data/books.yaml:4:23: books[0].also_on[1]: unknown shelf 'digte'; it must be an id in data/shelves.yaml",
        "data/books.yaml:7:16: books[0].loans[0].shelf: unknown shelf 'fagbgo' (did you mean 'fagbog'?); "
        "it must be an id in data/shelves.yaml",
        *WITHIN_THE_BOOK,
        DUPLICATE_BOOK,
    ]


def test_references_are_checked_against_a_target_file_that_has_other_errors():
    broken = SHELVES + "  - id: digte\n    name: 12\n"  # not a valid Shelf, but its id is there
    assert not any("'digte'" in line for line in _check(shelves=broken))
    assert any("unknown shelf 'romann'" in line for line in _check(shelves=broken))


def test_a_target_file_that_could_not_be_read_gives_no_cascade_of_errors():
    for shelves in (None, "shelves: 3\n", "- roman\n"):  # not read at all, or no list of entries
        assert _check(shelves=shelves) == [*WITHIN_THE_BOOK, DUPLICATE_BOOK]


def test_allowed_other_values_are_known_and_named_in_the_message():
    area = RefersTo("shelves.yaml", "shelves", "area", also=("landsplan",))
    assert area.expected == "'landsplan' or an id in data/shelves.yaml"
    assert RefersTo("elements.yaml", "groups", "group").expected == "an id in data/elements.yaml (groups)"


def test_the_data_format_page_names_the_target_from_the_same_annotation():
    where = {Book: ["books[]"], Chapter: ["books[].chapters[]"]}
    href = {reference_path("elements.yaml"): "../elements/"}.__getitem__
    element = Annotated[Slug, RefersTo("elements.yaml", "elements", "element")]
    assert type_label(list[element], [], where, href) == (
        'liste af id i <a href="../elements/#element">data/elements.yaml</a>'
    )
    assert type_label(ChapterId | None, [], where, href) == (
        'id i <code>chapters</code> i samme <a href="#book">Book</a>'
    )


def _is_id(annotation: typing.Any, metadata: list[typing.Any]) -> bool:
    bare, _ = markers_of(annotation, metadata)
    if typing.get_origin(bare) is list:
        return _is_id(typing.get_args(bare)[0], [])
    return SLUG_PATTERN in repr(annotation) + repr(metadata)


def _is_reference(annotation: typing.Any, metadata: list[typing.Any]) -> bool:
    bare, _ = markers_of(annotation, metadata)
    if typing.get_origin(bare) is list:
        return _is_reference(typing.get_args(bare)[0], [])
    return reference_of(annotation, metadata) is not None


def test_every_id_field_but_an_entrys_own_id_is_declared_as_a_reference():
    undeclared = [
        f"{model.__name__}.{name}"
        for model in {m for file in DATA_FILES for m in models_of(file)}
        for name, info in model.model_fields.items()
        if name != "id" and _is_id(info.annotation, info.metadata) and not _is_reference(info.annotation, info.metadata)
    ]
    assert undeclared == []


def test_every_declared_target_is_a_list_of_entries_with_ids():
    for model in {m for file in DATA_FILES for m in models_of(file)}:
        for info in model.model_fields.values():
            bare, _ = markers_of(info.annotation, info.metadata)
            inner = typing.get_args(bare)[0] if typing.get_origin(bare) is list else info.annotation
            reference = reference_of(inner, info.metadata)
            if isinstance(reference, RefersTo):
                target = markers_of(DATA_FILES[reference.file].model_fields[reference.key].annotation)[0]
                assert "id" in typing.get_args(target)[0].model_fields, reference
