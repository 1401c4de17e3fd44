"""Nothing from the data reaches a terminal, a CI log or the pull request summary as live text.

A pull request's YAML can carry line breaks, terminal escapes and bidi overrides in keys and values,
and Markdown in ids and titles. `check` must print them escaped (a forged `::warning` line would be
a command to GitHub Actions), and `changes` must render them as inert code spans (no link, image,
HTML or autolinked URL in the summary GitHub shows).
"""

from __future__ import annotations

import re
import unicodedata

import pytest

from generator.data.problems import DataError, Position, Problem, printable
from generator.maintainers.changes import code, compare, report

from ..helpers import edit, html, run_generator

FORGED = "\n::warning title=x::pwned"
# Every character a terminal or log could act on, or that hides or reorders text.
HIDDEN_CATEGORIES = {"Cc", "Cf", "Zl", "Zp", "Cs"}
# Our own workflow commands: located errors, and the one notice about the sources' contradictions.
ANNOTATION = re.compile(r"::error file=data/[\w./-]+,line=\d+,col=\d+,title=[^:,\r\n]+::[^\r\n]*")
NOTICE = re.compile(r"::notice title=Kilderne siger sig selv imod::[^\r\n]*")


def _hostile(project) -> None:
    """Keys and values that try to forge a log line, clear the screen or reverse the text."""
    elements, sources = project / "data" / "elements.yaml", project / "data" / "sources.yaml"
    # Double-quoted YAML turns these escapes into the raw characters.
    edit(elements, '    section: "4.1.2"', '    "sektion\\n::warning title=x::pwned\\u2028\\x85": "4.1.2"')
    edit(elements, "    number: 2", '    number: "\\e[2J\\r"')
    edit(elements, "      elements: [sprogkuffert]", '      elements: ["sprog\\rkuffert\\u202e\\n::error::x"]')
    # A right-to-left override and a zero-width space written raw into the file.
    edit(elements, "        municipality: nordby", "        municipality: nord\u202eby\u200b")
    # A raw escape character, which the YAML reader itself refuses.
    edit(sources, 'title: "En lille testrapport"', 'title: "En lille \x1b[31mtestrapport"')


def _raw_controls(text: str) -> list[str]:
    lines = text.split("\n")  # the line breaks between lines are ours; anything else is not
    return sorted({c for line in lines for c in line if unicodedata.category(c) in HIDDEN_CATEGORIES})


@pytest.mark.parametrize("github_actions", ["", "true"])
def test_check_prints_hostile_keys_and_values_escaped(minimal, github_actions):
    _hostile(minimal)
    result = run_generator("check", "--root", str(minimal), env={"GITHUB_ACTIONS": github_actions})
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert _raw_controls(output) == []
    # Every line of the report starts with a data file's path, except the count at the end.
    *located, summary = result.stderr.splitlines()
    assert all(line.startswith("data/") for line in located), located
    assert re.fullmatch(r"\d+ error\(s\), \d+ warning\(s\)", summary)
    # The reader refuses raw control characters and names them by code point; it never echoes them.
    assert "elements[1].number: contains the control character U+001B" in result.stderr
    assert "key contains the control character U+0085" in result.stderr
    commands = [line for line in output.splitlines() if line.startswith("::")]
    if github_actions:
        assert commands and all(ANNOTATION.fullmatch(line) or NOTICE.fullmatch(line) for line in commands), commands
        assert len(commands) == sum(1 for line in located if ": warning: " not in line)
    else:
        assert commands == []


def test_check_shows_invisible_characters_it_quotes_as_escapes(minimal):
    """Characters that pass the reader (bidi overrides, zero-width) are escaped where a message quotes them."""
    edit(minimal / "data" / "elements.yaml", "        municipality: nordby", "        municipality: nord\u202eby\u200b")
    result = run_generator("check", "--root", str(minimal))
    assert result.returncode == 1
    assert _raw_controls(result.stdout + result.stderr) == []
    assert "nord\\u202eby\\u200b" in result.stderr


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("plain æøå – “quoted” 100%", "plain æøå – “quoted” 100%"),
        (FORGED, "\\n::warning title=x::pwned"),
        ("\x1b[2J\r\t\x00\x7f", "\\x1b[2J\\r\\t\\x00\\x7f"),
        ("\x85\x9b31m", "\\x85\\x9b31m"),  # C1: next line, control sequence introducer
        ("a\u202eb\u2066c\u200bd\u200de\ufeff", "a\\u202eb\\u2066c\\u200bd\\u200de\\ufeff"),
        ("\u2028\u2029", "\\u2028\\u2029"),
        ("tag\U000e0041", "tag\\U000e0041"),
    ],
)
def test_printable_shows_every_hidden_character_as_an_escape(text, shown):
    assert printable(text) == shown
    assert _raw_controls(printable(text)) == []


