"""data/report.yaml: the rest of the evaluation report, chapter by chapter, as typed blocks of quoted text.

One generic shape serves every part: a chapter has sections, and chapters and sections hold blocks (text, a
list, a figure, table 1). Every text is quoted from the report with its pages; the site's own words are
only the notes that say what the text extraction lost. ``evidence`` picks the passages the page "Hvad
evalueringen kan og ikke kan vise" opens with.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import Field, model_validator

from ..references import RefersWithin, Unique
from .common import Name, Ordinal, Pages, Quote, Section, Slug, SourceId, Strict, Text
from .projects import Discrepancy


class ReportText(Strict):
    kind: Literal["tekst"] = Field(description="`tekst`: afsnit af løbende tekst.")
    pages: Pages = Field(description="Side(r) i rapporten.")
    paragraphs: list[Text] = Field(description="Afsnittene, ordret, i rapportens rækkefølge.", min_length=1)


class ReportListItem(Strict):
    text: Text = Field(description="Punktet, ordret.")
    items: list[Text] = Field(description="Underpunkterne (rapportens '‒'-punkter), ordret.", min_length=1)


class ReportList(Strict):
    kind: Literal["liste"] = Field(description="`liste`: en punktopstilling.")
    pages: Pages = Field(description="Side(r) i rapporten.")
    intro: Text | None = Field(
        description="Sætningen før listen, ordret, hvis den ikke står i en tekstblok.", default=None
    )
    numbered: bool = Field(description="`true`, hvis rapporten nummererer punkterne.", default=False)
    items: list[Text | ReportListItem] = Field(
        description="Punkterne, ordret; et punkt med underpunkter skrives som `{text, items}`.", min_length=1
    )


class FigureBasis(Strict):
    figure: Name = Field(description="Tallet, som rapporten skriver det, fx '13' eller 'syv'.")
    value: Ordinal = Field(description="Tallet med cifre (sitets læsning af `figure`).")
    pages: Pages = Field(description="Side i rapporten.")
    quote: Text = Field(description="Den del af sætningen, der indeholder tallet, ordret.")


class ReportFigure(Strict):
    kind: Literal["figur"] = Field(description="`figur`: en figur i rapporten.")
    number: Ordinal = Field(description="Figurens nummer i rapporten.")
    title: Text = Field(description="Figurens titel, ordret (uden 'Figur N: ').")
    pages: Pages = Field(description="Side i rapporten.")
    lost: Text = Field(
        description="Redaktionel note: hvad tekstudtrækket af rapporten har mistet af figuren (fx dens tal)."
    )
    questions: list[Quote] = Field(
        description="De spørgsmål, figuren viser svarene på, ordret fra bilag A.", default_factory=list
    )
    projects: FigureBasis | None = Field(
        description="Hvor mange puljeprojekter figurens data kommer fra.", default=None
    )
    responses: Quote | None = Field(description="Fodnoten om antallet af besvarelser, ordret.", default=None)


class ReportTable1(Strict):
    kind: Literal["tabel-1"] = Field(
        description="`tabel-1`: rapportens tabel 1, bygget af projekternes data (`table1`, `partners`, "
        "`daycare_types` i `data/projects.yaml`)."
    )
    title: Text = Field(description="Tabellens titel, ordret.")
    pages: Pages = Field(description="Side(r) i rapporten.")
    lost: Text = Field(description="Redaktionel note: hvad tekstudtrækket af tabellen har mistet.")


ReportBlock = Annotated[ReportText | ReportList | ReportFigure | ReportTable1, Field(discriminator="kind")]

Elsewhere = Literal["om-evalueringen"]
# A section of any chapter (Report.sections gathers them; their ids differ across chapters, see rules.py).
SectionId = Annotated[Slug, RefersWithin("Report", "sections", "section", shown="chapters[].sections")]


class ReportSection(Strict):
    id: Slug = Field(description="Stabilt id, entydigt i hele rapporten; bruges som anker på siden.")
    number: Section | None = Field(description="Afsnittets nummer, fx '4.3.1'; intet for en boks.", default=None)
    heading: Name = Field(description="Overskriften, ordret (uden nummeret).")
    pages: Pages = Field(description="Første og sidste side af afsnittet.")
    blocks: list[ReportBlock] = Field(description="Afsnittets indhold, i rapportens rækkefølge.", default_factory=list)
    elsewhere: Elsewhere | None = Field(
        description="`om-evalueringen`, hvis (resten af) afsnittets tekst vises på siden Om evalueringen.",
        default=None,
    )

    @model_validator(mode="after")
    def _has_text(self) -> ReportSection:
        if not self.blocks and not self.elsewhere:
            raise ValueError("a section needs `blocks`, or `elsewhere` if its text is shown on another page")
        return self


class ReportChapter(Strict):
    id: Slug = Field(description="Stabilt id; bliver sidens adresse `om/rapporten/<id>/`.")
    number: Section = Field(description="Kapitlets nummer i rapporten, fx '4'.")
    heading: Name = Field(description="Kapitlets overskrift, ordret (uden nummeret).")
    pages: Pages = Field(description="Første og sidste side af kapitlet.")
    summary: Name = Field(description="Redaktionel: én linje om, hvad siden gengiver af kapitlet.")
    blocks: list[ReportBlock] = Field(description="Teksten før kapitlets første afsnit.", default_factory=list)
    sections: Annotated[list[ReportSection], Unique("id")] = Field(
        description="Kapitlets afsnit og bokse, i rapportens rækkefølge.", default_factory=list
    )


class EvidencePoint(Strict):
    heading: Name = Field(description="Redaktionel overskrift på dansk.")
    section: SectionId = Field(description="Id på det afsnit i `chapters`, som punktet er hentet fra.")
    quotes: list[Quote] = Field(description="Rapportens ordlyd, ordret.", min_length=1)
    figures: bool = Field(description="`true`: vis her, hvad rapportens figurer bygger på.", default=False)


class Evidence(Strict):
    summary: list[Quote] = Field(description="Sidens første skærm: svaret i rapportens egne ord.", min_length=1)
    points: list[EvidencePoint] = Field(description="Uddybningen, punkt for punkt.", min_length=1)


class Report(Strict):
    source: SourceId = Field(description="Id på evalueringsrapporten (se `data/sources.yaml`).")
    chapters: Annotated[list[ReportChapter], Unique("id")] = Field(
        description="Kapitlerne, sitet gengiver.", min_length=1
    )
    evidence: Evidence = Field(description="Siden 'Hvad evalueringen kan og ikke kan vise'.")
    discrepancies: Annotated[list[Discrepancy], Unique("id")] = Field(
        description="Steder i disse kapitler, hvor rapporten siger sig selv imod.", default_factory=list
    )

    @property
    def sections(self) -> list[ReportSection]:
        return [section for chapter in self.chapters for section in chapter.sections]

    def chapter_of(self, section_id: str) -> ReportChapter:
        return next(c for c in self.chapters if any(s.id == section_id for s in c.sections))

    def section(self, section_id: str) -> ReportSection:
        return next(s for s in self.sections if s.id == section_id)

    @property
    def figures(self) -> list[ReportFigure]:
        """Every figure of these chapters, in the report's order."""
        blocks = [b for c in self.chapters for b in [*c.blocks, *(b for s in c.sections for b in s.blocks)]]
        return [b for b in blocks if isinstance(b, ReportFigure)]


class ReportFile(Strict):
    report: Report = Field(description="Rapportens øvrige kapitler og siden om, hvad evalueringen kan vise.")
