"""Every text in the data occurs verbatim in its source document, on the pages it claims.

The seeds are plain-text extractions in ../shared/seeds (present for every developer and in CI).
Comparison collapses whitespace and drops page markers, and treats a hyphen followed by a space
as a hyphen (a word split across lines, e.g. "forældre-barn- relationen").
"""

from __future__ import annotations

import os
import re
from functools import cache

import pytest
import yaml

from .helpers import ROOT, SEEDS

pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir() and not os.environ.get("CI"), reason="../shared/seeds is not present (it is in CI)"
)

TEXT_KEYS = {"text", "paragraphs", "intro", "items", "as_written", "reason", "title", "name"}
PAGE_MARKER = re.compile(r"^\s*(\d+) \(149\)\s*$")


def normalise(text: str) -> str:
    return re.sub(r"- ", "-", re.sub(r"\s+", " ", text)).strip()


@cache
def seed_lines(file: str) -> list[str]:
    return (SEEDS / file).read_text(encoding="utf-8").split("\n")


@cache
def seed_text(file: str) -> str:
    return normalise(" ".join(line for line in seed_lines(file) if not PAGE_MARKER.match(line)))


def strings(value, key=None):
    if isinstance(value, dict):
        for k, v in value.items():
            yield from strings(v, k)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item, key)
    elif isinstance(value, str) and key in TEXT_KEYS and not re.fullmatch(r"[a-z0-9-]+", value):
        yield value  # ids (like element references under `items`) are not source text


def seed_file(source_id: str) -> str:
    sources = yaml.safe_load((ROOT / "data" / "sources.yaml").read_text(encoding="utf-8"))["sources"]
    return next(s["seed_file"] for s in sources if s["id"] == source_id)


@pytest.mark.parametrize("name,key", [("elements.yaml", "elements"), ("projects.yaml", "projects")])
def test_every_text_is_verbatim_in_the_source(name, key):
    entries = yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))[key]
    missing = []
    for entry in entries:
        source = seed_text(seed_file(entry["source"]))
        missing += [(entry["id"], s) for s in strings(entry) if normalise(s) not in source]
    assert missing == []


def page_of_line() -> list[int]:
    """Page of each line of the evaluation report, exact in section 4.1.

    The extraction starts each page with a line indented by one space and prints a
    marker like '30 (149)' at the top of some pages; count from the markers.
    """
    lines = seed_lines(seed_file("evaluering"))
    pages, page = [], 0
    for line in lines:
        marker = PAGE_MARKER.match(line)
        if marker:
            page = int(marker.group(1))
        elif re.match(r"^ [^ ]", line):
            page += 1
        pages.append(page)
    return pages


def test_element_blocks_are_on_the_pages_they_claim():
    lines = seed_lines(seed_file("evaluering"))
    pages = page_of_line()
    start = next(i for i, line in enumerate(lines) if line.startswith("4.1 Ni betydningsfulde"))
    end = next(i for i, line in enumerate(lines) if line.lstrip().startswith("4.2 Implementering"))
    elements = yaml.safe_load((ROOT / "data" / "elements.yaml").read_text(encoding="utf-8"))["elements"]
    wrong = []
    for element in elements:
        blocks = [element["lead"], element["purpose"], element["content"], element["results"], *element["examples"]]
        for block in blocks:
            first_text = block.get("text") or block.get("intro") or block["paragraphs"][0]
            words = first_text.split()[:6]
            needle = re.compile(r"\s+".join(re.escape(w) for w in words[:3]))
            hits = [i for i in range(start, end) if needle.search(lines[i]) and words[3] in " ".join(lines[i : i + 6])]
            claimed = str(block["pages"])
            first, _, last = claimed.partition("-")
            page_range = range(int(first), int(last or first) + 1)
            if not any(pages[i] in page_range for i in hits):
                wrong.append((element["id"], first_text[:40], claimed, [pages[i] for i in hits]))
    assert wrong == []
