"""The two kinds of combination evidence, and the ranking rule for what to add."""

from generator.catalogue import load_catalogue
from generator.combinations import observed_with, suggestions

from .helpers import FIXTURES, ROOT


def test_observed_combinations_name_the_projects():
    catalogue = load_catalogue(ROOT / "data")
    element = catalogue.elements["overgangsmoeder"]
    observed = observed_with(catalogue, element)
    for entry in observed:
        for project in entry.projects:
            assert {element.id, entry.element.id} <= set(project.elements.items)
    counts = [len(entry.projects) for entry in observed]
    assert counts == sorted(counts, reverse=True)


def test_ranking_puts_recommendations_first_then_observation_then_report_order():
    catalogue = load_catalogue(ROOT / "data")
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


def test_every_element_page_shows_both_kinds_of_evidence_apart():
    from generator.pages import element_page

    from .helpers import html

    catalogue = load_catalogue(ROOT / "data")
    for element in catalogue.elements.values():
        page = html(element_page(catalogue, element).markdown)
        headings = [h.get_text() for h in page("h2")]
        assert headings.index("Kombinerer godt med") < headings.index("Set i praksis sammen med")
        section = page.find("h2", string="Set i praksis sammen med").find_next("ul")
        for entry in observed_with(catalogue, element):
            item = section.find("a", string=entry.element.name).find_parent("li")
            assert [a.get_text() for a in item("a")[1:]] == [p.title for p in entry.projects]
