"""Hostile data in every text field of every data file never runs in a page or changes its structure.

YAML arrives through pull requests from strangers. This test writes several kinds of payload into
every string of every data file that validation accepts as free text (ids, references, numbers
and enums are rejected by validation and keep their value), builds the real site with the
command line, reads every page for markup a payload made, opens every kind of page in
Chromium, uses the scripted pages (search, the combination explorer, the budget calculator, the
comparisons), and fails on any dialog, any script that ran, and any element, attribute or comment
that a payload made.
"""

from __future__ import annotations

import functools
import json
import re
import threading
from collections.abc import Iterable, Iterator
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.data.problems import DataError
from generator.pipeline import DATA_DIR, build_site

from ..conftest import _QuietHandler, made_once
from ..helpers import ROOT, copy_project, run_generator
from .sweep import PARTS, kinds, representatives, site_pages

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
# libyaml's safe loader and dumper, where PyYAML has them: the same YAML, several times faster.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

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


def _parents(path: str) -> Iterator[str]:
    """The paths that contain ``path``: ``a.b[0].c`` is inside ``a``, ``a.b`` and ``a.b[0]``."""
    for i, char in enumerate(path):
        if char in ".[" and i:
            yield path[:i]


class _Leaves:
    """Which strings of one data file a problem reported at a field may be caused by.

    A problem at a field touches the string at that field, every string inside it, and every string
    that contains the field (an empty field touches every string of the file).
    """

    def __init__(self, locs: Iterable[Loc]) -> None:
        self.all = list(locs)
        self.at: dict[str, list[Loc]] = {}
        self.inside: dict[str, list[Loc]] = {}
        for loc in self.all:
            path = _path(loc)
            self.at.setdefault(path, []).append(loc)
            for parent in _parents(path):
                self.inside.setdefault(parent, []).append(loc)

    def touched(self, field: str) -> set[Loc]:
        if not field:
            return set(self.all)
        found = {*self.at.get(field, ()), *self.inside.get(field, ())}
        for parent in _parents(field):
            found.update(self.at.get(parent, ()))
        return found


# One worker makes the hostile project and site and runs these tests; the parts of the browse of every
# page go to whichever worker is free (the site is made once per run, see made_once in conftest.py).
hostile_group = pytest.mark.xdist_group("hostile")


@pytest.fixture(scope="session")
def hostile_project(tmp_path_factory) -> tuple[Path, dict[str, list[str]]]:
    """A copy of the real project with a payload in every string that validation accepts (made once per run)."""

    def make(folder: Path) -> None:
        injected = _inject_payloads(copy_project(ROOT, folder / "project"))
        (folder / "injected.json").write_text(json.dumps(injected), encoding="utf-8")

    folder = made_once(tmp_path_factory, "hostile", make)
    return folder / "project", json.loads((folder / "injected.json").read_text(encoding="utf-8"))


def _inject_payloads(root: Path) -> dict[str, list[str]]:
    """Write the payloads into the data of the project at ``root``; the fields that carry one, per file."""
    files = {path.name: yaml.load(path.read_bytes(), Loader=Loader) for path in (root / DATA_DIR).glob("*.yaml")}
    originals = {name: {loc: _get(data, loc) for loc in _strings(data)} for name, data in files.items()}
    leaves = {name: _Leaves(locs) for name, locs in originals.items()}
    attempt = {name: dict.fromkeys(locs, PAYLOAD) for name, locs in originals.items()}
    changed = set(files)  # the files to write before the next build
    last: DataError | None = None
    for _ in range(MAX_ROUNDS):
        for name in changed:
            data = files[name]
            for loc, original in originals[name].items():
                payload = attempt[name][loc]
                _set(data, loc, original if payload is None else f"{original} {payload}")
            text = yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False, width=1_000_000)
            (root / DATA_DIR / name).write_text(text, encoding="utf-8")
        try:
            build_site(root)
            break
        except DataError as exc:
            last = exc
            changed = set()
            for problem in exc.problems:
                name = Path(problem.file).name
                for loc in leaves[name].touched(problem.field) if name in attempt else ():
                    payload = attempt[name][loc]
                    if payload is not None:
                        # The full payload may be too long for the field; then try the short one, then none.
                        attempt[name][loc] = SHORT_PAYLOAD if payload == PAYLOAD else None
                        changed.add(name)
    else:
        pytest.fail("the data with payloads never validated; last problems:\n" + (last.report() if last else ""))
    return {name: [_path(loc) for loc, p in locs.items() if p is not None] for name, locs in attempt.items()}


