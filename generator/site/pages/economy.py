"""Økonomi: every costed activity in one table, the bands and the spread."""

from __future__ import annotations

import re

from markupsafe import Markup

from ...data.catalogue import Catalogue
from ...data.models import STATED_SPREAD, Figure, FlaggedCell
from ...domain.caveats import cell_caveats
from ...domain.costs import STAFF_GROUPS, Bands, CostRow, cell_text, per_child_spread
from ...domain.numbers import danish_number, parse_danish
from ..caveats import Footnotes, Mark
from ..chart import Bar, bar_chart
from ..labels import PARTNER_LABELS, band_label, band_ranges, project_label
from ..paging import paginate
from ..units import unit_view
from ..urls import ECONOMY_PATH
from .base import Filter, Page, render_parts

# Which partner a cost column's "Involveret samarbejdspartner" lines name (the site's own reading).
PARTNER_WORDS = {"sundhedsplejerske": "sundhedsplejerske", "socialrådgiver": "socialraadgiver"}


def partner_kinds(row: CostRow) -> list[str]:
    text = " ".join(row.column.partner).lower()
    kinds = [kind for word, kind in PARTNER_WORDS.items() if word in text]
    others = [
        line for line in row.column.partner if line.strip() != "0" and not any(w in line.lower() for w in PARTNER_WORDS)
    ]
    return kinds + (["andre"] if others else []) or ["ingen"]


PARTNER_FILTER = {
    **{k: v for k, v in PARTNER_LABELS.items() if k in PARTNER_WORDS.values()},
    "andre": "Andre",
    "ingen": "Ingen",
}


def economy_pages(catalogue: Catalogue) -> list[Page]:
    """Økonomi: one page, or a first page and numbered pages of the table (site/paging.py) when there are many."""
    projects = list(catalogue.projects.values())
    rows = catalogue.cost_rows
    valued = [row for row in rows if row.per_child is not None]
    bands = catalogue.bands
    low, high = per_child_spread(rows)
    stated = catalogue.evaluation.cost_method.stated_spread
    figure = stated.figure if stated else ""
    stated_numbers = [parse_danish(n) for n in re.findall(r"\d{1,3}(?:\.\d{3})*", figure)]
    footnotes = Footnotes()
    views = [_row_view(catalogue, row, bands, footnotes) for row in rows]
    by_row = {id(view["row"]): view for view in views}
    paged = paginate(ECONOMY_PATH, "oekonomi", views, "cost_row")
    ends = {by_row[id(low)]["place"], by_row[id(high)]["place"]}  # the spread's two rows, on every page
    filters = [
        Filter(
            "element",
            "Element",
            "Alle elementer",
            [
                (e.id, e.name)
                for e in catalogue.elements.values()
                if any(e.id in view["elements"].split() for view in views)
            ],
        ),
        Filter("partner", "Samarbejdspartner", "Alle", list(PARTNER_FILTER.items())),
        Filter(
            "project",
            "Puljeprojekt",
            "Alle puljeprojekter",
            [(p.id, project_label(catalogue, p)) for p in projects if p.cost],
        ),
    ]
    return render_parts(
        paged,
        "Økonomi",
        "data/projects.yaml",
        "economy.md.j2",
        footnotes=footnotes,
        places=lambda part: ends | {view["place"] for view in part.rows},
        per_part=lambda part: {
            "chart": _chart(catalogue, [view for view in part.rows if view["row"].per_child is not None])
        },
        bands=band_ranges(bands),
        low=low,
        high=high,
        low_marks=by_row[id(low)]["per_child"]["marks"],
        high_marks=by_row[id(high)]["per_child"]["marks"],
        stated=stated,
        stated_label=STATED_SPREAD,
        same_spread=stated_numbers == [low.per_child, high.per_child],
        facts=catalogue.evaluation.cost_method.facts,
        price_year=catalogue.evaluation.cost_method.price_level,
        source=catalogue.sources[catalogue.evaluation.source],
        filters=filters,
        municipality_of=catalogue.municipality_of,
        danish_number=danish_number,
        costed=len(rows),
        without_number=len(rows) - len(valued),
    )


def economy_page(catalogue: Catalogue) -> Page:
    """Økonomi's first page."""
    return economy_pages(catalogue)[0]


def _chart(catalogue: Catalogue, views: list[dict]) -> Markup:
    """The bar chart of these rows' cost per child, highest first, each bar labelled with its caveats' notes."""
    chart_views = sorted(views, key=lambda view: view["row"].per_child, reverse=True)
    labels = [_bar_label(catalogue, view["row"]) + _see_notes(view["per_child"]["marks"]) for view in chart_views]
    numbers = [view["row"].per_child for view in chart_views]
    return bar_chart(
        [Bar(label, n, f"{danish_number(n)} kr.") for label, n in zip(labels, numbers, strict=True)],
        title="Omkostning pr. barn pr. afholdt aktivitet, ekskl. etableringsomkostninger",
        description="; ".join(f"{label}: {danish_number(n)} kr." for label, n in zip(labels, numbers, strict=True)),
        chart_id="kb-omkostninger",
        label_width=420,
    )


def _bar_label(catalogue: Catalogue, row: CostRow) -> str:
    return f"{catalogue.municipality_of(row.project).short_name}: {row.column.label}"


def _see_notes(marks: list[Mark]) -> str:
    """What a chart's bar label adds for a number with caveats (an SVG text cannot hold the marks' links)."""
    return f" (forbehold, note {', '.join(str(m.number) for m in marks)})" if marks else ""


def _cell(figure: Figure, marks: list[Mark]) -> dict:
    """A number cell: the report's text, the marks of its caveats, and the number tables.js sorts by (-1 if none)."""
    return {"text": cell_text(figure), "marks": marks, "sort": figure.value if figure.value is not None else -1}


def _row_view(catalogue: Catalogue, row: CostRow, bands: Bands, footnotes: Footnotes) -> dict:
    column, project = row.column, row.project
    place = _bar_label(catalogue, row) + (f" ({row.part_heading})" if row.part_heading else "")

    def marks(cell: FlaggedCell, group: str | None = None) -> list[Mark]:
        return footnotes.marks(cell_caveats(project, column, cell, group), place)

    cadence = marks("cadence")  # in the table's order, so the notes are numbered as they are read
    hours = [_cell(getattr(column.hours, name), marks("hours", name)) for name in STAFF_GROUPS]
    total_hours = marks("hours")
    establishment = marks("establishment")
    per_child_cell = _cell(column.cost_per_child, marks("cost_per_child"))
    return {
        "row": row,
        "place": place,  # where its numbers stand in the caveat notes
        "municipality": catalogue.municipality_of(project),
        "numbers": [
            *hours,
            {
                "text": danish_number(row.total_hours) if row.total_hours is not None else "",
                "marks": total_hours,
                "sort": row.total_hours if row.total_hours is not None else -1,
            },
            _cell(column.establishment, establishment),
            per_child_cell,
        ],
        "per_child": per_child_cell,
        "cadence_marks": cadence,
        "band": band_label(bands, row.per_child) if row.per_child is not None else "",
        "partners": " ".join(partner_kinds(row)),
        "elements": " ".join(link.element for link in column.elements),  # this very column's elements
        "unit": unit_view(column),
        "budget_key": catalogue.budget_keys.get(id(column)),
    }
