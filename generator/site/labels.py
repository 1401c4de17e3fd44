"""Danish labels for the data's enumerated values (maturity, partners, daycare types …)."""

from __future__ import annotations

from decimal import Decimal

from ..data.catalogue import Catalogue
from ..data.models import Project
from ..domain.costs import Bands
from ..domain.units import Interval

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


# The site's groups of the words in a project's purpose sentence (data: Project.outcomes).
OUTCOME_LABELS = {
    "laering": "Læring",
    "trivsel": "Trivsel",
    "sprog": "Sprog",
    "sundhed": "Sundhed",
    "foraeldresamarbejde": "Forældresamarbejde",
    "foraeldrekompetencer": "Forældrekompetencer",
    "tvaerfagligt-samarbejde": "Tværfagligt samarbejde",
    "tidlig-indsats": "Tidlig opsporing og indsats",
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


# The kinds of contradiction (data: Discrepancy.kind), in the order the contradictions page lists them.
DISCREPANCY_KIND_LABELS = {
    "tal": "Tal og tabeller",
    "tidspunkter": "Tidspunkter og kadence",
    "lister": "Lister",
    "vurderinger": "Status og vurderinger",
    "navne": "Navne og ordlyd",
}


def project_label(catalogue: Catalogue, project: Project) -> str:
    """How the site names a project wherever it lists several: 'Kommune: Titel'."""
    return f"{catalogue.municipality_of(project).short_name}: {project.title}"


# The staff groups of the cost tables, as the report names them (keys: domain.costs.STAFF_GROUPS).
# What a decision unit counts its occurrences per (data.models.Period).
PERIOD_LABELS = {"aar": "pr. år", "forloeb": "pr. forløb"}

STAFF_LABELS = {
    "paedagogisk_personale": "Pædagogisk personale",
    "paedagogisk_leder": "Pædagogisk leder",
    "vikarer": "Vikarer",
    "samarbejdspartner": "Samarbejdspartner",
}

BAND_LABELS = ["Meget lav", "Lav", "Middel", "Høj", "Meget høj"]  # the site's bands, lowest first


def band_label(bands: Bands, value: Decimal) -> str:
    return BAND_LABELS[bands.band(value)]


def band_span(bands: Bands, span: Interval) -> list[str]:
    """The bands of a range's two ends, lowest first (one band when both ends share it)."""
    return sorted({band_label(bands, span.low), band_label(bands, span.high)}, key=BAND_LABELS.index)


def band_ranges(bands: Bands) -> list[tuple[str, Decimal | None, Decimal | None]]:
    """(label, from, below) for each band; None at the open ends."""
    return [(label, *edges) for label, edges in zip(BAND_LABELS, bands.ranges(), strict=True)]
