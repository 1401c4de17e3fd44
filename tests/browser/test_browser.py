"""The built site in a real browser: Debian's Chromium, driven by Playwright.

Locally the tests are skipped when Chromium or Playwright is missing (scripts/test installs
both); in CI (the CI variable is set) a missing browser is a failure, never a skip. The fixtures
(browser, server, page) are in conftest.py, shared with tests/browser/test_browser_budget.py.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlencode, urlparse

import pytest
import yaml

from .sweep import PARTS, kinds, representatives, site_pages


def test_project_page_loads_nothing_from_other_hosts(page, server):
    page.goto(server + "puljeprojekter/maalrettet-samarbejde-mellem-foraeldre-sundhedsplejen-og-dagtilbud/")
    caption = page.locator("caption", has_text="Tabel 17")
    assert caption.is_visible()
    page.click("a[href='#kb-note-1']")
    assert page.locator("#kb-note-1").is_visible()
    assert page.foreign == []


def test_cases_filter_by_municipality_and_theme(page, server):
    page.goto(server + "kommunale-eksempler/")
    rows = "#kb-cases tbody tr"
    total = page.locator(rows).count()
    page.select_option("select[name=municipality]", "aalborg")
    shown = page.eval_on_selector_all(rows, "rs => rs.filter(r => !r.hidden).map(r => r.dataset.municipality)")
    assert 0 < len(shown) < total and all("aalborg" in m.split() for m in shown)
    page.select_option("select[name=theme]", "loesningsgalleri")
    both = page.eval_on_selector_all(rows, "rs => rs.filter(r => !r.hidden).map(r => r.dataset.theme)")
    assert both and set(both) == {"loesningsgalleri"}
    assert page.locator(".kb-filter-status").text_content() == f"Viser {len(both)} af {total} eksempler."
    assert page.foreign == []


def test_absence_chart_is_an_image_with_a_text_alternative(page, server):
    page.goto(server + "anbefalinger/")
    chart = page.locator("svg.kb-chart")
    assert chart.get_attribute("role") == "img"
    assert "22,8%" in chart.locator("desc").text_content()
    assert page.foreign == []


# --- issue 5: search, accessibility, privacy, print, size -------------------------------------

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGE_BUDGET = 150_000  # bytes of a page's own HTML
LOAD_BUDGET = 1_500_000  # bytes of everything a page loads before any search


@pytest.mark.parametrize("part", range(PARTS))
def test_every_kind_of_page_passes_axe(browser, server, built, part):
    """axe-core's WCAG 2.0/2.1 A and AA rules report zero violations on the largest and the smallest page of every
    template and on every hand-written page (tests/browser/sweep.py says why these stand for the rest).

    The pages are checked in PARTS parts (every PARTS-th page from ``part``), so the workers share them.
    """
    all_kinds = kinds(built)
    assert len(all_kinds["generator/site/templates/municipality.md.j2"]) >= 40  # the edit blocks were read
    chosen = representatives(built)
    assert all(set(pages) & set(chosen) for pages in all_kinds.values())  # every kind is checked
    pages = chosen[part::PARTS]
    context = browser.new_context()
    page = context.new_page()
    axe = AXE.read_text(encoding="utf-8")
    violations, rules_run = [], set()
    for path in pages:
        page.goto(server + path)
        page.add_script_tag(content=axe)
        # Every node of every violation is reported; passes and the rest name their rules with one node
        # each (resultTypes), which spares axe building results nobody reads.
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
            ".then(r => ({violations: r.violations.map(v => ({id: v.id, nodes: v.nodes.map(n => n.target.join(' '))})),"
            " rules: [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map(x => x.id)}))",
            AXE_TAGS,
        )
        rules_run.update(result["rules"])
        violations += [(path, v["id"], v["nodes"][:3]) for v in result["violations"]]
    context.close()
    print(f"\naxe: {len(pages)} of {len(chosen)} pages, {len(rules_run)} rules ({', '.join(AXE_TAGS)})")
    assert pages
    assert violations == []


def _search(page, server, query: str, **filters: str) -> list[str]:
    """The search page opened with a query (and filters) in its address; the result pages, once it says it is done."""
    params = urlencode({"q": query, **filters})
    page.goto(f"{server}soeg/?{params}")
    page.wait_for_selector("#kb-search-results[data-state=done]", state="attached")
    return _results(page)


def _typed(page, query: str) -> list[str]:
    """A query typed into the open search page's field; the result pages, once it says it is done with this query."""
    page.fill("#kb-search-q", query)
    page.wait_for_function(
        "q => { const list = document.getElementById('kb-search-results');"
        " return list.dataset.state === 'done' && list.dataset.query === q; }",
        arg=query.strip(),
    )
    return _results(page)


