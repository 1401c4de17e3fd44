"""Long overviews in Chromium (site/paging.py): twice today's data (``synthetic_twice``) with ten rows a page, so
every overview has several pages. Without script the pager reaches every row; with it a filter finds rows that are
not on the first page, the address keeps filters, sort and page, and nothing moves while the rows come."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from playwright.sync_api import expect

from generator.cli import generate
from generator.data.catalogue import load_catalogue
from generator.domain.budget import Line, totals
from generator.domain.costs import per_child_range
from generator.domain.overview import range_key, sort_order
from generator.site import paging

from ..conftest import made_once, recording_page, serve
from ..site.test_page_structure import structure_problems
from .test_browser_budget import kroner
from .test_browser_overviews import LAYOUT_SHIFT, axe_violations

PER_PAGE = 10
OVERVIEWS = ("puljeprojekter", "elementer", "oekonomi", "kommunale-eksempler", "kommuner")
OVERVIEW_READY = "form[data-kb-overview][data-kb-overview-ready] fieldset:not([disabled])"
COSTS_READY = "form[data-kb-filter-for=kb-costs]:not([hidden])"
SETTLED = "!document.documentElement.classList.contains('kb-rows-pending')"


def _make(folder: Path, project: Path) -> None:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(paging, "ROWS_PER_PAGE", PER_PAGE)
        assert generate(project) == 0
    site = str(folder / "site")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", "build/mkdocs.yml", "-d", site]
    result = subprocess.run(command, cwd=project, capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


@pytest.fixture(scope="session")
def paged(tmp_path_factory, synthetic_twice) -> Path:
    """The site of twice today's data with PER_PAGE rows a page, built once per test run."""
    return made_once(tmp_path_factory, "paged", lambda folder: _make(folder, synthetic_twice))


@pytest.fixture(scope="session")
def paged_catalogue(synthetic_twice):
    return load_catalogue(synthetic_twice / "data")


@pytest.fixture(scope="session")
def paged_server(paged) -> Iterator[str]:
    yield from serve(paged / "site")


@pytest.fixture
def page(browser, paged_server):
    """A fresh page on the synthetic site that records every request to another host."""
    yield from recording_page(browser, paged_server)


def visible(page, rows: str, attribute: str = "href") -> list[str]:
    """The visible rows' first links (or another attribute of the row), in the order shown."""
    script = (
        "(rs, a) => rs.filter(r => !r.hidden).map(r => a === 'href' ? r.querySelector('a').getAttribute('href')"
        " : r.getAttribute(a))"
    )
    return page.eval_on_selector_all(rows, script, attribute)


def current_page(page) -> str:
    return page.locator("nav.kb-pager a[aria-current=page]").text_content()


