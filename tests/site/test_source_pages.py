"""Programmes, municipal cases, recommendations and the municipality pages."""

from __future__ import annotations

from decimal import Decimal

import pytest

from generator.data.catalogue import load_catalogue
from generator.data.problems import DataError
from generator.pipeline import build_site
from generator.site.chart import Bar, bar_chart, percent
from generator.site.pages.cases import cases_page
from generator.site.pages.municipalities import municipalities_index_page, municipality_page
from generator.site.pages.programmes import programme_page
from generator.site.pages.recommendations import recommendations_page

from ..helpers import assert_golden, edit, html


@pytest.fixture
def catalogue(real_catalogue):
    return real_catalogue


@pytest.mark.parametrize("programme_id", ["boerneliv-i-sund-balance", "it-takes-a-village"])
def test_golden_programme_page(catalogue, programme_id):
    page = programme_page(catalogue, catalogue.programmes[programme_id])
    assert page.path == f"programmer/{programme_id}.md"
    assert_golden(f"pages/programme_{programme_id}.md", page.markdown)


def test_golden_recommendations_and_municipality_pages(catalogue):
    assert_golden("pages/recommendations.md", recommendations_page(catalogue).markdown)
    assert_golden(
        "pages/municipality_aalborg.md", municipality_page(catalogue, catalogue.municipalities["aalborg"]).markdown
    )


def test_programme_page_puts_key_facts_first_and_labels_editorial_links(catalogue):
    programme = catalogue.programmes["boerneliv-i-sund-balance"]
    page = html(programme_page(catalogue, programme).markdown)
    assert page.find("h2").get_text() == "Kort fortalt"
    text = page.get_text(" ", strip=True)
    assert "31 dagtilbud" in text and "16 daginstitutioner" in text  # the contradiction, both readings
    for link in programme.elements:
        item = page.find("a", string=catalogue.elements[link.element].name).find_parent("li").get_text(" ")
        assert ("Redaktionel vurdering" in item) == (link.basis == "redaktionel")


def test_every_mentioned_municipality_has_a_page_linking_to_what_mentions_it(catalogue):
    site_pages = {}
    for municipality in catalogue.municipalities.values():
        mentions = catalogue.mentions_of(municipality)
        assert mentions.any, municipality.id
        page = municipality_page(catalogue, municipality)
        site_pages[municipality.id] = page
        links = [a["href"] for a in html(page.markdown)("a")]
        for project in mentions.projects:
            assert f"../puljeprojekter/{project.id}.md" in links
        for programme in mentions.programmes:
            assert any(href.startswith(f"../programmer/{programme.id}.md") for href in links)
        for case in mentions.cases:
            assert f"../kommunale-eksempler/index.md#{case.id}" in links
    assert len(site_pages) >= 40


def test_municipality_page_shows_its_regions_absence_figure(catalogue):
    page = html(municipality_page(catalogue, catalogue.municipalities["morsoe"]).markdown)
    text = page.get_text(" ", strip=True)
    assert "Region Nordjylland" in text and "19,9%" in text
    assert "Fælles om børnelivet" in text


def test_municipalities_index_groups_by_region(catalogue):
    page = html(municipalities_index_page(catalogue).markdown)
    regions = [h.get_text() for h in page("h2")]
    assert regions == [r.name for r in catalogue.regions.values()]
    nordjylland = page.find("h2", string="Region Nordjylland").find_next("table")
    assert "Aalborg" in nordjylland.get_text() and "København" not in nordjylland.get_text()


def test_cases_page_lists_every_case_filterable(catalogue):
    page = html(cases_page(catalogue).markdown)
    rows = page.find("table", id="kb-cases").tbody("tr")
    assert len(rows) == len(catalogue.cases.cases)
    themes = {t.id for t in catalogue.cases.theme_meetings}
    assert all(row["data-theme"] in themes for row in rows)
    form = page.find("form", class_="kb-filters")
    assert form.has_attr("hidden") and {s["name"] for s in form("select")} == {"municipality", "theme"}
    for case in catalogue.cases.cases:
        assert f"{{ #{case.id} }}" in cases_page(catalogue).markdown, case.id  # the heading's anchor


