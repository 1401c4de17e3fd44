"""The comparison pages in Chromium: the choice in the address, the table filled from each entry's JSON, a phone's
width, the keyboard, axe and print. Fixtures (browser, server, page) are in tests/conftest.py."""

from __future__ import annotations

from generator.domain.costs import per_child_range
from generator.site.labels import project_label
from generator.site.render import kroner_range

from .test_browser_overviews import axe_violations

READY = "form[data-kb-compare-ready]"
FILLED = "#kb-compare-region:not([hidden]) thead th"
TWO = ("sammen-om-barnet", "boern-og-familier-i-fokus")  # Helsingør, Ishøj: both with cost tables


def headers(page) -> list[str]:
    return page.eval_on_selector_all("#kb-compare-table thead th", "hs => hs.map(h => h.textContent)")


def row(page, key: str) -> list[str]:
    return page.eval_on_selector_all(
        f"#kb-compare-table tr[data-kb-row='{key}'] td", "cs => cs.map(c => c.textContent.trim())"
    )


def test_two_projects_chosen_stay_in_the_address_and_show_the_datas_cost(real_catalogue, page, server):
    projects = [real_catalogue.projects[i] for i in TWO]
    page.goto(server + "puljeprojekter/sammenlign/")
    page.wait_for_selector(READY)
    assert page.locator("#kb-compare-region").is_hidden()
    for project in projects:
        page.get_by_label(project_label(real_catalogue, project), exact=True).check()
    page.get_by_role("button", name="Sammenlign").click()
    page.wait_for_selector(FILLED)
    assert page.url.endswith(f"puljeprojekter/sammenlign/?id={TWO[0]}&id={TWO[1]}")
    names = [project_label(real_catalogue, p) for p in projects]
    for attempt in ("first", "after a reload"):
        assert headers(page) == names, attempt
        costs = row(page, "pris-barn")
        assert [c.split(" (")[0] for c in costs] == [kroner_range(per_child_range(p)) for p in projects]
        status = page.locator("#kb-compare-status").text_content()
        assert status == f"Sammenligner 2 puljeprojekter: {names[0]}, {names[1]}.", attempt
        assert page.locator("input[name=id]:checked").evaluate_all("bs => bs.map(b => b.value)") == list(TWO)
        if attempt == "first":
            page.reload()
            page.wait_for_selector(FILLED)
    assert page.foreign == []


def test_chosen_from_the_overview_and_from_an_entry_page(real_catalogue, page, server):
    page.goto(server + "elementer/")
    page.wait_for_selector("form[data-kb-overview-ready]")
    first, second = list(real_catalogue.elements.values())[:2]
    page.get_by_label(f"Sammenlign {first.name}").check()
    page.get_by_label(f"Sammenlign {second.name}").check()
    page.get_by_role("button", name="Sammenlign de valgte elementer").click()
    page.wait_for_selector(FILLED)
    assert page.url.endswith(f"elementer/sammenlign/?id={first.id}&id={second.id}")
    assert headers(page) == [first.name, second.name]

    page.goto(server + "puljeprojekter/laesevenner/")
    page.get_by_role("link", name="Sammenlign med andre puljeprojekter").click()
    page.wait_for_selector(READY)
    assert page.url.endswith("puljeprojekter/sammenlign/?id=laesevenner")
    assert page.locator("input[value=laesevenner]").is_checked()
    assert page.locator("#kb-compare-status").text_content() == "Vælg mindst 1 mere for at sammenligne."
    page.get_by_role("button", name="Sammenlign").click()  # one is too few: the page says so and stays
    page.wait_for_function("document.getElementById('kb-compare-status').textContent.includes('du har valgt 1')")
    assert page.url.endswith("?id=laesevenner")


