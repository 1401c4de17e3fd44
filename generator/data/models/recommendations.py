"""data/recommendations.yaml: Børns Vilkår's recommendations and school absence by region."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, StringConstraints

from ..references import Unique
from .common import AreaId, Name, Ordinal, Slug, SourceId, Strict, Text
from .programmes import ElementLink, Locator


class SubRecommendation(Strict):
    id: Slug = Field(description="Stabilt id.")
    at: Locator = Field(description="Hvor i kilden.")
    problem: list[Text] = Field(description="Problemet og anbefalingen, ordret.", min_length=1)
    first_step: list[Text] = Field(description="'Første skridt som kommunalpolitiker …', ordret.", min_length=1)
    elements: Annotated[list[ElementLink], Unique("element")] = Field(
        description="De af de ni elementer, som det første skridt vedrører: med citat, hvis kilden siger det, ellers "
        "`basis: redaktionel` (sitets egen kobling, mærket sådan). Element- og projektsidernes beslutningsoplæg "
        "viser det første skridt ved elementerne og ved projekter med elementet.",
        default_factory=list,
    )


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