def test_without_script_the_pager_reaches_every_project(browser, paged_catalogue, paged_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(paged_server + "puljeprojekter/")
    nav = page.get_by_role("navigation", name="Sider: puljeprojekterne")
    count = -(-len(paged_catalogue.projects) // PER_PAGE)
    assert nav.get_by_role("link").count() == count > 1
    seen = []
    for number in range(1, count + 1):
        if number > 1:
            nav.get_by_role("link", name=f"Side {number}").click()
            page.wait_for_url(f"**/puljeprojekter/side-{number}/")
        assert current_page(page) == str(number)
        assert page.title().startswith("Puljeprojekter" + (f", side {number}" if number > 1 else ""))
        shown = visible(page, "#kb-projects tbody tr")
        assert 0 < len(shown) <= PER_PAGE
        seen += [href.rstrip("/").split("/")[-1] for href in shown]
    assert seen == list(paged_catalogue.projects)  # every project once, in the report's order
    context.close()


def test_a_filter_finds_activities_beyond_the_first_page(paged_catalogue, page, paged_server):
    page.goto(paged_server + "oekonomi/")
    page.wait_for_selector(COSTS_READY)
    first = set(visible(page, "#kb-costs tbody tr", "data-project"))
    project = next(p for p in reversed(paged_catalogue.projects.values()) if p.cost)  # a copy's, at the end
    assert project.id not in first
    page.select_option("select[name=project]", project.id)  # a choice from the filter's own file
    expected = [row for row in paged_catalogue.cost_rows if row.project.id == project.id]
    total = len(paged_catalogue.cost_rows)
    page.wait_for_function(
        "t => document.querySelector('form[data-kb-filter-for=kb-costs] [role=status]').textContent === t",
        arg=f"Viser {len(expected)} af {total} aktiviteter.",
    )
    assert visible(page, "#kb-costs tbody tr", "data-project") == [project.id] * len(expected)
    assert page.url.endswith(f"oekonomi/?project={project.id}")
    link = page.locator("#kb-costs tbody tr:not([hidden]) th a").first.get_attribute("href")
    assert link.endswith(f"/puljeprojekter/{project.id}/#omkostninger")  # the data file's link, from this page
    assert page.foreign == []


def test_filters_sort_and_page_live_in_the_address(paged_catalogue, page, paged_server):
    projects = list(paged_catalogue.projects.values())
    order = sort_order([range_key(per_child_range(p)) for p in projects])
    second = [f"{projects[i].id}/" for i in order][PER_PAGE : 2 * PER_PAGE]

    page.goto(paged_server + "puljeprojekter/")
    page.wait_for_selector(OVERVIEW_READY)
    page.select_option("select[name=sort]", "pris")
    page.get_by_role("navigation", name="Sider: puljeprojekterne").get_by_role("link", name="Side 2").click()
    page.wait_for_function("location.search.includes('side=2')")
    assert page.url.endswith("puljeprojekter/?sort=pris&side=2")
    assert [h.split("/puljeprojekter/")[-1] for h in visible(page, "#kb-projects tbody tr")] == second
    status = f"Viser {PER_PAGE + 1}–{2 * PER_PAGE} af {len(projects)} puljeprojekter."
    assert page.locator(".kb-filter-status").text_content() == status

    page.reload()
    page.wait_for_selector(OVERVIEW_READY)
    page.wait_for_function(SETTLED)
    assert page.locator("select[name=sort]").input_value() == "pris"
    assert current_page(page) == "2"
    assert [h.split("/puljeprojekter/")[-1] for h in visible(page, "#kb-projects tbody tr")] == second

    page.select_option("select[name=dagtilbud]", "boernehave")  # a filter starts again at page 1
    page.wait_for_function("location.search === '?sort=pris&dagtilbud=boernehave'")
    with_daycare = [p for p in projects if "boernehave" in p.daycare_types]
    shown = visible(page, "#kb-projects tbody tr")
    assert len(shown) == min(PER_PAGE, len(with_daycare)) and current_page(page) == "1"
    assert len(with_daycare) > PER_PAGE  # so the status names the page, the found and the whole
    status = f"Viser 1–{PER_PAGE} af {len(with_daycare)} fundne puljeprojekter ({len(projects)} i alt)."
    assert page.locator(".kb-filter-status").text_content() == status
    assert page.foreign == []


def test_a_shared_address_opens_without_moving_and_passes_axe(browser, paged_catalogue, paged_server):
    project = next(p for p in reversed(paged_catalogue.projects.values()) if p.cost)
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFT)
    page.goto(paged_server + f"oekonomi/side-2/?project={project.id}")
    page.wait_for_selector(COSTS_READY)
    page.wait_for_function(SETTLED)
    page.wait_for_load_state("load")
    assert set(visible(page, "#kb-costs tbody tr", "data-project")) == {project.id}
    assert page.evaluate("window.kbShift") <= 0.01
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(page) == []
    context.close()


def test_the_calculator_takes_its_activities_from_its_file(paged_catalogue, page, paged_server):
    """More activities than a page has rows: the list, the figures and the project filter come from the file."""
    activity = paged_catalogue.budget_activities[-1]  # a copy's, at the end
    page.add_init_script(LAYOUT_SHIFT)
    page.goto(paged_server + f"oekonomi/budget/?a={activity.key}")
    page.wait_for_selector("#kb-budget:not([hidden])")
    page.wait_for_load_state("load")
    assert page.evaluate("window.kbShift") <= 0.01  # the form kept its place while its activities came
    assert page.locator(f"input[name=activity][value='{activity.key}']").is_checked()
    expected = totals([Line(activity, count=1, times=activity.default_times)])
    expect(page.locator("output[name=running]")).to_have_text(kroner(expected.running))
    assert page.locator("#kb-budget-project option").count() == 1 + len(
        {a.project.id for a in paged_catalogue.budget_activities}
    )
    page.select_option("#kb-budget-project", activity.project.id)
    shown = page.eval_on_selector_all(".kb-budget-project:not([hidden])", "sets => sets.map(s => s.dataset.project)")
    assert shown == [activity.project.id]
    assert page.foreign == []


def test_every_page_of_the_paged_overviews_keeps_its_structure(paged):
    """The checks of every page of the real site (tests/site/test_page_structure.py), on every page of each overview
    and every numbered page of a long list or table (the explorer's, the contradictions', the report's)."""
    site = paged / "site"
    pages = [site / d / "index.html" for d in OVERVIEWS] + sorted(site.rglob("side-*/index.html"))
    assert len(pages) > 2 * len(OVERVIEWS)
    assert {"elementer/sammensaet/projekter", "om/uoverensstemmelser", "om/evalueringen"} <= {
        p.parent.parent.relative_to(site).as_posix() for p in pages
    }
    found = {}
    for path in pages:
        problems = structure_problems(BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser"))
        if problems:
            found[str(path.relative_to(site))] = problems
    assert found == {}


def test_the_scripts_pager_names_the_pages_the_generators_does(page, paged_server):
    """paging.js renumbers the pager by paging.window's rule, case by case."""
    page.goto(paged_server + "oekonomi/")
    page.wait_for_selector(COSTS_READY)
    cases = [(n, count) for count in range(1, 16) for n in range(1, count + 1)]
    got = page.evaluate("cases => cases.map(([n, c]) => window.kbPaging.window(n, c))", cases)
    assert got == [paging.window(n, count) for n, count in cases]


def test_only_the_first_page_of_an_overview_is_searched(paged):
    """The numbered pages repeat rows whose own pages the search finds: Pagefind indexes only what the theme marks
    (data-pagefind-body, overrides/main.html), and it marks no numbered page."""
    site = paged / "site"
    marked = {
        page.parent.relative_to(site).as_posix()
        for page in site.rglob("index.html")
        if " data-pagefind-body" in page.read_text(encoding="utf-8")
    }
    numbered = {page.parent.relative_to(site).as_posix() for page in site.rglob("side-*/index.html")}
    assert set(OVERVIEWS) <= marked
    assert numbered and not numbered & marked


def test_many_elements_page_like_the_projects_and_are_found_by_name_in_the_explorer(
    paged_catalogue, page, paged_server
):
    """More elements than a page has rows: the overview's cards come in pages, and the explorer, which then has no
    checkbox for each, lists those whose name or number is typed; its suggestions are still the rule's. The
    numbered pages of a long table and of the contradictions pass axe."""
    from generator.domain.combinations import selection

    elements = list(paged_catalogue.elements.values())
    page.goto(paged_server + "elementer/?side=2")
    page.wait_for_selector(OVERVIEW_READY)
    page.wait_for_function(SETTLED)
    cards = page.eval_on_selector_all("#kb-elements > section:not([hidden]) h2", "hs => hs.map(h => h.id)")
    assert cards == [f"element-{e.id}" for e in elements[PER_PAGE : 2 * PER_PAGE]]
    assert current_page(page) == "2"

    element = elements[-1]  # a copy's, beyond what a page would have listed
    page.goto(paged_server + "elementer/sammensaet/")
    page.wait_for_selector("#kb-combo:not([hidden])")
    page.fill("#kb-combo-find", str(element.number))
    expect(page.locator("#kb-combo-found")).to_have_text("1 element passer.")
    page.get_by_label(element.name, exact=True).check()
    page.wait_for_function("id => location.search === '?e=' + id", arg=element.id)
    expected = selection(paged_catalogue, [element])
    assert page.locator(".kb-combo-suggestions > li > a").all_text_contents() == [
        s.element.name for s in expected.suggestions
    ]
    page.fill("#kb-combo-find", "")  # the chosen one stays listed, ticked, before the others
    assert page.locator("#kb-combo input[name=element]").first.get_attribute("value") == element.id
    assert page.locator("#kb-combo input[name=element]").count() == min(len(elements), 21)
    assert axe_violations(page) == []
    page.reload()
    page.wait_for_selector("#kb-combo:not([hidden])")
    assert page.eval_on_selector_all("input[name=element]:checked", "bs => bs.map(b => b.value)") == [element.id]
    for numbered in ("om/evalueringen/side-2/", "om/uoverensstemmelser/side-2/"):  # the kinds of page they add
        page.goto(paged_server + numbered)
        assert page.get_by_role("navigation", name=re.compile("^Sider: ")).locator("[aria-current=page]").count() == 1
        assert axe_violations(page) == []
    assert page.foreign == []