def _results(page) -> list[str]:
    hrefs = page.eval_on_selector_all("#kb-search-results a.kb-search-result__title", "as => as.map(a => a.href)")
    return [urlparse(h).path for h in hrefs]


def test_search_queries_find_their_page(page, server):
    """Each query in tests/browser/search_queries.yaml finds its page in the top 3 on the search page (Pagefind),
    a name (`name: true`) first; a query marked `known_miss` still does not: the mark is true."""
    queries = yaml.safe_load((Path(__file__).parent / "search_queries.yaml").read_text(encoding="utf-8"))["queries"]
    assert len(queries) >= 60
    missing = []  # a query that misses its page, or one marked as a known miss that now finds it
    page.goto(f"{server}soeg/")  # one page, as a visitor searches: each query typed into its field
    for query in queries:
        top = _typed(page, query["query"])[: 1 if query.get("name") else 3]
        if (query["expect"] in top) == bool(query.get("known_miss")):
            missing.append((query["query"], query["expect"], top))
    print(f"\nsearch: {len(queries)} queries")
    assert missing == []
    assert page.foreign == []


def test_search_state_is_in_the_address_and_results_show_their_kind(page, server):
    """?q= and the filters are restored from the address; each result says its kind; the header field leads here."""
    found = _search(page, server, "overgangsmøder", type="element")
    assert found and all(path.startswith("/elementer/") for path in found)
    assert page.input_value("#kb-search-q") == "overgangsmøder"
    assert page.input_value("#kb-search-type") == "element"
    kinds = page.eval_on_selector_all(".kb-search-result__kind", "ks => ks.map(k => k.textContent)")
    assert kinds and set(kinds) == {"Element"}
    page.fill("#kb-search-q", "Tønder")
    page.select_option("#kb-search-type", "")
    page.wait_for_function("document.querySelector('#kb-search-results').dataset.query === 'Tønder'")
    page.wait_for_selector("#kb-search-results[data-state=done]", state="attached")
    assert "q=T%C3%B8nder" in page.url
    page.goto(server + "om/")
    page.fill("#kb-header-q", "Morsø")
    page.press("#kb-header-q", "Enter")
    page.wait_for_selector("#kb-search-results[data-state=done]", state="attached")
    first = page.eval_on_selector("a.kb-search-result__title", "a => new URL(a.href).pathname")
    assert first == "/kommuner/morsoe/"
    assert page.foreign == []


def test_search_filters_by_municipality(page, server):
    found = _search(page, server, "forældre", kommune="Aalborg")
    assert found and all(
        path in ("/kommuner/aalborg/",) or path.startswith(("/puljeprojekter/", "/elementer/", "/programmer/"))
        for path in found
    )
    assert page.input_value("#kb-search-kommune") == "Aalborg"
    page.wait_for_selector("#kb-search[data-filters=ready]", state="attached")
    assert page.locator("#kb-search-element option").count() > 9  # every element, and "Alle elementer"


