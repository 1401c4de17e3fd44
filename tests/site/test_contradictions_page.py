"""The contradictions page (om/uoverensstemmelser.md), the contradictions on entry pages, and the Detaljer toggle.

Counts are taken from the data (the YAML and the catalogue), never written into the test.
"""

from __future__ import annotations

import typing
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
import yaml
from bs4 import BeautifulSoup

from generator.data.catalogue import load_catalogue
from generator.data.models import DiscrepancyKind
from generator.data.problems import DataError
from generator.pipeline import build_site
from generator.site.labels import DISCREPANCY_KIND_LABELS
from generator.site.pages.contradictions import all_contradictions, contradictions_pages
from generator.site.pages.programmes import programme_page
from generator.site.pages.projects import project_page
from generator.site.urls import CONTRADICTIONS_PATH, page_url

from ..helpers import ROOT, edit, html

ISHOEJ = "boern-og-familier-i-fokus"
SILKEBORG = "maalrettet-samarbejde-mellem-foraeldre-sundhedsplejen-og-dagtilbud"


def _yaml(name: str):
    return yaml.safe_load((ROOT / "data" / name).read_text(encoding="utf-8"))


def _recorded_in_the_yaml() -> list[dict]:
    """Every `discrepancies` entry of every data file, read from the YAML itself."""
    found = [d for p in _yaml("projects.yaml")["projects"] for d in p.get("discrepancies", [])]
    found += _yaml("evaluation.yaml")["evaluation"].get("discrepancies", [])
    found += _yaml("report.yaml")["report"].get("discrepancies", [])
    found += [d for p in _yaml("programmes.yaml")["programmes"] for d in p.get("discrepancies", [])]
    return found + _yaml("cases.yaml").get("discrepancies", [])


def _distinct(recorded: list[dict]) -> list[dict]:
    """The recorded contradictions, each once: one recorded on two entries alike (same topic, readings, note)
    is one contradiction."""
    seen = {}
    for d in recorded:
        seen.setdefault(yaml.safe_dump({k: v for k, v in d.items() if k != "id"}, sort_keys=True), d)
    return list(seen.values())


def _computed_count(catalogue) -> int:
    """The contradictions the site computes: table 1, maturity, names, element lists against main results."""
    projects = list(catalogue.projects.values())
    table1 = sum(1 for p in projects if p.table1.marks != len(p.partners) + len(p.daycare_types))
    maturity = sum(1 for p in projects if p.maturity.other_readings)
    names = sum(1 for p in projects if p.title_variants)
    names += sum(1 for e in catalogue.elements.values() if e.name_variants)
    lists = sum(1 for r in catalogue.relations if not r.agreed)
    return table1 + maturity + names + lists


@pytest.fixture(scope="module")
def page(real_catalogue):
    return contradictions_pages(real_catalogue)[0]


def test_the_page_lists_every_contradiction_of_the_data(real_catalogue, page):
    recorded = _distinct(_recorded_in_the_yaml())
    total = len(recorded) + _computed_count(real_catalogue)
    soup = html(page.markdown)
    entries = soup.find_all("h3")
    assert len(entries) == total == len(all_contradictions(real_catalogue))
    lead = soup.find("p", class_="kb-lead").get_text()
    assert f"imod {total} steder" in lead  # the first screen says how many
    text = soup.get_text(" ")
    for discrepancy in recorded:
        assert discrepancy["topic"] in text
        for reading in discrepancy["readings"]:
            assert reading["text"] in text, reading["text"][:60]
        assert discrepancy["note"] in text


def test_the_first_screen_counts_by_kind_and_each_kind_has_its_section(real_catalogue, page):
    soup = html(page.markdown)
    strip = {dt.get_text(): dt.find_next("dd").get_text() for dt in soup.find("dl", class_="kb-strip").find_all("dt")}
    by_kind = {}
    for item in all_contradictions(real_catalogue):
        by_kind[DISCREPANCY_KIND_LABELS[item.kind]] = by_kind.get(DISCREPANCY_KIND_LABELS[item.kind], 0) + 1
    assert {label: int(shown.split()[0]) for label, shown in strip.items()} == by_kind
    for kind, label in DISCREPANCY_KIND_LABELS.items():
        section = soup.find("h2", id=kind)
        if label not in by_kind:
            assert section is None
            continue
        headings = []
        for sibling in section.find_next_siblings():
            if sibling.name == "h2":
                break
            if sibling.name == "h3":
                headings.append(sibling)
        assert len(headings) == by_kind[label], label


def test_every_kind_of_the_data_has_a_label():
    assert set(DISCREPANCY_KIND_LABELS) == set(typing.get_args(DiscrepancyKind))


