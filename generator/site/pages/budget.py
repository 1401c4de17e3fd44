"""The budget calculator's page."""

from __future__ import annotations

from decimal import Decimal

from markupsafe import Markup

from ...data.catalogue import Catalogue
from ...domain.budget import EMPTY, INPUTS, NEGATIVE, NOT_A_NUMBER, NOT_WHOLE, OUT_OF_RANGE, BudgetActivity, NumberRule
from ...domain.costs import STAFF_GROUPS, cell_text
from ...domain.numbers import danish_number
from ..labels import STAFF_LABELS, project_label
from ..urls import BUDGET_PATH
from .base import Page, render_page, script_json


def budget_page(catalogue: Catalogue) -> Page:
    projects = list(catalogue.projects.values())
    activities = catalogue.budget_activities
    titles = {p.id: project_label(catalogue, p) for p in projects}
    groups = []
    for project in projects:
        mine = [a for a in activities if a.project.id == project.id]
        if mine:
            groups.append((titles[project.id], mine))
    return render_page(
        BUDGET_PATH,
        "Budgetberegner",
        "data/projects.yaml",
        "budget.md.j2",
        groups=groups,
        data=script_json(script_data(activities, titles)),  # figures, staff groups and input rules for the script
        hour_rows={Markup(name): label for name, label in STAFF_LABELS.items()},  # names from the code, as written
        price_year=catalogue.evaluation.cost_method.price_level,
        inputs=INPUTS,
        danish_number=danish_number,
        cell_text=cell_text,
    )


# --- what the page's script receives -------------------------------------------------------------

# The two numbers of each chosen activity, as the page labels its fields.
LINE_FIELDS = {"children": "Børn pr. gang", "times": "Gange om året"}


def problem_text(problem: str, rule: NumberRule) -> str:
    """Why a value is refused, as the page says it at the field."""
    if problem == EMPTY:
        return "Skriv et tal."
    if problem == NEGATIVE:
        return "Tallet kan ikke være negativt."
    if problem == NOT_WHOLE:
        return "Skriv et helt tal uden komma og punktum, fx 12."
    if problem == OUT_OF_RANGE:
        return f"Skriv et tal fra {danish_number(rule.minimum)} til {danish_number(rule.maximum)}."
    return "Skriv et helt tal med cifre, fx 12." if rule.whole else "Skriv et tal med cifre og evt. komma, fx 1,05."


def exact(value: Decimal | None) -> str | None:
    """A number for the script as exact decimal text ("2.25"): the script computes with it without rounding."""
    return None if value is None else format(value, "f")


def script_data(activities: list[BudgetActivity], titles: dict[str, str]) -> dict[str, object]:
    """Everything the calculator's script computes with (JSON); ``titles`` names each project as the page does."""
    problems = (EMPTY, NEGATIVE, NOT_WHOLE, NOT_A_NUMBER, OUT_OF_RANGE)
    return {
        "activities": [
            {
                "key": a.key,
                "legend": f"{a.row.column.label} ({titles[a.project.id]})",
                "per_child": exact(a.row.per_child),
                "establishment": exact(a.row.column.establishment.value),
                "hours": {name: exact(getattr(a.row.column.hours, name).value) for name in STAFF_GROUPS},
            }
            for a in activities
        ],
        "groups": list(STAFF_GROUPS),  # the staff groups, in the order of the page's outputs
        "fields": LINE_FIELDS,
        "inputs": {
            name: {"whole": rule.whole, "minimum": exact(rule.minimum), "maximum": exact(rule.maximum)}
            for name, rule in INPUTS.items()
        },
        "problems": {name: {p: problem_text(p, rule) for p in problems} for name, rule in INPUTS.items()},
    }
