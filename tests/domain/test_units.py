"""Decision units: the site's reading of each cost column's cadence and what follows from it.

Each case is worked out by hand from the report's table (the cells are quoted in the comments) and
the site's reading of "Kadence og børn involveret"; the figures are the site's calculation (bilag
6.2.3: the cost is what one occurrence costs for a given number of children, per child; the hours are
one occurrence's). The calculator in Chromium is checked against the same figures at the end.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from generator.domain.budget import Line, totals, unbudgeted
from generator.domain.units import Interval, unit_figures, whole_kroner
from generator.site.pages.budget import budget_page

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture then skips the tests (or fails them in CI)
    expect = None


def column(catalogue, project_id: str, label: str):
    return next(c for c in catalogue.projects[project_id].cost.columns if c.label == label)


# (project, column label) -> (group, times, per; per occurrence kr.; per child per period kr.;
#                             hours per occurrence; hours per child per period), all worked out by hand.
HAND = {
    # Tabel 4: "Ét møde per barn"; 1.099 kr.; 2,25 + 0 + 1 + 0,25 = 3,5 hours.
    ("styrket-deltagende-foraeldresamarbejde", "Overgangssamtaler"): (
        (1, 1),
        (1, 1),
        "forloeb",
        Interval(D(1099), D(1099)),
        Interval(D(1099), D(1099)),
        D("3.5"),
        Interval(D("3.5"), D("3.5")),
    ),
    # Tabel 4: "Tre til fire gange årligt for 15 familier"; 232 kr.; 6 + 2 + 0 + 1,5 = 9,5 hours.
    # One café: 15 × 232 = 3.480 kr.; a child's year: 3 × 232 = 696 to 4 × 232 = 928 kr.;
    # hours per child: 9,5 × 3 / 15 = 1,9 to 9,5 × 4 / 15 = 2,533...
    ("styrket-deltagende-foraeldresamarbejde", "Forældrecaféer"): (
        (15, 15),
        (3, 4),
        "aar",
        Interval(D(3480), D(3480)),
        Interval(D(696), D(928)),
        D("9.5"),
        Interval(D("1.9"), D("9.5") * 4 / 15),
    ),
    # Tabel 6: "Et månedligt besøg i otte måneder per barn"; 3.063 kr.; 2,5 + 0 + 2,5 + 4,5 = 9,5 hours.
    # A course: 8 × 3.063 = 24.504 kr. and 8 × 9,5 = 76 hours per child.
    ("sammen-om-barnet", "Hjemmebesøg"): (
        (1, 1),
        (8, 8),
        "forloeb",
        Interval(D(3063), D(3063)),
        Interval(D(24504), D(24504)),
        D("9.5"),
        Interval(D(76), D(76)),
    ),
    # Tabel 6: "Én gang om måneden for 4-5 børn (gennemsnit)"; 420 kr.; 3 + 0 + 0 + 3 = 6 hours.
    # One meeting: 4 × 420 = 1.680 to 5 × 420 = 2.100 kr.; a child's year: 12 × 420 = 5.040 kr.;
    # hours per child: 6 × 12 / 5 = 14,4 to 6 × 12 / 4 = 18.
    ("sammen-om-barnet", "Rådgiver i dagtilbud"): (
        (4, 5),
        (12, 12),
        "aar",
        Interval(D(1680), D(2100)),
        Interval(D(5040), D(5040)),
        D(6),
        Interval(D("14.4"), D(18)),
    ),
    # Tabel 10: "To gange årligt for 8 børn"; 510 kr.; 12 + 0 + 0 + 0 = 12 hours.
    # One screening round: 8 × 510 = 4.080 kr.; a child's year: 2 × 510 = 1.020 kr.; 12 × 2 / 8 = 3 hours.
    ("trivsel-i-dagtilbud", "TOPI dagtilbud"): (
        (8, 8),
        (2, 2),
        "aar",
        Interval(D(4080), D(4080)),
        Interval(D(1020), D(1020)),
        D(12),
        Interval(D(3), D(3)),
    ),
    # Tabel 10: "Hver 14. dag for 2 børn"; 1.456 kr.; 2,5 + 1,75 + 0 + 3,5 = 7,75 hours.
    # 52 weeks / 2 = 26 meetings a year; one meeting 2 × 1.456 = 2.912 kr.; a child's year 26 × 1.456 =
    # 37.856 kr.; hours per child 7,75 × 26 / 2 = 100,75.
    ("trivsel-i-dagtilbud", "Trivselsteam"): (
        (2, 2),
        (26, 26),
        "aar",
        Interval(D(2912), D(2912)),
        Interval(D(37856), D(37856)),
        D("7.75"),
        Interval(D("100.75"), D("100.75")),
    ),
}


@pytest.mark.parametrize("where", list(HAND), ids=[label for _, label in HAND])
def test_unit_figures_match_the_hand_worked_examples(real_catalogue, where):
    group, times, per, occurrence, period, hours, period_hours = HAND[where]
    figures = unit_figures(column(real_catalogue, *where))
    unit = figures.unit
    assert (unit.group.low, unit.group.high) == group
    assert (unit.times.low, unit.times.high) == times and unit.per == per
    assert figures.per_occurrence == occurrence
    assert figures.per_child_period == period
    assert figures.hours_per_occurrence == hours
    assert figures.hours_per_child_period == period_hours


def test_a_costed_column_without_a_reading_of_its_group_says_why_and_stays_out_of_the_calculator(real_catalogue):
    """Every costed column has the site's reading of its cadence, except where the report never says how
    many children one occurrence is for; those carry a caveat and the calculator lists them as left out."""
    projects = list(real_catalogue.projects.values())
    missing = unbudgeted(projects)
    assert [(row.project.id, row.column.label) for row in missing] == [
        ("smaaboernstrampolinen", "Gruppeforløb"),
        ("helhedsorienteret-familie-og-dagtilbud", "Åben dør"),
    ]
    for row in missing:
        assert any("cost_per_child" in flag.cells for flag in row.column.flags), row.column.label
    page = budget_page(real_catalogue).markdown
    for row in missing:
        assert row.column.label in page.split("Ikke med i beregneren", 1)[1]


def test_a_column_without_a_frequency_has_no_figures_per_year():
    from generator.data.models import CostColumn

    col = CostColumn.model_validate(
        {
            "label": "Tryghedscirklen",
            "staff": [],
            "partner": [],
            "hours": {
                "paedagogisk_personale": "8",
                "paedagogisk_leder": "0",
                "vikarer": "1,5",
                "samarbejdspartner": "8",
            },
            "establishment": "0 kr.",
            "cost_per_child": "802 kr.",
            "unit": {"group": 8, "counted": "familier", "reading": "Ét forløb for 8 familier; hyppighed ikke angivet."},
        }
    )
    figures = unit_figures(col)
    assert figures.per_occurrence == Interval(D(6416), D(6416))  # 8 × 802
    assert figures.hours_per_occurrence == D("17.5")
    assert figures.per_child_period is None and figures.hours_per_child_period is None


def test_whole_kroner_rounds_halves_up():
    assert [whole_kroner(D(x)) for x in ("452.5", "452.49", "1099")] == [453, 452, 1099]


def test_the_budget_of_one_group_a_year_is_the_hand_worked_year(real_catalogue):
    """One group (or child) at the table's own cadence costs the occurrence × times, hours alike."""
    activities = {(a.project.id, a.row.column.label): a for a in real_catalogue.budget_activities}
    cafe = activities[("styrket-deltagende-foraeldresamarbejde", "Forældrecaféer")]
    result = totals([Line(cafe, count=1, times=4)])
    assert result.running == 4 * 3480 and result.hours["paedagogisk_personale"] == 4 * 6
    raadgiver = activities[("sammen-om-barnet", "Rådgiver i dagtilbud")]
    result = totals([Line(raadgiver, count=1, times=12)])
    assert result.running == 12 * 420 * D("4.5") == 22680  # the middle of "4-5 børn"
    assert result.hours["samarbejdspartner"] == 12 * 3


