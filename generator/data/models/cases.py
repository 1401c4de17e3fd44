"""data/cases.yaml: municipal cases from KL's Børn & Unge Topmøde 2025."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field

from ..references import Unique
from .common import MunicipalityId, Name, Ordinal, Slug, SourceId, Strict, Text, ThemeMeetingId
from .programmes import Locator, Person
from .projects import Discrepancy

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
    discrepancies: Annotated[list[Discrepancy], Unique("id")] = Field(
        description="Steder, hvor programmet er uklart eller siger sig selv imod.", default_factory=list
    )
