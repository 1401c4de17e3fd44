"""Benchmark, not a test: how often each query of tests/browser/search_queries.yaml finds its page first, in the
top 3 and in the top 5, in Chromium, with this site's search (Pagefind, the search page) or with Material's
(lunr, for a site built with Material's search plugin, e.g. from an older commit).

    .venv/bin/python scripts/search_quality.py SITE_DIR [--engine pagefind|material]
"""

from __future__ import annotations

import argparse
import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, urlparse

import yaml
from playwright.sync_api import Page, sync_playwright

QUERIES = Path(__file__).resolve().parent.parent / "tests" / "browser" / "search_queries.yaml"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def pagefind_top(page: Page, base: str, query: str) -> list[str]:
    """The result pages of a query on the search page, as the page shows them (after its result state)."""
    page.goto(f"{base}soeg/?q={quote(query)}")
    page.wait_for_selector("#kb-search-results[data-state=done]", state="attached")
    hrefs = page.eval_on_selector_all("#kb-search-results a.kb-search-result__title", "as => as.map(a => a.href)")
    return [urlparse(h).path for h in hrefs]


def material_top(page: Page, base: str, query: str) -> list[str]:
    """The result pages of Material's search dialog (whole query, then one key: one search runs)."""
    if not page.url.startswith(base):
        page.goto(base)
    box = page.locator("input.md-search__input")
    box.click()
    meta = "document.querySelector('.md-search-result__meta').textContent"
    box.fill("")
    page.wait_for_function(f"!/resultat/i.test({meta})")
    box.fill(query)
    box.press("End")
    page.wait_for_function(f"/resultat/i.test({meta})")
    hrefs = page.eval_on_selector_all(".md-search-result__item > .md-search-result__link", "as => as.map(a => a.href)")
    return list(dict.fromkeys(urlparse(h).path for h in hrefs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--engine", choices=["pagefind", "material"], default="pagefind")
    args = parser.parse_args()
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(args.site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    top = pagefind_top if args.engine == "pagefind" else material_top
    ranks = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        page = browser.new_page()
        for query in queries:
            found = top(page, base, query["query"])
            rank = found.index(query["expect"]) + 1 if query["expect"] in found else None
            ranks.append(rank)
            if rank is None or rank > (1 if query.get("name") else 3):  # the rule tests/browser/ holds
                print(f"  miss {query['query']!r}: {query['expect']} at {rank}; first {found[:3]}")
        browser.close()
    httpd.shutdown()
    n = len(ranks)
    shares = [sum(1 for r in ranks if r is not None and r <= k) / n for k in (1, 3, 5)]
    print(f"{args.engine}: {n} queries, top-1 {shares[0]:.0%}, top-3 {shares[1]:.0%}, top-5 {shares[2]:.0%}")


if __name__ == "__main__":
    main()
