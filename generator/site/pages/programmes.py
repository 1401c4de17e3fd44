"""Programmes beyond the evaluation: Børneliv i sund balance, It takes a village."""

from __future__ import annotations

from ...data.catalogue import Catalogue
from ...data.models import Programme
from ..urls import PROGRAMMES_PATH, programme_path
from .base import Page, located, render_page
from .contradictions import programme_contradictions


def programmes_index_page(catalogue: Catalogue) -> Page:
    programmes = list(catalogue.programmes.values())
    return render_page(
        PROGRAMMES_PATH,
        "Programmer",
        "data/programmes.yaml",
        "programmes_index.md.j2",
        programmes=[(p, catalogue.source_of(p)) for p in programmes],
        located=located,
    )


def programme_page(catalogue: Catalogue, programme: Programme) -> Page:
    return render_page(
        programme_path(programme),
        programme.name,
        "data/programmes.yaml",
        "programme.md.j2",
        line=catalogue.line_of("programmes.yaml", "programmes", programme.id),
        programme=programme,
        source=catalogue.source_of(programme),
        municipalities=[(m, catalogue.municipalities[m.municipality]) for m in programme.municipalities],
        element_links=[(link, catalogue.elements[link.element]) for link in programme.elements],
        discrepancies=programme_contradictions(catalogue, programme),
        located=located,
    )