def test_every_place_a_contradiction_is_shown_has_its_anchor(real_catalogue):
    """Each link of the page points at a page that has the heading or section it names."""
    site_pages = {p.path: p.markdown for p in build_site(ROOT).pages}
    for item in all_contradictions(real_catalogue):
        assert item.shown, item.key
        for place in item.shown:
            assert place.path in site_pages, (item.key, place.path)
            markdown = site_pages[place.path]
            assert f"{{ #{place.anchor} }}" in markdown, (item.key, place.path, place.anchor)
            if place.anchor.startswith("uoverensstemmelse-"):
                assert item.topic in html(markdown).find(id=place.anchor).get_text(), item.key


def test_every_link_of_the_built_page_resolves(built):
    base = "http://site.invalid/"
    page_file = built / page_url(CONTRADICTIONS_PATH) / "index.html"
    soup = BeautifulSoup(page_file.read_text(encoding="utf-8"), "html.parser")
    article = soup.find("article")
    checked = 0
    ids: dict[Path, set[str]] = {}  # by target page, each parsed once
    for link in article.find_all("a", href=True):
        url = urlparse(urljoin(base + page_url(CONTRADICTIONS_PATH), link["href"]))
        if url.netloc != "site.invalid":
            continue
        target = built / url.path.lstrip("/")
        target = target / "index.html" if url.path.endswith("/") else target
        assert target.is_file(), link["href"]
        if url.fragment:
            if target not in ids:
                soup = BeautifulSoup(target.read_text(encoding="utf-8"), "html.parser")
                ids[target] = {tag["id"] for tag in soup.find_all(id=True)}
            assert url.fragment in ids[target], link["href"]
            checked += 1
    assert checked >= len(all_contradictions(load_catalogue(ROOT / "data")))


def test_the_page_is_in_the_navigation_after_the_sources():
    site = build_site(ROOT)
    about = next(section["Om"] for section in site.nav if "Om" in section)
    assert about.index(CONTRADICTIONS_PATH) == about.index("om/kilder.md") + 1


# --- the contradictions this change records ----------------------------------------------------------


def _readings(catalogue, project_id: str, discrepancy_id: str) -> list[str]:
    project = catalogue.projects[project_id]
    discrepancy = next(d for d in project.discrepancies if d.id == discrepancy_id)
    assert discrepancy.kind == "tidspunkter"
    return [f"{r.where} | {r.pages} | {r.text}" for r in discrepancy.readings]


def test_ishoej_records_both_times_of_the_overgangsmoede(real_catalogue):
    readings = _readings(real_catalogue, ISHOEJ, "overgangsmoedets-tidspunkt")
    assert any("4.1.8" in r and "| 43 |" in r and "fire uger efter at barnet er startet" in r for r in readings)
    assert any("5.7.3" in r and "| 87 |" in r and "nogle uger før barnets start" in r for r in readings)
    page = html(project_page(real_catalogue, real_catalogue.projects[ISHOEJ]).markdown)
    shown = page.find(id="uoverensstemmelse-overgangsmoedets-tidspunkt").find_next("div", class_="admonition")
    assert "fire uger efter" in shown.get_text() and "nogle uger før" in shown.get_text()


def test_the_element_page_of_the_practice_example_points_to_the_contradiction(built):
    soup = BeautifulSoup((built / "elementer" / "overgangsmoeder" / "index.html").read_text(), "html.parser")
    example = soup.find(id="praksiseksempel-1")
    warning = example.find_next("div", class_="admonition")
    assert warning.find_previous(["h2", "h3"]) is example  # under the Ishøj example, before the next one
    assert warning.find("a")["href"].endswith("#uoverensstemmelse-overgangsmoedets-tidspunkt")


@pytest.mark.parametrize(
    "discrepancy_id,text_says,table_says",
    [
        ("fokusmoedernes-kadence", "fokusmøder hver anden uge", "Tre møder om måneden med ét barn"),
        ("foraeldremoedernes-kadence", "fire årlige forældremøder", "En til to gange årligt med ca. 30 børn"),
    ],
)
def test_silkeborg_records_the_text_and_table_17(real_catalogue, discrepancy_id, text_says, table_says):
    readings = _readings(real_catalogue, SILKEBORG, discrepancy_id)
    assert any("5.15.3" in r and "| 136 |" in r and text_says in r for r in readings)
    assert any("tabel 17" in r and "| 138 |" in r and r.endswith(table_says) for r in readings)
    cadences = [c.cadence for c in real_catalogue.projects[SILKEBORG].cost.columns]
    assert table_says in cadences  # the reading is the very cell the table shows


