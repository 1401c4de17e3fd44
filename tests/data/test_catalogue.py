"""Stage 3: cross-references resolved once, both sides of the report's lists kept."""

import pytest

from generator.data import catalogue as catalogue_module
from generator.data.catalogue import load_catalogue
from generator.data.problems import DataError

from ..helpers import FIXTURES, edit


def test_relations_keep_which_side_states_them():
    catalogue = load_catalogue(FIXTURES / "minimal" / "data")
    home, kuffert = catalogue.elements["hjemmebesoeg"], catalogue.elements["sprogkuffert"]
    by_project = {r.project.id: r for r in catalogue.projects_of(home)}
    assert by_project["sammen-i-nordby"].agreed
    assert by_project["sprog-i-sydby"].in_element_section and not by_project["sprog-i-sydby"].in_main_result
    only_chapter_5 = [r for r in catalogue.projects_of(kuffert) if not r.in_element_section]
    assert [r.project.id for r in only_chapter_5] == ["sammen-i-nordby"]


def test_order_is_the_reports():
    catalogue = load_catalogue(FIXTURES / "minimal" / "data")
    project = catalogue.projects["sammen-i-nordby"]
    assert [r.element.id for r in catalogue.elements_of(project)] == ["hjemmebesoeg", "sprogkuffert"]


def test_real_data_is_complete(real_catalogue):
    catalogue = real_catalogue
    assert len(catalogue.elements) == 9
    assert [e.number for e in catalogue.elements.values()] == list(range(1, 10))
    # The report's fifteen projects in chapter 5, from fourteen municipalities; a project from another
    # source document may be added beside them.
    report = [p for p in catalogue.projects.values() if p.source == "evaluering"]
    assert [p.section for p in report] == [f"5.{n}" for n in range(2, 17)]
    assert len({p.municipality for p in report}) == 14
    for element in catalogue.elements.values():
        assert len(element.examples) == 2, element.id
        assert element.combines_with.elements, element.id
        assert element.projects.items, element.id


def test_real_asymmetries_are_warnings_not_errors(real_catalogue):
    catalogue = real_catalogue
    disagreeing = {(r.element.id, r.project.id) for r in catalogue.relations if not r.agreed}
    # The report's eleven disagreements (section 4.1 lists against chapter 5's main results).
    relation_warnings = [w for w in catalogue.warnings if "main result" in w.message]
    assert len(relation_warnings) == len(disagreeing) == 11
    # Two examples the report states: 4.1.4 omits Silkeborg, whose main result names the element;
    # 4.1.6 lists Helsingør, whose main result does not name it.
    assert (
        "tematiserede-foraeldrearrangementer",
        "maalrettet-samarbejde-mellem-foraeldre-sundhedsplejen-og-dagtilbud",
    ) in disagreeing
    assert ("styrkede-tvaerfaglige-moeder", "sammen-om-barnet") in disagreeing


def test_repeated_and_self_references_are_errors(minimal):

    edit(
        minimal / "data" / "elements.yaml",
        "      elements: [sprogkuffert]",
        "      elements: [sprogkuffert, hjemmebesoeg]",
    )
    edit(minimal / "data" / "projects.yaml", "      items: [sprogkuffert]", "      items: [sprogkuffert, sprogkuffert]")
    with pytest.raises(DataError) as caught:
        load_catalogue(minimal / "data")
    assert [p.format() for p in caught.value.problems] == [
        "data/elements.yaml:27:32: elements[0].combines_with.elements[1]: an element cannot be combined with itself",
        "data/projects.yaml:120:29: projects[1].elements.items[1]: duplicate element 'sprogkuffert' "
        "(first used at line 120)",
    ]


# --- each file parsed once while its text stays the same (what `mkdocs serve` relies on) ---------


@pytest.fixture
def parses(monkeypatch):
    """The data files the catalogue parses, in order."""
    parsed: list[str] = []
    real_load_text = catalogue_module.load_text

    def counted(text, shown):
        parsed.append(shown)
        return real_load_text(text, shown)

    monkeypatch.setattr(catalogue_module, "load_text", counted)
    return parsed


def test_unchanged_files_are_not_parsed_again(minimal, parses):
    first = load_catalogue(minimal / "data", minimal)
    parses.clear()
    (minimal / "data" / "projects.yaml").touch()  # a new time, the same text
    again = load_catalogue(minimal / "data", minimal)
    assert parses == []
    assert again.projects["sammen-i-nordby"] == first.projects["sammen-i-nordby"]


def test_a_changed_file_is_parsed_again_and_only_it(minimal, parses):
    load_catalogue(minimal / "data", minimal)
    parses.clear()
    edit(minimal / "data" / "projects.yaml", 'title: "Sammen i Nordby"', 'title: "Sammen i Nordbx"')
    catalogue = load_catalogue(minimal / "data", minimal)
    assert parses == ["data/projects.yaml"]
    assert catalogue.projects["sammen-i-nordby"].title == "Sammen i Nordbx"
    edit(minimal / "data" / "projects.yaml", 'title: "Sammen i Nordbx"', 'title: "Sammen i Nordby"')
    assert load_catalogue(minimal / "data", minimal).projects["sammen-i-nordby"].title == "Sammen i Nordby"


def test_a_file_broken_and_mended_reports_its_errors_each_time_until_mended(minimal):
    edit(minimal / "data" / "projects.yaml", "    pages: 6-7", "    pages: seks")
    for _ in range(2):  # the second time from the cache: the same located error
        with pytest.raises(DataError) as raised:
            load_catalogue(minimal / "data", minimal)
        assert any(p.file == "data/projects.yaml" and p.field == "projects[0].pages" for p in raised.value.problems)
    edit(minimal / "data" / "projects.yaml", "    pages: seks", "    pages: 6-7")
    assert load_catalogue(minimal / "data", minimal).projects["sammen-i-nordby"]


def test_the_same_text_in_another_project_is_reported_under_its_own_name(minimal, tmp_path):
    other = tmp_path / "other"
    (other / "data").mkdir(parents=True)
    for path in (minimal / "data").iterdir():
        if path.is_file():
            (other / "data" / path.name).write_bytes(path.read_bytes())
    load_catalogue(minimal / "data", minimal)
    edit(other / "data" / "projects.yaml", "    pages: 6-7", "    pages: seks")
    with pytest.raises(DataError) as raised:
        load_catalogue(other / "data", tmp_path)  # shown as other/data/projects.yaml, not data/projects.yaml
    assert {p.file for p in raised.value.problems} == {"other/data/projects.yaml"}
