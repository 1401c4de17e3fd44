"""'Hvad kræver det at starte?' and the one-page brief on element and project pages (issue 16, parts 6 and 7).

Every value comes from the data: the establishment cells as the tables write them, the prerequisites of every
project, what the cost tables leave out (KeyFact.left_out), and the first steps data/recommendations.yaml links
to elements. Changing the data changes the page.
"""

from __future__ import annotations

import pytest

from generator.data.catalogue import load_catalogue
from generator.data.problems import DataError
from generator.site.pages.brief import element_handout, element_start, first_steps
from generator.site.pages.elements import element_page
from generator.site.pages.projects import project_page

from ..helpers import edit, html


def _start(markdown: str):
    """The block of 'Hvad kræver det at starte?' (the div after its heading)."""
    soup = html(markdown)
    heading = soup.find(id="hvad-kraever-det-at-starte")
    assert heading is not None and heading.name == "h2"
    return heading.find_next_sibling("div", class_="kb-start")


def test_every_project_lists_each_columns_establishment_as_the_table_writes_it(real_catalogue):
    for project in real_catalogue.projects.values():
        block = _start(project_page(real_catalogue, project).markdown)
        items = block.select(".kb-start-list li")
        if project.cost is None:
            assert items == [] and project.no_cost.text in block.get_text()
            continue
        assert len(items) == len(project.cost.columns)
        for item, column in zip(items, project.cost.columns, strict=True):
            text = item.get_text(" ")
            assert column.label in text
            assert (column.establishment.as_written or "tom celle") in text
            assert f"tabel {project.cost.number}," in text
            if column.establishment_explanation:
                assert f"»{column.establishment_explanation}«" in text


def test_the_priced_training_and_materials_are_shown_with_their_amounts(real_catalogue):
    """LØFT, ADBB, TOPI, ICDP and the suitcases: the report's own words beside the amount it gives."""
    shown = {}
    for project in real_catalogue.projects.values():
        for item in _start(project_page(real_catalogue, project).markdown).select(".kb-start-list li"):
            shown[item.get_text(" ")] = project
    for word in ("LØFT", "ADBB", "TOPI", "ICDP", "kufferter"):
        assert any(word in text for text in shown), word
    assert any("197.000 kr." in text and "50 kufferter" in text for text in shown)


def test_an_element_gathers_prerequisites_from_all_its_projects_each_labelled(real_catalogue):
    for element in real_catalogue.elements.values():
        start = element_start(real_catalogue, element)
        projects = [r.project for r in real_catalogue.projects_of(element)]
        described = [p for p in projects if p.prerequisites_across or any(a.prerequisites for a in p.activities)]
        assert [project for project, _, _ in start.prerequisites] == described
        block = _start(element_page(real_catalogue, element).markdown)
        rows = block.find(id="start-forudsaetninger").find_next_sibling("ul").find_all("li")
        assert len(rows) == max(1, len(described))
        for row, (_project, label, places) in zip(rows, start.prerequisites, strict=False):
            assert row.get_text(" ").startswith(label)
            assert len(row.find_all("a")) == 1 + len(places)  # the project, then each place
        # the establishment costs are those of the columns that count for the element
        assert [e.column for e in start.establishment] == [c.column for c in real_catalogue.activity_costs(element)]


def test_the_section_says_what_the_cost_tables_leave_out(real_catalogue):
    left_out = real_catalogue.evaluation.cost_method.left_out
    assert [f.left_out_label for f in left_out] == [
        "transporttid",
        "ekstra tid til opstart",
        "udvikling i konkretiseringsfasen",
    ]
    project = next(iter(real_catalogue.projects.values()))
    block = _start(project_page(real_catalogue, project).markdown)
    listed = block.find(id="start-ikke-medregnet").find_next_sibling("ul").find_all("li")
    assert [" ".join(li.get_text(" ").split()) for li in listed] == [
        f"{f.left_out_label.capitalize()} : »{f.quote}« (Evalueringsrapporten, s. {f.pages})" for f in left_out
    ]


