"""The home page: three doors for a decision and the key figures, every number counted from the data."""

from __future__ import annotations

from decimal import Decimal

from generator.site.pages.home import home_page, key_figures
from generator.site.urls import BUDGET_PATH, ELEMENTS_PATH, PROJECTS_COMPARE_PATH

from ..helpers import html


def test_key_figures_match_the_report_worked_by_hand(real_catalogue):
    figures = key_figures(real_catalogue)
    # Chapter 3: "14 modnede eller delvist modnede" of the 15, of which "to ... kun delvist modnede".
    assert (figures.projects, figures.municipalities, figures.elements) == (15, 14, 9)
    assert figures.maturity == [("Modnet", 12), ("Delvist modnet", 2), ("Ikke modnet", 1)]
    assert figures.costed == 51  # the cost columns of tables 4-17, as on Økonomi
    low, high = figures.spread
    # The lowest cost per child in the tables is 85 kr. (tabel 16, Krop, sans og følelser), the highest
    # 11.523 kr. (tabel 12, Overgangsforløb).
    assert (low.per_child, high.per_child) == (Decimal(85), Decimal(11523))
    assert (figures.phases.periods[0].dates, figures.phases.periods[-1].dates) == (
        "Maj 2019-sep. 2020",
        "Mar. 2022-sep. 2022",
    )


def test_the_page_opens_with_three_doors_and_the_key_figures(real_catalogue):
    soup = html(home_page(real_catalogue).markdown)
    doors = soup.find("nav", class_="kb-doors")
    # The home page is at the root: a link to a page is its path. The comparison and the budget are one click away.
    assert [a["href"] for a in doors.find_all("a")] == [ELEMENTS_PATH, PROJECTS_COMPARE_PATH, BUDGET_PATH]
    terms, values = soup.select(".kb-key-figures dt"), soup.select(".kb-key-figures dd")
    figures = {dt.get_text(): dd.get_text(" ", strip=True) for dt, dd in zip(terms, values, strict=True)}
    assert figures["Puljeprojekter"].startswith("15 i 14 kommuner · 12 modnet, 2 delvist modnet, 1 ikke modnet")
    assert figures["Pr. barn pr. aktivitet"].startswith("85 kr. – 11.523 kr. (sitets beregning")
    assert figures["Evalueringens dataperioder"] == "Første: Maj 2019-sep. 2020 · sidste: Mar. 2022-sep. 2022"
    assert "tabel 2, s. 12 (dataperioderne)" in soup.find("p", class_="kb-source").get_text()


def test_the_key_figures_follow_the_data(minimal):
    from generator.data.catalogue import load_catalogue

    catalogue = load_catalogue(minimal / "data")
    figures = key_figures(catalogue)
    soup = html(home_page(catalogue).markdown)
    text = soup.select_one(".kb-key-figures").get_text(" ", strip=True)
    assert f"{figures.projects} i {figures.municipalities} kommuner" in text
    assert f"Aktiviteter med omkostninger {figures.costed} " in text
