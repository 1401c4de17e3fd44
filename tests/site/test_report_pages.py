"""Om → Rapporten and 'Hvad evalueringen kan og ikke kan vise': headings, sources, table 1 and the figures' chart."""

import re

import pytest

from generator.pipeline import build_site
from generator.site.pages.report import chapter_pages, evidence_page, headings, report_index_page
from generator.site.urls import EVIDENCE_PATH, REPORT_INDEX, chapter_path

from ..helpers import assert_golden, edit

every_page = pytest.mark.xdist_group("built-html")


def test_golden_evidence_and_chapter_pages(real_catalogue):
    assert_golden("pages/evidence.md", evidence_page(real_catalogue).markdown)
    chapter = next(c for c in real_catalogue.report.chapters if c.number == "4")
    assert_golden("pages/report_chapter_4.md", chapter_pages(real_catalogue, chapter)[0].markdown)


def test_every_chapter_has_its_headings_and_a_source_line_under_every_block(real_catalogue):
    for chapter in real_catalogue.report.chapters:
        page = chapter_pages(real_catalogue, chapter)[0]
        assert page.path == chapter_path(chapter)
        assert f"\n# {chapter.number}. {chapter.heading} " in page.markdown
        for section in chapter.sections:
            heading = headings(chapter)[section.id]
            assert f"\n{heading.level} {heading.text} {{ #{section.id} }}\n" in page.markdown, section.id
        blocks = [*chapter.blocks, *(b for s in chapter.sections for b in s.blocks)]
        assert page.markdown.count("Kilde: Evalueringsrapporten, s. ") == len(blocks), chapter.id


def test_section_levels_follow_the_report_numbers(real_catalogue):
    annex = next(c for c in real_catalogue.report.chapters if c.number == "6")
    found = {k: (str(h.level), h.text) for k, h in headings(annex).items()}
    assert found["det-formative-element"] == ("##", "6.1 Det formative element – tilgang og resultat")
    assert found["kvantitative-data"] == ("###", "6.2.1 Kvantitative data")
    assert found["aktivitetsindikatorer"] == ("####", "Aktivitetsindikatorer")  # a box inside 6.2.1
    assert found["covid-19-bilag"] == ("###", "Covid-19")  # the box inside 6.2
    opening = next(c for c in real_catalogue.report.chapters if c.number == "1")
    assert [str(h.level) for h in headings(opening).values()] == ["##", "##"]  # two boxes, no numbered section


def test_table1_has_every_project_and_marks_where_its_text_names_more(real_catalogue):
    chapter = next(c for c in real_catalogue.report.chapters if c.number == "2")
    markdown = chapter_pages(real_catalogue, chapter)[0].markdown
    table = markdown[markdown.index("<caption>Tabel 1: ") : markdown.index("</table>")]
    assert table.count("<tr><td>") == len(real_catalogue.projects) == 15
    # Silkeborg: 4 marks in table 1, but its text names 3 partners and 2 daycare types (the contradiction's link)
    silkeborg = next(line for line in table.splitlines() if line.startswith("<tr><td>Silkeborg</td>"))
    assert '<td class="kb-num">4</td>' in silkeborg and "antallet afviger fra tabel 1" in silkeborg
    assert "Redaktionel note:* Tekstudtrækket af rapporten har mistet tabellens kolonneoverskrifter" in markdown


def test_evidence_page_says_the_answer_first_in_the_reports_words(real_catalogue):
    markdown = evidence_page(real_catalogue).markdown
    first_screen = markdown[: markdown.index("\n## ")]
    assert '!!! abstract "Kort fortalt, i rapportens ord"' in first_screen
    for quote in real_catalogue.report.evidence.summary:
        assert f'»{quote.text}« <span class="kb-source">(Evalueringsrapporten, s. {quote.pages})</span>' in first_screen
    for needed in ("retningsgivende uden at være direkte handlingsanvisende", "kontrolgruppe", "otte af de 14"):
        assert needed in markdown


def test_the_figures_chart_has_a_title_a_description_and_its_numbers_in_a_table(real_catalogue):
    markdown = evidence_page(real_catalogue).markdown
    svg = markdown[markdown.index("<svg") : markdown.index("</svg>")]
    assert 'role="img"' in svg and "<title id=" in svg and "<desc id=" in svg
    assert "Antal puljeprojekter, som figur 3–5 bygger på" in svg
    table = markdown[markdown.index("<caption>Hvad rapportens figurer") : markdown.index("</table>")]
    rows = re.findall(r'<tr><th scope="row">Figur (\d): .*?<td class="kb-num">(\w+)</td>', table)
    assert rows == [("3", "13"), ("4", "10"), ("5", "syv")]  # the report's own words, p. 48, 50 and 52
    assert [bar for bar in re.findall(r">(\w+)</text>", svg) if bar not in {"Figur"}][-3:] == ["13", "10", "syv"]


def test_report_index_lists_the_chapters_and_the_contradictions(real_catalogue):
    page = report_index_page(real_catalogue)
    assert page.path == REPORT_INDEX
    for chapter in real_catalogue.report.chapters:
        assert f"[{chapter.number}. {chapter.heading}]({chapter.id}.md)" in page.markdown
    assert "## Uoverensstemmelser i rapporten" in page.markdown
    assert "{ #uoverensstemmelse-boernenes-laering-og-trivsel }" in page.markdown


def test_pages_mirror_the_report_data(minimal):
    def pages():
        site = build_site(minimal)
        return {p.path: p.markdown for p in site.pages}

    before = pages()
    assert "En aftale fra 2017 satte forsøget i gang." in before["om/rapporten/indledning.md"]
    assert "Samarbejdet er blevet bedre." in before[EVIDENCE_PATH]
    edit(minimal / "data" / "report.yaml", '"i to af puljeprojekterne"', '"i tre af puljeprojekterne"')
    edit(minimal / "data" / "report.yaml", '{figure: "to", value: 2,', '{figure: "tre", value: 3,')
    after = pages()[EVIDENCE_PATH]
    assert '<td class="kb-num">tre</td>' in after and "»i tre af puljeprojekterne«" in after


@every_page
def test_the_built_pages_have_their_headings_and_tables(built, built_html):
    evidence = built_html[built / "om" / "hvad-evalueringen-kan-vise" / "index.html"]
    assert evidence.find("h1").get_text(strip=True).removesuffix("¶") == "Hvad evalueringen kan og ikke kan vise"
    assert evidence.select_one("svg[role=img] title").get_text() == "Antal puljeprojekter, som figur 3–5 bygger på"
    assert [th.get_text() for th in evidence.select("table th[scope=col]")][:2] == ["Figur", "Puljeprojekter"]
    chapter = built_html[built / "om" / "rapporten" / "tvaergaaende-analyser" / "index.html"]
    ids = {h.get("id") for h in chapter.select("h2, h3, h4")}
    assert {"ni-betydningsfulde-elementer", "foraeldresamarbejde", "omkostninger-tilknyttet-indsatsen"} <= ids
    assert len(chapter.select("p.kb-source")) >= 15
