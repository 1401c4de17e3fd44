"""Stage 2: typed models with located, actionable messages."""

import pytest

from generator.models import MunicipalitiesFile, Municipality, PageRange, Passage
from generator.problems import DataError
from generator.read import load_text
from generator.validate import validate


def problems(model, text):
    with pytest.raises(DataError) as caught:
        validate(model, load_text(text, "data/m.yaml"))
    return [p.format() for p in caught.value.problems]


def test_valid_file_gives_typed_models():
    result = validate(MunicipalitiesFile, load_text("municipalities:\n  - {id: a, name: A, short_name: A}\n", "m"))
    assert result.municipalities == [Municipality(id="a", name="A", short_name="A")]


def test_unknown_key_suggests_the_close_one():
    found = problems(MunicipalitiesFile, "municipalities:\n  - id: a\n    name: A\n    shortname: A\n")
    assert found == [
        "data/m.yaml:2:5: municipalities[0].short_name: required field 'short_name' is missing",
        "data/m.yaml:4:5: municipalities[0].shortname: unknown field 'shortname' (did you mean 'short_name'?); "
        "allowed fields: id, name, short_name",
    ]


def test_wrong_type_is_not_coerced():
    found = problems(Passage, "pages: 3\nparagraphs: [42]\n")
    assert found == ["data/m.yaml:2:14: paragraphs[0]: expected text, got 42"]


def test_bad_slug_and_bad_pages():
    found = problems(MunicipalitiesFile, "municipalities:\n  - {id: Helsingør, name: A, short_name: A}\n")
    assert "expected an id of lowercase letters, digits and hyphens" in found[0]
    found = problems(Passage, "pages: 23-21\nparagraphs: [x]\n")
    assert found == ["data/m.yaml:1:8: pages: expected a page number or a range like 21-23, got '23-21'"]


def test_page_ranges():
    assert str(validate(Passage, load_text("pages: 21-23\nparagraphs: [x]\n", "m")).pages) == "21–23"
    assert validate(Passage, load_text("pages: 7\nparagraphs: [x]\n", "m")).pages == PageRange(first=7, last=7)
