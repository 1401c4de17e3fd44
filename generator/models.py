"""Stage 2 (types): the typed model of every data file.

Strict models: unknown keys are errors, and values are not coerced (a page
number written as text is an error, not silently converted). Every field has a
Danish description, because the maintainers' reference is made from them.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints, WithJsonSchema

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


def section_key(section: str) -> tuple[int, ...]:
    """Sort key for report sections, so that 5.10 comes after 5.9."""
    return tuple(int(part) if part.isdigit() else 0 for part in section.split("."))


Slug = Annotated[str, StringConstraints(pattern=SLUG_PATTERN)]
Text = Annotated[str, StringConstraints(min_length=1)]


class PageRange(BaseModel):
    """Pages in a source document: one page, or first and last page."""

    model_config = ConfigDict(frozen=True)
    first: int
    last: int

    def __str__(self) -> str:
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


_RANGE = re.compile(r"^\s*(\d+)\s*[-–]\s*(\d+)\s*$")


def _parse_pages(value: object) -> PageRange:
    if isinstance(value, PageRange):
        return value
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return PageRange(first=value, last=value)
    if isinstance(value, str) and (match := _RANGE.match(value)):
        first, last = int(match.group(1)), int(match.group(2))
        if 0 < first <= last:
            return PageRange(first=first, last=last)
    raise ValueError(f"expected a page number or a range like 21-23, got {value!r}")


Pages = Annotated[
    PageRange,
    BeforeValidator(_parse_pages),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1},
                {"type": "string", "pattern": r"^\d+-\d+$"},
            ]
        }
    ),
]


# --- sources ---------------------------------------------------------------


class Source(Strict):
    id: Slug = Field(description="Stabilt id for kilden, fx `evaluering`.")
    short_name: Text = Field(description="Kort navn til kildehenvisninger, fx 'Evalueringsrapporten'.")
    title: Text = Field(description="Dokumentets titel.")
    publisher: Text = Field(description="Hvem der står bag dokumentet.")
    year: int | None = Field(description="Udgivelsesår, hvis dokumentet angiver det.", default=None)
    kind: Text = Field(description="Dokumenttype, fx 'Evalueringsrapport' eller 'Konferenceprogram'.")
    description: Text = Field(description="Kort beskrivelse af, hvad sitet bruger fra kilden.")
    seed_file: Text = Field(description="Filnavn på tekstudtrækket i `shared/seeds/`.")
    page_count: int | None = Field(description="Antal sider i dokumentet, hvis det har sidetal.", default=None)


class SourcesFile(Strict):
    sources: list[Source] = Field(description="Kildedokumenterne, som alle fakta på sitet stammer fra.", min_length=1)


# --- municipalities --------------------------------------------------------


class Municipality(Strict):
    id: Slug = Field(description="Stabilt id, fx `helsingoer` (æ→ae, ø→oe, å→aa).")
    name: Text = Field(description="Kommunens navn, fx 'Helsingør Kommune'.")
    short_name: Text = Field(description="Navnet uden 'Kommune', fx 'Helsingør'.")


class MunicipalitiesFile(Strict):
    municipalities: list[Municipality] = Field(description="Kommuner, som kilderne nævner.", min_length=1)


# --- shared building blocks ------------------------------------------------


class NameVariant(Strict):
    text: Text = Field(description="Navnet, præcis som kilden skriver det det pågældende sted.")
    pages: Pages = Field(description="Side(r) i kilden, fx `45` eller `45-46`.")
    where: Text = Field(description="Hvor i kilden varianten står, fx 'overskrift til afsnit 4.1.9'.")


class Passage(Strict):
    pages: Pages = Field(description="Side(r) i kilden, fx `21` eller `21-22`.")
    paragraphs: list[Text] = Field(description="Afsnit af tekst, ordret fra kilden.", min_length=1)


class Lead(Strict):
    pages: Pages = Field(description="Side i kilden.")
    text: Text = Field(description="Indledende sætning(er), ordret fra kilden.")


# --- elements --------------------------------------------------------------


class ElementGroup(Strict):
    id: Slug = Field(description="Stabilt id for hovedområdet.")
    name: Text = Field(description="Hovedområdets navn, som i rapporten.")
    pages: Pages = Field(description="Side(r) i rapporten, hvor grupperingen står.")


class CombinesWith(Strict):
    pages: Pages = Field(description="Side i rapporten.")
    elements: list[Slug] = Field(
        description="Id'er på de elementer, rapporten nævner efter 'Der er gode erfaringer med at kombinere … "
        "med følgende elementer', i rapportens rækkefølge."
    )


class PracticeExample(Strict):
    pages: Pages = Field(description="Side(r) i rapporten.")
    municipality: Slug = Field(description="Id på kommunen, som eksemplet handler om.")
    paragraphs: list[Text] = Field(description="Eksemplets tekst, ordret.", min_length=1)


class ResultList(Strict):
    pages: Pages = Field(description="Side(r) i rapporten.")
    intro: Text = Field(description="Indledningen til listen, ordret.")
    items: list[Text] = Field(description="Resultaterne, ét punkt pr. linje, ordret.", min_length=1)


class ProjectMention(Strict):
    project: Slug = Field(description="Id på puljeprojektet.")
    as_written: Text = Field(description="Linjen præcis som rapporten skriver den, inkl. kommune og afsnit.")


class ProjectList(Strict):
    pages: Pages = Field(description="Side(r) i rapporten.")
    intro: Text = Field(description="Indledningen til listen, ordret.")
    items: list[ProjectMention] = Field(description="Puljeprojekterne, som rapporten nævner under elementet.")


class Element(Strict):
    id: Slug = Field(description="Stabilt id, bruges i adressen og i henvisninger, fx `overgangsmoeder`.")
    number: int = Field(description="Elementets nummer i rapportens liste over de ni elementer.", ge=1)
    name: Text = Field(description="Elementets navn som i rapportens liste over de ni elementer.")
    name_variants: list[NameVariant] = Field(
        description="Steder, hvor rapporten skriver navnet anderledes.", default_factory=list
    )
    group: Slug = Field(description="Id på hovedområdet (se `groups`).")
    source: Slug = Field(description="Id på kildedokumentet (se `data/sources.yaml`).")
    section: Text = Field(description="Afsnit i rapporten, fx '4.1.1'.")
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
    groups: list[ElementGroup] = Field(description="Rapportens to hovedområder for elementerne.", min_length=1)
    elements: list[Element] = Field(description="De betydningsfulde elementer (rapportens afsnit 4.1).", min_length=1)


# --- projects --------------------------------------------------------------

MaturityLevel = Literal["modnet", "delvist-modnet", "ikke-modnet"]


class MaturityReading(Strict):
    level: MaturityLevel = Field(description="Modningsgraden, som dette sted i rapporten angiver den.")
    pages: Pages = Field(description="Side(r) i rapporten.")
    where: Text = Field(description="Hvor i rapporten, fx 'afsnit 5.9.1 Hovedresultat'.")
    text: Text = Field(description="Rapportens ordlyd, ordret.")


class Maturity(Strict):
    level: MaturityLevel = Field(description="Modningsgrad: `modnet`, `delvist-modnet` eller `ikke-modnet`.")
    pages: Pages = Field(description="Side(r), hvor rapporten angiver modningsgraden.")
    where: Text = Field(description="Hvor i rapporten, fx 'kapitel 3, Hovedkonklusion'.")
    reason: Text = Field(description="Rapportens begrundelse, ordret.")
    other_readings: list[MaturityReading] = Field(
        description="Andre steder i rapporten, der angiver en anden modningsgrad for projektet.",
        default_factory=list,
    )


class ElementRefs(Strict):
    pages: Pages = Field(description="Side, hvor projektets hovedresultat nævner elementerne.")
    items: list[Slug] = Field(
        description="Id'er på de elementer, projektets hovedresultat nævner, i rapportens rækkefølge."
    )


class Project(Strict):
    id: Slug = Field(description="Stabilt id, bruges i adressen og i henvisninger.")
    municipality: Slug = Field(description="Id på kommunen (se `data/municipalities.yaml`).")
    title: Text = Field(description="Projektets titel som i overskriften i rapportens kapitel 5.")
    title_variants: list[NameVariant] = Field(
        description="Steder, hvor rapporten skriver titlen anderledes.", default_factory=list
    )
    source: Slug = Field(description="Id på kildedokumentet (se `data/sources.yaml`).")
    section: Text = Field(description="Afsnit i rapporten, fx '5.2'.")
    pages: Pages = Field(description="Første og sidste side af projektets afsnit.")
    maturity: Maturity = Field(description="Modningsgrad og begrundelse (rapportens kapitel 3).")
    main_result: Passage = Field(description="Afsnittet 'Hovedresultat', ordret.")
    elements: ElementRefs = Field(description="De betydningsfulde elementer, som projektets hovedresultat nævner.")

    @property
    def section_key(self) -> tuple[int, ...]:
        return section_key(self.section)


class ProjectsFile(Strict):
    projects: list[Project] = Field(description="De femten puljeprojekter (rapportens kapitel 5).", min_length=1)
