"""data/municipalities.yaml: municipalities and regions."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field

from ..references import Unique
from .common import Name, RegionId, Slug, SourceId, Strict

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