def test_a_contradiction_recorded_on_both_hjoerring_projects_is_listed_once_with_both_pages(real_catalogue, page):
    """Tabel 7 and Tabel 8 give the learning kits different prices; each Hjørring project shows it, the list once."""
    projects = ["styrket-samarbejde-et-godt-boerneliv", "dannelse-en-rygsaek-for-livet"]
    for project_id in projects:
        shown = html(project_page(real_catalogue, real_catalogue.projects[project_id]).markdown)
        text = shown.find(id="uoverensstemmelse-laeringskufferternes-pris").find_next("div", class_="admonition")
        assert "441.000 kr." in text.get_text() and "490.000 kr." in text.get_text()
    listed = [c for c in all_contradictions(real_catalogue) if c.topic.startswith("Hvad kostede materialet")]
    assert len(listed) == 1
    assert [p.path for p in listed[0].shown] == [f"puljeprojekter/{p}.md" for p in projects]
    headings = [h for h in html(page.markdown).find_all("h3") if "1.000 læringskufferter" in h.get_text()]
    assert len(headings) == 1


def test_the_table_1_contradictions_are_those_check_prints(real_catalogue):
    from generator.data.contradictions import table1_named

    differing = [p for p in real_catalogue.projects.values() if table1_named(p) != p.table1.marks]
    computed = [c for c in all_contradictions(real_catalogue) if c.key.startswith("tabel-1-")]
    assert [c.key for c in computed] == [f"tabel-1-{p.id}" for p in differing]
    assert len(differing) == 5
    for project in differing:
        page = html(project_page(real_catalogue, project).markdown)
        section = page.find(id="uoverensstemmelse-tabel-1").find_next("div", class_="admonition").get_text()
        assert f"{project.table1.marks} krydser" in section and f"{table1_named(project)}:" in section


def test_a_table_1_difference_appears_and_goes_with_the_data(minimal):
    def entries() -> list[str]:
        page = contradictions_pages(load_catalogue(minimal / "data"))[0]
        return [h["id"] for h in html(page.markdown).find_all("h3")]

    assert "tabel-1-sammen-i-nordby" not in entries()
    edit(minimal / "data" / "projects.yaml", "table1: {pages: 1, marks: 4}", "table1: {pages: 1, marks: 3}")
    assert "tabel-1-sammen-i-nordby" in entries()


def test_a_discrepancy_needs_a_known_kind(minimal):
    discrepancy = (
        '    discrepancies:\n      - id: x\n        kind: {kind}\n        topic: "Emne"\n        readings:\n'
        '          - {{where: "a", text: "A"}}\n          - {{where: "b", text: "B"}}\n        note: "N"\n'
    )
    projects = minimal / "data" / "projects.yaml"
    original = projects.read_text(encoding="utf-8")
    edit(projects, "    activities:\n", discrepancy.format(kind="tal") + "    activities:\n")
    assert [c.kind for c in all_contradictions(load_catalogue(minimal / "data")) if c.key == "sammen-i-nordby-x"] == [
        "tal"
    ]
    projects.write_text(original, encoding="utf-8")
    edit(projects, "    activities:\n", discrepancy.format(kind="andet") + "    activities:\n")
    with pytest.raises(DataError) as caught:
        load_catalogue(minimal / "data")
    message = "\n".join(p.format() for p in caught.value.problems)
    assert "data/projects.yaml:" in message and "kind" in message and "tidspunkter" in message


# --- the Detaljer toggle -----------------------------------------------------------------------------


def test_the_notes_for_maintainers_are_folded_behind_detaljer(real_catalogue):
    with_notes = [p for p in real_catalogue.projects.values() if p.cost and p.cost.notes]
    assert with_notes
    for project in with_notes:
        soup = html(project_page(real_catalogue, project).markdown)
        top = ("kb-brief", "kb-first-steps")  # besides the folded reasons of "Kort fortalt" and the first steps
        details = [d for d in soup.find_all("details") if not any(d.find_parent(class_=c) for c in top)]
        assert len(details) == 1, project.id
        assert details[0].find("summary").get_text().startswith("Detaljer")
        folded = [li.get_text() for li in details[0].find_all("li")]
        assert len(folded) == len(project.cost.notes), project.id
        outside = [li.get_text() for li in soup.find_all("li") if li.find_parent("details") is None]
        for note in project.cost.notes:
            assert note in folded and note not in outside, (project.id, note[:40])
    programme = real_catalogue.programmes["boerneliv-i-sund-balance"]
    notes = [m.note for m in programme.municipalities if m.note]
    soup = html(programme_page(real_catalogue, programme).markdown)
    assert [d.find("li").get_text() for d in soup.find_all("details")] == notes


def test_the_toggle_is_native_html_in_the_built_site(built):
    """No script needed: a <details> whose first child is its <summary>, with the notes as a list inside."""
    soup = BeautifulSoup((built / "puljeprojekter" / "det-sunde-liv" / "index.html").read_text(), "html.parser")
    details = soup.find("details", class_="kb-details")
    assert details is not None and details.get("open") is None  # folded until opened
    assert details.find(True).name == "summary"
    assert details.find("ul") is not None and "markdown" not in details.attrs
