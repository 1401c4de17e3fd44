"""Danish labels for the data's enumerated values (maturity, partners, daycare types …)."""

from __future__ import annotations

from ..data.catalogue import Catalogue
from ..data.models import Project

MATURITY_LABELS = {
    "modnet": "Modnet",
    "delvist-modnet": "Delvist modnet",
    "ikke-modnet": "Ikke modnet",
}


PARTNER_LABELS = {
    "foraeldre": "Forældre",
    "sundhedsplejerske": "Sundhedsplejerske",
    "socialraadgiver": "Socialrådgiver",
    "frivillige": "Frivillige",
}


DAYCARE_LABELS = {
    "vuggestue": "Vuggestue",
    "boernehave": "Børnehave",
    "dagpleje": "Dagpleje",
    "aldersintegreret": "Aldersintegreret",
}


REACH_LABELS = {
    "universel": "Universel",
    "maalrettet": "Målrettet",
    "universel-og-maalrettet": "Universel og målrettet",
}


PHASE_LABELS = {
    "konkretisering": "Konkretisering",
    "udbredelse": "Udbredelse",
    "virkning": "Virkning",
    "afsluttet": "Afsluttet",
}


ASSESSMENT_LABELS = {
    "velimplementeret": "Velimplementeret",
    "implementeret": "Implementeret",
    "delvist-implementeret": "Delvist implementeret",
    "ikke-implementeret": "Ikke implementeret",
}


def project_label(catalogue: Catalogue, project: Project) -> str:
    """How the site names a project wherever it lists several: 'Kommune: Titel'."""
    return f"{catalogue.municipality_of(project).short_name}: {project.title}"
