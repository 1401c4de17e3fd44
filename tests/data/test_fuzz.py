"""Fuzzing the real data: hostile edits give a clean build or located errors, never a traceback.

Each mutation changes one data file of a copy of the real project: a value replaced by a hostile
one (wrong types, blanks, huge numbers and texts, deep nesting, control characters, odd Unicode,
tags, aliases), a line deleted, duplicated, swapped or indented, the file cut short or replaced.
The list is enumerated from a fixed seed, so every run tries the same mutations. Most run through
the in-process pipeline (``build_site``: read, validate, cross-reference, every page, the downloads);
a sample runs through ``python -m generator build`` to check exit code, stderr and that the
previously built site/ is left byte for byte as it was.
"""

from __future__ import annotations

import random
import re
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from generator.data.catalogue import DATA_FILES
from generator.data.problems import DataError
from generator.pipeline import build_site

from ..helpers import ROOT, copy_project, run_generator

SEED = 20250101
IN_PROCESS = 200
ON_THE_COMMAND_LINE = 12  # from a seed whose sample has one valid mutation: one full MkDocs build
LOCATED = re.compile(r"^(data|content)/[^:\n]+:\d+:\d+: \S")

HOSTILE_VALUES = [
    '""',
    '"   "',
    "~",
    "true",
    "-1",
    "0",
    "99999999999999999999",
    "-99999999999999999999",
    "9" * 5000,
    "1e400",
    ".inf",
    ".nan",
    "2023-02-31",
    "[]",
    "{}",
    "[a, b]",
    "{a: 1}",
    '"' + "x" * 30_000 + '"',
    '"' + "x" * 150_000 + '"',
    "a" * 400,
    '"a/b[c]:d*e?f\\\\g"',
    '"\\x07bell"',
    '"\\x1b[31mred"',
    '"\\0"',
    '"\\ud800"',
    '"right\\u202eleft"',
    '"zero\\u200bwidth"',
    '"line\\nbreak"',
    '"<script>alert(1)</script>"',
    '"=HYPERLINK(\\"http://example.invalid\\")"',
    "!!python/object/apply:os.system [true]",
    "!!binary aGVsbG8=",
    "!!set {a, b}",
    "&anchor value",
    "*anchor",
    "[" * 500 + "]" * 500,
    "[" * 5000 + "]" * 5000,
    "{a: " * 500 + "x" + "}" * 500,
    "{a: " * 5000 + "x" + "}" * 5000,
    '"1-' + "9" * 5000 + '"',
    '"5.543.000.000.000.000 kr."',
    '"' + "9" * 400 + '"',
    "149-150",
    "150",
    "sammen-om-barnet",
    '"-"',
]
INSERTED_CHARACTERS = ["\\u202e", "\\u2066", "\\u200b", "\\ufeff", "\\x07", "\\x7f", "\\x85", "\\ud800", "\\t", "\\r"]
WHOLE_FILES = ["", "[]", "x", "a: 1\n", "[" * 5000, "- " * 3000 + "x\n", "a: 1\n---\nb: 2\n", "\ufeffsources: []\n"]
KINDS = ["value"] * 6 + ["character"] * 2 + ["delete", "duplicate", "swap", "indent", "truncate", "whole"]
KEY_VALUE = re.compile(r"^(\s*(?:- )?[A-Za-z_]+:)( .+)$")


@dataclass(frozen=True)
class Mutation:
    file: str
    what: str
    text: str

    def __str__(self) -> str:
        return f"{self.file}: {self.what}"


def _mutate(rng: random.Random, file: str, text: str) -> Mutation:
    lines = text.split("\n")
    kind = rng.choice(KINDS)
    pairs = [i for i, line in enumerate(lines) if KEY_VALUE.match(line)]
    at = rng.randrange(len(lines) - 1)
    if kind == "value":
        at = rng.choice(pairs)
        value = rng.choice(HOSTILE_VALUES)
        lines[at] = KEY_VALUE.sub(lambda m: f"{m.group(1)} {value}", lines[at])
        return Mutation(file, f"line {at + 1}: value {value[:30]!r}", "\n".join(lines))
    if kind == "character":
        quoted = [i for i in pairs if ': "' in lines[i]] or pairs
        at = rng.choice(quoted)
        char = rng.choice(INSERTED_CHARACTERS)
        lines[at] = lines[at].replace(': "', f': "{char}', 1) if ': "' in lines[at] else lines[at] + char
        return Mutation(file, f"line {at + 1}: character {char}", "\n".join(lines))
    if kind == "delete":
        del lines[at]
    elif kind == "duplicate":
        lines.insert(at, lines[at])
    elif kind == "swap":
        lines[at], lines[at + 1] = lines[at + 1], lines[at]
    elif kind == "indent":
        lines[at] = "  " + lines[at]
    elif kind == "truncate":
        cut = rng.randrange(len(text))
        return Mutation(file, f"cut at {cut}", text[:cut])
    else:
        whole = rng.choice(WHOLE_FILES)
        return Mutation(file, f"whole file {whole[:20]!r}", whole)
    return Mutation(file, f"line {at + 1}: {kind}", "\n".join(lines))


def mutations(count: int, seed: int) -> list[Mutation]:
    rng = random.Random(seed)
    texts = {name: (ROOT / "data" / name).read_text(encoding="utf-8") for name in DATA_FILES}
    # Weighted towards the big files, where most of the data and most of the rules are.
    files = [*DATA_FILES, "projects.yaml", "projects.yaml", "elements.yaml", "programmes.yaml", "cases.yaml"]
    return [_mutate(rng, file, texts[file]) for file in (rng.choice(files) for _ in range(count))]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    """A copy of the real project; the catalogue parses its unchanged data files once, not once per mutation."""
    return copy_project(ROOT, tmp_path_factory.mktemp("fuzz") / "project")


@pytest.mark.parametrize("mutation", mutations(IN_PROCESS, SEED), ids=str)
def test_a_mutation_builds_or_gives_located_errors(project, mutation):
    path = project / "data" / mutation.file
    original = path.read_bytes()
    path.write_text(mutation.text, encoding="utf-8", errors="surrogatepass")
    try:
        site = build_site(project)  # every page and download is produced
    except DataError as exc:
        assert exc.problems
        for problem in exc.problems:
            assert LOCATED.match(problem.format()), problem.format()
    else:
        assert site.pages and site.downloads
    finally:
        path.write_bytes(original)


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("mutation", mutations(ON_THE_COMMAND_LINE, SEED + 3), ids=str)
def test_the_command_line_reports_a_mutation_and_keeps_the_site(tmp_path, mutation):
    project = copy_project(ROOT, tmp_path / "project")
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("<p>the site as built before</p>\n", encoding="utf-8")
    before = _tree(site)
    (project / "data" / mutation.file).write_text(mutation.text, encoding="utf-8", errors="surrogatepass")
    result = run_generator("build", "--root", str(project))
    assert "Traceback" not in result.stderr
    if result.returncode == 0:
        assert (site / "pagefind" / "pagefind.js").exists()
        return
    assert result.returncode == 1, result.stderr
    lines = result.stderr.strip().splitlines()
    assert lines[-1].endswith("warning(s)") and not lines[-1].startswith("0 error(s)")
    errors = [line for line in lines[:-1] if ": warning: " not in line]
    assert errors and all(LOCATED.match(line) for line in errors), errors
    assert _tree(site) == before
    shutil.rmtree(project)
