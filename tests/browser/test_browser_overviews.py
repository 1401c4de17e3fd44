"""The two overviews in Chromium: filters and sort in the address, the same order as Python's, a phone's width,
the keyboard, and axe with filters applied. Fixtures (browser, server, page) are in tests/conftest.py."""

from __future__ import annotations

from pathlib import Path

from generator.domain.costs import columns_range, per_child_range
from generator.domain.overview import range_key, sort_order

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
READY = "form[data-kb-overview][data-kb-overview-ready] fieldset:not([disabled])"


def axe_violations(page) -> list[str]:
    """The ids of the WCAG 2.0/2.1 A and AA rules axe finds broken on the page as it stands."""
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(
        "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
        ".then(r => r.violations.map(v => v.id))"
    )


def shown(page, entries: str) -> list[str]:
    """The visible entries' first links (their pages), in the order shown."""
    return page.eval_on_selector_all(
        entries, "es => es.filter(e => !e.hidden).map(e => e.querySelector('a').getAttribute('href'))"
    )


def test_projects_filter_and_sort_live_in_the_address_and_survive_a_reload(real_catalogue, page, server):
    page.goto(server + "puljeprojekter/")
    page.wait_for_selector(READY)
    page.select_option("select[name=dagtilbud]", "vuggestue")
    page.select_option("select[name=sort]", "pris")
    assert page.url.endswith("puljeprojekter/?dagtilbud=vuggestue&sort=pris")

    projects = [p for p in real_catalogue.projects.values() if "vuggestue" in p.daycare_types]
    order = sort_order([range_key(per_child_range(p)) for p in projects])
    expected = [f"{projects[i].id}/" for i in order]
    assert shown(page, "#kb-projects tbody tr") == expected
    status = f"Viser {len(projects)} af {len(real_catalogue.projects)} puljeprojekter."
    assert page.locator(".kb-filter-status").text_content() == status

    page.reload()
    page.wait_for_selector(READY)
    assert page.locator("select[name=dagtilbud]").input_value() == "vuggestue"
    assert page.locator("select[name=sort]").input_value() == "pris"
    assert shown(page, "#kb-projects tbody tr") == expected

    page.locator(".kb-overview-form button[type=reset]").click()
    page.wait_for_function("!location.search")
    assert len(shown(page, "#kb-projects tbody tr")) == len(real_catalogue.projects)
    assert page.foreign == []


def test_elements_open_filtered_and_sorted_from_a_shared_address(real_catalogue, page, server):
    page.goto(server + "elementer/?formaal=sprog&sort=pris-hoej&ukendt=1")
    page.wait_for_selector(READY)
    catalogue = real_catalogue
    elements = [
        e
        for e in catalogue.elements.values()
        if any("sprog" in {o.outcome for o in r.project.outcomes} for r in catalogue.projects_of(e))
    ]
    ranges = [columns_range([c.column for c in catalogue.activity_costs(e)]) for e in elements]
    order = sort_order([range_key(r, descending=True) for r in ranges])
    assert 0 < len(elements) < len(catalogue.elements)
    assert shown(page, "#kb-elements > section") == [f"{elements[i].id}.md".replace(".md", "/") for i in order]


# From the end of parsing (before any deferred script runs): every element that got or lost children.
CHANGED_LISTS = """window.kbChanged = [];
document.addEventListener('readystatechange', () => {
  if (document.readyState !== 'interactive') return;
  new MutationObserver(records => { for (const r of records) window.kbChanged.push(r.target); })
    .observe(document.body, {childList: true, subtree: true});
});"""


def test_an_overview_opened_without_a_choice_keeps_its_entries_where_they_are(browser, server):
    """Moving every entry to where it already is makes the browser lay the overview out again after load (about
    0.2 s of a phone's main thread under Lighthouse): with nothing chosen, no entry moves."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.add_init_script(CHANGED_LISTS)
    for path in ("puljeprojekter/", "elementer/"):
        page.goto(server + path)
        page.wait_for_selector(READY)
        moved = page.evaluate(
            """() => {
              const list = document.getElementById(document.querySelector('form[data-kb-overview]').dataset.kbOverview);
              const parent = list.tBodies ? list.tBodies[0] : list;
              return window.kbChanged.filter(target => target === parent).length;
            }"""
        )
        assert moved == 0, path
    context.close()


def test_overviews_fit_a_phone_work_with_the_keyboard_and_pass_axe(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    for path in ("puljeprojekter/", "elementer/"):
        page.goto(server + path + "?maalgruppe=maalrettet")
        page.wait_for_selector(READY)
        assert page.evaluate("document.documentElement.scrollWidth") <= 390, path
        page.locator("select[name=dagtilbud]").focus()
        assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
        page.keyboard.press("ArrowDown")  # choose the first daycare type with the keyboard
        page.wait_for_function("location.search.includes('dagtilbud=')")
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.name") == "maalgruppe"
        assert axe_violations(page) == [], path
    context.close()


LAYOUT_SHIFT = """window.kbShift = 0;
new PerformanceObserver(list => {
  for (const e of list.getEntries()) if (!e.hadRecentInput) window.kbShift += e.value;
}).observe({type: 'layout-shift', buffered: true});"""


def test_filters_appear_without_moving_the_page(browser, built, server):
    """Cumulative layout shift on every page whose filters a script shows, on a phone, once they are shown."""
    paths = sorted(
        p.parent.relative_to(built).as_posix() + "/"
        for p in built.rglob("index.html")
        if 'class="kb-filters"' in p.read_text(encoding="utf-8")
    )
    assert paths  # the cases page and Økonomi at least
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.add_init_script(LAYOUT_SHIFT)
    shifted = {}
    for path in paths:
        page.goto(server + path)
        page.wait_for_selector("form.kb-filters:not([hidden])")
        page.wait_for_load_state("load")
        shift = page.evaluate("window.kbShift")
        if shift > 0.01:
            shifted[path] = round(shift, 3)
    context.close()
    assert shifted == {}
