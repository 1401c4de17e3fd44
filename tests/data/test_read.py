"""Stage 1: YAML is read safely and every value keeps its position."""

import os

import pytest

from generator.data import files, read
from generator.data.problems import DataError, Position
from generator.data.read import MAX_DEPTH, MAX_SCALAR_CHARS, load_file, load_text
from generator.pipeline import read_content


def messages(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        load_text(text, "data/x.yaml")
    return [p.format() for p in caught.value.problems]


def test_positions_of_values_and_keys():
    doc = load_text("items:\n  - id: a\n    name: Anna\n", "data/x.yaml")
    assert doc.data == {"items": [{"id": "a", "name": "Anna"}]}
    assert doc.position(("items", 0, "name")) == Position(3, 11)
    assert doc.position(("items", 0, "name"), key=True) == Position(3, 5)
    assert doc.position(("items", 0), key=True) == Position(2, 5)  # a list item has no key: its value
    assert doc.position(("items",)) == Position(2, 3)
    assert doc.position(()) == Position(1, 1)


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


@pytest.mark.parametrize("depth", [500, 5000])
def test_deep_nesting_is_a_located_error_not_a_recursion_error(depth):
    for text in ("a: " + "[" * depth + "]" * depth, "a: " + "{a: " * depth + "x" + "}" * depth, "a: " + "[" * depth):
        found = messages(text + "\n")
        assert len(found) == 1 and f"nesting is too deep (more than {MAX_DEPTH} levels" in found[0]
        assert found[0].startswith("data/x.yaml:1:")
    block = "".join("  " * i + "a:\n" for i in range(depth))
    assert "nesting is too deep" in messages(block)[0]


def test_honest_nesting_is_far_below_the_limit():
    text = "a: " + "[" * (MAX_DEPTH - 1) + "x" + "]" * (MAX_DEPTH - 1) + "\n"
    assert load_text(text, "data/x.yaml").data["a"]


def test_numbers_of_thousands_of_digits_and_non_finite_numbers_are_refused():
    assert messages("a: " + "9" * 5000 + "\n") == [
        "data/x.yaml:1:4: a: number is too long (5000 characters; at most 30)"
    ]
    assert messages("a: .inf\nb: .nan\n") == [
        "data/x.yaml:1:4: a: expected a finite number, got '.inf'",
        "data/x.yaml:2:4: b: expected a finite number, got '.nan'",
    ]
    assert "cannot read '2023-02-31' as timestamp" in messages("a: 2023-02-31\n")[0]


def test_huge_values_and_keys_are_refused_quickly():
    found = messages('name: "' + "a" * 10_000_000 + '"\n')
    assert found == [f"data/x.yaml:1:7: name: value is too long (10000000 characters; at most {MAX_SCALAR_CHARS})"]
    assert "key is too long" in messages("k" * 200 + ": 1\n")[0]


def test_control_characters_and_lone_surrogates_are_refused():
    assert messages('a: "bell\\x07"\n') == ["data/x.yaml:1:4: a: contains the control character U+0007; remove it"]
    assert messages("a: bell\x07\n") == [
        "data/x.yaml:1:8: YAML syntax error: the character U+0007 is not allowed in YAML"
    ]
    assert "key contains the control character U+001B" in messages('"\\e[31m": 1\n')[0]
    assert "YAML syntax error" in messages('a: "\\ud800"\n')[0]
    assert load_text('a: "tab\\there\\nand a line"\n', "data/x.yaml").data == {"a": "tab\there\nand a line"}


def test_one_document_and_plain_keys_only():
    assert messages("a: 1\n---\nb: 2\n") == ["data/x.yaml:2:1: expected a single document in the file"]
    assert messages("? [a, b]\n: c\nd: 1\n") == ["data/x.yaml:1:3: keys must be plain text"]


def test_too_many_values(monkeypatch):
    monkeypatch.setattr(read, "MAX_NODES", 10)
    assert messages("a: [" + ", ".join(["1"] * 20) + "]\n") == [
        "data/x.yaml:1:29: a[8]: file is too large (more than 10 values)"
    ]


def test_symlinks_directories_and_pipes_are_not_data_files(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "secret.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "data" / "link.yaml").symlink_to(tmp_path / "secret.yaml")
    (tmp_path / "data" / "folder.yaml").mkdir()
    os.mkfifo(tmp_path / "data" / "pipe.yaml")
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "elsewhere" / "x.yaml").write_text("a: 1\n", encoding="utf-8")
    (tmp_path / "data" / "sub").symlink_to(tmp_path / "elsewhere")

    def file_problem(name: str) -> str:
        with pytest.raises(DataError) as caught:
            load_file(tmp_path / "data" / name, tmp_path)
        return caught.value.report()

    assert file_problem("link.yaml").startswith("data/link.yaml:1:1: is a symbolic link")
    assert file_problem("folder.yaml") == "data/folder.yaml:1:1: is a directory; expected a file"
    assert file_problem("pipe.yaml").startswith("data/pipe.yaml:1:1: is not a regular file")
    assert "is in a folder that is a symbolic link" in file_problem("sub/x.yaml")


def test_a_file_is_checked_for_size_before_it_is_read(tmp_path, monkeypatch):
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    (tmp_path / "big.yaml").write_text("a: " + "x" * 200 + "\n", encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_file(tmp_path / "big.yaml", tmp_path)
    assert caught.value.report() == "big.yaml:1:1: file is too large (204 bytes; at most 100)"


def test_content_is_only_the_projects_own_regular_files(tmp_path):
    content = tmp_path / "content" / "om"
    content.mkdir(parents=True)
    (content / "index.md").write_text("# Om\n", encoding="utf-8")
    (content / "leak.md").symlink_to("/etc/os-release")
    (content / "etc").symlink_to("/etc")
    os.mkfifo(content / "pipe.md")
    with pytest.raises(DataError) as caught:
        read_content(tmp_path)
    assert caught.value.report().splitlines() == [
        "content/om/etc:1:1: is a symbolic link; only the project's own files are read, so copy the file here instead",
        "content/om/leak.md:1:1: is a symbolic link; only the project's own files are read, so copy the file here "
        "instead",
        "content/om/pipe.md:1:1: is not a regular file (a pipe, socket or device); expected a file",
    ]
    for name in ("leak.md", "etc", "pipe.md"):
        (content / name).unlink()
    assert read_content(tmp_path) == {"om/index.md": b"# Om\n"}
