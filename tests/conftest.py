"""Fixtures: throwaway copies of a project to build or break; the built site served to Chromium."""

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

from generator.data.catalogue import load_catalogue

from .helpers import FIXTURES, ROOT, copy_project, run_generator


@pytest.fixture
def minimal(tmp_path: Path) -> Path:
    """A copy of the small, valid fixture project."""
    return copy_project(FIXTURES / "minimal", tmp_path / "project")


@pytest.fixture
def real(tmp_path: Path) -> Path:
    """A copy of the real project's data and content."""
    return copy_project(ROOT, tmp_path / "project")


@pytest.fixture(scope="session")
def real_catalogue():
    """The real data, loaded once per test run. Tests read it and never change it."""
    return load_catalogue(ROOT / "data")


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The real site, built once with a strict MkDocs build."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = run_generator("build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return site


# --- the browser tests (tests/browser/): one Chromium and one server per session ------------

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
