"""Stage 2 (types): the typed model of every data file.

Strict models: unknown keys are errors, and values are not coerced (a page
number written as text is an error, not silently converted). Every field has a
Danish description, because the maintainers' reference is made from them.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

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

from .characters import text_problem
from .references import RefersTo, RefersWithin, Unique

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


# --- sources ---------------------------------------------------------------


class Source(Strict):
    id: Slug = Field(description="Stabilt id for kilden, fx `evaluering`.")
    short_name: Name = Field(description="Kort navn til kildehenvisninger, fx 'Evalueringsrapporten'.")
    title: Name = Field(description="Dokumentets titel.")
    publisher: Name = Field(description="Hvem der står bag dokumentet.")
    year: Year | None = Field(description="Udgivelsesår, hvis dokumentet angiver det.", default=None)
    kind: Name = Field(description="Dokumenttype, fx 'Evalueringsrapport' eller 'Konferenceprogram'.")
    description: Text = Field(description="Kort beskrivelse af, hvad sitet bruger fra kilden.")
    seed_file: Name | None = Field(
        description="Filnavn på tekstudtrækket i `shared/seeds/`, hvis kilden er et af kildedokumenterne.", default=None
    )
    url: Name | None = Field(description="Adresse på en offentlig kilde uden tekstudtræk.", default=None)
    page_count: PageCount | None = Field(description="Antal sider i dokumentet, hvis det har sidetal.", default=None)

    @model_validator(mode="after")
    def _findable(self) -> Source:
        if self.seed_file is None and self.url is None:
            raise ValueError("give `seed_file` (a document in shared/seeds) or `url` (a public source)")
        return self


class SourcesFile(Strict):
    sources: Annotated[list[Source], Unique("id")] = Field(
        description="Kildedokumenterne, som alle fakta på sitet stammer fra.", min_length=1
    )


# --- municipalities --------------------------------------------------------


class Municipality(Strict):
    id: Slug = Field(description="Stabilt id, fx `helsingoer` (æ→ae, ø→oe, å→aa).")
    name: Name = Field(description="Kommunens navn, fx 'Helsingør Kommune'.")
    short_name: Name = Field(description="Navnet uden 'Kommune', fx 'Helsingør'.")
    region: RegionId = Field(description="Id på regionen, kommunen ligger i (se `regions`).")


class Region(Strict):
    id: Slug = Field(description="Stabilt id, fx `nordjylland`.")
    name: Name = Field(description="Regionens navn, fx 'Region Nordjylland'.")


class MunicipalitiesFile(Strict):
    source: SourceId = Field(
        description="Id på kilden til, hvilken region hver kommune ligger i (se `data/sources.yaml`)."
    )
    regions: Annotated[list[Region], Unique("id")] = Field(description="De fem regioner.", min_length=1)
    municipalities: Annotated[list[Municipality], Unique("id")] = Field(
        description="Kommuner, som kilderne nævner.", min_length=1
    )


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


# --- elements --------------------------------------------------------------


class ElementGroup(Strict):
    id: Slug = Field(description="Stabilt id for hovedområdet.")
    name: Name = Field(description="Hovedområdets navn, som i rapporten.")
    pages: Pages = Field(description="Side(r) i rapporten, hvor grupperingen står.")


class CombinesWith(Strict):
    pages: Pages = Field(description="Side i rapporten.")
    elements: Annotated[list[ElementId], Unique()] = Field(
        description="Id'er på de elementer, rapporten nævner efter 'Der er gode erfaringer med at kombinere … "
        "med følgende elementer', i rapportens rækkefølge."
    )


class PracticeExample(Strict):
    pages: Pages = Field(description="Side(r) i rapporten.")
    municipality: MunicipalityId = Field(description="Id på kommunen, som eksemplet handler om.")
    paragraphs: list[Text] = Field(description="Eksemplets tekst, ordret.", min_length=1)


class ResultList(Strict):
    pages: Pages = Field(description="Side(r) i rapporten.")
    intro: Text = Field(description="Indledningen til listen, ordret.")
    items: list[Text] = Field(description="Resultaterne, ét punkt pr. linje, ordret.", min_length=1)


class ProjectMention(Strict):
    project: ProjectId = Field(description="Id på puljeprojektet.")
    as_written: Name = Field(description="Linjen præcis som rapporten skriver den, inkl. kommune og afsnit.")


class ProjectList(Strict):
    pages: Pages = Field(description="Side(r) i rapporten.")
    intro: Text = Field(description="Indledningen til listen, ordret.")
    items: Annotated[list[ProjectMention], Unique("project")] = Field(
        description="Puljeprojekterne, som rapporten nævner under elementet."
    )


class Element(Strict):
    id: Slug = Field(description="Stabilt id, bruges i adressen og i henvisninger, fx `overgangsmoeder`.")
    number: Ordinal = Field(description="Elementets nummer i rapportens liste over de ni elementer.")
    name: Name = Field(description="Elementets navn som i rapportens liste over de ni elementer.")
    name_variants: list[NameVariant] = Field(
        description="Steder, hvor rapporten skriver navnet anderledes.", default_factory=list
    )
    group: GroupId = Field(description="Id på hovedområdet (se `groups`).")
    source: SourceId = Field(description="Id på kildedokumentet (se `data/sources.yaml`).")
    section: Section = Field(description="Afsnit i rapporten, fx '4.1.1'.")
    pages: Pages = Field(description="Første og sidste side af elementets afsnit.")
    lead: Lead = Field(description="Den indledende sætning under overskriften.")
    purpose: Passage = Field(description="Afsnittet 'Formål og begrundelse'.")
    content: Passage = Field(description="Afsnittet 'Indhold'.")
    combines_with: CombinesWith = Field(
        description="Elementer, som rapporten har gode erfaringer med at kombinere med."
    )
    examples: list[PracticeExample] = Field(description="De to praksiseksempler.", min_length=1)
    results: ResultList = Field(description="Afsnittet 'Resultater'.")
    projects: ProjectList = Field(description="Puljeprojekter, som rapporten nævner under elementet.")


class ElementsFile(Strict):
    groups: Annotated[list[ElementGroup], Unique("id")] = Field(
        description="Rapportens to hovedområder for elementerne.", min_length=1
    )
    elements: Annotated[list[Element], Unique("id"), Unique("number")] = Field(
        description="De betydningsfulde elementer (rapportens afsnit 4.1).", min_length=1
    )


# --- projects --------------------------------------------------------------

MaturityLevel = Literal["modnet", "delvist-modnet", "ikke-modnet"]


class MaturityReading(Strict):
    level: MaturityLevel = Field(description="Modningsgraden, som dette sted i rapporten angiver den.")
    pages: Pages = Field(description="Side(r) i rapporten.")
    where: Name = Field(description="Hvor i rapporten, fx 'afsnit 5.9.1 Hovedresultat'.")
    text: Text = Field(description="Rapportens ordlyd, ordret.")


class Maturity(Strict):
    level: MaturityLevel = Field(description="Modningsgrad: `modnet`, `delvist-modnet` eller `ikke-modnet`.")
    pages: Pages = Field(description="Side(r), hvor rapporten angiver modningsgraden.")
    where: Name = Field(description="Hvor i rapporten, fx 'kapitel 3, Hovedkonklusion'.")
    reason: Text = Field(description="Rapportens begrundelse, ordret.")
    other_readings: list[MaturityReading] = Field(
        description="Andre steder i rapporten, der angiver en anden modningsgrad for projektet.",
        default_factory=list,
    )


class ElementRefs(Strict):
    pages: Pages = Field(description="Side, hvor projektets hovedresultat nævner elementerne.")
    items: Annotated[list[ElementId], Unique()] = Field(
        description="Id'er på de elementer, projektets hovedresultat nævner, i rapportens rækkefølge."
    )


class Quote(Strict):
    pages: Pages = Field(description="Side(r) i rapporten.")
    text: Text = Field(description="Rapportens ordlyd, ordret.")


class ListPassage(Strict):
    pages: Pages = Field(description="Side(r) i rapporten.")
    paragraphs: list[Text] = Field(description="Afsnit af tekst, ordret fra kilden.", min_length=1)
    items: list[Text] = Field(description="Punktopstilling efter afsnittene, ordret.", default_factory=list)


Reach = Literal["universel", "maalrettet", "universel-og-maalrettet"]
Partner = Literal["foraeldre", "sundhedsplejerske", "socialraadgiver", "frivillige"]
DaycareType = Literal["vuggestue", "boernehave", "dagpleje", "aldersintegreret"]
Phase = Literal["konkretisering", "udbredelse", "virkning", "afsluttet"]
ImplementationLevel = Literal["velimplementeret", "implementeret", "delvist-implementeret", "ikke-implementeret"]


class Table1Row(Strict):
    pages: Pages = Field(description="Side med tabel 1 i rapporten.")
    marks: Tally = Field(
        description="Antal krydser (X) i projektets række i tabel 1 (samarbejdsparter og dagtilbudstyper)."
    )


class Phases(Strict):
    pages: Pages = Field(description="Side med tabel 2 i rapporten.")
    row_label: Name = Field(description="Rækkens navn i tabel 2, som rapporten skriver det, fx 'Hjørring – Børnehave'.")
    periods: list[Phase] = Field(
        description="Fasen i hver dataperiode i tabel 2's rækkefølge (se `data/evaluation.yaml`).",
        min_length=1,
    )


class Assessment(Strict):
    level: ImplementationLevel = Field(
        description="Rapportens vurdering af implementeringen: `velimplementeret`, `implementeret` (rapporten "
        "siger kun 'implementeret'), `delvist-implementeret` eller `ikke-implementeret`."
    )
    pages: Pages = Field(description="Side i rapporten.")
    text: Text = Field(description="Sætningen med vurderingen, ordret.")


class Count(Strict):
    figure: Name = Field(description="Tallet, som rapporten skriver det, fx '22' eller 'ni'.")
    label: Name = Field(description="Hvad der er talt, kort på dansk, fx 'hjemmebesøg i projektperioden'.")
    pages: Pages = Field(description="Side i rapporten.")
    quote: Text = Field(description="Den del af sætningen, der indeholder tallet, ordret.")


ElementBasis = Literal["kilde", "redaktionel"]


def check_basis(basis: str, quote: str | None, place: object, place_field: str) -> None:
    """A link to an element is either the source's (quoted, located) or the site's own (no quote)."""
    if basis == "kilde" and (quote is None or place is None):
        raise ValueError(f"a link with basis `kilde` needs `quote` and `{place_field}`")
    if basis == "redaktionel" and quote is not None:
        raise ValueError("an editorial link has no `quote`; use basis `kilde` if the source says it")


class ActivityElement(Strict):
    element: ElementId = Field(
        description="Id på elementet (se `data/elements.yaml`), som aktiviteten er et eksempel på."
    )
    basis: ElementBasis = Field(
        description="`kilde`, hvis rapporten selv knytter aktiviteten til elementet (med citat), ellers `redaktionel`."
    )
    note: Text = Field(description="Kort forklaring på dansk af, hvorfor aktiviteten hører til elementet.")
    quote: Text | None = Field(description="Rapportens ordlyd, når basis er `kilde`.", default=None)
    pages: Pages | None = Field(description="Side i rapporten, når basis er `kilde`.", default=None)

    @model_validator(mode="after")
    def _quoted_if_from_the_report(self) -> ActivityElement:
        check_basis(self.basis, self.quote, self.pages, "pages")
        return self


class Activity(Strict):
    id: Slug = Field(description="Stabilt id, entydigt inden for projektet.")
    name: Name = Field(description="Aktivitetens navn som i overskriften i rapporten.")
    pages: Pages = Field(description="Første og sidste side af aktivitetens afsnit.")
    implementation: Passage = Field(description="'Indhold og implementering', ordret, uden forudsætningerne.")
    assessment: Assessment | None = Field(
        description="Rapportens samlede vurdering af, hvor godt aktiviteten er implementeret, hvis den giver en.",
        default=None,
    )
    prerequisites: Passage | None = Field(
        description="Afsnit, hvor rapporten nævner forudsætninger for aktiviteten, ordret.", default=None
    )
    counts: list[Count] = Field(
        description="Tal, som teksten giver (børn, møder, hjemmebesøg, kufferter, arrangementer, deltagere).",
        default_factory=list,
    )
    results: Passage | None = Field(description="Afsnittet 'Resultater' under aktiviteten, ordret.", default=None)
    elements: Annotated[list[ActivityElement], Unique("element")] = Field(
        description="De elementer, aktiviteten er et eksempel på (kun elementer, projektet er knyttet til).",
        default_factory=list,
    )


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
        return Decimal(digits.replace(".", "").replace(",", "."))


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

    @property
    def columns(self) -> list[CostColumn]:
        return [column for part in self.parts for column in part.columns]


class Reading(Strict):
    pages: Pages | None = Field(description="Side(r) i kilden, hvis den har sidetal.", default=None)
    where: Name = Field(description="Hvor i rapporten, fx 'afsnit 4.5'.")
    text: Text = Field(description="Rapportens ordlyd, ordret.")


class Discrepancy(Strict):
    id: Slug = Field(description="Stabilt id.")
    topic: Name = Field(description="Hvad uoverensstemmelsen handler om, kort på dansk.")
    readings: list[Reading] = Field(description="De steder i rapporten, der siger noget forskelligt.", min_length=2)
    note: Text = Field(description="Redaktionel forklaring af, hvad der er forskelligt, uden at vælge side.")


class Project(Strict):
    id: Slug = Field(description="Stabilt id, bruges i adressen og i henvisninger.")
    municipality: MunicipalityId = Field(description="Id på kommunen (se `data/municipalities.yaml`).")
    title: Name = Field(description="Projektets titel som i overskriften i rapportens kapitel 5.")
    title_variants: list[NameVariant] = Field(
        description="Steder, hvor rapporten skriver titlen anderledes.", default_factory=list
    )
    source: SourceId = Field(description="Id på kildedokumentet (se `data/sources.yaml`).")
    section: Section = Field(description="Afsnit i rapporten, fx '5.2'.")
    pages: Pages = Field(description="Første og sidste side af projektets afsnit.")
    maturity: Maturity = Field(description="Modningsgrad og begrundelse (rapportens kapitel 3).")
    main_result: Passage = Field(description="Afsnittet 'Hovedresultat', ordret.")
    elements: ElementRefs = Field(description="De betydningsfulde elementer, som projektets hovedresultat nævner.")
    overview: ListPassage = Field(description="Afsnittet 'Indsatsen i overblik', ordret.")
    purpose: Quote = Field(description="Sætningen om indsatsens formål, ordret fra 'Indsatsen i overblik'.")
    target_group: Quote = Field(description="Sætningen om indsatsens målgruppe, ordret.")
    reach: Reach = Field(
        description="Om indsatsen er `universel`, `maalrettet` eller `universel-og-maalrettet`, som teksten om "
        "målgruppen siger."
    )
    partners: list[Partner] = Field(
        description="Samarbejdsparter ud over dagtilbuddet: `foraeldre`, `sundhedsplejerske`, `socialraadgiver`, "
        "`frivillige` (fra tabel 1 og projektets tekst)."
    )
    other_partners: list[Text] = Field(
        description="Andre samarbejdsparter, som rapporten nævner dem, fx 'logopæd'.", default_factory=list
    )
    daycare_types: list[DaycareType] = Field(
        description="Dagtilbudstyper: `vuggestue`, `boernehave`, `dagpleje`, `aldersintegreret`.", min_length=1
    )
    table1: Table1Row = Field(description="Projektets række i rapportens tabel 1.")
    phases: Phases = Field(description="Projektets faser pr. dataperiode (rapportens tabel 2).")
    implementation_across: Passage = Field(
        description="Indledningen under 'Resultater på tværs af aktiviteter' (omfang og implementering), ordret."
    )
    results_across: Passage | None = Field(
        description="Resultaterne på tværs af aktiviteter (underafsnittet 'Resultater'), ordret.", default=None
    )
    counts: list[Count] = Field(
        description="Tal for hele indsatsen, som teksten giver (fx antal dagtilbud og børn).", default_factory=list
    )
    other_factors: Passage | None = Field(
        description="Andre faktorer, som projektledelsen har peget på (covid-19, personale, andre projekter).",
        default=None,
    )
    prerequisites_across: Passage | None = Field(
        description="Forudsætninger, som rapporten nævner for hele indsatsen (på tværs af aktiviteter), ordret.",
        default=None,
    )
    activities: Annotated[list[Activity], Unique("id", what="activity id")] = Field(
        description="Aktiviteterne i rapportens rækkefølge.", min_length=1
    )
    cost: CostTable | None = Field(description="Omkostningstabellen (rapportens tabel 4–17).", default=None)
    no_cost: Quote | None = Field(
        description="Rapportens begrundelse, når projektet ikke har en omkostningstabel.", default=None
    )
    discrepancies: list[Discrepancy] = Field(
        description="Steder, hvor rapporten siger sig selv imod om projektet, fx tekst og tabel.",
        default_factory=list,
    )

    @model_validator(mode="after")
    def _cost_or_reason(self) -> Project:
        if (self.cost is None) == (self.no_cost is None):
            raise ValueError("give either `cost` (the cost table) or `no_cost` (the report's reason there is none)")
        return self

    @property
    def section_key(self) -> tuple[int, ...]:
        return section_key(self.section)


class ProjectsFile(Strict):
    projects: Annotated[list[Project], Unique("id")] = Field(
        description="De femten puljeprojekter (rapportens kapitel 5).", min_length=1
    )


# --- the evaluation as a whole ----------------------------------------------


class MunicipalityMention(Strict):
    municipality: MunicipalityId = Field(description="Id på kommunen (se `data/municipalities.yaml`).")
    as_written: Name = Field(description="Linjen præcis som rapporten skriver den.")


class MunicipalityList(Strict):
    pages: Pages = Field(description="Side i rapporten.")
    intro: Text = Field(description="Overskriften over listen, ordret.")
    items: list[MunicipalityMention] = Field(description="Kommunerne, i rapportens rækkefølge.", min_length=1)


class NumberedList(Strict):
    pages: Pages = Field(description="Side(r) i rapporten.")
    intro: Text = Field(description="Indledningen til listen, ordret.")
    items: list[Text] = Field(description="Punkterne, ordret, i rapportens rækkefølge.", min_length=1)


class DataPeriod(Strict):
    label: Name = Field(description="Dataperiodens nummer som i tabel 2, fx '1 - 3' eller '4'.")
    dates: Name = Field(description="Periodens datoer som i tabel 2, fx 'Okt. 2020-feb. 2021'.")


class PhaseTable(Strict):
    number: Ordinal = Field(description="Tabellens nummer i rapporten.")
    title: Name = Field(description="Tabellens titel, ordret.")
    pages: Pages = Field(description="Side i rapporten.")
    periods: list[DataPeriod] = Field(description="Tabellens kolonner: dataperioderne.", min_length=1)


class FigureRow(Strict):
    label: Name = Field(description="Rækkens navn, ordret.")
    values: list[Text] = Field(description="Rækkens tal, præcis som rapporten skriver dem, fx '~4.000'.")


class FigureTable(Strict):
    number: Ordinal = Field(description="Tabellens nummer i rapporten.")
    title: Name = Field(description="Tabellens titel, ordret.")
    pages: Pages = Field(description="Side i rapporten.")
    row_header: Name = Field(description="Overskriften over rækkenavnene, ordret.")
    columns: list[Text] = Field(description="Kolonneoverskrifterne, ordret.", min_length=1)
    rows: list[FigureRow] = Field(description="Tabellens rækker.", min_length=1)
    notes: list[Quote] = Field(description="Fodnoter til tabellen, ordret.", default_factory=list)

    @model_validator(mode="after")
    def _rectangular(self) -> FigureTable:
        for row in self.rows:
            if len(row.values) != len(self.columns):
                raise ValueError(
                    f"row '{row.label}' has {len(row.values)} values, but the table has {len(self.columns)} columns"
                )
        return self


class TitledPassage(Strict):
    heading: Name = Field(description="Overskriften, ordret.")
    pages: Pages = Field(description="Side(r) i rapporten.")
    paragraphs: list[Text] = Field(description="Afsnit af tekst, ordret.", min_length=1)


class KeyFact(Strict):
    label: Name = Field(description="Hvad tallet eller forholdet er, kort på dansk.")
    figure: Name = Field(description="Tallet eller udtrykket, præcis som rapporten skriver det.")
    pages: Pages = Field(description="Side i rapporten.")
    quote: Text = Field(description="Den del af sætningen, der indeholder det, ordret.")


PRICE_LEVEL = "Prisniveau"
STATED_SPREAD = "Spænd pr. barn i rapportens tekst"


class CostMethod(Strict):
    facts: list[KeyFact] = Field(
        description=f"Metodens nøgletal og afgrænsninger; ét af dem har label '{PRICE_LEVEL}'.", min_length=1
    )
    sections: list[TitledPassage] = Field(description="Rapportens afsnit om metoden, ordret.", min_length=1)

    @model_validator(mode="after")
    def _has_price_level(self) -> CostMethod:
        if not any(fact.label == PRICE_LEVEL for fact in self.facts):
            raise ValueError(f"one of the facts must have label '{PRICE_LEVEL}' (the price level, e.g. '2022-priser')")
        return self

    @property
    def price_level(self) -> str:
        return next(fact.figure for fact in self.facts if fact.label == PRICE_LEVEL)

    @property
    def stated_spread(self) -> KeyFact | None:
        """The report's own statement of the spread in cost per child, if the data records it."""
        return next((fact for fact in self.facts if fact.label == STATED_SPREAD), None)


