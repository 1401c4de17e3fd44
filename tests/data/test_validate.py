"""Stage 2: typed models with located, actionable messages."""

import pytest

from generator.data.models import MAX_TEXT, Amount, Municipality, PageRange, Passage, Section, SourcesFile, Strict
from generator.data.problems import DataError
from generator.data.read import load_text
from generator.data.validate import validate


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


SOURCE = "sources:\n  - {id: s, short_name: S, title: T, publisher: P, kind: K, description: D, url: u, %s}\n"


def test_blank_names_odd_characters_and_long_ids_are_located():
    found = problems(Municipality, '{id: a, name: "   ", short_name: "A\\u200bB", region: r}\n')
    assert found == [
        "data/m.yaml:1:15: name: must not be blank (only spaces), got 3 space character(s)",
        "data/m.yaml:1:34: short_name: contains the invisible character U+200B (ZERO WIDTH SPACE); remove it",
    ]
    found = problems(Municipality, "{id: " + "a" * 300 + ", name: A, short_name: A, region: r}\n")
    assert found == ["data/m.yaml:1:6: id: too long: at most 80 characters, got 300"]
    found = problems(Passage, 'pages: 3\nparagraphs: ["right\\u202eleft", "a\\nb"]\n')
    assert found == [
        "data/m.yaml:2:14: paragraphs[0]: contains the bidirectional control U+202E (RIGHT-TO-LEFT OVERRIDE), "
        "which can disguise text; remove it"
    ]
    found = problems(Municipality, '{id: a, name: "A\\nB", short_name: A, region: r}\n')
    assert found == ["data/m.yaml:1:15: name: must be a single line without tabs, got the character U+000A"]


def test_texts_have_a_generous_maximum():
    assert problems(Passage, f"pages: 3\nparagraphs: [{'x' * (MAX_TEXT + 1)}]\n") == [
        f"data/m.yaml:2:14: paragraphs[0]: too long: at most {MAX_TEXT} characters, got {MAX_TEXT + 1}"
    ]


def test_years_page_counts_and_pages_have_plausible_ranges():
    assert problems(SourcesFile, SOURCE % "year: 99999999999999999999") == [
        "data/m.yaml:2:91: sources[0].year: expected a number from 1900 to 2100, got 99999999999999999999"
    ]
    assert "expected a number from 1900 to 2100, got -5" in problems(SourcesFile, SOURCE % "year: -5")[0]
    assert "expected a number from 1 to 10000, got 0" in problems(SourcesFile, SOURCE % "page_count: 0")[0]
    assert problems(Passage, "pages: 99999\nparagraphs: [x]\n") == [
        "data/m.yaml:1:8: pages: expected pages from 1 to 10000, got 99999"
    ]
    found = problems(Passage, f"pages: 1-{'9' * 5000}\nparagraphs: [x]\n")
    assert found[0].startswith("data/m.yaml:1:8: pages: expected a page number or a range like 21-23, got '1-999")


def test_cost_cells_are_bounded_numbers():
    found = problems(Amount, '"' + "9" * 400 + ' kr."\n')
    assert "expected a cell as written in the report" in found[0]
    assert validate(Amount, load_text('"999.999.999.999 kr."\n', "m")).value == 999_999_999_999


class SectionHolder(Strict):
    section: Section


def test_a_section_is_numbers_and_dots():
    found = problems(SectionHolder, 'section: "5/2"\n')
    assert found == ["data/m.yaml:1:10: section: expected a section number like '5.2' or '4.1.1', got \"5/2\""]
    assert problems(SectionHolder, 'section: "5.²"\n')
