"""Everything on the site that names a municipality, gathered for every municipality in one pass over each list.

The municipality pages and their overview read it through ``Catalogue.mentions_of``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .models import Case, Element, Programme, Project, ThemeMeeting

if TYPE_CHECKING:
    from .catalogue import Catalogue


@dataclass(frozen=True)
class MunicipalityMentions:
    projects: list[Project]
    examples: list[tuple[Element, int]]  # element and the index of its practice example
    in_evaluation: bool
    programmes: list[Programme]
    cases: list[Case]
    sessions: list[ThemeMeeting]  # theme meetings the municipality hosts or sits on the panel of

    @property
    def any(self) -> bool:
        return bool(
            self.projects or self.examples or self.in_evaluation or self.programmes or self.cases or self.sessions
        )


def gather_mentions(catalogue: Catalogue) -> dict[str, MunicipalityMentions]:
    """Every municipality's mentions, gathered in one pass over each list (each in catalogue order)."""
    projects: dict[str, list[Project]] = {}
    examples: dict[str, list[tuple[Element, int]]] = {}
    programmes: dict[str, list[Programme]] = {}
    cases: dict[str, list[Case]] = {}
    sessions: dict[str, list[ThemeMeeting]] = {}

    def add(into: dict[str, list[Any]], mids: list[str | None], entry: Any) -> None:
        for mid in dict.fromkeys(mids):  # once per municipality, however often the entry names it
            if mid is not None:
                into.setdefault(mid, []).append(entry)

    for project in catalogue.projects.values():
        add(projects, [project.municipality], project)
    for element in catalogue.elements.values():
        for i, example in enumerate(element.examples):
            add(examples, [example.municipality], (element, i))
    for programme in catalogue.programmes.values():
        voices = [v.person.municipality for v in programme.voices]
        add(programmes, [*(m.municipality for m in programme.municipalities), *voices], programme)
    for case in catalogue.cases.cases:
        add(cases, [*case.municipalities, *(s.municipality for s in case.speakers)], case)
    for meeting in catalogue.cases.theme_meetings:
        add(sessions, [p.municipality for p in [*meeting.hosts, *meeting.panel]], meeting)
    evaluated = {m.municipality for m in catalogue.evaluation.municipalities.items}
    return {
        mid: MunicipalityMentions(
            projects.get(mid, []),
            examples.get(mid, []),
            mid in evaluated,
            programmes.get(mid, []),
            cases.get(mid, []),
            sessions.get(mid, []),
        )
        for mid in catalogue.municipalities
    }
