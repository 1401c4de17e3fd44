"""The budget arithmetic (generator/domain/budget.py); the calculator's script follows the same rules."""

import json
from decimal import Decimal

import pytest

from generator.domain.budget import (
    EMPTY,
    INPUTS,
    NEGATIVE,
    NOT_A_NUMBER,
    NOT_WHOLE,
    OUT_OF_RANGE,
    Line,
    budget_activities,
    parse_number,
    totals,
)
from generator.site.labels import STAFF_LABELS as HOUR_ROWS
from generator.site.pages.base import script_json
from generator.site.pages.budget import GROUP_COUNT, LINE_FIELDS, budget_page

from ..helpers import ROOT, html


@pytest.fixture(scope="module")
def activities(real_catalogue):
    catalogue = real_catalogue
    return {a.key: a for a in budget_activities(list(catalogue.projects.values()))}


def test_totals_follow_the_stated_rules(activities):
    overgang = activities["styrket-deltagende-foraeldresamarbejde-1"]  # 1.099 kr., 2,25/0/1/0,25 h, 5.543 kr.
    cafe = activities["styrket-deltagende-foraeldresamarbejde-3"]  # 232 kr. for 15 familier, 6/2/0/1,5 h, 2.876 kr.
    assert (overgang.per_group, overgang.occurrence_cost, overgang.default_times) == (False, 1099, 1)
    assert (cafe.per_group, cafe.occurrence_cost, cafe.default_times) == (True, 232 * 15, 4)  # "tre til fire gange"
    # 10 children in one daycare, once each; one café group in each of two daycares, four times a year.
    lines = [Line(overgang, count=10, times=1), Line(cafe, count=1, times=4, daycares=2)]
    assert [line.occurrences for line in lines] == [10, 8]
    result = totals(lines)
    assert result.running == Decimal(1099 * 10 + 3480 * 8) == Decimal(38830)
    assert result.establishment == Decimal(5543 + 2876)
    assert result.occurrences == 18
    assert result.hours == {  # the same occurrences: 10 × the meeting's hours, 8 × the café's
        "paedagogisk_personale": Decimal("2.25") * 10 + 6 * 8,
        "paedagogisk_leder": Decimal(2 * 8),
        "vikarer": Decimal(1 * 10),
        "samarbejdspartner": Decimal("0.25") * 10 + Decimal("1.5") * 8,
    }
    two = totals(lines, factor=Decimal("1.10"), have_materials=True)
    assert two.running == Decimal(38830) * Decimal("1.10")
    assert two.establishment == 0
    assert two.hours == result.hours  # the price factor is for kroner only


def test_one_child_at_a_group_activity_costs_the_whole_occurrence(activities):
    """At one group the cost is the occurrence's (15 families × 232 kr.) and so are the hours: they agree."""
    cafe = activities["styrket-deltagende-foraeldresamarbejde-3"]
    one = totals([Line(cafe, count=1, times=1)])
    assert one.running == 3480 and one.hours["paedagogisk_personale"] == 6
    hundred = totals([Line(cafe, count=100, times=1)])
    assert hundred.running == 348000 and hundred.hours["paedagogisk_personale"] == 600


def test_an_establishment_cost_a_table_repeats_is_counted_once_per_project(real_catalogue, activities):
    shared = [a for a in activities.values() if a.row.column.establishment_shared]
    assert shared, "the data marks the repeated establishment costs (Tabel 14 and 17)"
    by_project: dict[str, list] = {}
    for activity in shared:
        by_project.setdefault(activity.establishment_key, []).append(activity)
    for same in by_project.values():
        assert len(same) >= 2
        amount = same[0].row.column.establishment.value
        assert totals([Line(a, count=1, times=1) for a in same]).establishment == amount
    unshared = [a for a in activities.values() if not a.row.column.establishment_shared][:2]
    expected = sum(a.row.column.establishment.value or 0 for a in unshared)
    assert totals([Line(a, count=1, times=1) for a in unshared]).establishment == expected


def test_every_activity_with_a_cost_per_child_can_be_budgeted(activities):
    assert len(activities) == 47  # 49 with a cost per child; 2 without a reading of their group (Tønder, Vejle)
    assert "laesevenner-1" not in activities


def test_budget_data_cannot_end_its_script_element():
    text = script_json({"label": "</script><script>alert(1)</script> & more"})
    assert "<" not in text and ">" not in text and "&" not in text


def test_budget_page_lists_every_activity_and_explains_itself_without_script(real_catalogue):
    catalogue = real_catalogue
    page = html(budget_page(catalogue).markdown)
    assert len(page.find_all("input", attrs={"name": "activity"})) == 47
    assert page.find("form", id="kb-budget").has_attr("hidden")
    assert "Beregneren kræver JavaScript" in page.find("div", class_="kb-nojs").get_text()


