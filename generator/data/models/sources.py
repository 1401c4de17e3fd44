"""data/sources.yaml: the source documents."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from ..references import Unique
from .common import Name, PageCount, Slug, Strict, Text, Year

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
