"""Hostile data in every text field of every data file never runs in a page or changes its structure.

YAML arrives through pull requests from strangers. This test writes several kinds of payload into
every string of every data file that validation accepts as free text (ids, references, numbers
and enums are rejected by validation and keep their value), builds the real site with the
command line, opens every page in Chromium, uses the scripted pages (search, the combination
explorer, the budget calculator), and fails on any dialog, any script that ran, and any element,
attribute or comment that a payload made.
"""

from __future__ import annotations

import functools
import threading
from collections.abc import Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.data.problems import DataError
from generator.pipeline import DATA_DIR, build_site

from ..conftest import _QuietHandler
from ..helpers import ROOT, copy_project, run_generator
from .test_browser import site_pages

MARK = "kbx"  # every payload names it, so whatever it makes can be found in the page
# Each kind on its own would be enough to run a script if it landed unescaped somewhere.
PAYLOAD = (
    f"<script>confirm('{MARK}1')</script>"  # a script element
    f'"><img src=x onerror=confirm("{MARK}2")>'  # out of an attribute, into an event handler
    f"</title><svg onload=confirm('{MARK}3')>"  # out of <title>
    f"<!--{MARK}4"  # a comment that would swallow the rest of the page
    f"[{MARK}5](javascript:confirm('{MARK}5'))"  # a Markdown link with a javascript: URL
    f"&lt;b class={MARK}6&gt;&#60;i class={MARK}7&#62;"  # entities that a second unescape would turn into tags
)
SHORT_PAYLOAD = f"<b class={MARK}8>&lt;i class={MARK}9&gt;</title><!--"  # for fields with tight length limits
MAX_ROUNDS = 8

Loc = tuple[str | int, ...]


def _strings(value: Any, loc: Loc = ()) -> Iterator[Loc]:
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _strings(child, (*loc, key))
    elif isinstance(value, list):
        for i, child in enumerate(value):
            yield from _strings(child, (*loc, i))
    elif isinstance(value, str):
        yield loc


def _set(data: Any, loc: Loc, value: str) -> None:
    for part in loc[:-1]:
        data = data[part]
    data[loc[-1]] = value


def _path(loc: Loc) -> str:
    return "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in loc).lstrip(".")


def _touches(field: str, leaf: str) -> bool:
    """Whether a problem reported at ``field`` may be caused by the value at ``leaf``."""
    if not field:
        return True
    return field == leaf or leaf.startswith((field + ".", field + "[")) or field.startswith((leaf + ".", leaf + "["))


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> tuple[Path, dict[str, list[str]]]:
    """A copy of the real project with a payload in every string that validation accepts."""
    root = copy_project(ROOT, tmp_path_factory.mktemp("hostile") / "project")
    files = {path.name: yaml.safe_load(path.read_text(encoding="utf-8")) for path in (root / DATA_DIR).glob("*.yaml")}
    originals = {name: {loc: _get(data, loc) for loc in _strings(data)} for name, data in files.items()}
    attempt = {name: dict.fromkeys(locs, PAYLOAD) for name, locs in originals.items()}
    last: DataError | None = None
    for _ in range(MAX_ROUNDS):
        for name, data in files.items():
            for loc, original in originals[name].items():
                payload = attempt[name][loc]
                _set(data, loc, original if payload is None else f"{original} {payload}")
            text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1_000_000)
            (root / DATA_DIR / name).write_text(text, encoding="utf-8")
        try:
            build_site(root)
            break
        except DataError as exc:
            last = exc
            for problem in exc.problems:
                name = Path(problem.file).name
                for loc, payload in attempt.get(name, {}).items():
                    if payload is not None and _touches(problem.field, _path(loc)):
                        # The full payload may be too long for the field; then try the short one, then none.
                        attempt[name][loc] = SHORT_PAYLOAD if payload == PAYLOAD else None
    else:
        pytest.fail("the data with payloads never validated; last problems:\n" + (last.report() if last else ""))
    injected = {name: [_path(loc) for loc, p in locs.items() if p is not None] for name, locs in attempt.items()}
    return root, injected


