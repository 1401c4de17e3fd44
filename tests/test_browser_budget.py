"""The budget calculator in a real browser: it computes only from numbers it understands.

Every value a user types, or an address carries, is read by the same rule as generator/domain/budget.py's
parse_number (the cases are tests/test_budget.py's); a refused value is marked at its field and the
budget is not computed. The fixtures (Chromium, the built site, a page) are in conftest.py.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

import pytest

from generator.data.catalogue import load_catalogue
from generator.domain.budget import INPUTS, Line, budget_activities, parse_number, totals
from generator.domain.costs import danish_number

from .helpers import ROOT
from .test_browser import AXE, AXE_TAGS
from .test_budget import PARSE_CASES

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture then skips the tests (or fails them in CI)
    expect = None

BUDGET = "oekonomi/budget/"
OVERGANG = "styrket-deltagende-foraeldresamarbejde-1"  # 1.099 kr. per child, 5.543 kr. establishment
CAFE = "styrket-deltagende-foraeldresamarbejde-3"
FIELDS = {
    "children": "#kb-budget-line-1-children",
    "times": "#kb-budget-line-1-times",
    "daycares": "#kb-budget-daycares",
    "factor": "#kb-budget-factor",
}
VALID = {"children": "1", "times": "1", "daycares": "1", "factor": "1,00"}
MESSAGES = {
    "empty": "Skriv et tal.",
    "negative": "Tallet kan ikke være negativt.",
    "not-whole": "Skriv et helt tal uden komma og punktum, fx 12.",
}
NOT_COMPUTED = "Budgettet er ikke beregnet: ret de markerede felter."


@pytest.fixture(scope="module")
def activities():
    catalogue = load_catalogue(ROOT / "data")
    return {a.key: a for a in budget_activities(list(catalogue.projects.values()))}


def kroner(value: Decimal) -> str:
    return danish_number(value.quantize(Decimal(1), rounding=ROUND_HALF_UP)) + " kr."


def message(problem: str, field: str) -> str:
    rule = INPUTS[field]
    if problem == "out-of-range":
        return f"Skriv et tal fra {danish_number(rule.minimum)} til {danish_number(rule.maximum)}."
    if problem == "not-a-number":
        return "Skriv et helt tal med cifre, fx 12." if rule.whole else "Skriv et tal med cifre og evt. komma, fx 1,05."
    return MESSAGES[problem]


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
            expect(page.locator("#kb-budget [role=status]")).to_have_text(NOT_COMPUTED)
        else:
            expect_valid(page, field)
            values = {**{k: Decimal(v.replace(",", ".")) for k, v in VALID.items()}, field: parsed.value}
            line = Line(activities[OVERGANG], children=int(values["children"]), times=int(values["times"]))
            result = totals([line], daycares=int(values["daycares"]), factor=values["factor"])
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
    expect(page.locator(FIELDS["children"])).to_have_value("2")
    expect(page.locator(FIELDS["times"])).to_have_value("3")
    expect(page.locator("output[name=running]")).to_have_text("6.594 kr.")  # 1.099 × 2 × 3
    assert "undefined" not in page.locator("#kb-budget").inner_text()
    assert errors == []


def test_a_refused_value_in_the_address_is_shown_at_its_field_not_replaced(page, server):
    page.goto(server + BUDGET + f"?a={OVERGANG}:1e9:2&d=-1&f=1,05&m=ja")
    page.wait_for_selector("#kb-budget:not([hidden])")
    expect(page.locator(FIELDS["children"])).to_have_value("1e9")  # as the address has it, not 1
    expect(page.locator(FIELDS["daycares"])).to_have_value("-1")
    expect_refused(page, "children", "not-a-number")
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

    page.fill(FIELDS["children"], "10")
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


def test_a_comma_factor_in_the_address_is_used_and_a_bare_key_means_one_of_each(page, server):
    page.goto(server + BUDGET + f"?a={OVERGANG};{CAFE}:15&f=1,2")
    expect(page.locator("#kb-budget-problems")).to_be_hidden()
    expect(page.locator("#kb-budget-line-2-children")).to_have_value("15")
    expect(page.locator("#kb-budget-line-2-times")).to_have_value("1")
    expect(page.locator("output[name=running]")).to_have_text("5.495 kr.")  # (1.099 + 232 × 15) × 1,2 = 5.494,8


def test_budget_calculator_adds_two_activities_and_keeps_them_in_the_url(page, server):
    page.goto(server + "puljeprojekter/styrket-deltagende-foraeldresamarbejde/")
    page.get_by_role("link", name="Læg i budget: Overgangssamtaler").click()
    page.wait_for_selector("#kb-budget:not([hidden])")
    assert page.is_checked(f"input[value='{OVERGANG}']")
    page.check(f"input[value='{CAFE}']")
    page.fill(f"input[data-key='{OVERGANG}'][data-field=children]", "10")
    page.fill(f"input[data-key='{CAFE}'][data-field=children]", "15")
    page.fill(f"input[data-key='{CAFE}'][data-field=times]", "4")
    assert page.locator("output[name=running]").text_content() == "24.910 kr."  # as tests/test_budget.py
    assert page.locator("output[name=establishment]").text_content() == "8.419 kr."
    assert page.locator("output[name=paedagogisk_personale]").text_content() == "26,25"
    shared = page.url
    page.goto(shared)  # a bookmarked budget comes back the same
    assert page.locator("output[name=running]").text_content() == "24.910 kr."
    page.check("input[name=have]")
    assert page.locator("output[name=establishment]").text_content() == "0 kr."
    assert page.foreign == []