def _get(data: Any, loc: Loc) -> Any:
    for part in loc:
        data = data[part]
    return data


@hostile_group
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


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory, hostile_project) -> Path:
    """The site built from the hostile project, once per run."""
    root, _ = hostile_project

    def build(folder: Path) -> None:
        # With edit links, which name files and lines of the data.
        result = run_generator(
            "build", "--site-dir", str(folder / "site"), cwd=root, env={"KB_REPOSITORY_URL": "https://github.com/o/kb"}
        )
        assert result.returncode == 0, result.stderr[-3000:]

    return made_once(tmp_path_factory, "hostile-site", build) / "site"


@pytest.fixture(scope="session")
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


# What a payload would have made if it landed unescaped, as it stands in a file before any parser reads it: a tag
# or comment it opened, or a javascript: address. Escaped, the same text stands as &lt;… and only shows.
_MADE = re.compile(
    rf"<(?:script>confirm\('{MARK}|img src=x onerror|svg onload|!--{MARK}|[bi] class={MARK})"
    r"|(?:href|src)\s*=\s*[\"']?\s*javascript:",
    re.IGNORECASE,
)


@hostile_group
def test_no_payload_makes_markup_in_any_page(hostile_site):
    """Every page's HTML as written. (What scripts put into a page from their data files, as text or as the
    generator's escaped HTML, is checked where they run: the comparisons, the explorer and the calculator below.)"""
    pages = site_pages(hostile_site)
    assert len(pages) > 80
    found = {}
    for path in pages:
        if made := _MADE.findall((hostile_site / path / "index.html").read_text(encoding="utf-8")):
            found[path] = made[:3]
    assert found == {}
    assert _MADE.search(f'<p>{PAYLOAD}</p><a href="javascript:x">')  # it finds what an unescaped payload makes


@pytest.mark.parametrize("part", range(PARTS))
def test_no_payload_runs_or_changes_any_kind_of_page(watched, hostile_server, hostile_site, part):
    """The largest and smallest page of every template and every hand-written page of the hostile site
    (tests/browser/sweep.py), in Chromium: no dialog, no call, no element, handler or comment a payload made.
    Every page's HTML is checked for the same without a browser above; the scripted pages are used below."""
    chosen = representatives(hostile_site)
    assert len(kinds(hostile_site)["generator/site/templates/municipality.md.j2"]) > 40  # the edit blocks were read
    pages = chosen[part::PARTS]
    assert pages
    for path in pages:
        watched.goto(hostile_server + path)
        _assert_clean(watched, path)
        title = watched.title()
        assert "<" not in title or MARK in title, path  # a payload in the title shows as text
    assert watched.dialogs == []


@hostile_group
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


@hostile_group
def test_search_results_show_payloads_as_text(watched, hostile_server):
    """Titles, excerpts and filter choices from the index (a hostile municipality name among them) are text."""
    watched.goto(hostile_server + "soeg/?q=confirm")
    watched.wait_for_selector("#kb-search-results[data-state=done]", state="attached")
    assert watched.locator(".kb-search-result").count() > 0
    watched.wait_for_selector("#kb-search[data-filters=ready]", state="attached")
    choices = watched.locator("#kb-search-kommune option").all_text_contents()
    assert any(MARK in choice for choice in choices)  # the hostile name, as a choice's text
    _assert_clean(watched, "search results")
    assert watched.dialogs == []


@hostile_group
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


@hostile_group
def test_comparisons_show_payloads_as_text(watched, hostile_server):
    """Both comparison pages, filled with four entries from their JSON, show every payload as text."""
    for path in ("puljeprojekter/sammenlign/", "elementer/sammenlign/"):
        watched.goto(hostile_server + path)
        watched.wait_for_selector("form[data-kb-compare-ready]")
        ids = watched.eval_on_selector_all("input[name=id]", "bs => bs.slice(0, 4).map(b => b.value)")
        watched.goto(hostile_server + path + "?" + "&".join(f"id={i}" for i in ids))
        watched.wait_for_selector("#kb-compare-region:not([hidden]) thead th")
        assert MARK in watched.locator("#kb-compare-table").text_content(), path
        _assert_clean(watched, f"{path} with four entries")
    assert watched.dialogs == []
