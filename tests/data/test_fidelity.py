"""Every text and number in the data occurs verbatim in its source document, on the pages it claims.

The seeds are plain-text extractions in ../shared/seeds (present for every developer and in CI);
see tests/data/seedtext.py for how text is compared and how pages are counted.
"""

from __future__ import annotations

import os
import re
from functools import cache

import pytest

from ..helpers import ROOT, SEEDS, load_yaml
from .seedtext import REPORT, normalise, occurs, pages_where_starts, report_text_without_footnotes, seed_lines

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir() and not os.environ.get("CI"), reason="../shared/seeds is not present (it is in CI)"
)

# Keys whose strings are quoted from the source, exactly.
EXACT_KEYS = {"text", "paragraphs", "intro", "items", "reason", "title", "name", "quote", "heading"}
# Table cells: compared ignoring line-break hyphenation ("Overgangs- samtaler" is "Overgangssamtaler").
CELL_KEYS = {"label", "group", "staff", "partner", "cadence", "establishment_explanation", "row_label", "values"}
# The other documents lost their soft hyphens ("lokal\nområder"): their strings are compared ignoring
# whitespace and hyphens (see seedtext.occurs).
OTHER_KEYS = EXACT_KEYS | CELL_KEYS | {"quotes", "role", "dates", "summary", "problem", "first_step"}
OTHER_KEYS |= {"organisations", "value", "school_year", "data_source"}
# Editorial strings (our own Danish): notes, topics, places; and the labels of counts and facts.
EDITORIAL_KEYS = {"note", "notes", "topic", "where"}
LABELLED = {"counts", "facts", "summary"}


@cache
def load(name: str):
    """A data file of the project (read once; the tests only read it)."""
    return load_yaml(ROOT / "data" / name)


def strings(value, key=None, path=()):
    """(key, path, text) of every string in a data tree, skipping ids and editorial text."""
    if isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, k, (*path, k))
    elif isinstance(value, list):
        for item in value:
            yield from strings(item, key, path)
    elif isinstance(value, str) and _quoted(value, path):
        yield key, path, value


def _quoted(value: str, path: tuple) -> bool:
    """Ids (like element references under `items`) and our own editorial text are not quoted."""
    if re.fullmatch(r"[a-z0-9-]+", value) or path[-1] in EDITORIAL_KEYS:
        return False
    if path[-1] == "heading" and "points" in path:  # the site's own headings on the evidence page
        return False
    return not (path[-1] == "label" and any(part in LABELLED for part in path))


def seed_file(source_id: str) -> str:
    return next(s["seed_file"] for s in load("sources.yaml")["sources"] if s["id"] == source_id)


def entries():
    for entry in load("elements.yaml")["elements"]:
        yield entry["id"], entry["source"], entry
    for entry in load("projects.yaml")["projects"]:
        yield entry["id"], entry["source"], entry
    evaluation = load("evaluation.yaml")["evaluation"]
    yield "evaluation", evaluation["source"], evaluation
    report = load("report.yaml")["report"]
    yield "report", report["source"], report


def other_entries():
    """Entries quoted from the documents other than the report (no page markers)."""
    for entry in load("programmes.yaml")["programmes"]:
        yield entry["id"], entry["source"], entry
    for name in ("cases.yaml", "recommendations.yaml"):
        data = load(name)
        yield name, data["source"], data


def test_every_text_is_verbatim_in_the_source():
    missing = []
    for entry_id, source, entry in entries():
        for key, path, text in strings(entry):
            if key in EXACT_KEYS or key in CELL_KEYS:
                found = occurs(text, seed_file(source), loose=key in CELL_KEYS) or _across_a_footnote(text, source)
                if not found:
                    missing.append((entry_id, ".".join(path), text[:80]))
    assert missing == []


def _across_a_footnote(text: str, source: str) -> bool:
    """A sentence of the report that runs past a footnote at the foot of its page is quoted without it."""
    return seed_file(source) == REPORT and normalise(text) in report_text_without_footnotes()


def test_every_text_of_the_other_sources_is_verbatim():
    missing = []
    for entry_id, source, entry in other_entries():
        for key, path, text in strings(entry):
            if key in OTHER_KEYS and not occurs(text, seed_file(source), squashed=True):
                missing.append((entry_id, ".".join(path), text[:80]))
    assert missing == []


