"""Long overviews in pages (site/paging.py): today's overviews are one page as before; with a smaller page size
(as if the data had grown) each page holds its part, a labelled pager and its own caveat notes, and page 1 carries
one escaped data file with every row; an overview page does not grow with the data."""

from __future__ import annotations

import json
import re

import pytest

from generator.data.catalogue import load_catalogue
from generator.site import paging
from generator.site.labels import DISCREPANCY_KIND_LABELS
from generator.site.pages import contradictions
from generator.site.pages.about import evaluation_pages
from generator.site.pages.base import NOT_SEARCHED, script_json
from generator.site.pages.budget import budget_page
from generator.site.pages.cases import cases_pages
from generator.site.pages.contradictions import all_contradictions, contradictions_pages
from generator.site.pages.economy import economy_pages
from generator.site.pages.explorer import explorer_data, explorer_pages
from generator.site.pages.municipalities import municipalities_index_pages, municipality_page
from generator.site.pages.overviews import elements_index_pages, projects_index_pages
from generator.site.pages.report import chapter_pages

from ..helpers import edit, html

OVERVIEWS = [projects_index_pages, economy_pages, cases_pages, elements_index_pages, municipalities_index_pages]
SMALL = 10  # rows per page in these tests: today's data then fills several pages
FEW = 4  # for the nine elements


@pytest.fixture
def small_pages(monkeypatch, request) -> int:
    """Rows per page for the test's overview (SMALL; FEW for the elements)."""
    params = getattr(request.node, "callspec", None)
    size = FEW if params and params.params.get("overview") is elements_index_pages else SMALL
    monkeypatch.setattr(paging, "ROWS_PER_PAGE", size)
    return size


def rows(page) -> list:
    """The rows of the overview's table (the municipalities': of each region's table; the elements': its cards)."""
    soup = html(page.markdown)
    if soup.select("#kb-elements"):
        return soup.select("#kb-elements > section")
    tables = soup.select("#kb-projects, #kb-costs, #kb-cases") or soup.select("table")
    return [tr for table in tables for tr in table.select("tbody tr")]


@pytest.mark.parametrize("overview", OVERVIEWS)
def test_an_overview_that_fits_is_one_page_as_before(real_catalogue, overview):
    (page,) = overview(real_catalogue)
    assert page.files == ()
    assert "kb-pager" not in page.markdown and "paging.js" not in page.markdown and "data-kb-rows" not in page.markdown


def test_a_pager_names_the_first_the_last_and_the_nearest_pages():
    assert paging.window(1, 1) == [1]
    assert paging.window(1, 4) == [1, 2, 3, 4]
    assert paging.window(6, 11) == [1, None, 4, 5, 6, 7, 8, None, 11]
    assert paging.window(11, 11) == [1, None, 9, 10, 11]
    assert paging.window(4, 7) == [1, 2, 3, 4, 5, 6, 7]
    assert max(len(paging.window(n, 10_000)) for n in range(1, 10_001, 97)) == 2 * paging.NEAR + 5


def href(here: int, there: int) -> str:
    """The pager's link from page ``here`` to page ``there``: page 1 is the overview's folder, page n side-n/."""
    if here == there:
        return "./"
    target = f"side-{there}/" if there > 1 else ""
    return target if here == 1 else "../" + target


@pytest.mark.parametrize("overview", OVERVIEWS)
def test_a_long_overview_has_numbered_pages_with_a_labelled_pager(real_catalogue, small_pages, overview):
    pages = overview(real_catalogue)
    assert len(pages) > 1
    root = pages[0].path
    assert [p.path for p in pages[1:]] == [root.replace("index.md", f"side-{n}.md") for n in range(2, len(pages) + 1)]
    assert pages[1].title == f"{pages[0].title}, side 2"
    assert not pages[0].markdown.startswith("---") and all(p.markdown.startswith(NOT_SEARCHED) for p in pages[1:])
    counts = [len(rows(p)) for p in pages]
    assert all(0 < n <= small_pages for n in counts) and counts[:-1] == [small_pages] * (len(pages) - 1)
    for number, page in enumerate(pages, start=1):
        nav = html(page.markdown).find("nav", class_="kb-pager")
        assert nav["aria-label"].startswith("Sider: ")
        items = nav.find_all("li")
        named = paging.window(number, len(pages))
        assert [li.get_text() for li in items] == [str(n) if n else "…" for n in named]
        links = nav.find_all("a")
        assert [a.get("aria-current") for a in links] == ["page" if n == number else None for n in named if n]
        assert [a["href"] for a in links] == [href(number, n) for n in named if n]


