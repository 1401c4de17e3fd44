"""data/evaluation.yaml: the evaluation as a whole (tables 2–3, the cost method, contradictions)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, model_validator

from ..references import Unique
from .common import MunicipalityId, Name, Ordinal, Pages, Passage, Quote, SourceId, Strict, Text
from .projects import Discrepancy

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


# The label of a fact the cost tables leave out begins with this (KeyFact.left_out).
LEFT_OUT_PREFIX = "Ikke medregnet: "


class KeyFact(Strict):
    label: Name = Field(description="Hvad tallet eller forholdet er, kort på dansk.")
    figure: Name = Field(description="Tallet eller udtrykket, præcis som rapporten skriver det.")
    pages: Pages = Field(description="Side i rapporten.")
    quote: Text = Field(description="Den del af sætningen, der indeholder det, ordret.")
    left_out: bool = Field(
        description="true, hvis rapporten her siger, hvad omkostningstabellerne ikke medregner (fx ekstra tid i en "
        f"opstartsperiode); label begynder så med '{LEFT_OUT_PREFIX}'. Vises under 'Hvad kræver det at starte?' på "
        "element- og projektsiderne og under hver omkostningstabel.",
        default=False,
    )

    @model_validator(mode="after")
    def _left_out_is_labelled(self) -> KeyFact:
        if self.left_out != self.label.startswith(LEFT_OUT_PREFIX):
            raise ValueError(
                f"a fact the cost tables leave out has `left_out: true` and a label starting '{LEFT_OUT_PREFIX}'; "
                "give both or neither"
            )
        return self

    @property
    def left_out_label(self) -> str:
        """What the cost tables leave out, without the prefix ('transporttid')."""
        return self.label.removeprefix(LEFT_OUT_PREFIX)


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
        return self.price_level_fact.figure

    @property
    def price_level_fact(self) -> KeyFact:
        """The report's statement of the price level, with its page."""
        return next(fact for fact in self.facts if fact.label == PRICE_LEVEL)

    @property
    def left_out(self) -> list[KeyFact]:
        """What the cost tables do not include (start-up time, transport, development), in the data's order."""
        return [fact for fact in self.facts if fact.left_out]

    @property
    def stated_spread(self) -> KeyFact | None:
        """The report's own statement of the spread in cost per child, if the data records it."""
        return next((fact for fact in self.facts if fact.label == STATED_SPREAD), None)


class ElementsFinding(Strict):
    """How the report found the nine elements and how far it says they can be trusted (section 4.1)."""

    method: Quote = Field(description="Hvordan evalueringen fandt elementerne, ordret (afsnit 4.1).")
    finding: Quote = Field(description="Hvad rapporten siger, evalueringen har vist om elementerne, ordret.")
    guidance: Quote = Field(
        description="At elementerne er 'retningsgivende uden at være direkte handlingsanvisende', ordret."
    )
    results_count: Quote = Field(
        description="At antallet af resultater under et element ikke siger, hvor markante de er, ordret."
    )


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
    elements_finding: ElementsFinding = Field(
        description="Hvordan de ni elementer blev fundet, og hvad de kan bruges til; vises øverst på elementsiderne."
    )
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
