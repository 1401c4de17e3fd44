"""The caveats of cost figures in Danish, numbered as footnotes of one page, or as plain data for a script.

What goes with a number is decided in ``domain/caveats.py``; this module only words it. A page makes
one ``Footnotes``, asks it for the marks of every number it shows (templates draw them with the macro
``caveat_marks`` in ``_macros.md.j2``) and lists ``Footnotes.notes`` on the same page, so each mark
links to its note. The same wording reaches the downloads and the scripts' JSON.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..data.models import CostColumn, Project
from ..domain.caveats import FLAG, IRREGULAR, REPEATED, SHARED, Caveat, column_caveats
from .labels import STAFF_LABELS

# The cells a caveat can be about, as the site names them in a note's "where".
CELL_LABELS = {
    "cadence": "kadence og børn",
    "hours": "timer",
    "establishment": "etableringsomkostninger",
    "cost_per_child": "omkostning pr. barn",
}


def caveat_text(caveat: Caveat) -> str:
    """The caveat as one Danish sentence or two, as every page, download and script shows it."""
    if caveat.kind == IRREGULAR:
        text = caveat.note or ""
        if caveat.reading:
            text += f" Sitets læsning af cellen: {caveat.reading}"
        return text
    if caveat.kind == FLAG:
        return caveat.note or ""
    if caveat.kind == SHARED:
        return (
            f"Etableringsomkostningen {caveat.as_written} står i flere kolonner i tabellen; det er én fælles "
            "engangsudgift, som sitet tæller én gang pr. projekt."
        )
    if caveat.kind == REPEATED:
        return (
            f"Etableringsomkostningen {caveat.as_written} står i flere kolonner. Rapporten siger ikke, om det er "
            "ét fælles beløb eller et beløb pr. aktivitet."
        )
    raise ValueError(f"unknown kind of caveat: {caveat.kind!r}")


def cell_name(caveat: Caveat) -> str:
    """Which cell a caveat is about, e.g. 'timer (vikarer)'."""
    name = CELL_LABELS[caveat.cell]
    return f"{name} ({STAFF_LABELS[caveat.group].lower()})" if caveat.group else name


def script_caveats(project: Project, column: CostColumn) -> list[dict[str, str]]:
    """A column's caveats as plain data for a page's script JSON: which cell, its Danish name, and the text.

    ``cell`` is one of cadence, hours, establishment, cost_per_child; ``group`` the staff group of an
    hours cell the report does not write as a number ("" otherwise).
    """
    return [
        {"cell": c.cell, "group": c.group or "", "where": cell_name(c), "text": caveat_text(c)}
        for c in column_caveats(project, column)
    ]


@dataclass(frozen=True)
class Mark:
    """A footnote mark beside a number: its number and the id of the note it links to."""

    number: int
    anchor: str


@dataclass
class Footnote:
    number: int
    anchor: str
    text: str
    places: list[str] = field(default_factory=list)  # where on the page the numbers it is about stand


class Footnotes:
    """The caveats of one page, numbered in the order they are first used; one text, one number."""

    def __init__(self, prefix: str = "kb-forbehold") -> None:
        self.prefix = prefix
        self._by_text: dict[str, Footnote] = {}

    def marks(self, caveats: list[Caveat], place: str) -> list[Mark]:
        """The marks for a number with these caveats; ``place`` says in the note where the number stands."""
        found: list[Mark] = []
        for caveat in caveats:
            text = caveat_text(caveat)
            note = self._by_text.get(text)
            if note is None:
                number = len(self._by_text) + 1
                note = self._by_text[text] = Footnote(number, f"{self.prefix}-{number}", text)
            if place not in note.places:
                note.places.append(place)
            mark = Mark(note.number, note.anchor)
            if mark not in found:
                found.append(mark)
        return found

    @property
    def notes(self) -> list[Footnote]:
        return list(self._by_text.values())

    def notes_at(self, places: set[str]) -> list[Footnote]:
        """The notes about numbers at these places, naming only these places (one page of a paged overview)."""
        found = [(note, [p for p in note.places if p in places]) for note in self._by_text.values()]
        return [Footnote(note.number, note.anchor, note.text, shown) for note, shown in found if shown]
