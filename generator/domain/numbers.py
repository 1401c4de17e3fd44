"""Danish numbers, written and read in one place: '1.099' is a thousand and ninety-nine, '2,25' two and a quarter."""

from __future__ import annotations

from decimal import Decimal


def danish_number(value: Decimal) -> str:
    """1099 -> '1.099', 2.25 -> '2,25' (Danish thousands and decimal separators)."""
    sign = "-" if value < 0 else ""
    whole, _, fraction = f"{abs(value):f}".partition(".")
    fraction = fraction.rstrip("0")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


def parse_danish(text: str) -> Decimal:
    """'1.099' -> 1099, '2,25' -> 2.25, '22,8' -> 22.8: a number as the sources write it (dots group thousands).

    The caller has checked the text's shape; the budget calculator's own inputs follow a stricter rule
    (``budget.parse_number``), because what a user types there is not the report's text.
    """
    return Decimal(text.strip().replace(".", "").replace(",", "."))