def _get(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


def test_payloads_reach_every_kind_of_text(hostile_project):
    """The payloads must land in the fields that become titles, names and body text."""
    _, injected = hostile_project
    expected = {
        "municipalities.yaml": ["municipalities[0].name", "municipalities[0].short_name", "regions[0].name"],
        "projects.yaml": ["projects[0].title"],
        "elements.yaml": ["elements[0].name", "groups[0].name"],
        "programmes.yaml": ["programmes[0].name"],
        "cases.yaml": [],
        "recommendations.yaml": [],
    }
    for name, fields in expected.items():
        assert injected[name], f"no payload in {name}"
        missing = [f for f in fields if f not in injected[name]]
        assert not missing, f"{name}: validation refused a payload in {missing}"
    total = sum(len(fields) for fields in injected.values())
    assert total > 1000, f"only {total} fields carry a payload"


@pytest.fixture(scope="module")
def hostile_site(hostile_project) -> Path:
    root, _ = hostile_project
    site = root / "site"
    # With edit links, which name files and lines of the data.
    result = run_generator(
        "build", "--site-dir", str(site), cwd=root, env={"KB_REPOSITORY_URL": "https://github.com/o/kb"}
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return site


@pytest.fixture(scope="module")
def hostile_server(hostile_site) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(hostile_site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/"
    httpd.shutdown()


# What a payload would have made, if it landed as markup: elements, handlers, URLs, comments.
_INJECTED = f"""() => {{
  const found = [];
  const mark = {MARK!r};
  for (const el of document.querySelectorAll('*')) {{
    for (const attr of el.attributes) {{
      const name = attr.name.toLowerCase();
      if (name.startsWith('on') && attr.value.includes(mark)) found.push(`handler ${{el.tagName}} ${{name}}`);
      if (name === 'class' && attr.value.includes(mark)) found.push(`element ${{el.tagName}}.${{attr.value}}`);
      const url = (name === 'href' || name === 'src') && /^\\s*javascript:/i.test(attr.value);
      if (url) found.push(`url ${{attr.value}}`);
    }}
    // Data for scripts stands in JSON script elements (escaped); any other script with a payload is one.
    const code = el.tagName === 'SCRIPT' && el.type !== 'application/json';
    if (code && el.textContent.includes(mark)) found.push('script element');
  }}
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_COMMENT);
  while (walker.nextNode()) if (walker.currentNode.data.includes(mark)) found.push('comment');
  const titles = document.querySelectorAll('title:not(svg title)');  // an SVG's own <title> is its label
  if (titles.length !== 1 || titles[0].parentElement !== document.head) found.push('title elements: ' + titles.length);
  if (!document.querySelector('footer')) found.push('the page lost its footer');
  return found;
}}"""


@pytest.fixture
def watched(browser, hostile_server):
    """A page that records every dialog (alert, confirm, prompt), script error and page it showed."""
    context = browser.new_context()
    page = context.new_page()
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append((page.url, d.type, d.message)), d.dismiss()))
    # Also what a payload would do without a dialog: replace the functions and record their calls.
    page.add_init_script(
        "for (const f of ['alert', 'confirm', 'prompt']) { const real = window[f];"
        " window[f] = (...a) => { (window.__kbCalls ||= []).push(f + ':' + a.join());"
        " return real.apply(window, a); }; }"
    )
    yield page
    context.close()


def _assert_clean(page, where: str) -> None:
    calls = page.evaluate("window.__kbCalls || []")
    found = page.evaluate(_INJECTED)
    assert not calls, f"{where}: a payload ran: {calls}"
    assert not found, f"{where}: a payload changed the page: {found}"


def test_no_payload_runs_or_changes_any_page(watched, hostile_server, hostile_site):
    pages = site_pages(hostile_site)
    assert len(pages) > 80
    for path in pages:
        watched.goto(hostile_server + path)
        _assert_clean(watched, path)
        title = watched.title()
        assert "<" not in title or MARK in title, path  # a payload in the title shows as text
    assert watched.dialogs == []


def test_titles_show_the_payload_as_text(watched, hostile_server):
    """Navigation, the heading and <title> show the hostile name as plain text."""
    watched.goto(hostile_server + "kommuner/frederikshavn/")
    assert f"<script>confirm('{MARK}1')</script>" in watched.title()
    assert f"<script>confirm('{MARK}1')</script>" in watched.locator("h1").inner_text()
    watched.goto(hostile_server + "puljeprojekter/")
    nav = watched.locator("nav.md-nav--primary").text_content()
    assert nav.count(f"<script>confirm('{MARK}1')</script>") > 20  # every project's short name and title
    _assert_clean(watched, "puljeprojekter/")
    assert watched.dialogs == []


def test_search_results_show_payloads_as_text(watched, hostile_server):
    watched.goto(hostile_server)
    watched.locator("label.md-search__icon, .md-search__input").first.click()
    watched.locator("input.md-search__input").fill("confirm")
    watched.wait_for_selector(".md-search-result__item", timeout=30_000)
    _assert_clean(watched, "search results")
    assert watched.dialogs == []


def test_explorer_and_calculator_show_payloads_as_text(watched, hostile_server):
    watched.goto(hostile_server + "elementer/sammensaet/")
    watched.wait_for_selector("#kb-combo:not([hidden])")
    boxes = watched.locator("input[name=element]")
    boxes.nth(0).check()
    boxes.nth(3).check()
    watched.wait_for_selector("#kb-combo-results:not([hidden]) .kb-combo-suggestions li")
    _assert_clean(watched, "explorer with a choice")
    watched.click("#kb-combo-budget")  # every activity of the two elements, into the calculator
    watched.wait_for_selector("#kb-budget:not([hidden])")
    activities = watched.locator("input[name=activity]")
    for i in range(activities.count()):
        activities.nth(i).check()
    assert watched.locator("output[name=running]").text_content() != "0 kr."
    _assert_clean(watched, "calculator with every activity")
    assert watched.dialogs == []