def test_compare_fits_a_phone_works_with_the_keyboard_and_passes_axe(real_catalogue, browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    four = list(real_catalogue.elements)[:4]
    page.goto(server + "elementer/sammenlign/?" + "&".join(f"id={i}" for i in four))
    page.wait_for_selector(FILLED)
    assert len(headers(page)) == 4
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    region = page.locator("#kb-compare-region")
    assert region.evaluate("r => r.scrollWidth > r.clientWidth")  # the table scrolls in its own region
    region.focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"

    page.locator("input[name=id]").first.focus()
    page.keyboard.press("Space")  # untick the first element with the keyboard
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == four[1]
    page.get_by_role("button", name="Sammenlign").focus()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    page.wait_for_function("!location.search.includes('id=" + four[0] + "')")
    page.wait_for_selector(FILLED)
    assert len(headers(page)) == 3

    assert axe_violations(page) == []
    context.close()


def test_compare_prints_on_a4_as_one_table(real_catalogue, page, server, tmp_path):
    from pypdf import PdfReader

    four = list(real_catalogue.projects)[:4]
    page.set_viewport_size({"width": 605, "height": 900})  # A4's width inside the print margins, in CSS pixels
    page.goto(server + "puljeprojekter/sammenlign/?" + "&".join(f"id={i}" for i in four))
    page.wait_for_selector(FILLED)
    page.emulate_media(media="print")
    assert page.evaluate("document.querySelector('#kb-compare-table').offsetWidth") <= page.evaluate(
        "document.querySelector('#kb-compare-region').clientWidth"
    )  # four entries fit the paper: nothing is cut off
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(server + "puljeprojekter/sammenlign/?" + "&".join(f"id={i}" for i in TWO))
    page.wait_for_selector(FILLED)
    pdf = tmp_path / "compare.pdf"
    page.pdf(path=str(pdf), prefer_css_page_size=True, print_background=False)
    reader = PdfReader(str(pdf))
    width, height = (float(x) for x in reader.pages[0].mediabox.upper_right)
    assert (round(width), round(height)) == (595, 842)  # A4 in points
    text = " ".join("\n".join(p.extract_text() for p in reader.pages).split())
    for project in (real_catalogue.projects[i] for i in TWO):
        assert project.title in text
    assert "Kr. pr. barn pr. aktivitet" in text and "Etablering" in text
    assert "Læsevenner" not in text and "Vælg 2 til 4 puljeprojekter Frederikshavn" not in text  # not the form
    assert "Indholdsfortegnelse" not in text and "Søg" not in text.split()
    assert len(reader.pages) <= 4


def test_a_comparison_prints_as_a_brief_with_its_address_and_the_datas_dates(real_catalogue, page, server, tmp_path):
    from pypdf import PdfReader

    from .test_browser_brief import _print_brief

    chosen = "?" + "&".join(f"id={i}" for i in TWO)
    _print_brief(page, server, "puljeprojekter/sammenlign/" + chosen)
    page.wait_for_selector(FILLED)
    page.emulate_media(media="print")
    assert page.locator("#kb-compare-region").is_visible() and page.locator(".kb-print-only").is_visible()
    assert not page.locator("#kb-compare-form").is_visible() and not page.locator("#saadan-laeses-tallene").is_visible()
    pdf = tmp_path / "brief.pdf"
    page.pdf(path=str(pdf), format="A4")
    reader = PdfReader(str(pdf))
    text = " ".join(" ".join(p.extract_text() for p in reader.pages).split())
    assert all(real_catalogue.projects[i].title in text for i in TWO)
    assert "Hvad evalueringen kan og ikke kan vise" in text and "Beslutningsoplæg" in text
    assert "puljeprojekter/sammenlign/" + chosen in text.replace(" ", "")  # the address holds the choice
    periods = real_catalogue.evaluation.phases.periods
    assert periods[0].dates in text and periods[-1].dates in text
    assert len(reader.pages) == 1


def test_a_chosen_comparison_fills_its_table_without_moving_the_page(browser, server):
    from .test_browser_overviews import LAYOUT_SHIFT

    for width, height in ((390, 844), (1366, 768)):
        context = browser.new_context(viewport={"width": width, "height": height})
        page = context.new_page()
        page.add_init_script(LAYOUT_SHIFT)
        page.goto(server + "puljeprojekter/sammenlign/?" + "&".join(f"id={i}" for i in TWO))
        page.wait_for_selector(FILLED)
        page.wait_for_load_state("load")
        assert page.evaluate("window.kbShift") < 0.05, (width, page.evaluate("window.kbShift"))
        context.close()
