"""data/projects.yaml: the pool projects with their activities, results and maturity."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..references import Unique
from .common import (
    ElementId,
    MunicipalityId,
    Name,
    NameVariant,
    Pages,
    Passage,
    Quote,
    ReportElementLink,
    Section,
    Slug,
    SourceId,
    Strict,
    Tally,
    Text,
    section_key,
)
from .costs import CostTable

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


class ListPassage(Strict):
    pages: Pages = Field(description="Side(r) i rapporten.")
    paragraphs: list[Text] = Field(description="Afsnit af tekst, ordret fra kilden.", min_length=1)
    items: list[Text] = Field(description="Punktopstilling efter afsnittene, ordret.", default_factory=list)


Reach = Literal["universel", "maalrettet", "universel-og-maalrettet"]
Partner = Literal["foraeldre", "sundhedsplejerske", "socialraadgiver", "frivillige"]
DaycareType = Literal["vuggestue", "boernehave", "dagpleje", "aldersintegreret"]
Phase = Literal["konkretisering", "udbredelse", "virkning", "afsluttet"]
# What a project's purpose sentence says it aims at, grouped by the site (labels: site/labels.py OUTCOME_LABELS).
Outcome = Literal[
    "laering",
    "trivsel",
    "sprog",
    "sundhed",
    "foraeldresamarbejde",
    "foraeldrekompetencer",
    "tvaerfagligt-samarbejde",
    "tidlig-indsats",
]
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


class OutcomeWords(Strict):
    outcome: Outcome = Field(
        description="Sitets gruppe for ordene: `laering`, `trivsel`, `sprog`, `sundhed`, `foraeldresamarbejde`, "
        "`foraeldrekompetencer`, `tvaerfagligt-samarbejde` eller `tidlig-indsats`."
    )
    words: Name = Field(
        description="Ordene i formålssætningen (`purpose`), ordret, som nævner det, indsatsen sigter mod."
    )


class Count(Strict):
    figure: Name = Field(description="Tallet, som rapporten skriver det, fx '22' eller 'ni'.")
    label: Name = Field(description="Hvad der er talt, kort på dansk, fx 'hjemmebesøg i projektperioden'.")
    pages: Pages = Field(description="Side i rapporten.")
    quote: Text = Field(description="Den del af sætningen, der indeholder tallet, ordret.")


class ActivityElement(ReportElementLink):
    """An element the narrative activity is an example of (its element page lists the activity)."""


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


class Reading(Strict):
    pages: Pages | None = Field(description="Side(r) i kilden, hvis den har sidetal.", default=None)
    where: Name = Field(description="Hvor i kilden, fx 'afsnit 4.5'.")
    text: Text = Field(description="Kildens ordlyd, ordret.")
    element: ElementId | None = Field(
        description="Id på elementet, hvis elementets side også viser denne ordlyd (fx et praksiseksempel i afsnit "
        "4.1); siden henviser så til uoverensstemmelsen.",
        default=None,
    )


# What a contradiction is about, for the page that lists them all (labels: site/labels.py).
DiscrepancyKind = Literal["tal", "tidspunkter", "navne", "lister", "vurderinger"]


class Discrepancy(Strict):
    id: Slug = Field(description="Stabilt id, entydigt i listen; bruges i adressen på siden, der viser den.")
    kind: DiscrepancyKind = Field(
        description="Hvad det handler om: `tal` (tal og tabeller), `tidspunkter` (tidspunkter og kadence), "
        "`navne` (navne og ordlyd), `lister` (hvad der står på en liste) eller `vurderinger` (status og vurderinger)."
    )
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
    outcomes: Annotated[list[OutcomeWords], Unique("outcome", what="outcome")] = Field(
        description="Hvad formålssætningen (`purpose`) siger, indsatsen sigter mod (læring, trivsel, sprog …): "
        "ordene ordret fra sætningen (samme side), hver i sitets gruppe.",
        min_length=1,
    )
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
    discrepancies: Annotated[list[Discrepancy], Unique("id")] = Field(
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
