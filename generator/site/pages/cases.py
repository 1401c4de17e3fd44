"""Municipal cases from KL's Børn & Unge Topmøde 2025."""

from __future__ import annotations

from ...data.catalogue import Catalogue
from ..urls import CASES_PATH
from .base import Filter, Page, located, render_page
from .contradictions import cases_contradictions


def cases_page(catalogue: Catalogue) -> Page:
    file = catalogue.cases
    themes = {t.id: t for t in file.theme_meetings}
    rows = [
        {
            "case": case,
            "theme": themes[case.theme],
            "municipalities": [catalogue.municipalities[m] for m in case.municipalities],
            # what the municipality filter matches: the same as the municipality pages list
            "filter": " ".join(
                dict.fromkeys([*case.municipalities, *(s.municipality for s in case.speakers if s.municipality)])
            ),
        }
        for case in file.cases
    ]
    used = {m for row in rows for m in row["filter"].split()}
    return render_page(
        CASES_PATH,
        "Kommunale eksempler",
        "data/cases.yaml",
        "cases.md.j2",
        event=file.event,
        discrepancies=cases_contradictions(catalogue),
        source=catalogue.sources[file.source],
        rows=rows,
        themes=[(t, [r for r in rows if r["case"].theme == t.id]) for t in file.theme_meetings],
        filters=[
            Filter(
                "municipality",
                "Kommune",
                "Alle kommuner",
                [
                    (m.id, m.short_name)
                    for m in sorted(
                        (m for m in catalogue.municipalities.values() if m.id in used), key=lambda m: m.short_name
                    )
                ],
            ),
            Filter("theme", "Tema", "Alle temaer", [(t.id, t.title) for t in file.theme_meetings]),
        ],
        located=located,
    )