def test_no_excerpt_shows_the_added_words(page, server):
    """A page found by a compound part shows its own text, never the words added for the index."""
    _search(page, server, "samarbejde")
    excerpts = page.eval_on_selector_all(".kb-search-result__excerpt", "ps => ps.map(p => p.textContent)")
    assert excerpts and not any("kbsoegeord" in text for text in excerpts)
    # Parts the splitter adds ("samarbejds", "dagtilbuds") never stand on their own in an excerpt.
    assert not any(re.search(r"\b(samarbejds|dagtilbuds) \1\b", text) for text in excerpts)


def test_a_query_of_stop_words_finds_nothing(page, server):
    """Stop words (Snowball's Danish list) never rank a page on their own; with other words they are left out."""
    assert _search(page, server, "hvad til og") == []
    assert "småord" in page.text_content("#kb-search-status")
    assert _search(page, server, "overgang til skole")[:1] != ["/om/tilgaengelighed/"]
    assert _search(page, server, "f") == []  # a single letter is not searched: it begins too many words
    assert "mindst 2 bogstaver" in page.text_content("#kb-search-status")


def test_the_search_page_with_results_passes_axe_and_works_with_the_keyboard(page, server):
    """With results and filters shown, axe finds nothing; Tab goes from the field through the filters to the
    results, and Esc empties the field and the results."""
    _search(page, server, "forældre", kommune="Aalborg")
    page.wait_for_selector("#kb-search[data-filters=ready]", state="attached")
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})"
        ".then(r => r.violations.map(v => v.id))",
        AXE_TAGS,
    )
    assert violations == []
    page.focus("#kb-search-q")
    for _ in range(5):  # the three filters and the button
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('kb-search-result__title')")
    assert page.get_attribute("#kb-search-status", "role") == "status"
    page.focus("#kb-search-q")
    page.keyboard.press("Escape")
    page.wait_for_selector("#kb-search-results[data-state=empty]", state="attached")
    assert page.input_value("#kb-search-q") == "" and page.locator(".kb-search-result").count() == 0


def test_search_index_loads_only_on_the_search_page(page, server):
    requests: list[str] = []
    page.on("request", lambda r: requests.append(urlparse(r.url).path))
    page.goto(server + "elementer/overgangsmoeder/")
    page.wait_for_load_state("load")
    assert not any("/pagefind/" in p for p in requests)
    _search(page, server, "overgangsmøder")
    assert any(p.endswith("/pagefind/pagefind.js") for p in requests)


def test_page_weight(page, server, built):
    """Every page's own HTML stays under the budget; report what a page loads before any search."""
    sizes = {path: (built / path / "index.html").stat().st_size for path in site_pages(built)}
    too_big = {path: size for path, size in sizes.items() if size > PAGE_BUDGET}
    loaded = {}
    page.on("response", lambda r: loaded.__setitem__(r.url, len(r.body())) if r.ok else None)
    page.goto(server + "puljeprojekter/smaaboernstrampolinen/")
    page.wait_for_load_state("networkidle")
    total = sum(loaded.values())
    print(f"\nlargest page HTML: {max(sizes.values())} bytes; smaaboernstrampolinen loads {total} bytes before search")
    assert too_big == {}
    assert total < LOAD_BUDGET


def test_project_page_prints_on_a4_without_navigation(page, server, tmp_path):
    from pypdf import PdfReader

    page.goto(server + "puljeprojekter/styrket-deltagende-foraeldresamarbejde/")
    page.emulate_media(media="print")
    pdf = tmp_path / "project.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=False)
    reader = PdfReader(str(pdf))
    width, height = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = "\n".join(p.extract_text() for p in reader.pages)
    assert "Styrket deltagende forældresamarbejde" in text
    assert "Tabel 4 – Omkostningsvurdering, Frederikshavn Kommune" in " ".join(text.split())
    assert "Indholdsfortegnelse" not in text  # the table of contents sidebar is hidden
    assert "Filtrér" not in text and "Søg" not in text.split()
    assert 3 <= len(reader.pages) <= 20


