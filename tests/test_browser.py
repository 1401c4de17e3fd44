"""The built site in a real browser: Debian's Chromium, driven by Playwright.

Locally the tests are skipped when Chromium or Playwright is missing (scripts/test installs
both); in CI (the CI variable is set) a missing browser is a failure, never a skip.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

import pytest

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _browser_missing() -> str | None:
    if not Path(CHROMIUM).exists():
        return "Chromium is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright is not installed (pip install -e '.[test]')"
    return None


@pytest.fixture(scope="session")
def browser():
    missing = _browser_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"browser tests must run in CI: {missing}")
        pytest.skip(missing)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        )
        yield browser
        browser.close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture(scope="session")
def server(built: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(built))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


@pytest.fixture
def page(browser, server):
    """A fresh page that records every request to another host."""
    context = browser.new_context()
    page = context.new_page()
    page.foreign = []
    local = urlparse(server).netloc
    page.on("request", lambda r: page.foreign.append(r.url) if urlparse(r.url).netloc != local else None)
    yield page
    context.close()


def visible_rows(page) -> list[dict]:
    return page.eval_on_selector_all(
        "#kb-projects tbody tr",
        "rows => rows.filter(r => !r.hidden).map(r => ({"
        "title: r.querySelector('th').textContent.trim(),"
        "element: r.dataset.element, partner: r.dataset.partner, maturity: r.dataset.maturity,"
        "cost: r.querySelector('td.kb-num').dataset.sort}))",
    )


def test_overview_filters_and_sorts(page, server):
    page.goto(server + "puljeprojekter/")
    assert page.locator("form.kb-filters").is_visible()
    assert len(visible_rows(page)) == 15
    status = page.locator(".kb-filter-status")
    assert status.text_content() == "Viser 15 af 15 puljeprojekter."

    page.select_option("select[name=element]", "overgangsmoeder")
    rows = visible_rows(page)
    assert 0 < len(rows) < 15
    assert all("overgangsmoeder" in r["element"].split() for r in rows)
    assert status.text_content() == f"Viser {len(rows)} af 15 puljeprojekter."

    page.select_option("select[name=partner]", "socialraadgiver")
    both = visible_rows(page)
    assert all("socialraadgiver" in r["partner"].split() and "overgangsmoeder" in r["element"] for r in both)
    assert len(both) <= len(rows)

    page.locator(".kb-filters button[type=reset]").press("Enter")
    page.wait_for_function("document.querySelector('.kb-filter-status').textContent.startsWith('Viser 15')")
    page.select_option("select[name=maturity]", "delvist-modnet")
    assert {r["maturity"] for r in visible_rows(page)} == {"delvist-modnet"}
    page.locator(".kb-filters button[type=reset]").press("Enter")
    page.wait_for_function("document.querySelector('.kb-filter-status').textContent.startsWith('Viser 15')")

    # Sort by cost per child with the keyboard: focus the header, press Enter.
    header = page.locator("#kb-projects thead th", has_text="Kr. pr. barn")
    header.focus()
    page.keyboard.press("Enter")
    costs = [float(r["cost"]) for r in visible_rows(page)]
    assert header.get_attribute("aria-sort") in {"ascending", "descending"}
    assert costs in (sorted(costs), sorted(costs, reverse=True))
    page.keyboard.press("Enter")
    reversed_costs = [float(r["cost"]) for r in visible_rows(page)]
    assert reversed_costs == list(reversed(costs)) or reversed_costs == sorted(costs, reverse=True)
    assert page.foreign == []


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
