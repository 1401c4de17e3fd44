"""'Kort fortalt' on every element and project page: the box right under the title, with the data's values."""

from __future__ import annotations

import pytest

from generator.data.catalogue import load_catalogue
from generator.domain.glance import cost_glance
from generator.site.pages.elements import element_page
from generator.site.pages.projects import maturity_summary, project_page
from generator.site.render import kroner_range
from generator.site.units import hours_range

from ..helpers import edit, html


def _box(markdown: str):
    soup = html(markdown)
    box = soup.find("section", class_="kb-brief")
    assert box is not None
    assert box.find_previous_sibling() is None or box.find_previous_sibling().name != "section"
    assert markdown.index('<section class="kb-brief"') < markdown.index("\n## ")  # before the report's text
    rows = {div.dt.get_text(): div.dd for div in box.dl.find_all("div", recursive=False)}
    return soup, rows


def _text(tag) -> str:
    return " ".join(tag.get_text(" ").split())


def _costs_shown(row, glance) -> None:
    text = _text(row)
    for span in (glance.per_child, glance.per_occurrence):
        if span is not None:
            assert kroner_range(span) in text
    if glance.hours is not None:
        assert hours_range(glance.hours) in text
    assert "Sitets beregning" in text


def _caveat_shown(soup, catalogue) -> None:
    admonition = next(d for d in soup("div", class_="admonition") if "kan og ikke kan vise" in d.get_text())
    text = _text(admonition)
    for quote in catalogue.evaluation.caveats:
        assert " ".join(quote.text.split()) in text
    assert admonition.find("a", href=lambda h: h and "#hvad-evalueringen-kan-og-ikke-kan-vise" in h)


@pytest.fixture(scope="module")
def project_pages(real_catalogue):
    return {p.id: (p, project_page(real_catalogue, p).markdown) for p in real_catalogue.projects.values()}


@pytest.fixture(scope="module")
def element_pages(real_catalogue):
    return {e.id: (e, element_page(real_catalogue, e).markdown) for e in real_catalogue.elements.values()}


def test_every_project_page_opens_with_the_box(real_catalogue, project_pages):
    for project, markdown in project_pages.values():
        soup, rows = _box(markdown)
        assert list(rows) == [
            "Hvad",
            "Elementer",
            "Målgruppe",
            "Hvem deltager",
            "Pris og tid",
            "Forudsætninger",
            "Evidens",
        ]
        assert " ".join(project.purpose.text.split()) in _text(rows["Hvad"])
        assert f"s. {project.purpose.pages}" in _text(rows["Hvad"])
        assert maturity_summary(project) in _text(rows["Evidens"])
        assert " ".join(project.maturity.reason.split()) in _text(rows["Evidens"].details)
        glance = cost_glance(project.cost.columns if project.cost else [])
        if glance.per_child is None:
            assert "Ikke opgjort" in _text(rows["Pris og tid"])
        else:
            _costs_shown(rows["Pris og tid"], glance)
        links = [a["href"] for a in rows["Forudsætninger"]("a")]
        expected = [f"#{a.id}-forudsaetninger" for a in project.activities if a.prerequisites]
        assert links == (["#forudsaetninger-paa-tvaers"] if project.prerequisites_across else []) + expected
        for href in links:  # every link lands on a heading of the page
            assert soup.find(id=href[1:]) or f"{{ #{href[1:]} }}" in markdown
        _caveat_shown(soup, real_catalogue)


def test_frederikshavns_box_holds_the_hand_worked_figures(project_pages):
    """Tabel 4 (see tests/domain/test_glance.py): 232–1.269 kr. per child, 1.099–3.480 kr. per occurrence,
    3,5–9,5 hours; Forældre and Sundhedsplejerske as partners; universal; Modnet."""
    _, rows = _box(project_pages["styrket-deltagende-foraeldresamarbejde"][1])
    cost = _text(rows["Pris og tid"])
    assert "232–1.269 kr. pr. barn pr. aktivitet (meget lav–middel)" in cost
    assert "1.099–3.480 kr. pr. afholdelse" in cost
    assert "3,5–9,5 timer pr. afholdelse" in cost
    assert "Parter: Forældre, sundhedsplejerske" in _text(rows["Hvem deltager"])
    assert _text(rows["Målgruppe"]).startswith("Universel")
    assert _text(rows["Evidens"]).startswith("Modnet (kapitel 3")


def test_every_element_page_opens_with_the_box(real_catalogue, element_pages):
    finding = real_catalogue.evaluation.elements_finding
    for element, markdown in element_pages.values():
        soup, rows = _box(markdown)
        assert list(rows) == [
            "Hvad",
            "Målgruppe",
            "Hvem deltager",
            "Pris og tid",
            "Forudsætninger",
            "Evidens",
            "Puljeprojekter",
        ]
        assert " ".join(element.lead.text.split()) in _text(rows["Hvad"])
        assert finding.finding.text in _text(rows["Evidens"])
        assert finding.method.text in _text(rows["Evidens"].details)
        relations = real_catalogue.projects_of(element)
        listed = sum(1 for r in relations if r.in_element_section)
        projects = _text(rows["Puljeprojekter"])
        assert projects.startswith(f"{listed} i afsnit {element.section}:")
        assert len(rows["Puljeprojekter"]("a")) == len(relations)
        glance = cost_glance([cost.column for cost in real_catalogue.activity_costs(element)])
        _costs_shown(rows["Pris og tid"], glance)
        _caveat_shown(soup, real_catalogue)
        caveat = next(d for d in soup("div", class_="admonition") if "kan og ikke kan vise" in d.get_text())
        assert finding.results_count.text in _text(caveat)  # the number of results is not a measure of strength
        assert "retningsgivende uden at være direkte handlingsanvisende" in _text(caveat)


def test_the_box_follows_the_data(minimal):
    """A value changed in the data changes on the page."""
    catalogue = load_catalogue(minimal / "data")
    project = next(iter(catalogue.projects.values()))
    before = _text(_box(project_page(catalogue, project).markdown)[1]["Hvad"])
    # The outcomes quote words of the purpose, so the new purpose keeps the old one after its own sentence.
    new = f"Et helt andet formål. {project.purpose.text}"
    edit(minimal / "data" / "projects.yaml", f'text: "{project.purpose.text}"', f'text: "{new}"')
    changed = load_catalogue(minimal / "data")
    after = _text(_box(project_page(changed, changed.projects[project.id]).markdown)[1]["Hvad"])
    assert "Et helt andet formål." in after and after != before