@pytest.mark.parametrize("overview", OVERVIEWS[:4])
def test_page_one_carries_every_row_as_escaped_html_for_the_script(real_catalogue, small_pages, overview):
    pages = overview(real_catalogue)
    (path, data), (options_path, options) = pages[0].files
    assert path.startswith("data/oversigter/") and all(p.files == () for p in pages[1:])
    assert options_path == path.replace(".json", "-valg.json")
    assert all(b"<" not in d and b"&" not in d for d in (data, options))  # inert even if read as HTML
    every = json.loads(data)["rows"]
    assert len(every) == sum(len(rows(p)) for p in pages)
    first = html("\n".join(every[:small_pages])).find_all(rows(pages[0])[0].name)
    assert [row.find("a").get_text() for row in first] == [row.find("a").get_text() for row in rows(pages[0])]
    table = html(pages[1].markdown).find(attrs={"data-kb-rows": True})
    assert table["data-kb-rows"] == "../../" + path and table["data-kb-root"] == "../"
    assert (table["data-kb-page"], table["data-kb-per-page"], table["data-kb-total"]) == (
        "2",
        str(small_pages),
        str(len(every)),
    )


def test_a_filter_that_grows_with_the_data_takes_its_choices_from_a_file(real_catalogue, small_pages):
    """Økonomi's project filter has more choices than a page has rows: the page names the select, the file fills it."""
    one = economy_pages(real_catalogue)
    options = json.loads(one[0].files[1][1])
    projects = [p for p in real_catalogue.projects.values() if p.cost]
    assert [value for value, _ in options["project"]] == [p.id for p in projects] and "partner" not in options
    for page in one:
        select = html(page.markdown).find("select", attrs={"name": "project"})
        assert select.has_attr("data-kb-options") and [o["value"] for o in select.find_all("option")] == [""]
        partner = html(page.markdown).find("select", attrs={"name": "partner"})
        assert len(partner.find_all("option")) > 1 and not partner.has_attr("data-kb-options")


def test_the_data_file_keeps_a_hostile_title_as_text(real, small_pages):
    payload = "<script>alert(1)</script>&lt;b&gt;"
    edit(real / "data" / "projects.yaml", 'title: "Læsevenner"', f'title: "Læsevenner {payload}"')
    silkeborg = "Målrettet samarbejde mellem forældre, sundhedsplejen og dagtilbud"  # costed: in Økonomi's filter
    edit(real / "data" / "projects.yaml", f'title: "{silkeborg}"', f'title: "{silkeborg} {payload}"')
    catalogue = load_catalogue(real / "data")
    pages = projects_index_pages(catalogue)
    row = json.loads(pages[0].files[0][1])["rows"][-1]
    assert "<script>" not in row and "&lt;script&gt;alert(1)&lt;/script&gt;&amp;lt;b&amp;gt;" in row
    assert html(row).find("a").get_text() == f"Læsevenner {payload}"
    assert "<script>alert" not in pages[1].markdown
    options = economy_pages(catalogue)[0].files[1][1]  # the script puts a choice's text in as text
    assert b"<" not in options and any(payload in text for _, text in json.loads(options)["project"])


def test_each_page_lists_the_caveat_notes_its_numbers_point_to(real_catalogue, small_pages):
    overviews = [economy_pages, projects_index_pages, elements_index_pages]
    for page in [page for overview in overviews for page in overview(real_catalogue)]:
        soup = html(page.markdown)
        marks = {a["href"].removeprefix("#") for a in soup.select("sup.kb-caveat a")}
        notes = {li["id"] for li in soup.select("ol.kb-caveat-notes li")}
        assert marks <= notes, page.path
        for li in soup.select("ol.kb-caveat-notes li"):  # a note names only the places on this page
            for place in li.strong.get_text().removesuffix(":").split("; "):
                assert place.split(":")[0] in page.markdown, (page.path, place)


