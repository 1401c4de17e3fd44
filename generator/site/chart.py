"""Bar charts as inline SVG, made at build time: no chart library runs in the browser.

Every label is escaped; the chart has a title and a description for screen readers, and pages
always show the same numbers in a table beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from html import escape

from markupsafe import Markup

from ..domain.numbers import parse_danish

BAR = "#3f51b5"  # Material indigo: 6.9:1 against white
HIGHLIGHT = "#1a237e"  # for a reference bar, e.g. the national average
TEXT = "#222222"


@dataclass(frozen=True)
class Bar:
    label: str
    value: Decimal
    shown: str  # the value as the source writes it, e.g. '22,8%'
    highlight: bool = False


def bar_chart(bars: list[Bar], *, title: str, description: str, chart_id: str, label_width: int = 220) -> Markup:
    """A horizontal bar chart: one row per bar, the value written at its end."""
    bar_width, row, gap = 300, 28, 8
    width = label_width + bar_width + 80
    height = len(bars) * (row + gap) + gap
    top = max((b.value for b in bars), default=Decimal(1)) or Decimal(1)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="kb-chart" viewBox="0 0 {width} {height}" '
        f'width="100%" role="img" aria-labelledby="{chart_id}-title {chart_id}-desc">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(description)}</desc>',
    ]
    for index, bar in enumerate(bars):
        y = gap + index * (row + gap)
        length = int(bar_width * bar.value / top)
        colour = HIGHLIGHT if bar.highlight else BAR
        middle = y + row // 2 + 5
        parts += [
            f'<text x="{label_width - 8}" y="{middle}" text-anchor="end" fill="{TEXT}" '
            f'font-size="14">{escape(bar.label)}</text>',
            f'<rect x="{label_width}" y="{y}" width="{length}" height="{row}" fill="{colour}"/>',
            f'<text x="{label_width + length + 6}" y="{middle}" fill="{TEXT}" '
            f'font-size="14">{escape(bar.shown)}</text>',
        ]
    parts.append("</svg>")
    return Markup("".join(parts))


def percent(text: str) -> Decimal:
    """'22,8%' -> Decimal('22.8')."""
    return parse_danish(text.strip().removesuffix("%"))