# The calculator in Chromium: the same hand-worked figures for one group or child at the table's cadence
# (the address gives only the key, so count, times and daycares are the calculator's defaults).
BROWSER = [
    ("styrket-deltagende-foraeldresamarbejde", "Forældrecaféer", "13.920 kr.", "24", "4"),  # 4 × 3.480
    ("sammen-om-barnet", "Hjemmebesøg", "24.504 kr.", "20", "8"),  # 8 × 3.063; 8 × 2,5 hours
    ("sammen-om-barnet", "Rådgiver i dagtilbud", "22.680 kr.", "36", "12"),  # 12 × 4,5 × 420; 12 × 3 hours
    ("trivsel-i-dagtilbud", "Trivselsteam", "75.712 kr.", "65", "26"),  # 26 × 2.912; 26 × 2,5 hours
    ("trivsel-i-dagtilbud", "TOPI dagtilbud", "8.160 kr.", "24", "2"),  # 2 × 4.080; 2 × 12 hours
]


def test_the_calculator_shows_the_hand_worked_figures(page, server, real_catalogue):
    keys = {(a.project.id, a.row.column.label): a.key for a in real_catalogue.budget_activities}
    for project, label, kroner, staff_hours, occurrences in BROWSER:
        page.goto(server + "oekonomi/budget/?a=" + keys[(project, label)])
        page.wait_for_selector("#kb-budget:not([hidden])")
        expect(page.locator("output[name=running]")).to_have_text(kroner)
        expect(page.locator("output[name=paedagogisk_personale]")).to_have_text(staff_hours)
        expect(page.locator("output[name=occurrences]")).to_have_text(occurrences)