def test_recommendations_page_has_chart_and_the_same_numbers_in_a_table(catalogue):
    page = html(recommendations_page(catalogue).markdown)
    svg = page.find("svg")
    assert svg["role"] == "img" and svg.find("title") and svg.find("desc")
    table = page.find("table")
    values = [td.get_text() for td in table("td", class_="kb-num")]
    assert values == [
        f.value for f in sorted(catalogue.recommendations.absence.figures, key=lambda f: f.area != "landsplan")
    ]
    assert values[0] == "22,8%"
    assert all(v in svg.find("desc").get_text() for v in values)
    assert len(page.find_all("div", class_="admonition")) == sum(
        len(r.items) for r in catalogue.recommendations.recommendations
    )


def test_chart_escapes_labels_and_scales_bars():
    svg = bar_chart(
        [Bar("<script>alert(1)</script>", Decimal(10), "10%"), Bar("B & C", Decimal(20), "20%", highlight=True)],
        title="T <b>",
        description="D",
        chart_id="c",
    )
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "B &amp; C" in svg
    widths = [int(part.split('"')[0]) for part in svg.split('width="')[2:]]
    assert widths == [150, 300]
    assert percent("22,8%") == Decimal("22.8")


def test_minimal_site_has_the_new_pages(minimal):
    paths = {p.path for p in build_site(minimal).pages}
    assert {"programmer/sund-start.md", "kommunale-eksempler/index.md", "anbefalinger/index.md"} <= paths
    assert {"kommuner/index.md", "kommuner/nordby.md", "kommuner/sydby.md"} <= paths


@pytest.mark.parametrize(
    "file,old,new,message",
    [
        ("cases.yaml", "municipalities: [nordby]", "municipalities: [nordbyy]", "unknown municipality 'nordbyy'"),
        ("cases.yaml", "    theme: temamoede-1", "    theme: temamoede-9", "unknown theme meeting 'temamoede-9'"),
        ("municipalities.yaml", "    region: nord\n", "    region: nordd\n", "unknown region 'nordd'"),
        ("programmes.yaml", "      - element: sprogkuffert", "      - element: sprogkufert", "unknown element"),
        (
            "programmes.yaml",
            "        basis: redaktionel\n",
            '        basis: redaktionel\n        quote: "Et citat."\n',
            "an editorial link has no `quote`",
        ),
        ("recommendations.yaml", "{area: syd,", "{area: vest,", "unknown area 'vest'"),
    ],
)
def test_bad_references_in_the_other_sources_are_located_errors(minimal, file, old, new, message):
    edit(minimal / "data" / file, old, new)
    with pytest.raises(DataError) as caught:
        load_catalogue(minimal / "data")
    found = [p.format() for p in caught.value.problems]
    assert any(f"data/{file}:" in m and message in m for m in found), found


def test_a_municipality_nobody_mentions_is_a_warning(minimal):
    municipalities = minimal / "data" / "municipalities.yaml"
    text = municipalities.read_text(encoding="utf-8")
    municipalities.write_text(
        text + '  - id: vestby\n    name: "Vestby Kommune"\n    short_name: "Vestby"\n    region: nord\n'
    )
    catalogue = load_catalogue(minimal / "data")
    assert any("no entry mentions municipality 'vestby'" in w.format() for w in catalogue.warnings)
    assert "kommuner/vestby.md" not in {p.path for p in build_site(minimal).pages}


@pytest.mark.parametrize(
    "file,old,new,message",
    [
        ("search.yaml", '  - word: "koster"', '  - word: "<b>koster</b>"', "search.yaml"),
        ("recommendations.yaml", 'value: "28,7%"', 'value: "ca. 28,7%"', "absence.figures[2].value"),
        ("cases.yaml", "  - id: galleri-sydby", "  - id: temamoede-1", "duplicate id on the cases page"),
    ],
)
def test_values_that_would_break_a_page_are_errors(minimal, file, old, new, message):
    edit(minimal / "data" / file, old, new)
    with pytest.raises(DataError) as caught:
        load_catalogue(minimal / "data")
    assert any(message in p.format() for p in caught.value.problems), [p.format() for p in caught.value.problems]