def test_economy_table_filters_by_partner(page, server):
    page.goto(server + "oekonomi/")
    rows = "#kb-costs tbody tr"
    total = page.locator(rows).count()
    page.select_option("form[data-kb-filter-for=kb-costs] select[name=partner]", "socialraadgiver")
    shown = page.eval_on_selector_all(rows, "rs => rs.filter(r => !r.hidden).map(r => r.dataset.partner)")
    assert 0 < len(shown) < total and all("socialraadgiver" in p.split() for p in shown)
    assert page.foreign == []


CHOOSE = """ids => {
  const boxes = [...document.querySelectorAll('#kb-combo input[name=element]')];
  boxes.filter(b => b.checked && !ids.includes(b.value)).forEach(b => b.click());
  ids.forEach(id => { const b = boxes.find(x => x.value === id); if (!b.checked) b.click(); });
  const texts = selector => [...document.querySelectorAll(selector)].map(n => n.textContent.trim());
  return {
    suggest: texts('.kb-combo-suggestions > li > a'),
    together: texts('.kb-combo-projects a'),
    listed: texts('.kb-combo-listed a'),
    partly: texts('.kb-combo-partly > li'),
    activities: texts('.kb-combo-activities li'),
    range: texts('#kb-combo-results p').filter(t => t.includes(' pr. barn pr. afholdt aktivitet')),
  };
}"""
EDITORIAL = ", knyttet til elementet efter sitets vurdering"  # what combinations.js writes after an editorial link


def test_the_explorers_shipped_script_gives_what_the_rule_gives_for_every_choice(real_catalogue, page, server):
    """Every choice the page offers (all_selections), made in the page: the script's suggestions, projects,
    activities, cost range and editorial marks are the Python rule's (domain/combinations.py)."""
    from generator.domain.combinations import all_selections
    from generator.domain.numbers import danish_number

    catalogue = real_catalogue
    names = {p.id: f"{catalogue.municipality_of(p).short_name}: {p.title}" for p in catalogue.projects.values()}
    page.goto(server + "elementer/sammensaet/")
    page.wait_for_selector("#kb-combo:not([hidden])")
    selections = all_selections(catalogue)
    assert len(selections) >= 50
    differ, told_apart = [], False
    for expected in selections:
        got = page.evaluate(CHOOSE, [e.id for e in expected.chosen])
        want = {
            "suggest": [s.element.name for s in expected.suggestions],
            "together": [names[p.id] for p in expected.together],
            "listed": [names[p.id] for p in expected.listed_too],
            "partly": [f"{names[p.id]} ({' og '.join(e.name for e in named)})" for p, named in expected.partly],
        }
        ids = {e.id for e in expected.chosen}
        kroner = [f"{danish_number(r.per_child)} kr." for r in expected.costs]
        editorial = [
            all(x.basis == "redaktionel" for x in r.column.elements if x.element in ids) for r in expected.costs
        ]
        shown = got.pop("activities")
        got["activities"] = [
            (text.startswith(f"{r.column.label} – {amount}"), EDITORIAL in text)
            for r, amount, text in zip(expected.costs, kroner, shown, strict=False)
        ] + [len(shown)]
        want["activities"] = [(True, e) for e in editorial] + [len(expected.costs)]
        ends = expected.cost_range
        low, high = (f"{danish_number(r.per_child)} kr." for r in ends) if ends else ("", "")
        (sentence,) = got.pop("range") or [""]
        got["range"] = bool(ends) and f"fra {low}" in sentence and f" til {high}" in sentence
        want["range"] = bool(ends)
        if got != want:
            differ.append(([e.id for e in expected.chosen], got, want))
        told_apart = told_apart or any(editorial)
    assert differ == []
    assert told_apart  # some choice has an activity linked by the site's judgement, and it is marked


