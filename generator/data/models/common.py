"""Shared types of every data file: the strict base, bounded text and numbers, ids and references, pages."""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    WithJsonSchema,
    model_validator,
)

from ..characters import text_problem
from ..references import RefersTo, RefersWithin

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def section_key(section: str) -> tuple[int, ...]:
    """Sort key for report sections, so that 5.10 comes after 5.9."""
    return tuple(int(part) if part.isdigit() else 0 for part in section.split("."))


# Bounds on every value, far above honest data so that the knowledge base can grow a hundredfold
# (today: the longest id has 66 characters, the longest name or title 122, the longest text 1,563;
# pages go to 149, the years are 2025). Each gives a located error naming the field.
MAX_ID = 80
MAX_NAME = 1_000
MAX_TEXT = 20_000
MAX_PAGE = 10_000
MAX_ORDINAL = 10_000
FIRST_YEAR, LAST_YEAR = 1900, 2100


def _one_line(value: str) -> str:
    return _checked(value, single_line=True)


def _multi_line(value: str) -> str:
    return _checked(value, single_line=False)


def _checked(value: str, *, single_line: bool) -> str:
    if value and not value.strip():
        raise ValueError(f"must not be blank (only spaces), got {len(value)} space character(s)")
    problem = text_problem(value, single_line=single_line)
    if problem is not None:
        raise ValueError(problem)
    return value


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN, max_length=MAX_ID)]
# Free text, verbatim from a source: paragraphs, quotes, notes. Newlines and tabs are allowed.
Text = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TEXT), AfterValidator(_multi_line)]
# One line shown as a name, title, heading, label or table cell: no line breaks, no invisible characters.
Name = Annotated[str, StringConstraints(min_length=1, max_length=MAX_NAME), AfterValidator(_one_line)]
# A report section such as '4.1.1' (sorted by its numbers).
SECTION_PATTERN = r"^\d{1,3}(\.\d{1,3}){0,5}$"
Section = Annotated[str, StringConstraints(pattern=SECTION_PATTERN)]
Year = Annotated[int, Field(ge=FIRST_YEAR, le=LAST_YEAR)]
PageCount = Annotated[int, Field(ge=1, le=MAX_PAGE)]
Ordinal = Annotated[int, Field(ge=1, le=MAX_ORDINAL)]  # the number of a table, element, round …
Tally = Annotated[int, Field(ge=0, le=MAX_ORDINAL)]  # a count of marks in a table

# Ids of entries elsewhere. The type says where the entry must be; generator/references.py checks every
# such field (in lists and nested entries too), and the data-format pages name the target from it.
SourceId = Annotated[Slug, RefersTo("sources.yaml", "sources", "source")]
MunicipalityId = Annotated[Slug, RefersTo("municipalities.yaml", "municipalities", "municipality")]
RegionId = Annotated[Slug, RefersTo("municipalities.yaml", "regions", "region")]
AreaId = Annotated[Slug, RefersTo("municipalities.yaml", "regions", "area", also=("landsplan",))]
GroupId = Annotated[Slug, RefersTo("elements.yaml", "groups", "group")]
ElementId = Annotated[Slug, RefersTo("elements.yaml", "elements", "element")]
ProjectId = Annotated[Slug, RefersTo("projects.yaml", "projects", "project")]
ThemeMeetingId = Annotated[Slug, RefersTo("cases.yaml", "theme_meetings", "theme meeting")]
ActivityId = Annotated[Slug, RefersWithin("Project", "activities", "activity")]  # in the same project
# A list whose entries must differ says so on the list: Annotated[list[Element], Unique("id")].


class PageRange(BaseModel):
    """Pages in a source document: one page, or first and last page."""

    model_config = ConfigDict(frozen=True)
    first: int
    last: int

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


_RANGE = re.compile(r"^\s*(\d{1,9})\s*[-–]\s*(\d{1,9})\s*$")


def _parse_pages(value: object) -> PageRange:
    if isinstance(value, PageRange):
        return value
    first = last = 0
    if isinstance(value, int) and not isinstance(value, bool):
        first = last = value
    elif isinstance(value, str) and (match := _RANGE.match(value)):
        first, last = int(match.group(1)), int(match.group(2))
    if 0 < first <= last <= MAX_PAGE:
        return PageRange(first=first, last=last)
    shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
    if 0 < first <= last:
        raise ValueError(f"expected pages from 1 to {MAX_PAGE}, got {shown}")
    raise ValueError(f"expected a page number or a range like 21-23, got {shown}")


Pages = Annotated[
    PageRange,
    BeforeValidator(_parse_pages),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": MAX_PAGE},
                {"type": "string", "pattern": r"^\d{1,5}-\d{1,5}$"},
            ]
        }
    ),
]

# --- shared building blocks ------------------------------------------------


class NameVariant(Strict):
    text: Text = Field(description="Navnet, præcis som kilden skriver det det pågældende sted.")
    pages: Pages = Field(description="Side(r) i kilden, fx `45` eller `45-46`.")
    where: Name = Field(description="Hvor i kilden varianten står, fx 'overskrift til afsnit 4.1.9'.")


class Passage(Strict):
    pages: Pages = Field(description="Side(r) i kilden, fx `21` eller `21-22`.")
    paragraphs: list[Text] = Field(description="Afsnit af tekst, ordret fra kilden.", min_length=1)


class Lead(Strict):
    pages: Pages = Field(description="Side i kilden.")
    text: Text = Field(description="Indledende sætning(er), ordret fra kilden.")


class Quote(Strict):
    pages: Pages = Field(description="Side(r) i rapporten.")
    text: Text = Field(description="Rapportens ordlyd, ordret.")


ElementBasis = Literal["kilde", "redaktionel"]


def check_basis(basis: str, quote: str | None, place: object, place_field: str) -> None:
    """A link to an element is either the source's (quoted, located) or the site's own (no quote)."""
    if basis == "kilde" and (quote is None or place is None):
        raise ValueError(f"a link with basis `kilde` needs `quote` and `{place_field}`")
    if basis == "redaktionel" and quote is not None:
        raise ValueError("an editorial link has no `quote`; use basis `kilde` if the source says it")


class ReportElementLink(Strict):
    """That something (an activity, a cost column) is an instance of an element, and on what basis."""

    element: ElementId = Field(description="Id på elementet (se `data/elements.yaml`).")
    basis: ElementBasis = Field(
        description="`kilde`, hvis rapporten selv knytter netop dette til elementet (med citat), ellers "
        "`redaktionel` (sitets vurdering)."
    )
    note: Text = Field(description="Kort forklaring på dansk af, hvorfor det hører til elementet.")
    quote: Text | None = Field(description="Rapportens ordlyd, når basis er `kilde`.", default=None)
    pages: Pages | None = Field(description="Side i rapporten, når basis er `kilde`.", default=None)

    @model_validator(mode="after")
    def _quoted_if_from_the_report(self) -> ReportElementLink:
        check_basis(self.basis, self.quote, self.pages, "pages")
        return self