class Evaluation(Strict):
    source: SourceId = Field(description="Id på evalueringsrapporten (se `data/sources.yaml`).")
    introduction: Passage = Field(description="Rapportens indledning om puljen, ordret.")
    municipalities: MunicipalityList = Field(description="Rapportens liste over de 14 kommuner.")
    purpose: Passage = Field(description="Evalueringens formål, ordret.")
    questions: NumberedList = Field(description="De tre evalueringsspørgsmål.")
    projects: Passage = Field(description="Hvilke puljeprojekter evalueringen omfatter, ordret.")
    probable: Passage = Field(description="Hvad 'sandsynliggjort' betyder i evalueringen, ordret.")
    caveats: list[Quote] = Field(
        description="Korte forbehold om, hvad evalueringen kan vise; vises på hver projektside.", min_length=1
    )
    limitations: NumberedList = Field(description="Rapportens forbehold om, hvad data kan vise.")
    phases: PhaseTable = Field(description="Tabel 2: dataperioderne.")
    activity_data: Passage = Field(description="Teksten om omfanget af aktiviteter før tabel 3, ordret.")
    activity_table: FigureTable = Field(description="Tabel 3: antal børn og aktiviteter.")
    covid: TitledPassage = Field(description="Faktaboksen om covid-19, ordret.")
    cost_method: CostMethod = Field(description="Hvordan omkostningerne er opgjort (afsnit 5.1.3 og 6.2.3).")
    discrepancies: Annotated[list[Discrepancy], Unique("id")] = Field(
        description="Steder, hvor rapporten siger sig selv imod om evalueringen som helhed.", default_factory=list
    )


