"""The seed documents as searchable text, with the page of every line of the evaluation report.

The seeds are plain-text extractions in ../shared/seeds (present for every developer and in CI).
Comparison collapses whitespace and drops page markers, and treats a hyphen followed by a space
as a hyphen (a word split across lines, e.g. "forældre-barn- relationen"). Table cells are
compared more loosely as well: "Overgangs- samtaler" in a table header is "Overgangssamtaler".
"""

from __future__ import annotations

import bisect
import re
from functools import cache

from ..helpers import SEEDS

REPORT = "002_9c08f6ae3f335f07.txt"
PAGE_MARKER = re.compile(r"^\s*(\d+) \(149\)\s*$")


def normalise(text: str) -> str:
    return re.sub(r"- ", "-", re.sub(r"\s+", " ", text)).strip()


def unhyphenate(text: str) -> str:
    """Join words split by a line break in a table cell: 'Forældre- caféer' -> 'Forældrecaféer'."""
    return re.sub(r"(\w) ?- ?(\w)", r"\1\2", re.sub(r"\s+", " ", text)).strip()


@cache
def seed_lines(file: str) -> list[str]:
    return (SEEDS / file).read_text(encoding="utf-8").split("\n")


@cache
def seed_text(file: str) -> str:
    return normalise(" ".join(line for line in seed_lines(file) if not PAGE_MARKER.match(line)))


@cache
def loose_seed_text(file: str) -> str:
    return unhyphenate(" ".join(line for line in seed_lines(file) if not PAGE_MARKER.match(line)))


def squash(text: str) -> str:
    """Text without whitespace and hyphens: for extractions that lost soft hyphens ('lokal\nområder')."""
    return re.sub(r"[\s\-\u00ad]", "", text)


@cache
def squashed_seed_text(file: str) -> str:
    return squash("".join(line for line in seed_lines(file) if not PAGE_MARKER.match(line)))


FOOTNOTE = re.compile(r"^\d{1,2} [A-ZÆØÅ]")  # '4 Vurderingerne i figuren …' at the foot of a page


@cache
def report_text_without_footnotes() -> str:
    """The report's text with its footnotes taken out: a footnote at the foot of a page splits the sentence
    that runs on to the next page ('at den løbende' / '4 Vurderingerne …' / 'sparring og …')."""
    kept, in_footnote = [], False
    for line in seed_lines(REPORT):
        if PAGE_MARKER.match(line) or _page_start(line):
            in_footnote = False
        in_footnote = in_footnote or FOOTNOTE.match(line) is not None
        if not in_footnote and not PAGE_MARKER.match(line):
            kept.append(line)
    return normalise(" ".join(kept))


def occurs(text: str, file: str, *, loose: bool = False, squashed: bool = False) -> bool:
    """Whether ``text`` is in the seed: exactly (up to whitespace), ignoring line-break hyphens (loose),
    or ignoring all whitespace and hyphens (squashed; the order of every other character still counts)."""
    if normalise(text) in seed_text(file):
        return True
    if (loose or squashed) and unhyphenate(text) in loose_seed_text(file):
        return True
    return squashed and squash(text) in squashed_seed_text(file)


def _page_start(line: str) -> bool:
    # A page starts with a line indented by exactly one space. Cost tables also
    # indent their header row (" Aktivitet ..."), which is not a page start.
    return re.match(r"^ [^ ]", line) is not None and re.match(r"^ Aktivitet(\s|$)", line) is None


@cache
def report_pages() -> tuple[int, ...]:
    """The page of every line of the evaluation report.

    Markers like '60 (149)' sit at the top of some pages; between them pages are
    counted forward from the last marker, and before the first marker backward.
    """
    lines = seed_lines(REPORT)
    first = next(i for i, line in enumerate(lines) if PAGE_MARKER.match(line))
    pages = [0] * len(lines)
    page = int(PAGE_MARKER.match(lines[first]).group(1))
    for i in range(first, len(lines)):
        marker = PAGE_MARKER.match(lines[i])
        if marker:
            page = int(marker.group(1))
        elif _page_start(lines[i]):
            page += 1
        pages[i] = page
    page = int(PAGE_MARKER.match(lines[first]).group(1))
    for i in range(first - 1, -1, -1):
        if _page_start(lines[i + 1]) or PAGE_MARKER.match(lines[i + 1]):
            page -= 1
        pages[i] = page
    return tuple(pages)


@cache
def _report_index() -> tuple[str, list[int], list[int]]:
    """The report as one normalised string, with the offset and page where each line starts."""
    text, offsets, pages = "", [], []
    for line, page in zip(seed_lines(REPORT), report_pages(), strict=True):
        piece = normalise(line)
        if not piece or PAGE_MARKER.match(line):
            continue
        if text and not text.endswith("-"):
            text += " "
        offsets.append(len(text))
        pages.append(page)
        text += piece
    return text, offsets, pages


def pages_where_starts(text: str) -> set[int]:
    """Pages of the report on which ``text`` (its first words) begins."""
    words = re.sub(r"^[•\-–]\s*", "", text).split()[:8]
    if not words:
        return set()
    joined, offsets, pages = _report_index()
    needle = normalise(" ".join(words))
    found, at = set(), joined.find(needle)
    while at != -1:
        found.add(pages[bisect.bisect_right(offsets, at) - 1])
        at = joined.find(needle, at + 1)
    return found