# What a user may type, field by field, and what it means: a number, or why it is refused.
# tests/browser/test_browser_budget.py types every case into the calculator and expects the same.
PARSE_CASES = [
    ("1,05", "factor", Decimal("1.05")),
    ("1.05", "factor", Decimal("1.05")),
    ("1.000", "factor", Decimal(1)),  # no thousands separators: a factor is a small number
    ("0,01", "factor", Decimal("0.01")),
    (" 1,2\t", "factor", Decimal("1.2")),
    ("12", "count", Decimal(12)),
    ("007", "times", Decimal(7)),
    ("0", "count", Decimal(0)),
    ("10000", "daycares", Decimal(10000)),
    ("", "daycares", EMPTY),
    ("   ", "count", EMPTY),
    ("-1", "factor", NEGATIVE),
    ("\u22122", "times", NEGATIVE),  # the real minus sign
    ("- 3", "count", NEGATIVE),
    ("1,5", "count", NOT_WHOLE),
    ("1.000", "daycares", NOT_WHOLE),  # refused, not guessed: one, or a thousand?
    ("1e9", "count", NOT_A_NUMBER),
    ("1e9", "factor", NOT_A_NUMBER),
    ("0x10", "times", NOT_A_NUMBER),
    ("+5", "count", NOT_A_NUMBER),
    ("5 000", "daycares", NOT_A_NUMBER),
    ("Infinity", "factor", NOT_A_NUMBER),
    ("NaN", "factor", NOT_A_NUMBER),
    ("1,2,3", "factor", NOT_A_NUMBER),
    ("1,", "factor", NOT_A_NUMBER),
    ("\u0661\u0662", "count", NOT_A_NUMBER),  # digits of another script
    ("toString", "times", NOT_A_NUMBER),
    ("0", "daycares", OUT_OF_RANGE),
    ("1001", "times", OUT_OF_RANGE),
    ("10,5", "factor", OUT_OF_RANGE),
    ("0", "factor", OUT_OF_RANGE),
    ("99999999999999999999999", "count", OUT_OF_RANGE),
]


@pytest.mark.parametrize(("text", "field", "expected"), PARSE_CASES)
def test_parse_number_reads_only_what_it_understands(text, field, expected):
    parsed = parse_number(text, INPUTS[field])
    if isinstance(expected, Decimal):
        assert (parsed.value, parsed.problem) == (expected, None)
    else:
        assert (parsed.value, parsed.problem) == (None, expected)


def test_input_rules_reach_the_script(real_catalogue):
    catalogue = real_catalogue
    page = html(budget_page(catalogue).markdown)
    data = json.loads(page.find("script", id="kb-budget-data").string)
    assert data["inputs"] == {
        name: {"whole": rule.whole, "minimum": str(rule.minimum), "maximum": str(rule.maximum)}
        for name, rule in INPUTS.items()
    }
    assert data["problems"]["factor"]["out-of-range"] == "Skriv et tal fra 0,01 til 10."
    field = page.find("input", attrs={"name": "factor"})  # a text field: the script, not the browser, reads it
    assert field["type"] == "text" and page.find(id="kb-budget-factor-error") is not None


def test_the_script_gets_its_figures_and_staff_groups_from_the_page(real_catalogue, activities):
    catalogue = real_catalogue
    page = html(budget_page(catalogue).markdown)
    data = json.loads(page.find("script", id="kb-budget-data").string)
    assert data["groups"] == list(HOUR_ROWS)
    outputs = [o["name"] for o in page.find("section", class_="kb-budget-result").find_all("output")]
    assert outputs == ["running", "establishment", "occurrences", *HOUR_ROWS]
    overgang = next(a for a in data["activities"] if a["key"] == "styrket-deltagende-foraeldresamarbejde-1")
    assert overgang["occurrence_cost"] == "1099" and overgang["establishment"] == "5543"
    assert overgang["hours"]["paedagogisk_personale"] == "2.25"  # exact decimal text, not a float
    assert overgang["label"] == "Overgangssamtaler" and ": " in overgang["project"]
    cafe = next(a for a in data["activities"] if a["key"] == "styrket-deltagende-foraeldresamarbejde-3")
    assert (cafe["occurrence_cost"], cafe["per_group"], cafe["times"]) == ("3480", True, "4")
    assert [a["key"] for a in data["activities"]] == list(activities)
    script = (ROOT / "content/assets/javascripts/budget.js").read_text(encoding="utf-8")
    copied = [*HOUR_ROWS, *HOUR_ROWS.values(), *LINE_FIELDS.values(), GROUP_COUNT, "Skriv et tal", "familier"]
    assert [text for text in copied if text in script] == []  # nothing the data gives is copied into the script


def test_every_staff_group_has_its_label_in_order():
    from generator.domain.costs import STAFF_GROUPS

    assert tuple(HOUR_ROWS) == STAFF_GROUPS  # HOUR_ROWS is site.labels.STAFF_LABELS
