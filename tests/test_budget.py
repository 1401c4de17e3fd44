"""The budget arithmetic (generator/budget.py); the calculator's script follows the same rules."""

from decimal import Decimal

import pytest

from generator.budget import Line, budget_activities, totals
from generator.catalogue import load_catalogue
from generator.economy import budget_page, script_json

from .helpers import ROOT, html


@pytest.fixture(scope="module")
def activities():
    catalogue = load_catalogue(ROOT / "data")
    return {a.key: a for a in budget_activities(list(catalogue.projects.values()))}


def test_totals_follow_the_stated_rules(activities):
    overgang = activities["styrket-deltagende-foraeldresamarbejde-1"]  # 1.099 kr., 2,25/0/1/0,25 h, 5.543 kr.
    cafe = activities["styrket-deltagende-foraeldresamarbejde-3"]  # 232 kr., 6/2/0/1,5 h, 2.876 kr.
    lines = [Line(overgang, children=10, times=1), Line(cafe, children=15, times=4)]
    result = totals(lines)
    assert result.running == Decimal(1099 * 10 + 232 * 15 * 4) == Decimal(24910)
    assert result.establishment == Decimal(5543 + 2876)
    assert result.hours == {
        "paedagogisk_personale": Decimal("26.25"),
        "paedagogisk_leder": Decimal(8),
        "vikarer": Decimal(1),
        "samarbejdspartner": Decimal("6.25"),
    }
    two = totals(lines, daycares=2, factor=Decimal("1.10"), have_materials=True)
    assert two.running == Decimal(24910 * 2) * Decimal("1.10")
    assert two.establishment == 0
    assert two.hours["paedagogisk_personale"] == Decimal("52.5")


def test_every_activity_with_a_cost_per_child_can_be_budgeted(activities):
    assert len(activities) == 49
    assert "laesevenner-1" not in activities


def test_budget_data_cannot_end_its_script_element():
    text = script_json({"label": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text


def test_budget_page_lists_every_activity_and_explains_itself_without_script():
    catalogue = load_catalogue(ROOT / "data")
    page = html(budget_page(catalogue).markdown)
    assert len(page.find_all("input", attrs={"name": "activity"})) == 49
    assert page.find("form", id="kb-budget").has_attr("hidden")
    assert "Beregneren kræver JavaScript" in page.find("div", class_="kb-nojs").get_text()
