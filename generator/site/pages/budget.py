"""The budget calculator's page: its form, and the data its script computes with."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from markupsafe import Markup

from ...data.catalogue import Catalogue
from ...domain.budget import (
    EMPTY,
    INPUTS,
    NEGATIVE,
    NOT_A_NUMBER,
    NOT_WHOLE,
    OUT_OF_RANGE,
    BudgetActivity,
    NumberRule,
    unbudgeted,
)
from ...domain.caveats import cell_caveats
from ...domain.costs import STAFF_GROUPS
from ...domain.numbers import danish_number
from .. import paging
from ..caveats import Footnotes, script_caveats
from ..labels import STAFF_LABELS, project_label
from ..paging import ROWS_TEMPLATE, inert_json
from ..render import macros
from ..units import group_text
from ..urls import BUDGET_DATA_PATH, BUDGET_PATH, hrefer
from .base import Filter, Page, remote_filters, render_page, script_json


def budget_page(catalogue: Catalogue) -> Page:
    projects = list(catalogue.projects.values())
    activities = catalogue.budget_activities
    titles = {p.id: project_label(catalogue, p) for p in projects}
    footnotes = Footnotes()
    groups = []
    for project in projects:
        mine = [a for a in activities if a.project.id == project.id]
        if mine:
            groups.append((project, titles[project.id], [activity_view(a, titles, footnotes) for a in mine]))
    used = {link.element for a in activities for link in a.row.column.elements}
    filters = [
        Filter("project", "Vis projekt", "Alle projekter", [(p.id, title) for p, title, _ in groups]),
        Filter(
            "element",
            "Vis element",
            "Alle elementer",
            [(e.id, e.name) for e in catalogue.elements.values() if e.id in used],
        ),
    ]
    data = script_data(activities, titles)  # figures, staff groups and input rules for the script
    left_out = [(titles[row.project.id], row) for row in unbudgeted(projects)]
    attached: tuple[tuple[str, bytes], ...] = ()
    if len(activities) > paging.ROWS_PER_PAGE:  # as long as an overview that pages: the list goes to a file
        filters, choices = remote_filters(filters)
        module = macros(ROWS_TEMPLATE, danish_number=danish_number, href=hrefer(BUDGET_PATH))
        html = module.budget_activities(groups, footnotes.notes, left_out)
        attached = ((BUDGET_DATA_PATH, inert_json({"data": data, "activities": str(html), "filters": choices})),)
    return render_page(
        BUDGET_PATH,
        "Budgetberegner",
        "data/projects.yaml",
        "budget.md.j2",
        attached=attached,
        data_file=BUDGET_DATA_PATH if attached else None,
        groups=groups,
        filters=filters,
        left_out=left_out,
        notes=footnotes.notes,
        data=script_json(data),
        hour_rows={Markup(name): label for name, label in STAFF_LABELS.items()},  # names from the code, as written
        price_year=catalogue.evaluation.cost_method.price_level,
        inputs=INPUTS,
        danish_number=danish_number,
    )


def activity_view(activity: BudgetActivity, titles: dict[str, str], footnotes: Footnotes) -> dict[str, Any]:
    """One activity as its checkbox shows it: the report's cadence, the site's reading of it, the caveats."""
    column = activity.row.column
    place = f"{column.label} ({titles[activity.project.id]})"
    cells = ("cost_per_child", "cadence", "hours", "establishment")
    caveats = [c for cell in cells for c in cell_caveats(activity.project, column, cell)]
    return {
        "activity": activity,
        "elements": " ".join(link.element for link in column.elements),
        "unit_text": unit_text(activity),
        "marks": footnotes.marks(caveats, place),
    }


def unit_text(activity: BudgetActivity) -> str:
    """'pr. gruppe à 15 familier' or 'pr. barn': what one occurrence is costed for, in words."""
    return f"pr. gruppe à {group_text(activity.unit)}" if activity.per_group else "pr. barn"


# --- what the page's script receives -------------------------------------------------------------

# The numbers of each chosen activity, as the page labels its fields (count depends on the activity).
LINE_FIELDS = {"daycares": "Dagtilbud", "count": "Børn pr. dagtilbud", "times": "Gange om året"}
GROUP_COUNT = "Grupper pr. dagtilbud"
# The budget as a CSV file: one row per activity, then the totals (labelled as the result table labels them).
CSV_HEADER = [
    "Aktivitet",
    "Projekt",
    "Enhed (sitets læsning)",
    "Forbehold",
    "Dagtilbud",
    "Børn eller grupper pr. dagtilbud",
    "Gange om året",
    "Afholdelser pr. år",
    "Kr. pr. afholdelse",
    "Kr. pr. år (× prisfaktor)",
]
CSV_TOTALS = {"running": "Løbende omkostning pr. år", "establishment": "Etableringsomkostninger (engangsbeløb)"}
# Singular and plural of what the budget's sentences count.
WORDS = {
    "daycare": ["dagtilbud", "dagtilbud"],
    "child": ["barn", "børn"],
    "group": ["gruppe", "grupper"],
    "time": ["gang", "gange"],
    "occurrence": ["afholdelse", "afholdelser"],
}


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
                "label": a.row.column.label,
                "project": titles[a.project.id],
                "per_group": a.per_group,
                "unit": unit_text(a),
                "occurrence_cost": exact(a.occurrence_cost),
                "times": str(a.default_times),
                "establishment": exact(a.row.column.establishment.value),
                "establishment_key": a.establishment_key,
                "hours": {name: exact(getattr(a.row.column.hours, name).value) for name in STAFF_GROUPS},
                "caveats": [f"{c['where']}: {c['text']}" for c in script_caveats(a.project, a.row.column)],
            }
            for a in activities
        ],
        "groups": list(STAFF_GROUPS),  # the staff groups, in the order of the page's outputs
        "fields": LINE_FIELDS,
        "field_order": list(LINE_FIELDS),  # as the page shows them (the JSON's keys are sorted)
        "group_count": GROUP_COUNT,
        "words": WORDS,
        "csv": {
            "header": CSV_HEADER,
            "totals": CSV_TOTALS,
            "hours": {g: f"{STAFF_LABELS[g]} (timer pr. år)" for g in STAFF_GROUPS},
        },
        "inputs": {
            name: {"whole": rule.whole, "minimum": exact(rule.minimum), "maximum": exact(rule.maximum)}
            for name, rule in INPUTS.items()
        },
        "problems": {name: {p: problem_text(p, rule) for p in problems} for name, rule in INPUTS.items()},
    }
