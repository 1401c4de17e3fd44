"""Golden error messages: each kind of broken data gives exactly this output and exit code 1.

Each case breaks one file of the small fixture project by a text edit, then runs
`python -m generator check`. The expected output is in tests/golden/errors/.
"""

import pytest

from ..helpers import assert_golden, edit, run_generator

CASES = {
    "syntax_error": ("projects.yaml", '    title: "Sammen i Nordby"', '    title: "Sammen i Nordby'),
    "wrong_type": ("elements.yaml", "    number: 2", "    number: to"),
    "missing_field": ("projects.yaml", '    title: "Sprog i Sydby"\n', ""),
    "unknown_key": ("elements.yaml", '    section: "4.1.2"', '    sektion: "4.1.2"'),
    "duplicate_id": ("projects.yaml", "  - id: sprog-i-sydby", "  - id: sammen-i-nordby"),
    "dangling_reference": ("elements.yaml", "      elements: [sprogkuffert]", "      elements: [sprogkufert]"),
    "empty_file": ("municipalities.yaml", None, ""),
    "blank_name": ("municipalities.yaml", '    name: "Nordby Kommune"', '    name: "   "'),
    "page_beyond_source": ("elements.yaml", "    pages: 3-4", "    pages: 3-40"),
    "deep_nesting": ("elements.yaml", "    pages: 3-4", "    pages: " + "[" * 5000 + "]" * 5000),
    "huge_number": ("elements.yaml", "    number: 2", "    number: " + "9" * 5000),
    "python_tag": (
        "sources.yaml",
        '    title: "En lille testrapport"',
        "    title: !!python/object/apply:os.getcwd []",
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_broken_data_gives_golden_errors(minimal, case):
    file, old, new = CASES[case]
    path = minimal / "data" / file
    if old is None:
        path.write_text(new, encoding="utf-8")
    else:
        edit(path, old, new)
    result = run_generator("check", "--root", str(minimal))
    assert result.returncode == 1
    assert_golden(f"errors/{case}.txt", result.stderr)


def test_many_problems_are_reported_together(minimal):
    edit(minimal / "data" / "elements.yaml", "    number: 2", "    number: to")
    edit(minimal / "data" / "projects.yaml", '    section: "5.3"', '    sektion: "5.3"')
    edit(minimal / "data" / "projects.yaml", "      items: [sprogkuffert]", "      items: [sprogkuferten]")
    result = run_generator("check", "--root", str(minimal))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert any("elements.yaml" in line and "number: expected a whole number" in line for line in lines)
    assert any("projects.yaml" in line and "unknown field 'sektion'" in line for line in lines)
    assert lines[-1].startswith("3 error(s)")


def test_dangling_reference_is_found_even_when_the_other_file_is_broken(minimal):
    edit(minimal / "data" / "elements.yaml", "    number: 2", "    number: to")
    edit(minimal / "data" / "projects.yaml", "      items: [sprogkuffert]", "      items: [sprogkuferten]")
    result = run_generator("check", "--root", str(minimal))
    assert "unknown element 'sprogkuferten' (did you mean 'sprogkuffert'?)" in result.stderr


def test_valid_data_exits_zero_and_reports_asymmetries_as_warnings(minimal):
    result = run_generator("check", "--root", str(minimal))
    assert result.returncode == 0
    assert_golden("errors/valid_with_warnings.txt", result.stderr)
