"""The two kinds of combination evidence, and the ranking rule for what to add."""

import json

import pytest

from generator.data.catalogue import load_catalogue
from generator.domain.combinations import all_selections, observed_with, recommendations, selection, suggestions
from generator.site.pages.explorer import explorer_pages

from ..helpers import FIXTURES, assert_golden, copy_project, edit, html


@pytest.fixture
def real(real_catalogue):
    return real_catalogue


def test_observed_combinations_name_the_projects(real_catalogue):
    catalogue = real_catalogue
    element = catalogue.elements["overgangsmoeder"]
    observed = observed_with(catalogue, element)
    for entry in observed:
        for project in entry.projects:
            assert {element.id, entry.element.id} <= set(project.elements.items)
    counts = [len(entry.projects) for entry in observed]
    assert counts == sorted(counts, reverse=True)


def test_ranking_puts_recommendations_first_then_observation_then_report_order(real_catalogue):
    catalogue = real_catalogue
    chosen = [catalogue.elements["overgangsmoeder"]]
    ranked = suggestions(catalogue, chosen)
    keys = [(-len(s.recommended_by), -len(s.observed_in), s.element.number) for s in ranked]
    assert keys == sorted(keys)
    recommended = set(chosen[0].combines_with.elements)
    assert {s.element.id for s in ranked if s.recommended_by} == recommended
    assert all(s.element.id not in {c.id for c in chosen} for s in ranked)


def test_ties_and_an_element_without_evidence():
    catalogue = load_catalogue(FIXTURES / "minimal" / "data")
    hjemmebesoeg, sprogkuffert = catalogue.elements["hjemmebesoeg"], catalogue.elements["sprogkuffert"]
    ranked = suggestions(catalogue, [hjemmebesoeg])
    assert [s.element.id for s in ranked] == ["sprogkuffert"]
    assert suggestions(catalogue, [hjemmebesoeg, sprogkuffert]) == []  # nothing left to suggest


def test_every_element_page_shows_both_kinds_of_evidence_apart(real_catalogue):
    from generator.site.pages.elements import element_page

    catalogue = real_catalogue
    for element in catalogue.elements.values():
        page = html(element_page(catalogue, element).markdown)
        headings = [h.get_text() for h in page("h2")]
        assert headings.index("Kombinerer godt med") < headings.index("Set i praksis sammen med")
        section = page.find("h2", string="Set i praksis sammen med").find_next("ul")
        for entry in observed_with(catalogue, element):
            item = section.find("a", string=entry.element.name).find_parent("li")
            assert [a.get_text() for a in item("a")[1:]] == [p.title for p in entry.projects]


def test_an_element_without_recommendations_is_suggested_from_observation_only(tmp_path):
    from generator.site.pages.elements import element_page

    minimal = copy_project(FIXTURES / "minimal", tmp_path / "p")
    edit(minimal / "data" / "elements.yaml", "      elements: [sprogkuffert]\n", "      elements: []\n")
    catalogue = load_catalogue(minimal / "data")
    hjemmebesoeg, sprogkuffert = catalogue.elements["hjemmebesoeg"], catalogue.elements["sprogkuffert"]
    (only,) = suggestions(catalogue, [hjemmebesoeg])
    assert only.element == sprogkuffert and only.recommended_by == [] and len(only.observed_in) == 1
    assert "nævner ingen elementer" in element_page(catalogue, hjemmebesoeg).markdown
    # the other direction is still the report's recommendation
    assert suggestions(catalogue, [sprogkuffert])[0].recommended_by == [sprogkuffert]


