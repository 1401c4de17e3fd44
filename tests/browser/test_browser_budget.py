"""The budget calculator in a real browser: it shows what generator/budget.py's totals() gives.

Every figure the shipped script shows is compared with totals() for cases made from the real
catalogue's activities (CASES); every value a user types, or an address carries, is read by the same
rule as generator/domain/budget.py's parse_number (the cases are tests/domain/test_budget.py's); a refused value is
marked at its field and the budget is not computed. The fixtures (Chromium, the built site, a page)
are in conftest.py. scripts/mutate_budget.py checks that deleting any term of the script's arithmetic
fails these tests.
"""

from __future__ import annotations

import csv
import io
import random
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from urllib.parse import urlencode

import pytest

from generator.domain.budget import INPUTS, Line, budget_activities, parse_number, totals
from generator.domain.numbers import danish_number
from generator.site.labels import STAFF_LABELS as HOUR_ROWS
from generator.site.pages.budget import problem_text

from ..domain.test_budget import PARSE_CASES
from .test_browser import AXE, AXE_TAGS

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture then skips the tests (or fails them in CI)
    expect = None

BUDGET = "oekonomi/budget/"
OVERGANG = "styrket-deltagende-foraeldresamarbejde-1"  # 1.099 kr. per child, 5.543 kr. establishment
CAFE = "styrket-deltagende-foraeldresamarbejde-3"
FIELDS = {
    "count": f"#kb-budget-{OVERGANG}-count",
    "times": f"#kb-budget-{OVERGANG}-times",
    "daycares": f"#kb-budget-{OVERGANG}-daycares",
    "factor": "#kb-budget-factor",
}
VALID = {"count": "1", "times": "1", "daycares": "1", "factor": "1,00"}
NOT_COMPUTED = "Budgettet er ikke beregnet: ret de markerede felter."


@pytest.fixture(scope="module")
def activities(real_catalogue):
    catalogue = real_catalogue
    return {a.key: a for a in budget_activities(list(catalogue.projects.values()))}


def kroner(value: Decimal) -> str:
    return danish_number(value.quantize(Decimal(1), rounding=ROUND_HALF_UP)) + " kr."


def hours(value: Decimal) -> str:
    return danish_number(value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def message(problem: str, field: str) -> str:
    return problem_text(problem, INPUTS[field])


def expect_valid(page, field: str) -> None:
    field_input = page.locator(FIELDS[field])
    expect(field_input).not_to_have_attribute("aria-invalid", "true")
    expect(page.locator(FIELDS[field] + "-error")).to_have_text("")


def expect_refused(page, field: str, problem: str) -> None:
    field_input = page.locator(FIELDS[field])
    error = FIELDS[field].removeprefix("#") + "-error"
    expect(field_input).to_have_attribute("aria-invalid", "true")
    expect(field_input).to_have_attribute("aria-describedby", error)
    expect(page.locator("#" + error)).to_have_text(message(problem, field))
    expect(page.locator("output[name=running]")).to_have_text("–")
    expect(page.locator("output[name=establishment]")).to_have_text("–")
    expect(page.locator("output[name=paedagogisk_personale]")).to_have_text("–")


def test_calculator_reads_every_field_by_the_python_rule(page, server, activities):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + BUDGET + "?a=" + OVERGANG)
    page.wait_for_selector("#kb-budget:not([hidden])")
    for text, field, _ in PARSE_CASES:
        parsed = parse_number(text, INPUTS[field])
        page.fill(FIELDS[field], text)
        if parsed.problem:
            expect_refused(page, field, parsed.problem)
            expect(page.locator("#kb-budget .kb-budget-result [role=status]")).to_have_text(NOT_COMPUTED)
        else:
            expect_valid(page, field)
            values = {**{k: Decimal(v.replace(",", ".")) for k, v in VALID.items()}, field: parsed.value}
            line = Line(
                activities[OVERGANG],
                count=int(values["count"]),
                times=int(values["times"]),
                daycares=int(values["daycares"]),
            )
            result = totals([line], factor=values["factor"])
            expect(page.locator("output[name=running]")).to_have_text(kroner(result.running))
            expect(page.locator("output[name=establishment]")).to_have_text(kroner(result.establishment))
        page.fill(FIELDS[field], VALID[field])
        expect_valid(page, field)
    expect(page.locator("output[name=running]")).to_have_text("1.099 kr.")
    assert errors == []
    assert page.foreign == []