def test_every_way_a_problem_is_printed_is_escaped():
    problem = Problem(f"data/x{FORGED}.yaml", Position(2, 3), f"items[0].k{FORGED}", f"got {FORGED}\x1b[2J")
    assert problem.format() == (
        "data/x\\n::warning title=x::pwned.yaml:2:3: items[0].k\\n::warning title=x::pwned: "
        "got \\n::warning title=x::pwned\\x1b[2J"
    )
    # The report MkDocs shows when the build stops, and the workflow command for the pull request.
    for text in [DataError([problem, problem]).report(), problem.annotation()]:
        assert _raw_controls(text) == []
        assert [line[:7] for line in text.splitlines()] in (["data/x\\"] * 2, ["::error"])
    assert problem.annotation().startswith("::error file=data/x\\n%3A%3Awarning title=x%3A%3Apwned.yaml,line=2,col=3,")


# --- the pull request's change summary --------------------------------------------------------

HOSTILE_VALUES = [
    "https://evil.example",
    "www.evil.example",
    "[klik](https://evil.example)",
    "![billede](https://evil.example/i.png)",
    '<img src=x onerror="alert(1)">',
    "<https://evil.example>",
    "@octocat #1 &amp; &#60;b&#62;",
    "`` ` kode ``` ",
    "\\`*_{}[]()#+-.!|~",
    f"linje{FORGED}\u202e",
    "",
]


def _outside_code_spans(markdown: str) -> str:
    """The text a Markdown reader parses as Markdown: everything but the code spans (CommonMark rules)."""
    out, i = [], 0
    for match in re.finditer(r"`+", markdown):
        if match.start() < i:
            continue
        closer = re.compile(rf"(?<!`){match.group(0)}(?!`)")
        end = closer.search(markdown, match.end())
        if end:
            out.append(markdown[i : match.start()])
            i = end.end()
    return "".join(out) + markdown[i:]


@pytest.mark.parametrize("value", HOSTILE_VALUES)
def test_a_code_span_holds_any_value_on_one_line(value):
    span = code(value)
    assert "\n" not in span and _outside_code_spans(span) == ""
    rendered = html(span).find("code")
    assert rendered is not None
    assert rendered.get_text() == (printable(value).strip() or "")


def test_the_change_summary_forms_no_link_image_or_html_from_the_data():
    old = {"items": [{"id": "a", "name": "A"}], "[x](https://evil.example)": 1}
    new = {"items": [{"id": v, "name": v, v: 1} for v in HOSTILE_VALUES if v]}
    new["items"].append({"id": "a", "name": HOSTILE_VALUES[0], "<b>felt</b>": 2})
    new["[x](https://evil.example)"] = 2
    new["https://evil.example"] = 3
    text = report([compare("data/x.yaml", old, new)], "origin/main`<b>")
    # Outside the code spans stands only the summary's own wording.
    ours = _outside_code_spans(text)
    for forbidden in ["http", "www", "evil", "[", "]", "<", ">", "!", "@", "&", "\\", "|", "~", "pwned"]:
        assert forbidden not in ours, (forbidden, ours)
    assert set(ours.replace("**", "")) <= set("abcdefghijklmnopqrstuvwxyzæøåÆTFNI#-:,() \n0123456789")
    assert _raw_controls(text) == []
    page = html(text)
    assert page.find_all(["a", "img", "b", "script"]) == []
    assert {tag.name for tag in page.find_all(True)} <= {"h2", "h3", "ul", "li", "strong", "code", "p"}
    assert "- **Tilføjet:** `items`: `https://evil.example` (`https://evil.example`)" in text
    assert "- **Ændret:** `[x](https://evil.example)`" in text
