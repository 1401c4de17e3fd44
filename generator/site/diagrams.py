"""Two pictures of how the elements go together, as inline SVG made at build time.

- ``element_matrix``: which project worked with which element, with the report's two readings
  (the element's project list in chapter 4, the project's main result in chapter 5) told apart by shape;
- ``recommendation_network``: the nine elements with the report's recommendations as arrows,
  mutual ones drawn apart from those that go one way only (the report says "gode erfaringer med at
  kombinere"; the site never words these as the report's recommendations).

Every label is escaped; each picture has a title and a description for screen readers, and the page
always gives the same facts as a table.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from html import escape

from markupsafe import Markup

from ..data.models import Element
from ..domain.combinations import Recommendation
from .chart import BAR, HIGHLIGHT, TEXT

ONE_WAY = "#8c2d04"  # dark orange: 7.6:1 against white, and dashed, so colour is not the only cue
GRID = "#c4c4c4"


def _open(chart_id: str, width: int, height: int, title: str, description: str) -> list[str]:
    return [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kb-chart kb-diagram" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]


def _text(x: float, y: float, text: str, *, anchor: str = "start", size: int = 15, extra: str = "") -> str:
    return (
        f'<text x="{x:.1f}" y="{y:.1f}" text-anchor="{anchor}" fill="{TEXT}" font-size="{size}"{extra}>'
        f"{escape(text)}</text>"
    )


# --- element × project matrix -------------------------------------------------

BOTH, ONLY_LIST, ONLY_RESULT = "both", "only-list", "only-result"
MARK_LABELS = {
    BOTH: "Nævnt både i elementets projektliste (kapitel 4) og i projektets hovedresultat (kapitel 5)",
    ONLY_LIST: "Kun nævnt i elementets projektliste (kapitel 4)",
    ONLY_RESULT: "Kun nævnt i projektets hovedresultat (kapitel 5)",
}


@dataclass(frozen=True)
class Column:
    label: str  # short, e.g. 'Hjørring (5.5)'
    marks: dict[str, str]  # element id -> BOTH | ONLY_LIST | ONLY_RESULT


def _mark(kind: str, x: float, y: float) -> str:
    if kind == BOTH:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="{BAR}"/>'
    if kind == ONLY_LIST:
        return f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6.5" fill="none" stroke="{HIGHLIGHT}" stroke-width="2.5"/>'
    return f'<rect x="{x - 6:.1f}" y="{y - 6:.1f}" width="12" height="12" fill="{ONE_WAY}"/>'


def element_matrix(elements: list[Element], columns: list[Column], *, chart_id: str, description: str) -> Markup:
    label_width, cell, header = 340, 36, 140
    legend_top = header + len(elements) * cell + 20
    width = label_width + len(columns) * cell + 40
    height = legend_top + len(MARK_LABELS) * 24 + 10
    parts = _open(chart_id, width, height, "Hvilke puljeprojekter arbejdede med hvilke elementer", description)
    for j, column in enumerate(columns):
        x = label_width + j * cell + cell / 2
        parts.append(_text(x + 4, header - 8, column.label, extra=f' transform="rotate(-55 {x + 4:.1f} {header - 8})"'))
        parts.append(f'<line x1="{x:.1f}" y1="{header}" x2="{x:.1f}" y2="{header + len(elements) * cell}" '
                     f'stroke="{GRID}" stroke-width="1"/>')  # fmt: skip
    for i, element in enumerate(elements):
        y = header + i * cell + cell / 2
        parts.append(_text(label_width - 10, y + 5, f"{element.number}. {element.name}", anchor="end"))
        parts.append(f'<line x1="{label_width}" y1="{y:.1f}" x2="{label_width + len(columns) * cell}" '
                     f'y2="{y:.1f}" stroke="{GRID}" stroke-width="1"/>')  # fmt: skip
        for j, column in enumerate(columns):
            if element.id in column.marks:
                parts.append(_mark(column.marks[element.id], label_width + j * cell + cell / 2, y))
    for k, (kind, label) in enumerate(MARK_LABELS.items()):
        y = legend_top + k * 24
        parts.append(_mark(kind, 20, y))
        parts.append(_text(36, y + 5, label))
    parts.append("</svg>")
    return Markup("".join(parts))


# --- recommendation network -----------------------------------------------------


def recommendation_network(elements: list[Element], arrows: list[Recommendation], *, chart_id: str) -> Markup:
    radius, node, label_gap, label_room = 160, 20, 30, 170
    centre_x, centre_y = radius + label_gap + label_room, radius + label_gap + 30
    width, legend_y = 2 * centre_x, centre_y + radius + label_gap + 70
    height = legend_y + 40
    places = {}
    for i, element in enumerate(elements):
        angle = -math.pi / 2 + 2 * math.pi * i / len(elements)
        places[element.id] = (angle, centre_x + radius * math.cos(angle), centre_y + radius * math.sin(angle))
    mutual = sum(1 for a in arrows if a.mutual) // 2
    one_way = sum(1 for a in arrows if not a.mutual)
    description = (
        f"{len(elements)} elementer i en ring. En pil går fra et element til de elementer, rapporten under det nævner "
        f"gode erfaringer med at kombinere med. {mutual} par af elementer nævner hinanden (fuld linje med pil i begge "
        f"ender), og {one_way} gange går det kun den ene vej (stiplet linje med én pil). "
        "Tabellen over billedet viser det samme."
    )
    parts = _open(chart_id, width, height, "Elementer, som rapporten har gode erfaringer med at kombinere", description)
    parts.append(
        "<defs>"
        + "".join(
            f'<marker id="{chart_id}-{name}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" '
            f'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="{colour}"/></marker>'
            for name, colour in (("mutual", BAR), ("one-way", ONE_WAY))
        )
        + "</defs>"
    )
    drawn = set()
    for arrow in arrows:
        pair = frozenset((arrow.source.id, arrow.target.id))
        if arrow.mutual and pair in drawn:
            continue
        drawn.add(pair)
        _, x1, y1 = places[arrow.source.id]
        _, x2, y2 = places[arrow.target.id]
        length = math.hypot(x2 - x1, y2 - y1)
        dx, dy = (x2 - x1) / length * (node + 3), (y2 - y1) / length * (node + 3)
        name = "mutual" if arrow.mutual else "one-way"
        colour = BAR if arrow.mutual else ONE_WAY
        style = f'stroke="{colour}" stroke-width="2"'
        if not arrow.mutual:
            style += ' stroke-dasharray="7 4"'
        start = f' marker-start="url(#{chart_id}-{name})"' if arrow.mutual else ""
        parts.append(
            f'<line x1="{x1 + dx:.1f}" y1="{y1 + dy:.1f}" x2="{x2 - dx:.1f}" y2="{y2 - dy:.1f}" {style}{start} '
            f'marker-end="url(#{chart_id}-{name})"/>'
        )
    for element in elements:
        angle, x, y = places[element.id]
        parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{node}" fill="#ffffff" stroke="{TEXT}" stroke-width="2"/>')
        parts.append(_text(x, y + 5, str(element.number), anchor="middle", size=14, extra=' font-weight="bold"'))
        lines = textwrap.wrap(element.name, 20, break_long_words=False)
        cos, sin = math.cos(angle), math.sin(angle)
        anchor = "start" if cos > 0.3 else "end" if cos < -0.3 else "middle"
        lx = x + cos * label_gap
        ly = y + sin * label_gap + 5 - (len(lines) - 1) * 8 + (10 if sin > 0.3 else -10 if sin < -0.9 else 0)
        for k, line in enumerate(lines):
            parts.append(_text(lx, ly + k * 18, line, anchor=anchor))
    for k, (name, colour, label) in enumerate(
        (("mutual", BAR, "Nævner hinanden"), ("one-way", ONE_WAY, "Nævnt kun den ene vej"))
    ):
        y = legend_y + k * 24
        dash = "" if name == "mutual" else ' stroke-dasharray="7 4"'
        start = f' marker-start="url(#{chart_id}-{name})"' if name == "mutual" else ""
        parts.append(
            f'<line x1="20" y1="{y}" x2="80" y2="{y}" stroke="{colour}" stroke-width="2"{dash}{start} '
            f'marker-end="url(#{chart_id}-{name})"/>'
        )
        parts.append(_text(92, y + 5, label))
    parts.append("</svg>")
    return Markup("".join(parts))