def test_keys_that_are_javascript_properties_are_unknown_activities(page, server):
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    keys = ["toString:5:5", "__proto__:1:1", "constructor", "hasOwnProperty:2:2", f"{OVERGANG}:2:3", f"{OVERGANG}:9:9"]
    page.goto(server + BUDGET + "?a=" + ";".join(keys))
    problems = page.locator("#kb-budget-problems li")
    expect(problems).to_have_count(5)
    texts = problems.all_text_contents()
    for key in ("toString", "__proto__", "constructor", "hasOwnProperty"):
        assert f"Aktiviteten »{key}« findes ikke i beregneren og er ikke med i budgettet." in texts
    assert f"Aktiviteten »{OVERGANG}« står flere gange i adressen; kun den første er med." in texts
    assert page.eval_on_selector_all("input[name=activity]:checked", "boxes => boxes.map(b => b.value)") == [OVERGANG]
    expect(page.locator(FIELDS["count"])).to_have_value("2")
    expect(page.locator(FIELDS["times"])).to_have_value("3")
    expect(page.locator("output[name=running]")).to_have_text("6.594 kr.")  # 1.099 × 2 × 3
    assert "undefined" not in page.locator("#kb-budget").inner_text()
    assert errors == []


def test_a_refused_value_in_the_address_is_shown_at_its_field_not_replaced(page, server):
    page.goto(server + BUDGET + f"?a={OVERGANG}:1e9:2:-1&f=1,05&m=ja")
    page.wait_for_selector("#kb-budget:not([hidden])")
    expect(page.locator(FIELDS["count"])).to_have_value("1e9")  # as the address has it, not 1
    expect(page.locator(FIELDS["daycares"])).to_have_value("-1")
    expect_refused(page, "count", "not-a-number")
    expect_refused(page, "daycares", "negative")
    expect_valid(page, "factor")
    expect_valid(page, "times")
    problems = page.locator("#kb-budget-problems li").all_text_contents()
    assert problems == [
        "m=»ja« forstås ikke (m=1 betyder, at I har materialer og uddannelse).",
        "Et eller flere tal i adressen kan ikke bruges; de er markeret ved feltet nedenfor.",
    ]
    assert not page.is_checked("input[name=have]")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations.map(v => v.id))",
        AXE_TAGS,
    )
    assert violations == []

    page.fill(FIELDS["count"], "10")
    page.fill(FIELDS["daycares"], "2")
    expect(page.locator("output[name=running]")).to_have_text("46.158 kr.")  # 1.099 × 10 × 2 × 2 × 1,05
    page.fill(FIELDS["times"], "1:2")  # a separator of the address, typed into a field, comes back as typed
    expect_refused(page, "times", "not-a-number")
    page.goto(page.url)
    expect(page.locator(FIELDS["times"])).to_have_value("1:2")
    expect(page.locator(FIELDS["factor"])).to_have_value("1,05")
    expect(page.locator("#kb-budget-problems li")).to_have_count(1)
    page.fill(FIELDS["times"], "3")
    expect(page.locator("output[name=running]")).to_have_text("69.237 kr.")
    assert page.foreign == []


