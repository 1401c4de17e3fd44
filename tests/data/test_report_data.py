"""data/report.yaml: typed blocks, and every mistake located at its line and column."""

import pytest

from generator.data.models import ReportFile, ReportList, ReportListItem, ReportText
from generator.data.problems import DataError
from generator.data.read import load_text
from generator.data.references import check_references
from generator.data.rules import check_rules
from generator.data.validate import validate

CHAPTER = """report:
  source: evaluering
  chapters:
    - id: kapitel
      number: "1"
      heading: "Indledning"
      pages: 1
      summary: "Kort."
      sections:
%s
  evidence:
    summary: [{pages: 1, text: "Citat."}]
    points:
      - {heading: "Punkt", section: %s, quotes: [{pages: 1, text: "Citat."}]}
"""

SECTION = """        - id: afsnit
          number: "1.1"
          heading: "Afsnit"
          pages: 1
          blocks:
%s"""


def problems(text: str) -> list[str]:
    with pytest.raises(DataError) as caught:
        validate(ReportFile, load_text(text, "data/report.yaml"))
    return [p.format() for p in caught.value.problems]


def report(blocks: str, section: str = "afsnit") -> str:
    return CHAPTER % (SECTION % blocks, section)


def test_blocks_are_typed_by_their_kind():
    text = report(
        "            - {kind: tekst, pages: 1, paragraphs: [Et afsnit.]}\n"
        "            - {kind: liste, pages: 2, items: [Et punkt, {text: Et andet, items: [Under]}]}\n"
    )
    blocks = validate(ReportFile, load_text(text, "data/report.yaml")).report.sections[0].blocks
    assert isinstance(blocks[0], ReportText)
    assert isinstance(blocks[1], ReportList)
    assert blocks[1].items[0] == "Et punkt"
    assert blocks[1].items[1] == ReportListItem(text="Et andet", items=["Under"])


def test_an_unknown_kind_is_located_and_names_the_kinds():
    found = problems(report("            - {kind: billede, pages: 1, paragraphs: [x]}\n"))
    assert len(found) == 1
    assert found[0].startswith("data/report.yaml:15:15: report.chapters[0].sections[0].blocks[0]")
    assert "tekst" in found[0] and "tabel-1" in found[0]


def test_a_field_of_another_kind_is_located():
    found = problems(
        report(
            "            - kind: tekst\n              pages: 1\n              paragraphs: [x]\n              lost: x\n"
        )
    )
    assert found == [
        "data/report.yaml:18:15: report.chapters[0].sections[0].blocks[0].lost: unknown field 'lost'; "
        "allowed fields: kind, pages, paragraphs"
    ]


def test_a_figure_needs_its_number_and_the_note_on_what_was_lost():
    found = problems(report("            - {kind: figur, title: T, pages: 1}\n"))
    assert any("blocks[0].number: required field 'number' is missing" in p for p in found)
    assert any("blocks[0].lost: required field 'lost' is missing" in p for p in found)
    assert all(p.startswith("data/report.yaml:15:15: ") for p in found)


def test_a_section_without_text_or_a_page_that_has_it():
    text = CHAPTER % ('        - {id: afsnit, heading: "Boks", pages: 1}', "afsnit")
    assert problems(text) == [
        "data/report.yaml:10:11: report.chapters[0].sections[0]: a section needs `blocks`, or `elsewhere` if its "
        "text is shown on another page"
    ]


def rule_problems(text: str) -> list[str]:
    document = load_text(text, "data/report.yaml")
    model = validate(ReportFile, document)
    return [p.format() for p in check_rules({"report.yaml": document}, {"report.yaml": model})]


def test_an_evidence_point_names_a_section_that_exists():
    document = load_text(
        report("            - {kind: tekst, pages: 1, paragraphs: [x]}\n", "intet-afsnit"), "data/report.yaml"
    )
    model = validate(ReportFile, document)
    found = [p.format() for p in check_references({"report.yaml": document}, {"report.yaml": model})]
    assert found == [
        "data/report.yaml:20:37: report.evidence.points[0].section: unknown section 'intet-afsnit' "
        "(did you mean 'afsnit'?); it must be an id in this report's `chapters[].sections`"
    ]


def test_section_ids_differ_across_chapters():
    text = report("            - {kind: tekst, pages: 1, paragraphs: [x]}\n").replace(
        "  evidence:",
        "    - id: andet\n      number: '2'\n      heading: A\n      pages: 2\n      summary: S\n      sections:\n"
        + SECTION % "            - {kind: tekst, pages: 2, paragraphs: [y]}\n"
        + "\n  evidence:",
    )
    assert rule_problems(text) == [
        "data/report.yaml:23:15: report.chapters[1].sections[0].id: section id 'afsnit' is used in another "
        "chapter too; ids must differ"
    ]
