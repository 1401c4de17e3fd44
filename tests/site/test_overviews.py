"""The two overviews: headline badges, filter choices, sort keys and the stated range rule, worked out by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.data.catalogue import load_catalogue
from generator.data.problems import DataError
from generator.domain.costs import CostRange
from generator.domain.overview import range_key, sort_order
from generator.site.pages.overviews import RANGE_RULE, elements_index_page, projects_index_page

from ..helpers import edit, html


def test_range_sort_rule_is_lower_end_then_upper_end_missing_last():
    a, b, c = CostRange(Decimal(100), Decimal(900), False), CostRange(Decimal(100), Decimal(300), False), None
    d = CostRange(Decimal(50), Decimal(5000), False)
    assert sort_order([range_key(r) for r in (a, b, c, d)]) == [3, 1, 0, 2]
    assert sort_order([range_key(r, descending=True) for r in (a, b, c, d)]) == [0, 1, 3, 2]
    assert range_key(a) == (Decimal(100), Decimal(900))


def test_element_cards_have_badges_cost_range_and_filters(real_catalogue):
    soup = html(elements_index_page(real_catalogue).markdown)
    cards = soup.find(id="kb-elements")("section", recursive=False)
    assert len(cards) == len(real_catalogue.elements)
    home = cards[0]
    # Element 1 by hand: its four costed activities (tabel 4 Overgangssamtaler 1.099 kr., Helsingør's
    # Hjemmebesøg 3.063 kr., Ishøj's Forældretræning 1.298 kr., Vejle's Indsatser i hjemmet 2.191 kr.).
    facts = {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in home("dt")}
    assert facts["Kr. pr. barn"] == "1.099–3.063 kr."
    assert home["data-sort-pris"] == "1099 3063" and home["data-sort-pris-hoej"] == "-1099 -3063"
    badges = [li.get_text(" ", strip=True) for li in home.find("ul", class_="kb-badges")("li")]
    assert badges[1:] == [
        "Modenhed 6 modnet",
        "Puljeprojekter 6",
        "Personale Pædagogisk personale, Pædagogisk leder, Vikarer, Samarbejdspartner",
    ]
    assert badges[0].startswith("Prisniveau ")
    assert "sitets" in RANGE_RULE and RANGE_RULE in soup.get_text()
    form = soup.find("form", class_="kb-overview-form")
    assert [s["name"] for s in form("select")] == ["dagtilbud", "maalgruppe", "formaal", "sort"]


def test_project_rows_have_badges_and_the_purpose_words_page(real_catalogue):
    soup = html(projects_index_page(real_catalogue).markdown)
    row = soup.find("table", id="kb-projects").tbody.tr  # Frederikshavn, 5.2
    badges = [li.get_text(" ", strip=True) for li in row.find("ul", class_="kb-badges")("li")]
    assert badges[1:] == [
        "Modenhed Modnet",
        "Elementer 3",
        "Personale Pædagogisk personale, Pædagogisk leder, Vikarer, Samarbejdspartner",
    ]
    assert row["data-formaal"] == "laering trivsel" and row["data-maalgruppe"] == "universel"
    assert row.find("td", attrs={"data-label": "Formål"}).get_text() == "Læring, Trivsel (s. 59)"
    # Each row's "Sammenlign" checkbox names its project and sends it to the comparison page's form.
    choice = row.find("label", class_="kb-compare-choice")
    assert not choice.has_attr("hidden") and choice.input["value"] == "styrket-deltagende-foraeldresamarbejde"
    assert choice.input["form"] == "kb-compare-projects" and choice.input["name"] == "id"
    assert not soup.find("form", id="kb-compare-projects").has_attr("hidden")
    rows = soup.find("table", id="kb-projects").tbody("tr")
    ishoj = next(r for r in rows if "Børn og familier i fokus" in r.th.a.text)
    assert ishoj["data-maalgruppe"] == "universel maalrettet"  # found under both filters


def test_outcome_words_must_stand_in_the_purpose_sentence(real):
    edit(real / "data" / "projects.yaml", 'words: "læring"', 'words: "leg"')
    with pytest.raises(DataError) as caught:
        load_catalogue(real / "data")
    (problem,) = [p.format() for p in caught.value.problems]
    assert problem.startswith("data/projects.yaml:") and "outcomes[0].words" in problem
    assert "'leg' is not in this project's `purpose` text" in problem