def test_the_section_follows_the_data(minimal):
    catalogue = load_catalogue(minimal / "data")
    project = next(iter(catalogue.projects.values()))
    before = _start(project_page(catalogue, project).markdown).get_text(" ")
    assert "»Opstartsmøder«" in before and "5.543 kr." in before and "Transporttid" in before
    data = minimal / "data"
    edit(data / "projects.yaml", 'establishment: "5.543 kr."', 'establishment: "7.000 kr."')
    edit(data / "projects.yaml", 'establishment_explanation: "Opstartsmøder"', 'establishment_explanation: "Kurser"')
    edit(data / "evaluation.yaml", '"Ikke medregnet: transporttid"', '"Ikke medregnet: kørsel"')
    changed = load_catalogue(data)
    after = _start(project_page(changed, changed.projects[project.id]).markdown).get_text(" ")
    assert "»Kurser«" in after and "7.000 kr." in after and "Kørsel" in after
    assert "5.543 kr." not in after and "Transporttid" not in after


def test_a_left_out_fact_needs_both_the_flag_and_the_label(minimal):
    edit(minimal / "data" / "evaluation.yaml", ", left_out: true}", "}")
    with pytest.raises(DataError) as caught:
        load_catalogue(minimal / "data")
    assert any("left_out" in p.format() for p in caught.value.problems)


def test_first_steps_come_from_the_datas_links_and_carry_their_recommendations_title(real_catalogue):
    linked = {
        link.element: (recommendation, item)
        for recommendation in real_catalogue.recommendations.recommendations
        for item in recommendation.items
        for link in item.elements
    }
    assert linked  # the data links some first steps to elements
    for element in real_catalogue.elements.values():
        markdown = element_page(real_catalogue, element).markdown
        steps = html(markdown).select(".kb-first-steps h3")
        if element.id not in linked:
            assert steps == []
            continue
        recommendation, item = linked[element.id]
        assert recommendation.title in steps[0].get_text()
        assert item.first_step[0] in markdown
        assert "Sitets kobling (redaktionel)" in markdown  # every link in the data is editorial
    # a project shows the first steps of its elements
    for project in real_catalogue.projects.values():
        elements = [r.element for r in real_catalogue.elements_of(project)]
        expected = first_steps(real_catalogue, elements)
        shown = html(project_page(real_catalogue, project).markdown).select(".kb-first-steps h3")
        assert len(shown) == len(expected)


def test_first_steps_follow_the_data(minimal):
    data = minimal / "data"
    catalogue = load_catalogue(data)
    element = next(iter(catalogue.elements.values()))
    assert element_handout(catalogue, element).first_steps == []
    edit(
        data / "recommendations.yaml",
        'first_step: ["Første skridt som kommunalpolitiker kan være at spørge."]',
        'first_step: ["Første skridt som kommunalpolitiker kan være at spørge."]\n'
        f"        elements: [{{element: {element.id}, basis: redaktionel, note: 'Sitets kobling.'}}]",
    )
    changed = load_catalogue(data)
    markdown = element_page(changed, changed.elements[element.id]).markdown
    assert "Første skridt som kommunalpolitiker kan være at spørge." in markdown
    assert "Giv småbørn en tryg start" in markdown and "anbefaling 1.1" in markdown


def test_a_first_step_linked_to_an_unknown_element_fails_the_check(minimal):
    edit(
        minimal / "data" / "recommendations.yaml",
        'first_step: ["Første skridt som kommunalpolitiker kan være at spørge."]',
        'first_step: ["Første skridt som kommunalpolitiker kan være at spørge."]\n'
        "        elements: [{element: findes-ikke, basis: redaktionel, note: 'x'}]",
    )
    with pytest.raises(DataError) as caught:
        load_catalogue(minimal / "data")
    assert any("findes-ikke" in p.format() for p in caught.value.problems)


def test_the_printed_brief_names_address_sources_and_data_dates(real_catalogue):
    element = real_catalogue.elements["systematisk-trivselsvurdering"]
    soup = html(element_page(real_catalogue, element).markdown)
    meta = soup.select_one(".kb-print-only")
    text = meta.get_text(" ")
    assert meta.select_one("[data-kb-address]").get_text() == "elementer/systematisk-trivselsvurdering/"
    periods = real_catalogue.evaluation.phases.periods
    assert periods[0].dates in text and periods[-1].dates in text
    assert real_catalogue.evaluation.cost_method.price_level_fact.quote in text
    for cost in real_catalogue.activity_costs(element):
        assert f"tabel {cost.project.cost.number} (" in text
    # the button waits hidden for its script; what the brief prints is marked kb-in-brief
    assert soup.select_one("button[data-kb-print-brief]").has_attr("hidden")
    assert soup.select(".kb-in-brief")
