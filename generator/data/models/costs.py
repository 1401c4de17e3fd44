"""The report's cost tables (Tabel 4–17), cell by cell as written."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import AfterValidator, Field, StringConstraints, model_validator

from ...domain.numbers import parse_danish
from ..references import Unique
from .common import MAX_NAME, ActivityId, Name, Ordinal, Pages, Quote, ReportElementLink, Strict, Text, _one_line

# --- cost tables ------------------------------------------------------------

# At most 999.999.999.999 with four decimals: every amount is finite and converts to a float exactly enough.
_NUMBER = r"\d{1,3}(?:\.\d{3}){0,3}(?:,\d{1,4})?"
Cell = Annotated[str, StringConstraints(max_length=MAX_NAME), AfterValidator(_one_line)]


class Figure(Strict):
    """One cell of a cost table, exactly as the report writes it.

    In YAML a regular cell is a plain string ("2,25", "5.543 kr.", "-"). A cell
    that is not a regular number in the report is a mapping with the text as
    written, a note, and optionally how it can be read as a number.
    """

    PATTERN: ClassVar[str] = _NUMBER
    EXAMPLE: ClassVar[str] = "2,25"

    as_written: Cell = Field(description="Cellen præcis som i rapporten; tom hvis cellen er tom.")
    reading: Cell | None = Field(
        description="Hvis cellen ikke er et almindeligt tal: hvordan den kan læses som tal, fx '220 kr.'.",
        default=None,
    )
    note: Text | None = Field(
        description="Forklaring, når cellen ikke er et almindeligt tal i rapporten (vises på sitet).", default=None
    )

    @model_validator(mode="before")
    @classmethod
    def _from_text(cls, value: object) -> object:
        return {"as_written": value} if isinstance(value, str) else value

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        """In YAML a regular cell is a plain string; only an irregular one is a mapping."""
        as_mapping = handler(core_schema)
        as_text = {
            "type": "string",
            "pattern": f"^(-|{cls.PATTERN})$",
            "description": f"Cellen som i rapporten, fx '{cls.EXAMPLE}', eller '-' for en tom celle med streg.",
        }
        return {"anyOf": [as_text, as_mapping]}

    @classmethod
    def _regular(cls, text: str) -> bool:
        return text == "-" or re.fullmatch(cls.PATTERN, text) is not None

    @model_validator(mode="after")
    def _check(self) -> Figure:
        if self.regular:
            if self.note is not None or self.reading is not None:
                raise ValueError("a regular cell needs no note or reading; write it as a plain string")
            return self
        if self.note is None:
            raise ValueError(
                f"expected a cell as written in the report, like '{self.EXAMPLE}' or '-'; a cell that is not a "
                f"regular number ({self.as_written!r}) must be a mapping with as_written and note"
            )
        if self.reading is not None and (self.reading == "-" or not re.fullmatch(self.PATTERN, self.reading)):
            raise ValueError(f"reading must be a regular number like '{self.EXAMPLE}', got {self.reading!r}")
        return self

    @property
    def regular(self) -> bool:
        return self._regular(self.as_written)

    @property
    def dash(self) -> bool:
        return self.as_written == "-"

    @property
    def value(self) -> Decimal | None:
        """The number the cell stands for, or None (a dash, or text without a reading)."""
        text = self.as_written if self.regular else self.reading
        if text is None or text == "-":
            return None
        digits = re.fullmatch(r"(" + _NUMBER + r")", text.removesuffix(" kr.")).group(1)
        return parse_danish(digits)


class Hours(Figure):
    """Hours per activity, e.g. '2,25'."""


class Amount(Figure):
    """An amount in kroner, e.g. '5.543 kr.'."""

    PATTERN: ClassVar[str] = _NUMBER + r" kr\."
    EXAMPLE: ClassVar[str] = "5.543 kr."


class StaffHours(Strict):
    paedagogisk_personale: Hours = Field(description="Timer for pædagogisk personale.")
    paedagogisk_leder: Hours = Field(description="Timer for pædagogisk leder.")
    vikarer: Hours = Field(description="Timer for vikarer.")
    samarbejdspartner: Hours = Field(description="Timer for samarbejdspartner.")


# --- the site's readings of a column ------------------------------------------

MAX_COUNT = 10_000  # children in one group, or occurrences in a year or a course


class Span(Strict):
    """A whole number or a range of them, as the report gives it ("tre til fire gange" is 3 to 4).

    In YAML a single number is written as it is (``15``); a range as a mapping (``{low: 3, high: 4}``).
    """

    low: Annotated[int, Field(ge=1, le=MAX_COUNT)] = Field(description="Det laveste tal.")
    high: Annotated[int, Field(ge=1, le=MAX_COUNT)] = Field(description="Det højeste tal (lig med low, hvis ét tal).")

    @model_validator(mode="before")
    @classmethod
    def _from_number(cls, value: object) -> object:
        return {"low": value, "high": value} if isinstance(value, int) and not isinstance(value, bool) else value

    @model_validator(mode="after")
    def _ordered(self) -> Span:
        if self.high < self.low:
            raise ValueError(f"high ({self.high}) must be at least low ({self.low})")
        return self

    @classmethod
    def __get_pydantic_json_schema__(cls, core_schema: Any, handler: Any) -> dict[str, Any]:
        number = {"type": "integer", "minimum": 1, "maximum": MAX_COUNT, "description": "Ét tal, fx 15."}
        return {"anyOf": [number, handler(core_schema)]}


# Who one occurrence is counted for: children, or families (the report's "for 15 familier").
Counted = Literal["boern", "familier"]
# What the number of occurrences is counted per: a year, or one child's (or group's) course.
Period = Literal["aar", "forloeb"]


class DecisionUnit(Strict):
    """The site's structured reading of 'Kadence og børn involveret': how many one occurrence serves, how often.

    The report's cost per child is what one occurrence costs divided by the children it serves
    (bilag 6.2.3); its hours are those of one occurrence. So the group size turns the one into the
    other, and the number of occurrences turns both into a year's cost.
    """

    group: Span = Field(description="Hvor mange børn (eller familier) én afholdelse er for; 1, hvis den er pr. barn.")
    counted: Counted = Field(description="`boern` eller `familier`: hvad gruppen tælles i.", default="boern")
    times: Span | None = Field(
        description="Hvor mange gange aktiviteten afholdes pr. `per`; udelades, hvis tabellen ikke siger det.",
        default=None,
    )
    per: Period | None = Field(
        description="`aar` (gange om året) eller `forloeb` (gange i ét barns eller én gruppes forløb).", default=None
    )
    reading: Text = Field(description="Sitets læsning af kadencen med ord, på dansk, fx 'Tre til fire gange om året'.")

    @model_validator(mode="after")
    def _times_with_period(self) -> DecisionUnit:
        if (self.times is None) != (self.per is None):
            raise ValueError("`times` and `per` go together: give both, or neither when the table says nothing")
        return self


class ColumnElement(ReportElementLink):
    """An element this cost column is an instance of: the report's words about this very activity, or the site's."""


# The cells of a column a caveat can be about (the fields of CostColumn).
FlaggedCell = Literal["cadence", "hours", "establishment", "cost_per_child"]


class CellFlag(Strict):
    """A caveat that travels with a number wherever it is used (a doubtful sub-table, a note that contradicts it)."""

    cells: Annotated[list[FlaggedCell], Unique()] = Field(description="De celler, forbeholdet gælder.", min_length=1)
    note: Text = Field(description="Forbeholdet på dansk, som det vises ved tallet.")


class CostColumn(Strict):
    label: Name = Field(description="Kolonnens overskrift, som i rapporten (uden orddeling).")
    group: Name | None = Field(
        description="Fælles overskrift over flere kolonner, hvis tabellen har en, fx 'Øvrige samarbejder'.",
        default=None,
    )
    activities: Annotated[list[ActivityId], Unique()] = Field(
        description="Id'er på de aktiviteter i projektet, som kolonnen dækker (flere, hvis tabellen samler dem).",
        default_factory=list,
    )
    staff: list[Text] = Field(description="'Involveret personale', én linje pr. personalegruppe, ordret.")
    partner: list[Text] = Field(description="'Involveret samarbejdspartner', én linje pr. partner, ordret.")
    cadence: Name | None = Field(description="'Kadence og børn involveret', ordret.", default=None)
    hours: StaffHours = Field(description="'Samlet tidsforbrug i timer per aktivitet'.")
    establishment: Amount = Field(description="'Etableringsomkostninger' i kr.")
    establishment_explanation: Text | None = Field(
        description="'Uddybning' af etableringsomkostningerne, ordret.", default=None
    )
    cost_per_child: Amount = Field(
        description="'Omkostninger i alt per barn per afholdt aktivitet ekskl. etableringsomkostninger' i kr."
    )
    establishment_shared: bool = Field(
        description="true, hvis etableringsbeløbet er den samme engangsudgift som i tabellens andre kolonner med "
        "samme beløb, som også er markeret (rapporten gentager det); det tælles så én gang pr. projekt.",
        default=False,
    )
    elements: Annotated[list[ColumnElement], Unique("element")] = Field(
        description="De elementer, netop denne kolonnes aktivitet er et eksempel på, med grundlag.",
        default_factory=list,
    )
    unit: DecisionUnit | None = Field(
        description="Sitets læsning af 'Kadence og børn involveret' (gruppestørrelse og antal gange).", default=None
    )
    flags: list[CellFlag] = Field(
        description="Forbehold ved kolonnens tal, som skal vises overalt, hvor tallet bruges.", default_factory=list
    )


class CostPart(Strict):
    heading: Name | None = Field(description="Overskrift over en deltabel, hvis tabellen har flere dele.", default=None)
    columns: list[CostColumn] = Field(description="Tabellens kolonner (én pr. aktivitet), i rapportens rækkefølge.")


class CostTable(Strict):
    number: Ordinal = Field(description="Tabellens nummer i rapporten, fx 4.")
    title: Name = Field(
        description="Tabellens titel, ordret, fx 'Tabel 4 – Omkostningsvurdering, Frederikshavn Kommune'."
    )
    pages: Pages = Field(description="Side(r) med tabellen.")
    remarks: list[Quote] = Field(
        description="Rapportens egne sætninger om tabellen i afsnittet 'Omkostninger', ordret "
        "(ud over 'Tabel N viser …').",
        default_factory=list,
    )
    parts: list[CostPart] = Field(description="Tabellen; flere dele, hvis rapporten deler den op.", min_length=1)
    notes: list[Text] = Field(
        description="Redaktionelle bemærkninger om tabellens opbygning, fx at et beløb gentages i flere kolonner.",
        default_factory=list,
    )

    @model_validator(mode="after")
    def _shared_establishment_repeats(self) -> CostTable:
        shared: dict[str, int] = {}
        for column in self.columns:
            if column.establishment_shared:
                shared[column.establishment.as_written] = shared.get(column.establishment.as_written, 0) + 1
        alone = [amount for amount, count in shared.items() if count < 2]
        if alone:
            raise ValueError(
                f"establishment_shared marks an amount repeated in several columns; {alone[0]!r} is marked in one only"
            )
        return self

    @property
    def columns(self) -> list[CostColumn]:
        return [column for part in self.parts for column in part.columns]