def test_a_selection_worked_out_by_hand_from_the_report(real):
    # Hjemmet som samarbejdsramme (1) lists 5, 8, 2; Tematiserede forældrearrangementer (4) lists 3, 7, 2.
    # Only Frederikshavn's main result names 1 and 4 (with 8); Morsø and Vesthimmerland name 4, and
    # section 4.1.1 lists them under 1.
    chosen = [real.elements["hjemmet-som-samarbejdsramme"], real.elements["tematiserede-foraeldrearrangementer"]]
    result = selection(real, chosen)
    assert [(s.element.number, [e.number for e in s.recommended_by], [p.id for p in s.observed_in]) for s in
            result.suggestions] == [
        (2, [1, 4], []),  # named under both chosen elements
        (8, [1], ["styrket-deltagende-foraeldresamarbejde"]),  # under one, and seen with both in a project
        (3, [4], []),  # ties under one: the report's order 3, 5, 7
        (5, [1], []),
        (7, [4], []),
    ]  # fmt: skip
    assert [p.id for p in result.together] == ["styrket-deltagende-foraeldresamarbejde"]
    assert [p.id for p in result.listed_too] == ["faelles-om-boernelivet", "fremskudt-foraeldresamarbejde"]
    assert result.partly == []


def test_a_selection_prices_the_activities_of_its_elements(real):
    chosen = [real.elements["hjemmet-som-samarbejdsramme"], real.elements["tematiserede-foraeldrearrangementer"]]
    result = selection(real, chosen)
    rows = result.costs
    assert len({id(r.column) for r in rows}) == len(rows) > 0
    for row in rows:  # each column is itself an instance of a chosen element (its own attribution)
        assert {link.element for link in row.column.elements} & {e.id for e in chosen}, row.column.label
    low, high = result.cost_range
    assert low.per_child == min(r.per_child for r in rows)
    assert high.per_child == max(r.per_child for r in rows)
    assert low.per_child < high.per_child


def test_the_explorer_range_of_one_element_is_its_element_pages(real):
    """Also a column the calculator leaves out (no reading of its group) counts, as on the element page."""
    for element in real.elements.values():
        values = [c.column.cost_per_child.value for c in real.activity_costs(element)]
        values = [v for v in values if v is not None]
        result = selection(real, [element])
        assert len(result.costs) == len(values), element.id
        if values:
            assert (result.cost_range[0].per_child, result.cost_range[1].per_child) == (min(values), max(values))


def test_three_chosen_show_projects_that_named_some_of_them(real):
    ids = ("hjemmet-som-samarbejdsramme", "styrkede-tvaerfaglige-moeder", "overgangsmoeder")
    result = selection(real, [real.elements[i] for i in ids])
    assert result.together == [] and result.listed_too == []
    assert [(p.id, [e.number for e in named]) for p, named in result.partly] == [
        ("styrket-deltagende-foraeldresamarbejde", [1, 8]),
        ("boern-og-familier-i-fokus", [1, 8]),
        ("trivsel-i-dagtilbud", [6, 8]),
        ("smaaboernstrampolinen", [6, 8]),
    ]


def test_every_choice_of_one_to_three_is_worked_out_once(real):
    selections = all_selections(real)
    n = len(real.elements)
    assert len(selections) == n + n * (n - 1) // 2 + n * (n - 1) * (n - 2) // 6
    assert len({tuple(e.id for e in s.chosen) for s in selections}) == len(selections)


def test_recommendations_keep_their_direction(real):
    arrows = recommendations(real)
    assert len(arrows) == sum(len(e.combines_with.elements) for e in real.elements.values())
    for arrow in arrows:
        assert arrow.mutual == (arrow.source.id in arrow.target.combines_with.elements)
    assert any(not a.mutual for a in arrows)  # the report's lists are not symmetric


def _script_data(markdown: str) -> dict:
    return json.loads(html(markdown).find("script", id="kb-combo-data").string)


def test_the_explorer_script_data_cannot_end_its_script_element(tmp_path):
    minimal = copy_project(FIXTURES / "minimal", tmp_path / "p")
    evil = 'name: "Hjemmebesøg </script><script>alert(1)</script>"'
    edit(minimal / "data" / "elements.yaml", 'name: "Hjemmebesøg"', evil)
    page = explorer_pages(load_catalogue(minimal / "data"))[0]
    script = page.markdown.split('id="kb-combo-data">', 1)[1].split("</script>", 1)[0]
    assert "<" not in script
    assert "<script>alert(1)" not in page.markdown
    assert "&lt;script&gt;alert(1)" in page.markdown  # in the pictures and tables, escaped