def test_a_comma_factor_in_the_address_is_used_and_a_missing_number_is_the_tables(page, server):
    page.goto(server + BUDGET + f"?a={OVERGANG};{CAFE}:2&f=1,2")
    expect(page.locator("#kb-budget-problems")).to_be_hidden()
    expect(page.locator(f"#kb-budget-{CAFE}-count")).to_have_value("2")
    expect(page.locator(f"#kb-budget-{CAFE}-times")).to_have_value("4")  # "Tre til fire gange årligt"
    expect(page.locator(f"#kb-budget-{CAFE}-daycares")).to_have_value("1")
    expect(page.locator(f"label:has(#kb-budget-{CAFE}-count)")).to_have_text("Grupper pr. dagtilbud ")
    expect(page.locator(f"label:has(#kb-budget-{OVERGANG}-count)")).to_have_text("Børn pr. dagtilbud ")
    # (1.099 + 232 × 15 × 2 × 4) × 1,2 = (1.099 + 27.840) × 1,2 = 34.726,8
    expect(page.locator("output[name=running]")).to_have_text("34.727 kr.")
    expect(page.locator("output[name=occurrences]")).to_have_text("9")
    expect(page.locator("#kb-budget-assumptions li").nth(1)).to_contain_text(
        "1 dagtilbud × 2 grupper × 4 gange om året = 8 afholdelser à 3.480 kr. (pr. gruppe à 15 familier)"
        " = 33.408 kr. om året."  # 27.840 × 1,2
    )


def test_budget_calculator_adds_two_activities_and_keeps_them_in_the_url(page, server):
    page.goto(server + "puljeprojekter/styrket-deltagende-foraeldresamarbejde/")
    page.get_by_role("link", name="Læg i budget: Overgangssamtaler").click()
    page.wait_for_selector("#kb-budget:not([hidden])")
    assert page.is_checked(f"input[value='{OVERGANG}']")
    page.check(f"input[value='{CAFE}']")
    page.fill(f"input[data-key='{OVERGANG}'][data-field=count]", "10")
    page.fill(f"input[data-key='{CAFE}'][data-field=daycares]", "2")
    expect(page.locator("output[name=running]")).to_have_text("38.830 kr.")  # as tests/domain/test_budget.py
    expect(page.locator("output[name=establishment]")).to_have_text("8.419 kr.")
    expect(page.locator("output[name=paedagogisk_personale]")).to_have_text("70,5")
    shared = page.url
    page.goto(shared)  # a bookmarked budget comes back the same
    expect(page.locator("output[name=running]")).to_have_text("38.830 kr.")
    with page.expect_download() as download:
        page.click("[data-kb-csv]")
    text = download.value.path().read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[1][2] == "pr. barn" and rows[2][2] == "pr. gruppe à 15 familier"  # the unit, and its caveats
    assert rows[1][4:] == ["1", "10", "1", "10", "1099", "10990"]
    assert rows[2][4:] == ["2", "1", "4", "8", "3480", "27840"]
    assert rows[3][-1] == "38830"
    page.check("input[name=have]")
    assert page.locator("output[name=establishment]").text_content() == "0 kr."
    assert page.foreign == []


# --- the shipped script against totals(), case by case ----------------------------------------------


@dataclass(frozen=True)
class Case:
    """What a user enters: (key, count, times, daycares) per chosen activity, in the order chosen, as typed."""

    lines: tuple[tuple[str, str, str, str], ...]
    factor: str
    have: bool = False


def _top(rule) -> str:
    return str(int(rule.maximum))


def _factor(rng: random.Random) -> str:
    """A factor within INPUTS["factor"], with 0 to 3 decimals and a comma or a point."""
    places = rng.choice([0, 1, 2, 3])
    scale = 10**places
    low = max(1, int(INPUTS["factor"].minimum * scale))
    units = rng.randint(low, int(INPUTS["factor"].maximum * scale))
    if not places:
        return str(units)
    return f"{units // scale}{rng.choice(',.')}{units % scale:0{places}d}"