class EvaluationFile(Strict):
    evaluation: Evaluation = Field(description="Fakta om evalueringen som helhed.")


# --- the other sources: programmes, municipal cases, recommendations ---------


class Locator(Strict):
    """Where in a source something stands: pages where the document has page numbers, else a section or slide."""

    pages: Pages | None = Field(description="Side(r) i kilden, hvis den har sidetal.", default=None)
    where: Name | None = Field(
        description="Afsnit eller dias, fx \"afsnit 'Seks gennemgående delindsatser'\" eller \"dias 'Formål'\".",
        default=None,
    )

    @model_validator(mode="after")
    def _somewhere(self) -> Locator:
        if self.pages is None and self.where is None:
            raise ValueError("give `pages`, `where`, or both")
        return self


class Item(Strict):
    title: Name | None = Field(description="Punktets overskrift eller fremhævede begyndelse, ordret.", default=None)
    text: Text | None = Field(description="Punktets tekst, ordret.", default=None)

    @model_validator(mode="after")
    def _not_empty(self) -> Item:
        if self.title is None and self.text is None:
            raise ValueError("give `title`, `text`, or both")
        return self


class Block(Strict):
    id: Slug = Field(description="Stabilt id, entydigt inden for posten.")
    heading: Name = Field(description="Overskriften, som kilden skriver den.")
    at: Locator = Field(description="Hvor i kilden.")
    paragraphs: list[Text] = Field(description="Afsnit af tekst, ordret.", default_factory=list)
    items: list[Item] = Field(
        description="Punkter (fx mål, råd, spor), ordret, i kildens rækkefølge.", default_factory=list
    )
    after: list[Text] = Field(description="Afsnit, der i kilden står efter punkterne, ordret.", default_factory=list)


