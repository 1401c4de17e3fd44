"""Fixtures: throwaway copies of a project to build or break; the built site served to Chromium.

The tests run on every core and one more (pytest-xdist, see scripts/test). What is expensive to make (the real
site, the hostile site) is made once per test run by whichever worker needs it first, through
``made_once``; the other workers wait for it and share it.
"""

from __future__ import annotations

import fcntl
import functools
import os
import shutil
import signal
import sys
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from generator.data.catalogue import load_catalogue

from .helpers import FIXTURES, ROOT, copy_project, run_generator

# A shell that starts the tests in the background (`cmd &` in a script) has them ignore SIGINT, and every
# process they start inherits that: `mkdocs serve` would not stop on the Ctrl-C the tests send it.
if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)


_UNGROUPED = pytest.StashKey[bool]()


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Notes the tests marked ``xdist_group`` that xdist's ``--dist loadgroup`` would not keep together.

    xdist tells its scheduler a test's group by a suffix on the test's id (``…@built-html``). With pytest 9.2
    that suffix is silently lost (pytest-xdist#1386): each group's costly shared fixture is then made on every
    worker, and a module's fixture again whenever a worker comes back to that module.
    """
    if getattr(config.option, "loadgroup", False):
        for item in items:
            item.stash[_UNGROUPED] = bool(item.get_closest_marker("xdist_group")) and "@" not in item.nodeid


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item: pytest.Item) -> None:
    if item.stash.get(_UNGROUPED, False):
        pytest.fail(
            "--dist loadgroup: this test's xdist_group is lost, so its workers would not share its fixtures; "
            "this pytest breaks xdist's groups (pytest-xdist#1386): pin the pytest of requirements.lock",
            pytrace=False,
        )


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


def made_once(tmp_path_factory: pytest.TempPathFactory, name: str, make: Callable[[Path], object]) -> Path:
    """A folder that ``make(folder)`` fills once per test run, shared by every worker of the run.

    The first worker to ask makes it while holding a lock; a worker that asks meanwhile waits for the
    lock (for the folder to be complete, not for a time), then uses it. If ``make`` fails, the next
    worker to ask tries again and fails the same way.
    """
    base = tmp_path_factory.getbasetemp()
    shared = base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base  # xdist: <run>/popen-gw0
    folder, done = shared / name, shared / f"{name}.done"
    with (shared / f"{name}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


@pytest.fixture(scope="session")
def synthetic_twice(tmp_path_factory) -> Path:
    """A project with twice today's data (scripts/synthetic.py), made once per test run.

    Tests read its data and never change it; one of them builds it (its build/ folder is that test's).
    """

    def make(folder: Path) -> None:
        sys.path.insert(0, str(ROOT / "scripts"))
        import synthetic

        synthetic.make(2, folder / "project")

    return made_once(tmp_path_factory, "synthetic-2x", make) / "project"


# The real site is built with edit links to this repository, as the published site has them.
REPOSITORY = "https://github.com/o/r"


def build_real_site(site: Path) -> None:
    """A strict build of the real project into ``site``, as `generator build` makes it."""
    result = run_generator("build", "--site-dir", str(site), env={"KB_REPOSITORY_URL": REPOSITORY})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Path:
    """The real site, built once per test run with a strict MkDocs build. Tests read it and never change it."""
    return made_once(tmp_path_factory, "built", lambda folder: build_real_site(folder / "site")) / "site"


@pytest.fixture(scope="session")
def built_html(built) -> dict[Path, BeautifulSoup]:
    """Every HTML file of the real site, parsed once per worker. Tests read the trees and never change them.

    The tests that use it are marked ``xdist_group("built-html")``, so one worker parses the site.
    """
    pages = sorted(built.rglob("*.html"))
    return {path: BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser") for path in pages}


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


def serve(site: Path) -> Iterator[str]:
    """A local server of a built site, while the generator runs: its address."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


def recording_page(browser, server: str) -> Iterator[Any]:
    """A fresh page that records every request to another host (``page.foreign``), while the generator runs."""
    context = browser.new_context()
    page = context.new_page()
    page.foreign = []
    local = urlparse(server).netloc
    page.on("request", lambda r: page.foreign.append(r.url) if urlparse(r.url).netloc != local else None)
    yield page
    context.close()


@pytest.fixture(scope="session")
def server(built: Path) -> Iterator[str]:
    yield from serve(built)


@pytest.fixture
def page(browser, server):
    """A fresh page on the real site that records every request to another host."""
    yield from recording_page(browser, server)
