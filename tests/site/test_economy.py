"""The Økonomi page and the cost CSV: every costed activity once, with the report's figures."""

from __future__ import annotations

import csv
import io
from decimal import Decimal

import pytest

from generator.data.catalogue import load_catalogue
from generator.domain.costs import Bands, cost_rows
from generator.output.downloads import HEADERS, cost_csv
from generator.site.labels import band_label
from generator.site.pages.economy import economy_page

from ..helpers import ROOT, html, load_yaml


@pytest.fixture
def catalogue(real_catalogue):
    return real_catalogue


def _cell(value) -> str:
    """What the CSV's number column holds: the number (the site's reading of an irregular cell), or nothing."""
    text = value if isinstance(value, str) else value.get("reading") or ""
    return "" if text == "-" else text.removesuffix(" kr.")


def test_csv_reads_back_as_the_yaml(catalogue):
    data = cost_csv(catalogue)
    assert data.startswith("\ufeff".encode())  # Danish Excel needs the BOM to read UTF-8
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == HEADERS
    expected = []
    for project in load_yaml(ROOT / "data" / "projects.yaml")["projects"]:
        for part in (project.get("cost") or {}).get("parts", []):
            for column in part["columns"]:
                hours = column["hours"]
                expected.append(
                    [project["title"], column["label"]]
                    + [
                        _cell(hours[k])
                        for k in ("paedagogisk_personale", "paedagogisk_leder", "vikarer", "samarbejdspartner")
                    ]
                    + [_cell(column["establishment"]), _cell(column["cost_per_child"])]
                )
    got = [[r[1], r[5], r[9], r[10], r[11], r[12], r[13], r[15]] for r in rows[1:]]
    assert got == expected
    assert len(got) == 51
    assert all(r[-1] == "2022-priser" for r in rows[1:])


def test_every_costed_activity_appears_once_on_the_page(catalogue):
    page = html(economy_page(catalogue).markdown)
    table = page.find("table", id="kb-costs")
    rows = table.tbody("tr")
    assert len(rows) == len(cost_rows(list(catalogue.projects.values()))) == 51
    assert {r["data-project"] for r in rows} == {p.id for p in catalogue.projects.values() if p.cost}
    frederikshavn = [r for r in rows if r["data-project"] == "styrket-deltagende-foraeldresamarbejde"]
    assert [r("td", attrs={"data-sort": True})[-2].get_text() for r in frederikshavn] == ["1.099", "1.269", "232"]
    sites = [r("td", attrs={"data-sort": True})[-1] for r in frederikshavn]  # the site's calculation, and a link
    assert sites[2].get_text(" ") == "3.480 kr. pr. afholdelse for 15 familier 696–928 kr. pr. barn pr. år Læg i budget"
    assert sites[2].a["href"] == "budget/?a=styrket-deltagende-foraeldresamarbejde-3"  # from oekonomi/


def test_bands_split_the_costs_in_fifths_and_ties_share_a_band():
    values = [Decimal(v) for v in (100, 200, 300, 400, 500, 600, 700, 800, 900, 1000)]
    bands = Bands.of(values)
    assert bands.thresholds == [Decimal(300), Decimal(500), Decimal(700), Decimal(900)]
    assert [band_label(bands, v) for v in values] == ["Meget lav"] * 2 + ["Lav"] * 2 + ["Middel"] * 2 + ["Høj"] * 2 + [
        "Meget høj"
    ] * 2
    assert band_label(Bands.of([Decimal(5)] * 4), Decimal(5)) == "Meget høj"  # all equal: one band


def test_page_shows_the_reports_spread_beside_the_tables(catalogue):
    text = html(economy_page(catalogue).markdown).get_text(" ", strip=True)
    assert "fra 90 kr. til 4.800 kr." in text
    assert "fra 85 kr." in text and "til 11.523 kr." in text
    assert "Tallene er ikke de samme" in text


def test_page_explains_how_the_costs_were_estimated(catalogue):
    page = html(economy_page(catalogue).markdown)
    method = page.find("h2", string="Sådan er omkostningerne beregnet").find_next("table")
    text = method.get_text(" ", strip=True)
    for phrase in ("1.600 timer", "et overhead på 20%", "SIRKA-database", "2022-priser", "transporttid"):
        assert phrase in text


def test_element_page_shows_the_cost_range_of_its_activities(catalogue):
    from generator.site.pages.elements import element_page

    element = catalogue.elements["overgangsmoeder"]
    costs = catalogue.activity_costs(element)
    values = sorted(c.column.cost_per_child.value for c in costs if c.column.cost_per_child.value is not None)
    assert values, "some activity is mapped to Overgangsmøder"
    page = html(element_page(catalogue, element).markdown)
    section = page.find("h2", string="Omkostninger")
    text = " ".join(section.find_next("p").get_text(" ").split())
    low, high = values[0], values[-1]
    assert f"fra {low:,.0f}".replace(",", ".") in text and f"til {high:,.0f}".replace(",", ".") in text
    rows = section.find_next("table").tbody("tr")
    assert len(rows) == len(costs)
    bases = {c.link.basis for c in costs}
    assert ("Sitets vurdering" in section.find_next("table").get_text()) == ("redaktionel" in bases)


def test_an_activity_can_only_map_to_an_element_its_project_is_linked_to(real):
    from generator.data.problems import DataError

    from ..helpers import edit

    mapping = '\n        elements:\n          - {element: overgangsmoeder, basis: redaktionel, note: "Nej."}'
    edit(real / "data" / "projects.yaml", '        name: "Læseven"', '        name: "Læseven"' + mapping)
    with pytest.raises(DataError) as caught:
        load_catalogue(real / "data")
    assert any("'laesevenner' is not linked to element 'overgangsmoeder'" in p.format() for p in caught.value.problems)