class Fact(Strict):
    label: Name = Field(description="Hvad tallet eller forholdet er, kort på dansk (redaktionelt).")
    figure: Name = Field(description="Tallet eller udtrykket, præcis som kilden skriver det.")
    quote: Text = Field(description="Den del af sætningen, der indeholder det, ordret.")
    at: Locator = Field(description="Hvor i kilden.")


class Person(Strict):
    name: Name = Field(description="Navnet, som kilden skriver det.")
    role: Name | None = Field(description="Titel og arbejdssted, som kilden skriver det.", default=None)
    municipality: MunicipalityId | None = Field(
        description="Id på kommunen, hvis rollen nævner en kommune (se `data/municipalities.yaml`).", default=None
    )


class Voice(Strict):
    person: Person = Field(description="Hvem der udtaler sig.")
    at: Locator = Field(description="Hvor i kilden.")
    quotes: list[Text] = Field(description="Udsagn, ordret.", min_length=1)


class ProgrammeMunicipality(Strict):
    municipality: MunicipalityId = Field(description="Id på kommunen (se `data/municipalities.yaml`).")
    heading: Name | None = Field(description="Overskriften over kommunens afsnit, ordret.", default=None)
    at: Locator = Field(description="Hvor i kilden.")
    facts: list[Fact] = Field(
        description="Tal om kommunens deltagelse (siden hvornår, lokalområder, skoler, dagtilbud).",
        default_factory=list,
    )
    paragraphs: list[Text] = Field(description="Kommunens erfaringer og pointer, ordret.", default_factory=list)
    voices: list[Voice] = Field(description="Personer fra kommunen, der udtaler sig.", default_factory=list)
    note: Text | None = Field(
        description="Redaktionel bemærkning, fx at kildens tekst er ufuldstændig; vises som sådan.", default=None
    )