def test_the_explorer_shows_every_one_way_recommendation_and_works_without_script(real):
    page = html(explorer_pages(real)[0].markdown)
    one_way = [a for a in recommendations(real) if not a.mutual]
    note = page.find(string=lambda s: s and "men ikke omvendt" in s).find_parent("div")
    lines = [li.get_text() for li in note("li")]
    assert lines == [
        f"Under {a.source.name} nævner rapporten gode erfaringer med {a.target.name}, "
        f"men under {a.target.name} nævnes {a.source.name} ikke."
        for a in one_way
    ]
    assert "Ingen andre elementers lister nævner Systematisk trivselsvurdering." in note.get_text()
    # Without script, the table lists every element's complements as the report gives them, with links.
    table = page.find("caption", string=lambda s: "gode erfaringer" in s).find_parent("table")
    for element, row in zip(real.elements.values(), table.tbody("tr"), strict=True):
        cells = row("td")
        assert [a.get_text() for a in cells[0]("a")] == [e.name for e in real.combines_with(element)]


def test_the_matrix_marks_every_relation_by_where_the_report_says_it(real):
    page = html(explorer_pages(real)[0].markdown)
    svg = page.find("svg", attrs={"aria-labelledby": "kb-matrix-title kb-matrix-desc"})
    marks = [m for m in svg.find_all(["circle", "rect"])]
    assert len(marks) == len(real.relations) + 3  # one per relation, plus the legend's three
    table = page.find("caption", string=lambda s: "Elementer i hvert puljeprojekt" in s).find_parent("table")
    for project, row in zip(real.projects.values(), table.tbody("tr"), strict=True):
        both, only_list, only_result = (cell.get_text() for cell in row("td"))
        for relation in real.elements_of(project):
            name = relation.element.name
            if relation.in_element_section and relation.in_main_result:
                assert name in both
            elif relation.in_element_section:
                assert name in only_list
            else:
                assert name in only_result


def test_the_network_draws_each_mutual_pair_once_and_every_one_way_arrow(real):
    svg = html(explorer_pages(real)[0].markdown).find(
        "svg", attrs={"aria-labelledby": "kb-netvaerk-title kb-netvaerk-desc"}
    )
    arrows = recommendations(real)
    lines = svg.find_all("line")[:-2]  # the last two are the legend
    dashed = [line for line in lines if line.get("stroke-dasharray")]
    assert len(dashed) == sum(1 for a in arrows if not a.mutual)
    assert len(lines) - len(dashed) == sum(1 for a in arrows if a.mutual) // 2


def test_golden_explorer_page():
    catalogue = load_catalogue(FIXTURES / "minimal" / "data")
    assert_golden("pages/explorer_minimal.md", explorer_pages(catalogue)[0].markdown)


def test_the_explorer_says_which_activities_are_linked_by_the_sites_judgement(real_catalogue):
    catalogue = real_catalogue
    from generator.site.pages.explorer import explorer_data

    data = explorer_data(catalogue)
    # The script's data for one element (tests/browser/test_browser.py runs the script itself on every choice).
    chosen = [e["id"] for e in data["elements"]].index("overgangsmoeder")
    activities = [a for a in data["activities"] if chosen in a["elements"]]
    editorial = {a["key"] for a in activities if chosen not in a["quoted"]}
    basis = {
        id(cost.column): cost.link.basis for cost in catalogue.activity_costs(catalogue.elements["overgangsmoeder"])
    }
    keys = {key: basis[column] for column, key in catalogue.budget_keys.items() if column in basis}
    assert editorial == {key for key, b in keys.items() if b == "redaktionel"} != set()
    assert {a["key"] for a in activities} == set(keys)
    assert data["budget"] == "../../oekonomi/budget/"