def test_a_municipality_links_to_the_page_that_describes_its_case(real_catalogue, small_pages):
    cases = {p.path: p.markdown for p in cases_pages(real_catalogue)}
    linked = 0
    for municipality in real_catalogue.municipalities.values():
        markdown = municipality_page(real_catalogue, municipality).markdown
        for target, anchor in re.findall(r"\]\(\.\./(kommunale-eksempler/[^)#]*)#([^)]+)\)", markdown):
            assert f"{{ #{anchor} }}" in cases[target], (municipality.id, target, anchor)
            linked += target != "kommunale-eksempler/index.md"
    assert linked  # some cases stand on later pages


def test_overview_pages_do_not_grow_with_the_data(real_catalogue, small_pages, synthetic_twice):
    grown = load_catalogue(synthetic_twice / "data")
    for overview in OVERVIEWS:
        today = max(len(p.markdown) for p in overview(real_catalogue))
        larger = overview(grown)
        assert max(len(p.markdown) for p in larger) <= 1.25 * today, overview.__name__
        assert all(len(rows(p)) <= SMALL for p in larger)


def test_a_long_activity_list_leaves_the_calculator_page_for_its_file(real_catalogue, small_pages):
    page = budget_page(real_catalogue)
    ((path, data),) = page.files
    soup = html(page.markdown)
    assert soup.find(id="kb-budget-activities")["data-kb-src"] == "../../" + path
    assert soup.find(id="kb-budget-data") is None and soup.find("input", attrs={"name": "activity"}) is None
    assert b"<" not in data
    file = json.loads(data)
    keys = [box["value"] for box in html(file["activities"]).find_all("input", attrs={"name": "activity"})]
    assert keys == [a["key"] for a in file["data"]["activities"]] == [a.key for a in real_catalogue.budget_activities]
    assert [value for value, _ in file["filters"]["project"]] == list(
        dict.fromkeys(a.project.id for a in real_catalogue.budget_activities)
    )
    left_out = html(file["activities"]).find_all("p", class_="kb-meta")[-1]  # a list that grows with the data too
    assert left_out.get_text().startswith("Ikke med i beregneren") and "Ikke med i beregneren" not in page.markdown
    assert all(a["href"].startswith("../../puljeprojekter/") for a in left_out.find_all("a"))


def long_tables(catalogue) -> list[list]:
    """The report chapter with table 1 and Om evalueringen, each with the numbered pages of its long table."""
    chapter = next(
        c for c in catalogue.report.chapters if any(b.kind == "tabel-1" for s in c.sections for b in s.blocks)
    )
    return [chapter_pages(catalogue, chapter), evaluation_pages(catalogue)]