def test_every_figure_quote_contains_its_figure():
    wrong = []
    for entry_id, _, entry in [*entries(), *other_entries()]:
        for block in _blocks(entry):
            if "figure" in block and "quote" in block and block["figure"] not in block["quote"]:
                wrong.append((entry_id, block["figure"], block["quote"]))
    assert wrong == []


def _blocks(value):
    if isinstance(value, dict):
        yield value
        for v in value.values():
            yield from _blocks(v)
    elif isinstance(value, list):
        for item in value:
            yield from _blocks(item)


def _first_text(block) -> str | None:
    for key in ("text", "quote", "title", "intro"):
        if isinstance(block.get(key), str):
            return block[key]
    paragraphs = block.get("paragraphs")
    return paragraphs[0] if paragraphs else None


def _page_range(pages) -> range:
    first, _, last = str(pages).partition("-")
    return range(int(first), int(last or first) + 1)


def test_every_block_starts_on_the_pages_it_claims():
    """Each block's first words are found in the report on one of the pages the block claims."""
    wrong = []
    for entry_id, source, entry in entries():
        if seed_file(source) != REPORT:
            continue
        for block in _blocks(entry):
            text = _first_text(block)
            if "pages" not in block or text is None or "parts" in block:
                continue
            found = pages_where_starts(text)
            if not found & set(_page_range(block["pages"])):
                wrong.append((entry_id, text[:40], block["pages"], sorted(found)))
    assert wrong == []


# --- cost tables, figure for figure -------------------------------------------

HOUR_ROWS = {
    "paedagogisk_personale": "Pædagogisk personale",
    "paedagogisk_leder": "Pædagogisk leder",
    "vikarer": "Vikarer",
    "samarbejdspartner": "Samarbejdspartner",
}


def _table_lines(number: int) -> list[str]:
    """The report's lines from 'Tabel N –' to the next project section."""
    lines = seed_lines(REPORT)
    start = next(i for i, line in enumerate(lines) if re.match(rf"^\s*Tabel {number} – ", line))
    end = next(i for i in range(start + 1, len(lines)) if re.match(r"^\s*(5\.\d+|6\.) \S", lines[i]))
    return [re.sub(r"\s+", " ", line).strip() for line in lines[start:end]]


def _cell(value) -> str:
    return value if isinstance(value, str) else value["as_written"]


def _row_in_source(lines: list[str], label: str) -> list[str]:
    return [line[len(label) :].strip() for line in lines if line.startswith(label + " ")]


def _per_child_in_source(lines: list[str]) -> list[str]:
    """The values line after each 'Omkostninger i alt per barn per afholdt aktivitet ekskl. etableringsomkostninger'."""
    found = []
    for i, line in enumerate(lines):
        if line.lower() == "etableringsomkostninger" and "ekskl" in " ".join(lines[i - 2 : i]):
            found.append(next(following for following in lines[i + 1 :] if following))
    return found


def _projects_with_tables():
    return [p for p in load("projects.yaml")["projects"] if p.get("cost")]


@pytest.mark.parametrize("project", _projects_with_tables(), ids=lambda p: p["id"])
def test_cost_table_matches_the_report_figure_for_figure(project):
    """Every number row of the cost table reads, part by part and column by column, as in the report."""
    lines = _table_lines(project["cost"]["number"])
    parts = project["cost"]["parts"]

    def ours(cells_of) -> list[str]:
        return [" ".join(v for v in (_cell(cells_of(c)) for c in part["columns"]) if v) for part in parts]

    for key, label in HOUR_ROWS.items():
        assert _row_in_source(lines, label) == ours(lambda c, key=key: c["hours"][key]), label
    assert _row_in_source(lines, "Etableringsomkostninger") == ours(lambda c: c["establishment"])
    assert _per_child_in_source(lines) == ours(lambda c: c["cost_per_child"])


def test_every_project_without_a_cost_table_quotes_why():
    projects = load("projects.yaml")["projects"]
    without = [p for p in projects if not p.get("cost")]
    assert [p["id"] for p in without] == ["laesevenner"]
    assert all(occurs(p["no_cost"]["text"], REPORT) for p in without)