def budget_cases(activities: dict) -> list[Case]:
    """Edge cases, then seeded random ones, all from the catalogue's budget activities."""
    keys = list(activities)
    by_cost = sorted(keys, key=lambda k: activities[k].row.per_child)
    no_establishment = [k for k in keys if activities[k].row.column.establishment.value is None]
    shared = [k for k in keys if activities[k].row.column.establishment_shared]
    groups = [k for k in keys if activities[k].per_group]
    count, times, daycares = (_top(INPUTS[name]) for name in ("count", "times", "daycares"))
    low, high = danish_number(INPUTS["factor"].minimum), danish_number(INPUTS["factor"].maximum)
    cases = [
        Case(((OVERGANG, "0", "1", "1"),), "1,00"),  # no children: no running cost, no hours
        Case(((OVERGANG, "1", "0", "1"),), "1,00"),  # held no times: establishment only
        Case(((by_cost[-1], count, times, daycares),), high),  # every maximum
        Case(tuple((k, count, times, daycares) for k in keys), high),  # every activity at every maximum
        Case(tuple((k, "1", "1", "1") for k in keys), "1,00", have=True),
        Case(((by_cost[0], "1", "1", "1"), (OVERGANG, "3", "2", "1")), low),  # smallest factor, comma
        Case(((CAFE, "15", "4", "1"), (OVERGANG, "10", "1", "1")), low.replace(",", "."), have=True),
        Case(((OVERGANG, "1", "1", "1"),), "1,5"),  # 1.648,5 kr.: half a krone rounds up, as in Python
        Case(((OVERGANG, "1", "1", "1"),), "1.005"),  # 1.104,495 kr.
        Case(((OVERGANG, "7", "3", "9999"), (CAFE, "2", "9", "9999")), "1.5"),  # many daycares
        Case(tuple((k, "5", "2", "3") for k in no_establishment), "2"),  # establishment not stated
        Case(((by_cost[len(by_cost) // 2], "12", "40", "1"),), "0,75"),  # one daycare
        Case(tuple((k, "1", "1", "2") for k in shared), "1,00"),  # repeated establishment costs, once each
        Case(tuple((k, "3", "2", "2") for k in groups[:5]), "1,1"),  # activities held for a group
    ]
    rng = random.Random(14)
    while len(cases) < 60:
        chosen = rng.sample(keys, rng.choice([1, 1, 2, 3, 5]))
        lines = tuple(
            (
                key,
                str(rng.choice([0, 1, rng.randint(1, 30), rng.randint(0, 1000)])),
                str(rng.randint(0, 60)),
                str(rng.choice([1, rng.randint(1, 20), rng.randint(1, 10000)])),
            )
            for key in chosen
        )
        cases.append(Case(lines, _factor(rng), have=rng.random() < 0.3))
    return cases


def address(case: Case) -> str:
    """The case as the calculator's address (?a=key:count:times:daycares;...&f=...&m=1)."""
    query = {"a": ";".join(":".join(line) for line in case.lines), "f": case.factor}
    return urlencode({**query, "m": "1"} if case.have else query)


def shown(case: Case, activities: dict) -> list[str]:
    """What the result table should show for the case: totals(), formatted as the page formats it."""

    def number(text: str, field: str) -> Decimal:
        parsed = parse_number(text, INPUTS[field])
        assert parsed.problem is None, (text, field)  # every case is valid input
        return parsed.value

    lines = [
        Line(
            activities[key],
            count=int(number(c, "count")),
            times=int(number(t, "times")),
            daycares=int(number(d, "daycares")),
        )
        for key, c, t, d in case.lines
    ]
    result = totals(lines, factor=number(case.factor, "factor"), have_materials=case.have)
    occurrences = danish_number(Decimal(result.occurrences))
    return [
        kroner(result.running),
        kroner(result.establishment),
        occurrences,
        *(hours(result.hours[g]) for g in HOUR_ROWS),
    ]


# Enter a case in one step: choose its activities in order, type its numbers, each with the event a
# user's action fires; the script then computes synchronously, and the assertions wait for its output.
# A field that already holds the text is left alone (every event costs the script a history entry).
ENTER = """entry => {
  const form = document.getElementById("kb-budget");
  form.querySelectorAll("input[name=activity]:checked").forEach(box => box.click());
  const type = (input, text) => {
    if (input.value === text) return;
    input.value = text;
    input.dispatchEvent(new Event("input", {bubbles: true}));
  };
  for (const [key, count, times, daycares] of entry.lines) {
    form.querySelector(`input[name=activity][value="${CSS.escape(key)}"]`).click();
    const field = name => form.querySelector(`input[data-key="${CSS.escape(key)}"][data-field=${name}]`);
    type(field("count"), count);
    type(field("times"), times);
    type(field("daycares"), daycares);
  }
  type(form.elements.factor, entry.factor);
  if (form.elements.have.checked !== entry.have) form.elements.have.click();
}"""


def test_every_figure_shown_is_what_totals_gives(page, server, activities):
    cases = budget_cases(activities)
    assert len(cases) >= 50
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(server + BUDGET)
    page.wait_for_selector("#kb-budget:not([hidden])")
    outputs = page.locator("#kb-budget .kb-budget-result output")
    status = page.locator("#kb-budget .kb-budget-result [role=status]")
    for n, case in enumerate(cases):
        expected = shown(case, activities)
        if len(case.lines) > 5:  # many activities: fewer steps through the address than through the form
            page.goto(server + BUDGET + "?" + address(case))
            expect(page.locator("#kb-budget-problems")).to_be_hidden()
        else:
            entry = {"lines": case.lines, "factor": case.factor, "have": case.have}
            page.evaluate(ENTER, entry)
            expect(status).to_have_text(f"Budgettet er opdateret: {expected[0]} om året.")
        expect(outputs, f"case {n}: {case}").to_have_text(expected)
        if n % 10 == 1:  # the address the script wrote keeps the case: a shared link shows the same figures
            page.goto(page.url)
            expect(outputs, f"case {n} from its address: {case}").to_have_text(expected)
    assert errors == []
    assert page.foreign == []


def test_the_activity_list_filters_by_project_and_element_and_keeps_the_chosen(page, server, real_catalogue):
    page.goto(server + BUDGET + "?a=" + OVERGANG)
    page.wait_for_selector("#kb-budget:not([hidden])")
    activities = real_catalogue.budget_activities
    project = "sammen-om-barnet"
    page.select_option("#kb-budget-project", project)
    shown = page.eval_on_selector_all(
        ".kb-budget-activity:not([hidden]) input[name=activity]", "boxes => boxes.map(b => b.value)"
    )
    assert shown == [OVERGANG] + [a.key for a in activities if a.project.id == project]  # the chosen one stays
    expect(page.locator("#kb-budget-shown")).to_have_text(
        f"{sum(a.project.id == project for a in activities)} aktiviteter passer til valget."
    )
    page.select_option("#kb-budget-project", "")
    page.select_option("#kb-budget-element", "overgangsmoeder")
    shown = page.eval_on_selector_all(
        ".kb-budget-activity:not([hidden]) input[name=activity]", "boxes => boxes.map(b => b.value)"
    )
    linked = [a.key for a in activities if "overgangsmoeder" in {e.element for e in a.row.column.elements}]
    assert sorted(shown) == sorted(set(linked) | {OVERGANG}) and linked


def test_the_budget_prints_on_one_a4_page_with_its_assumptions(page, server):
    page.goto(server + BUDGET + f"?a={OVERGANG}:10;{CAFE}:2:4:3&f=1,1")
    page.wait_for_selector("#kb-budget:not([hidden])")
    expect(page.locator("#kb-budget-assumptions li")).to_have_count(4)  # two activities, establishment, factor
    page.emulate_media(media="print")
    assert page.locator("#kb-budget-assumptions").is_visible()
    assert not page.locator("#kb-budget > fieldset").first.is_visible()  # the form is not printed
    pdf = page.pdf(format="A4")
    assert pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages") == 1
    page.emulate_media(media="screen")


def test_the_calculator_is_linked_from_the_home_page_and_okonomi(page, server):
    for start in ("", "oekonomi/"):
        page.goto(server + start)
        content = page.locator("article")  # the page's own text, not the menu
        content.get_by_role("link", name=re.compile("^(Budgetberegner|Læg et budget i budgetberegneren)$")).click()
        page.wait_for_selector("#kb-budget:not([hidden])")