def test_a_long_table_in_a_page_continues_on_numbered_pages_of_its_own(real_catalogue, small_pages):
    """Table 1 and table 2 (a row per project): the page keeps its text and the first rows, the rest follow."""
    for pages in long_tables(real_catalogue):
        root = pages[0].path
        assert len(pages) == -(-len(real_catalogue.projects) // SMALL) and pages[0].files == ()
        assert [p.path for p in pages[1:]] == [root.replace(".md", f"/side-{n}.md") for n in range(2, len(pages) + 1)]
        assert all(p.markdown.startswith(NOT_SEARCHED) for p in pages[1:])
        titles = []
        for number, page in enumerate(pages, start=1):
            soup = html(page.markdown)
            table = next(t for t in soup("table") if t.caption.get_text() == soup.find("nav")["aria-label"][7:])
            titles += [tr.th.a.get_text() for tr in table.tbody("tr")]
            assert [a.get("aria-current") for a in soup.find("nav", class_="kb-pager")("a")].count("page") == 1
            if number > 1:
                assert f"]({'../' + root.rsplit('/', 1)[-1]})" in page.markdown  # back to the page it belongs to
                assert page.title == f"{table.caption.get_text()}, side {number}"
        assert titles == [
            p.phases.row_label if "evalueringen" in root else p.title for p in real_catalogue.projects.values()
        ]


def test_a_table_that_fits_stays_in_its_page(real_catalogue):
    for pages in long_tables(real_catalogue):
        assert len(pages) == 1 and "kb-pager" not in pages[0].markdown


def test_many_contradictions_come_in_pages_that_each_say_where_every_kind_begins(real_catalogue, small_pages):
    pages = contradictions_pages(real_catalogue)
    found = all_contradictions(real_catalogue)
    assert len(pages) == -(-len(found) // SMALL) > 1
    assert not pages[0].markdown.startswith("---\nsearch:\n  exclude") and all(
        p.markdown.startswith("---\nsearch:\n  exclude: true\n---") for p in pages[1:]
    )
    soups = [html(p.markdown.split("---\n", 2)[2]) for p in pages]
    shown = [h3["id"] for soup in soups for h3 in soup("h3")]
    assert shown == [c.anchor for kind in DISCREPANCY_KIND_LABELS for c in found if c.kind == kind]
    assert all(len(soup("h3")) <= SMALL for soup in soups)
    begins = {}
    for number, soup in enumerate(soups, start=1):
        for h2 in soup("h2"):
            begins.setdefault(h2["id"], number)
            assert h2.get_text().endswith("fortsat)") == (begins[h2["id"]] < number)
    for number, soup in enumerate(soups, start=1):
        strip = {a["href"].split("#")[1]: a["href"].split("#")[0] for a in soup.select("dl.kb-strip a")}
        assert strip == {kind: href(number, begins[kind]) if begins[kind] != number else "" for kind in begins}
        nav = soup.find("nav", class_="kb-pager")
        assert [a["href"] for a in nav("a")] == [href(number, n) for n in paging.window(number, len(pages)) if n]


def test_many_elements_leave_the_explorer_page_for_its_file_and_its_tables_pages(real_catalogue, monkeypatch):
    """More elements than a page has rows: no checkbox for each, the script's data in its file, no pictures, and
    both tables continue on numbered pages of their own; with today's nine, the page is as it was."""
    (today,) = explorer_pages(real_catalogue)
    soup = html(today.markdown)
    assert today.files == () and soup.find(id="kb-combo-data") and len(soup("svg")) == 2
    assert len(soup("input", attrs={"name": "element"})) == len(real_catalogue.elements)

    monkeypatch.setattr(paging, "ROWS_PER_PAGE", FEW)
    page, *later = explorer_pages(real_catalogue)
    soup = html(page.markdown)
    ((path, data),) = page.files
    assert json.loads(data) == json.loads(script_json(explorer_data(real_catalogue)))
    assert soup.find("form", id="kb-combo")["data-kb-src"] == "../../" + path
    assert soup.find(id="kb-combo-data") is None and soup.find("input", attrs={"name": "element"}) is None
    assert soup.find("input", id="kb-combo-find") and not soup("svg")
    assert len(soup.select(".admonition li")) == FEW and f"her de første {FEW}" in page.markdown  # of 8
    folders = {p.path.rsplit("/", 1)[0] for p in later}
    assert folders == {"elementer/sammensaet/kombinationer", "elementer/sammensaet/projekter"}
    rows = [tr for p in [page, *later] for tr in html(p.markdown).select("tbody tr")]
    assert len(rows) == len(real_catalogue.elements) + len(real_catalogue.projects)


def test_a_contradiction_shown_on_many_pages_names_the_first_and_counts_the_rest(real_catalogue, monkeypatch):
    monkeypatch.setattr(contradictions, "SHOWN_PLACES", 1)
    soup = html(contradictions_pages(real_catalogue)[0].markdown)
    twice = [c for c in all_contradictions(real_catalogue) if len(c.shown) == 2]
    assert twice
    for item in twice:
        meta = soup.find("h3", id=item.anchor).find_next_sibling("p")
        assert [a.get_text() for a in meta("a")] == [item.shown[0].label]
        assert meta.get_text().endswith(" og 1 side mere")
