"""Mutation check of the budget calculator: deleting any term of budget.js's arithmetic must fail a test.

Takes the block of content/assets/javascripts/budget.js that computes the budget (from the comment naming
totals() to the call of show()) and makes one mutant per term: each factor of each product([...]), each
operand of each add(a, b), and the "!have" condition. For each mutant it writes the mutated script,
runs the browser test (which rebuilds the site), and puts the original script back. Prints a table and
exits 1 if any mutant survives.

    .venv/bin/python scripts/mutate_budget.py            # the figures test only (about half a minute each)
    .venv/bin/python scripts/mutate_budget.py -- tests/browser/test_browser_budget.py   # other pytest arguments
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "content/assets/javascripts/budget.js"
DEFAULT_TESTS = ["tests/browser/test_browser_budget.py", "-k", "every_figure_shown"]
BEGIN = "// generator/domain/budget.py's totals()"
END = "show(result);"


def arithmetic(source: str) -> tuple[int, int]:
    """Where the budget's arithmetic starts and ends in the script."""
    start = source.index(BEGIN)
    return start, source.index("\n", source.index(END, start))


def _arguments(text: str) -> list[tuple[int, int]]:
    """Spans of the top-level comma-separated parts of ``text``."""
    spans, depth, begin = [], 0, 0
    for i, char in enumerate(text):
        depth += char in "([{"
        depth -= char in ")]}"
        if char == "," and depth == 0:
            spans.append((begin, i))
            begin = i + 1
    spans.append((begin, len(text)))
    return spans


def _closing(text: str, opening: int) -> int:
    depth = 0
    for i in range(opening, len(text)):
        depth += text[i] in "([{"
        depth -= text[i] in ")]}"
        if depth == 0:
            return i
    raise ValueError(f"unbalanced brackets after {text[opening : opening + 40]!r}")


def mutants(block: str) -> list[tuple[str, str]]:
    """(description, mutated block) for every term of the block."""
    result = []
    for call in re.finditer(r"\bproduct\(\[", block):
        opening = call.end() - 1
        inside = block[opening + 1 : _closing(block, opening)]
        parts = _arguments(inside)
        for begin, end in parts:
            kept = ", ".join(inside[b:e].strip() for b, e in parts if (b, e) != (begin, end))
            mutated = block[: opening + 1] + kept + block[opening + 1 + len(inside) :]
            result.append((f"product: delete × {inside[begin:end].strip()}", mutated))
    for call in re.finditer(r"\badd\(", block):
        opening = call.end() - 1
        closing = _closing(block, opening)
        parts = [block[opening + 1 + b : opening + 1 + e].strip() for b, e in _arguments(block[opening + 1 : closing])]
        for dropped, kept in ((parts[0], parts[1]), (parts[1], parts[0])):
            short = dropped if len(dropped) < 40 else dropped[:37] + "..."
            result.append((f"add: delete + {short}", block[: call.start()] + kept + block[closing + 1 :]))
    if "!have && " in block:
        result.append(("delete condition !have", block.replace("!have && ", "", 1)))
    return result


def killed(tests: list[str]) -> bool:
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return run.returncode != 0


def main(argv: list[str]) -> int:
    tests = argv[argv.index("--") + 1 :] if "--" in argv else DEFAULT_TESTS
    original = SCRIPT.read_text(encoding="utf-8")
    start, end = arithmetic(original)
    if killed(tests):
        print("the tests fail without any mutation; fix them first", file=sys.stderr)
        return 1
    rows = []
    try:
        for description, block in mutants(original[start:end]):
            SCRIPT.write_text(original[:start] + block + original[end:], encoding="utf-8")
            rows.append((description, killed(tests)))
            print(f"{'killed ' if rows[-1][1] else 'SURVIVED'}  {description}", flush=True)
    finally:
        SCRIPT.write_text(original, encoding="utf-8")
    survived = [d for d, k in rows if not k]
    print(f"{len(rows) - len(survived)} of {len(rows)} mutants killed")
    return 1 if survived else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