def test_combination_explorer_suggests_names_projects_and_fills_the_calculator(real_catalogue, page, server):
    from generator.domain.combinations import selection

    catalogue = real_catalogue
    ids = ["hjemmet-som-samarbejdsramme", "tematiserede-foraeldrearrangementer"]
    chosen = [catalogue.elements[i] for i in ids]
    expected = selection(catalogue, chosen)
    page.goto(server + "elementer/sammensaet/")
    page.wait_for_selector("#kb-combo:not([hidden])")
    assert page.locator(".kb-nojs").is_hidden()
    for element in chosen:
        page.get_by_label(element.name, exact=True).check()
    assert page.url.endswith("?e=" + ",".join(ids))
    suggested = page.locator(".kb-combo-suggestions > li > a").all_text_contents()
    assert suggested == [s.element.name for s in expected.suggestions]
    first = page.locator(".kb-combo-suggestions > li").first.text_content()
    assert (
        "Rapporten nævner gode erfaringer med at kombinere det med: "
        "Hjemmet som samarbejdsramme og Tematiserede forældrearrangementer"
    ) in first
    names = {p.id: f"{catalogue.municipality_of(p).short_name}: {p.title}" for p in catalogue.projects.values()}
    projects = page.locator(".kb-combo-projects a").all_text_contents()
    assert projects == [names[p.id] for p in expected.together]
    assert projects  # Frederikshavn combined the two
    listed = page.locator(".kb-combo-listed a").all_text_contents()
    assert listed == [names[p.id] for p in expected.listed_too]
    assert listed  # the other reading (chapter 4's lists) is shown too

    # A third choice is the most; the rest are then disabled, and the status says so.
    third = expected.suggestions[0].element
    page.get_by_label(third.name, exact=True).check()
    three = selection(catalogue, sorted([*chosen, third], key=lambda e: e.number))  # worked out by the script too
    partly = page.locator(".kb-combo-partly > li").all_text_contents()
    assert partly == [f"{names[p.id]} ({' og '.join(e.name for e in named)})" for p, named in three.partly]
    assert page.locator(".kb-combo-suggestions > li > a").all_text_contents() == [
        s.element.name for s in three.suggestions
    ]
    assert page.locator("input[name=element]:disabled").count() == len(catalogue.elements) - 3
    assert "højst vælge 3" in page.locator("#kb-combo [role=status]").text_content()
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    violations = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}}).then(r => r.violations.map(v => v.id))",
        AXE_TAGS,
    )
    assert violations == []
    page.get_by_label(third.name, exact=True).uncheck()

    page.click("#kb-combo-budget")
    page.wait_for_selector("#kb-budget:not([hidden])")
    checked = page.eval_on_selector_all("input[name=activity]:checked", "boxes => boxes.map(b => b.value)")
    keys = catalogue.budget_keys  # the calculator's columns
    assert sorted(checked) == sorted(keys[id(r.column)] for r in expected.costs if id(r.column) in keys)
    assert page.locator("output[name=running]").text_content() != "0 kr."

    page.goto(server + "elementer/sammensaet/?e=" + ",".join(ids))  # a shared link comes back the same
    assert page.locator(".kb-combo-suggestions > li > a").all_text_contents() == suggested

    # An address with an unknown id, a repeat and too many: the first valid ones, in the address's order.
    others = [e.id for e in catalogue.elements.values() if e.id not in ids]
    page.goto(server + "elementer/sammensaet/?e=" + ",".join(["ukendt", ids[1], ids[1], others[-1], ids[0], others[0]]))
    checked = page.eval_on_selector_all("input[name=element]:checked", "boxes => boxes.map(b => b.value)")
    assert set(checked) == {ids[1], others[-1], ids[0]}
    assert "3 elementer i adressen blev ikke valgt" in page.locator("#kb-combo [role=status]").text_content()
    assert page.foreign == []
