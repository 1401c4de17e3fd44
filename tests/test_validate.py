"""Stage 2: typed models with located, actionable messages."""

import pytest

from generator.models import Municipality, PageRange, Passage, SourcesFile
from generator.problems import DataError
from generator.read import load_text
from generator.validate import validate


def problems(model, text):
    with pytest.raises(DataError) as caught:
        validate(model, load_text(text, "data/m.yaml"))
    return [p.format() for p in caught.value.problems]


def test_valid_file_gives_typed_models():
    result = validate(Municipality, load_text("{id: a, name: A, short_name: A, region: r}\n", "m"))
    assert result == Municipality(id="a", name="A", short_name="A", region="r")


def test_unknown_key_suggests_the_close_one():
    found = problems(Municipality, "id: a\nname: A\nshortname: A\nregion: r\n")
    assert found == [
        "data/m.yaml:1:1: short_name: required field 'short_name' is missing",
        "data/m.yaml:3:1: shortname: unknown field 'shortname' (did you mean 'short_name'?); "
        "allowed fields: id, name, region, short_name",
    ]


def test_wrong_type_is_not_coerced():
    found = problems(Passage, "pages: 3\nparagraphs: [42]\n")
    assert found == ["data/m.yaml:2:14: paragraphs[0]: expected text, got 42"]


def test_bad_slug_and_bad_pages():
    found = problems(Municipality, "{id: Helsingør, name: A, short_name: A, region: r}\n")
    assert "expected an id of lowercase letters, digits and hyphens" in found[0]
    found = problems(Passage, "pages: 23-21\nparagraphs: [x]\n")
    assert found == ["data/m.yaml:1:8: pages: expected a page number or a range like 21-23, got '23-21'"]


def test_page_ranges():
    assert str(validate(Passage, load_text("pages: 21-23\nparagraphs: [x]\n", "m")).pages) == "21–23"
    assert validate(Passage, load_text("pages: 7\nparagraphs: [x]\n", "m")).pages == PageRange(first=7, last=7)


def test_a_source_needs_a_seed_file_or_an_address():
    found = problems(
        SourcesFile, "sources:\n  - {id: s, short_name: S, title: T, publisher: P, kind: K, description: D}\n"
    )
    assert "give `seed_file` (a document in shared/seeds) or `url` (a public source)" in found[0]