class ElementLink(Strict):
    element: ElementId = Field(description="Id på elementet (se `data/elements.yaml`).")
    basis: ElementBasis = Field(
        description="`kilde`, hvis kilden selv siger det (med citat), eller `redaktionel`, "
        "hvis det er sitets vurdering."
    )
    quote: Text | None = Field(description="Kildens ordlyd, når basis er `kilde`.", default=None)
    at: Locator | None = Field(description="Hvor i kilden, når basis er `kilde`.", default=None)
    note: Text = Field(description="Kort forklaring på dansk af sammenhængen.")

    @model_validator(mode="after")
    def _quoted_if_from_source(self) -> ElementLink:
        check_basis(self.basis, self.quote, self.at, "at")
        return self


class Programme(Strict):
    id: Slug = Field(description="Stabilt id, bruges i adressen.")
    name: Name = Field(description="Programmets navn, som kilden skriver det.")
    source: SourceId = Field(description="Id på kildedokumentet (se `data/sources.yaml`).")
    summary: list[Fact] = Field(description="Nøgletal og kernebudskaber, vist øverst på siden.", min_length=1)
    blocks: Annotated[list[Block], Unique("id")] = Field(
        description="Programmets afsnit (mål, delindsatser, råd, spor …) i kildens rækkefølge.", min_length=1
    )
    municipalities: list[ProgrammeMunicipality] = Field(description="De deltagende kommuner.", default_factory=list)
    voices: list[Voice] = Field(description="Eksperter og andre, der udtaler sig.", default_factory=list)
    elements: list[ElementLink] = Field(
        description="Sammenhænge med de ni elementer; kun med citat, hvis kilden siger det, ellers mærket redaktionel.",
        default_factory=list,
    )
    discrepancies: list[Discrepancy] = Field(
        description="Steder, hvor kilden er uklar eller siger sig selv imod.", default_factory=list
    )


