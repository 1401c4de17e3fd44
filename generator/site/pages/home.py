"""The home page."""

from __future__ import annotations

from ...data.catalogue import Catalogue
from ...domain.combinations import MAX_CHOSEN
from ..urls import HOME_PATH
from .base import Page, _grouped, citation, render_page


def home_page(catalogue: Catalogue) -> Page:
    municipalities = {p.municipality for p in catalogue.projects.values()}
    return render_page(
        HOME_PATH,
        "Forside",
        "data/elements.yaml",
        "home.md.j2",
        groups=_grouped(catalogue),
        element_count=len(catalogue.elements),
        project_count=len(catalogue.projects),
        municipality_count=len(municipalities),
        max_chosen=MAX_CHOSEN,
        citation=citation(catalogue, list(catalogue.elements.values())),
        event_name=catalogue.cases.event.name,
    )
