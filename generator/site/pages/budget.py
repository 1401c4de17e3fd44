"""The budget calculator's page."""

from __future__ import annotations

from markupsafe import Markup

from ...data.catalogue import Catalogue
from ...domain.budget import INPUTS, script_data
from ...domain.costs import cell_text
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
