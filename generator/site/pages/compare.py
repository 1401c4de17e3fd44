"""Side by side: two to four projects, or two to four elements, on the same rows.

No page carries every entry's data. Each entry's comparison rows are rendered here once, as escaped HTML (the
template ``compare_cells.html.j2``, through the same escaping as every page), and written as one small JSON file
per entry (``urls.compare_data_path``). The comparison page lists the entries by name in a GET form, so the
choice lives in the address (``?id=a&id=b``); ``assets/javascripts/compare.js`` fetches the chosen entries'
files and fills the table, inserting only those pre-escaped cells and names as text.

The figures are the "Kort fortalt" box's (``pages/brief.py``, ``domain/glance.py``): nothing is computed twice.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ...data.catalogue import Catalogue
from ...data.models import Element, Project
from ...domain.costs import columns_range, per_child_range
from ...domain.overview import maturity_counts
from ..labels import MATURITY_LABELS, project_label
from ..render import macros
from ..urls import (
    ELEMENTS_COMPARE_PATH,
    PROJECTS_COMPARE_PATH,
    URLS,
    compare_data_dir,
    compare_data_path,
    hrefer,
    linker,
)
from .base import Page, citation, render_page, sections_label
from .brief import EVIDENCE_LINK, Brief, comparison_handout, element_brief, evaluation_caveats, project_brief
from .projects import _main_elements, _price_year, columns_end_caveats, maturity_summary, range_end_caveats

PROJECTS_COMPARE_TITLE = "Sammenlign puljeprojekter"
ELEMENTS_COMPARE_TITLE = "Sammenlign elementer"
FEWEST, MOST = 2, 4  # how many entries a comparison shows

# The rows of each comparison, in order: (key, label). The key names the cell in each entry's JSON.
COST_ROWS = [
    ("pris-barn", "Kr. pr. barn pr. aktivitet"),
    ("pris-afholdelse", "Kr. pr. afholdelse"),
    ("timer", "Personaletimer pr. afholdelse"),
    ("personale", "Personale med timer"),
    ("etablering", "Etablering"),
]
WHO_ROWS = [
    ("maalgruppe", "Målgruppe"),
    ("dagtilbud", "Dagtilbud"),
    ("parter", "Samarbejdsparter"),
]
PROJECT_ROWS = [
    ("kommune", "Kommune"),
    ("modenhed", "Modenhed"),
    ("elementer", "Elementer"),
    *WHO_ROWS,
    ("aktiviteter", "Aktiviteter"),
    *COST_ROWS,
    ("forudsaetninger", "Forudsætninger"),
    ("evidens", "Evidens"),
]
ELEMENT_ROWS = [
    ("puljeprojekter", "Puljeprojekter"),
    ("kommuner", "Kommuner"),
    ("modenhed", "Projekternes modenhed"),
    *WHO_ROWS,
    *COST_ROWS,
    ("forudsaetninger", "Forudsætninger"),
    ("evidens", "Evidens"),
]


@dataclass(frozen=True)
class Kind:
    """One of the two comparisons: its page, the folder of its JSON, its rows and its nouns."""

    key: str  # 'puljeprojekter' or 'elementer': the JSON's folder
    path: str
    title: str
    rows: list[tuple[str, str]]
    plural: str  # 'puljeprojekter'


PROJECTS = Kind("puljeprojekter", PROJECTS_COMPARE_PATH, PROJECTS_COMPARE_TITLE, PROJECT_ROWS, "puljeprojekter")
ELEMENTS = Kind("elementer", ELEMENTS_COMPARE_PATH, ELEMENTS_COMPARE_TITLE, ELEMENT_ROWS, "elementer")


def _cells(path: str) -> Any:
    return macros("compare_cells.html.j2", href=hrefer(path), link=linker(path), urls=URLS)


def _project_view(catalogue: Catalogue, project: Project, brief: Brief) -> dict[str, Any]:
    return {
        "page": project,
        "municipality": catalogue.municipality_of(project),
        "maturity": maturity_summary(project),
        "elements": _main_elements(catalogue, project),
        "brief": brief,
        "cost_caveats": bool(range_end_caveats(project, per_child_range(project))),
        "price_year": _price_year(catalogue),
    }


def _element_view(catalogue: Catalogue, element: Element, brief: Brief) -> dict[str, Any]:
    projects = [project for project, _, _ in brief.projects]
    costs = [(cost.project, cost.column) for cost in catalogue.activity_costs(element)]
    return {
        "page": element,
        "municipalities": list(dict.fromkeys(catalogue.municipality_of(p).name for p in projects)),
        "maturity": [(MATURITY_LABELS[level], n) for level, n in maturity_counts(projects).items()],
        "brief": brief,
        "cost_caveats": bool(columns_end_caveats(costs, columns_range([c for _, c in costs]))),
        "price_year": _price_year(catalogue),
    }


def entry_json(kind: Kind, name: str, page: Element | Project, view: dict[str, Any]) -> dict[str, Any]:
    """One entry's comparison: its name (plain text), its page's address and each row's cell as escaped HTML."""
    cells = _cells(kind.path)
    return {
        "id": page.id,
        "name": name,
        "href": str(hrefer(kind.path)(page)),
        "cells": {key: str(cells.cell(kind.key, key, view)).strip() for key, _ in kind.rows},
    }


def project_entry(catalogue: Catalogue, project: Project) -> dict[str, Any]:
    view = _project_view(catalogue, project, project_brief(catalogue, project))
    return entry_json(PROJECTS, project_label(catalogue, project), project, view)


def element_entry(catalogue: Catalogue, element: Element) -> dict[str, Any]:
    view = _element_view(catalogue, element, element_brief(catalogue, element))
    return entry_json(ELEMENTS, element.name, element, view)


def compare_files(catalogue: Catalogue) -> dict[str, bytes]:
    """Every entry's comparison JSON, by its path in the docs tree."""
    entries = [
        *((PROJECTS, project_entry(catalogue, p)) for p in catalogue.projects.values()),
        *((ELEMENTS, element_entry(catalogue, e)) for e in catalogue.elements.values()),
    ]
    return {
        compare_data_path(kind.key, entry["id"]): json.dumps(entry, ensure_ascii=False, sort_keys=True).encode()
        for kind, entry in entries
    }


def _compare_page(
    catalogue: Catalogue, kind: Kind, choices: list[tuple[str, str]], entries: list[Element] | list[Project]
) -> Page:
    caveats = evaluation_caveats(catalogue, of_elements=kind is ELEMENTS)
    return render_page(
        kind.path,
        kind.title,
        "data/projects.yaml" if kind is PROJECTS else "data/elements.yaml",
        "compare.md.j2",
        kind=kind,
        choices=choices,
        fewest=FEWEST,
        most=MOST,
        overview=URLS.projects if kind is PROJECTS else URLS.elements,
        data_dir=compare_data_dir(kind.key),
        caveats={"caveats": caveats, "evidence_link": EVIDENCE_LINK},
        source=catalogue.sources[entries[0].source],
        price_year=_price_year(catalogue),
        citation=citation(catalogue, entries),
        handout=comparison_handout(catalogue, kind.path),
        sections=sections_label(entries),
    )


def projects_compare_page(catalogue: Catalogue) -> Page:
    projects = list(catalogue.projects.values())
    return _compare_page(catalogue, PROJECTS, [(p.id, project_label(catalogue, p)) for p in projects], projects)


def elements_compare_page(catalogue: Catalogue) -> Page:
    elements = list(catalogue.elements.values())
    return _compare_page(catalogue, ELEMENTS, [(e.id, e.name) for e in elements], elements)
