"""Stage 1: YAML is read safely and every value keeps its position."""

import pytest

from generator.problems import DataError, Position
from generator.read import load_text


def messages(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_text(text, "data/x.yaml")
    return [p.format() for p in caught.value.problems]


def test_positions_of_values_and_keys():
    doc = load_text("items:\n  - id: a\n    name: Anna\n", "data/x.yaml")
    assert doc.data == {"items": [{"id": "a", "name": "Anna"}]}
    assert doc.values[("items", 0, "name")] == Position(3, 11)
    assert doc.keys[("items", 0, "name")] == Position(3, 5)


def test_position_falls_back_to_nearest_parent():
    doc = load_text("items:\n  - id: a\n", "data/x.yaml")
    assert doc.position(("items", 0, "missing")) == Position(2, 5)


def test_syntax_error_is_located():
    assert messages("items:\n  - id: a\n   name: [unclosed\n") == [
        "data/x.yaml:3:4: YAML syntax error: while parsing a block collection: "
        "expected <block end>, but found '<block mapping start>'"
    ]


def test_empty_file():
    assert messages("# only a comment\n") == ["data/x.yaml:1:1: file is empty; expected a mapping of fields"]


def test_python_object_tag_is_rejected_not_constructed():
    found = messages("items:\n  - !!python/object/apply:os.system ['echo pwned']\n")
    assert found == [
        "data/x.yaml:2:5: items[0]: tag !!python/object/apply:os.system is not allowed; use plain YAML values"
    ]


def test_duplicate_keys_are_errors_with_both_lines():
    assert messages("a: 1\nb: 2\na: 3\n") == ["data/x.yaml:3:1: a: duplicate key 'a' (first given at line 1)"]


def test_all_problems_in_a_file_at_once():
    assert len(messages("a: !!python/name:os.system\nb: 1\nb: 2\n")) == 2


def test_aliases_are_refused_so_bombs_and_cycles_cannot_hurt():
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [*a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}, *a{i - 1}]" for i in range(1, 12)]
    found = messages("\n".join(lines) + "\n")
    assert found and all("aliases (*name) are not supported" in m for m in found)
    assert messages("a: &a [*a]\n") == [
        "data/x.yaml:1:8: a[0]: aliases (*name) are not supported; write the value out in full"
    ]


def test_merge_keys_are_refused():
    assert messages("b:\n  <<: {x: 1}\n") == ["data/x.yaml:2:3: b: merge keys (<<) are not supported"]