class ProgrammesFile(Strict):
    programmes: Annotated[list[Programme], Unique("id")] = Field(
        description="Programmer og partnerskaber fra kilderne.", min_length=1
    )


SessionKind = Literal["temamoede", "loesningsgalleri", "plenum"]


class ThemeMeeting(Strict):
    id: Slug = Field(description="Stabilt id, fx `temamoede-1` eller `loesningsgalleri`.")
    kind: SessionKind = Field(
        description="`temamoede`, `loesningsgalleri` eller `plenum` (en dag i plenumprogrammet).", default="temamoede"
    )
    number: Ordinal | None = Field(
        description="Temamødets nummer i programmet; tomt for løsningsgalleriet.", default=None
    )
    title: Name = Field(description="Titlen, som programmet skriver den.")
    rounds: list[Ordinal] = Field(description="Runder, temamødet holdes i (1 og/eller 2).", default_factory=list)
    at: Locator = Field(description="Hvor i programmet.")
    paragraphs: list[Text] = Field(description="Beskrivelsen, ordret.", default_factory=list)
    hosts: list[Person] = Field(description="Vært(er), som programmet nævner dem.", default_factory=list)
    panel: list[Person] = Field(description="Paneldeltagere, som programmet nævner dem.", default_factory=list)


class Case(Strict):
    id: Slug = Field(description="Stabilt id.")
    theme: ThemeMeetingId = Field(description="Id på temamødet eller løsningsgalleriet (se `theme_meetings`).")
    number: Ordinal | None = Field(
        description="Eksemplets nummer under temamødet, hvis programmet nummererer.", default=None
    )
    time: Name | None = Field(description="Klokkeslæt i plenumprogrammet, som programmet skriver det.", default=None)
    title: Name = Field(description="Titlen, som programmet skriver den.")
    municipalities: list[MunicipalityId] = Field(
        description="Id'er på de kommuner, eksemplet kommer fra (se `data/municipalities.yaml`).", default_factory=list
    )
    organisations: list[Text] = Field(
        description="Samarbejdspartnere uden for kommunen (fonde, foreninger, organisationer), "
        "som programmet skriver dem.",
        default_factory=list,
    )
    at: Locator = Field(description="Hvor i programmet.")
    paragraphs: list[Text] = Field(description="Hvad de har gjort, ordret.", default_factory=list)
    speakers: list[Person] = Field(description="Oplægsholdere med roller, ordret.", default_factory=list)


