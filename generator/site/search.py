"""What the search knows of a page besides its text: its kind, and the municipalities and elements it is about.

Every page of the docs tree ends with a hidden block (``facets_html``) that Pagefind reads as a result's kind
(``data-pagefind-meta``) and as filters (``data-pagefind-filter``); ``data-pagefind-ignore`` keeps its words out
of the page's text. Made here, from the page's address and the catalogue, so that no template needs to know.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from markupsafe import escape

from ..data.catalogue import Catalogue
from .urls import (
    CASES_PATH,
    ECONOMY_PATH,
    RECOMMENDATIONS_PATH,
    element_path,
    municipality_path,
    programme_path,
    project_path,
)

# The kinds a result shows, and the search page's filter offers, in this order (content/soeg.md).
KINDS = ("element", "puljeprojekt", "aktivitet", "kommunalt eksempel", "program", "kommune", "anbefaling", "side")
# The filters' names, as the search page's script reads them.
KIND, MUNICIPALITY, ELEMENT = "type", "kommune", "element"


@dataclass(frozen=True)
class Facets:
    kind: str
    municipalities: list[str] = field(default_factory=list)
    elements: list[str] = field(default_factory=list)


def page_facets(catalogue: Catalogue) -> dict[str, Facets]:
    """Facets of the pages that are more than a ``side``, by docs path."""
    found: dict[str, Facets] = {
        ECONOMY_PATH: Facets("aktivitet"),  # every costed activity of every project, with its elements
        CASES_PATH: Facets("kommunalt eksempel"),
        RECOMMENDATIONS_PATH: Facets("anbefaling"),
    }
    name = {element.id: element.name for element in catalogue.elements.values()}
    for element in catalogue.elements.values():
        places = [catalogue.municipalities[example.municipality].short_name for example in element.examples]
        projects = [catalogue.municipality_of(link.project).short_name for link in catalogue.projects_of(element)]
        found[element_path(element)] = Facets("element", _unique(places + projects), [element.name])
    by_municipality: dict[str, list[str]] = {}
    for project in catalogue.projects.values():
        elements = [link.element.name for link in catalogue.elements_of(project)]
        by_municipality.setdefault(project.municipality, []).extend(elements)
        found[project_path(project)] = Facets(
            "puljeprojekt", [catalogue.municipality_of(project).short_name], _unique(elements)
        )
    for programme in catalogue.programmes.values():
        places = [catalogue.municipalities[m.municipality].short_name for m in programme.municipalities]
        found[programme_path(programme)] = Facets(
            "program", _unique(places), _unique([name[link.element] for link in programme.elements])
        )
    for municipality in catalogue.municipalities.values():
        elements = _unique(by_municipality.get(municipality.id, []))
        found[municipality_path(municipality)] = Facets("kommune", [municipality.short_name], elements)
    return found


def _unique(values: list[str]) -> list[str]:
    return sorted(set(values))


def facets_html(facets: Facets) -> str:
    """The hidden block at the end of a page's Markdown (raw HTML, every value escaped)."""
    spans = [f'<span data-pagefind-meta="type">{escape(facets.kind)}</span>']
    spans.append(f'<span data-pagefind-filter="{KIND}">{escape(facets.kind)}</span>')
    spans += [f'<span data-pagefind-filter="{MUNICIPALITY}">{escape(m)}</span>' for m in facets.municipalities]
    spans += [f'<span data-pagefind-filter="{ELEMENT}">{escape(e)}</span>' for e in facets.elements]
    return f'\n\n<div class="kb-facets" hidden data-pagefind-ignore>{"".join(spans)}</div>\n'
