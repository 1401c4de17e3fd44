"""data/elements.yaml: the nine significant elements and their groups."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..references import Unique
from .common import (
    ElementId,
    GroupId,
    Lead,
    MunicipalityId,
    Name,
    NameVariant,
    Ordinal,
    Pages,
    Passage,
    ProjectId,
    Section,
    Slug,
    SourceId,
    Strict,
    Text,
)

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