class Event(Strict):
    name: Name = Field(description="Arrangementets navn, som kilden skriver det.")
    dates: list[Text] = Field(description="Dagene, som kilden skriver dem.", min_length=1)
    at: Locator = Field(description="Hvor i kilden.")
    paragraphs: list[Text] = Field(description="Indledningen, ordret.", default_factory=list)


class CasesFile(Strict):
    source: SourceId = Field(description="Id på kildedokumentet (se `data/sources.yaml`).")
    event: Event = Field(description="Topmødet, som eksemplerne er fra.")
    theme_meetings: list[ThemeMeeting] = Field(description="Temamøderne og løsningsgalleriet.", min_length=1)
    cases: list[Case] = Field(description="De kommunale eksempler.", min_length=1)
    discrepancies: list[Discrepancy] = Field(
        description="Steder, hvor programmet er uklart eller siger sig selv imod.", default_factory=list
    )


class SubRecommendation(Strict):
    id: Slug = Field(description="Stabilt id.")
    at: Locator = Field(description="Hvor i kilden.")
    problem: list[Text] = Field(description="Problemet og anbefalingen, ordret.", min_length=1)
    first_step: list[Text] = Field(description="'Første skridt som kommunalpolitiker …', ordret.", min_length=1)


class Recommendation(Strict):
    id: Slug = Field(description="Stabilt id.")
    number: Ordinal = Field(description="Anbefalingens nummer i rækkefølgen.")
    title: Name = Field(description="Anbefalingens overskrift, ordret.")
    summary: Text = Field(description="Den korte tekst under overskriften, ordret.")
    heading: Name = Field(description="Overskriften over delanbefalingerne, ordret, fx 'Vores anbefalinger for …:'.")
    at: Locator = Field(description="Hvor i kilden.")
    items: list[SubRecommendation] = Field(description="Delanbefalingerne.", min_length=1)


