"""data/programmes.yaml: programmes beyond the evaluation, and how the other sources are located."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from ..references import Unique
from .common import ElementBasis, ElementId, MunicipalityId, Name, Pages, Slug, SourceId, Strict, Text, check_basis
from .projects import Discrepancy

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
    discrepancies: Annotated[list[Discrepancy], Unique("id")] = Field(
        description="Steder, hvor kilden er uklar eller siger sig selv imod.", default_factory=list
    )


class ProgrammesFile(Strict):
    programmes: Annotated[list[Programme], Unique("id")] = Field(
        description="Programmer og partnerskaber fra kilderne.", min_length=1
    )