class AbsenceFigure(Strict):
    area: AreaId = Field(description="`landsplan` eller id på regionen (se `regions` i `data/municipalities.yaml`).")
    label: Name = Field(description="Kildens betegnelse, fx 'Landsgennemsnit' eller 'Regionsgennemsnit'.")
    value: Annotated[str, StringConstraints(pattern=r"^\d{1,3}(,\d{1,4})? ?%$")] = Field(
        description="Andelen, som kilden skriver den, fx '22,8%'."
    )
    quote: Text = Field(description="Den linje i kilden, tallet står i, ordret.")
    at: Locator = Field(description="Hvor i kilden.")


class AbsenceData(Strict):
    title: Name = Field(description="Overskriften over tallene, ordret.")
    school_year: Name = Field(description="Skoleåret, som kilden skriver det.")
    data_source: Name = Field(description="Kildens angivelse af datakilde, ordret.")
    at: Locator = Field(description="Hvor i kilden.")
    figures: list[AbsenceFigure] = Field(description="Landsgennemsnit og regionernes gennemsnit.", min_length=1)


class RecommendationsFile(Strict):
    source: SourceId = Field(description="Id på kildedokumentet (se `data/sources.yaml`).")
    title: Name = Field(description="Dokumentets titel, ordret.")
    intro: list[Text] = Field(description="Indledningen, ordret.", min_length=1)
    at: Locator = Field(description="Hvor i kilden.")
    recommendations: list[Recommendation] = Field(description="De fire anbefalinger.", min_length=1)
    absence: AbsenceData = Field(description="Skolefravær 2023/24 på landsplan og pr. region.")


# --- search ------------------------------------------------------------------


SearchTerm = Annotated[str, StringConstraints(pattern=r"^[a-zæøåéü]+$", max_length=MAX_ID)]


class SearchWord(Strict):
    word: SearchTerm = Field(description="Et ord, som brugere søger på, men som sitet ikke bruger, fx 'koster'.")
    means: list[SearchTerm] = Field(
        description="Ord på sitet (ét ord, små bogstaver), som søgeordet skal finde, fx 'omkostninger'.", min_length=1
    )


class SearchFile(Strict):
    words: list[SearchWord] = Field(
        description="Søgeord, der ikke står på sitet, og de ord de skal finde (lægges i søgeindekset).",
        default_factory=list,
    )
