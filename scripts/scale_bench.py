"""Scale benchmark (not a test): check, generate and the full build on N times today's data.

    ./scripts/scale-bench            # 1x and 10x
    ./scripts/scale-bench --full     # 1x, 10x and 100x
    ./scripts/scale-bench --times 1 3 --timeout 120

For each N it writes a synthetic project (scripts/synthetic.py) into a scratch folder, then runs
``generator check``, ``generator generate`` and ``generator build`` there one after the other and
measures each one's wall time and peak memory (the largest resident set of the command and the processes
it waited for, from ``wait4``). After the build it reports the five largest HTML pages and the search
index: its size, the time the build spent making it (``generator build`` prints it) and, in Chromium on
the search page, the bytes the search loads (gzipped, as a server would send them) until the first result
shows, and the time from the first keystroke to the first result. A command that runs past ``--timeout``
is stopped and shown as ``> T s``; the stages after it are then skipped for that N. The result is printed
as Markdown tables. There are no assertions: times depend on the machine and its load (the load average
is printed with them).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import os
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import synthetic  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
COMMANDS = ("check", "generate", "build")
SEARCH_DIR = "pagefind"
QUERY = "forældresamarbejde"  # typed letter by letter into the search page's field
INDEXED = re.compile(r"search index: .*, ([0-9.]+) s$", re.M)  # generator build's line


@dataclass
class Run:
    seconds: float
    peak_mb: float
    finished: bool
    ok: bool


@dataclass
class Result:
    times: int
    counts: str = ""
    runs: dict[str, Run] = field(default_factory=dict)
    largest: list[tuple[str, int]] = field(default_factory=list)
    search_index: int | None = None
    index_seconds: float | None = None
    first_result: tuple[int, float] | None = None  # bytes (gzipped) and ms from the first keystroke
    load: str = ""


def measure(command: list[str], cwd: Path, timeout: float) -> Run:
    """Run ``command``; its wall time and peak resident memory (MB), stopped after ``timeout`` seconds."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    start = time.perf_counter()
    with open(cwd / f".bench-{command[3]}.log", "wb") as log:
        process = subprocess.Popen(command, cwd=cwd, env=env, stdout=log, stderr=log, start_new_session=True)
    while True:
        pid, status, usage = os.wait4(process.pid, os.WNOHANG)
        elapsed = time.perf_counter() - start
        if pid:
            process.returncode = os.waitstatus_to_exitcode(status)
            return Run(elapsed, usage.ru_maxrss / 1024, True, process.returncode == 0)
        if elapsed > timeout:
            os.killpg(process.pid, signal.SIGKILL)
            _, status, usage = os.wait4(process.pid, 0)
            process.returncode = os.waitstatus_to_exitcode(status)
            return Run(timeout, usage.ru_maxrss / 1024, False, False)
        time.sleep(0.05)


def bench(times: int, work: Path, timeout: float) -> Result:
    project = work / f"kb-{times}x"
    synthetic.make(times, project)
    result = Result(times, load=" / ".join(f"{x:.1f}" for x in os.getloadavg()))
    for name in COMMANDS:
        run = measure([PYTHON, "-m", "generator", name], project, timeout)
        result.runs[name] = run
        print(f"  {times}x {name}: {_time(run)}, {run.peak_mb:.0f} MB", file=sys.stderr, flush=True)
        if not run.ok:
            if run.finished:
                log = (project / f".bench-{name}.log").read_text(errors="replace")
                print(log[-2000:], file=sys.stderr)
            break
        if name == "check":
            log = (project / ".bench-check.log").read_text(errors="replace").strip().splitlines()
            result.counts = next((line.removeprefix("ok: ") for line in log if line.startswith("ok: ")), "")
    site = project / "site"
    if result.runs.get("build") and result.runs["build"].ok:
        pages = [(str(p.relative_to(site)), p.stat().st_size) for p in site.rglob("*.html")]
        result.largest = sorted(pages, key=lambda p: (-p[1], p[0]))[:5]
        result.search_index = sum(p.stat().st_size for p in (site / SEARCH_DIR).rglob("*") if p.is_file())
        found = INDEXED.search((project / ".bench-build.log").read_text(errors="replace"))
        result.index_seconds = float(found.group(1)) if found else None
        result.first_result = first_result(site)
    return result


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


class _Server(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        pass  # the browser closing while a chunk is still sent


def _gzipped(body: bytes) -> int:
    """What a server sends for ``body`` with gzip (Pagefind's chunks are gzipped already: sent as they are)."""
    return min(len(body), len(gzip.compress(body, mtime=0)))


def first_result(site: Path) -> tuple[int, float] | None:
    """On the search page in Chromium: the bytes of the search (its script, Pagefind's files) loaded from opening
    the page until the first result shows, and the ms from the first keystroke to it. None without Chromium."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    httpd = _Server(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            page = browser.new_page()
            finished: list = []  # Pagefind's worker fetches too: the page's own Resource Timing misses those
            page.on("requestfinished", lambda request: finished.append(request))
            page.goto(base + "soeg/")
            page.wait_for_selector("#kb-search-results[data-state=empty]", state="attached")
            # The clock starts at the first key and stops when the first result (for it or a later letter) shows.
            page.evaluate(
                """() => {
                  const list = document.getElementById("kb-search-results");
                  document.addEventListener("keydown", () => { window.kbFirstKey ??= performance.now(); }, true);
                  new MutationObserver(() => {
                    if (list.children.length && window.kbFirstKey !== undefined)
                      window.kbFirstResult ??= performance.now();
                  }).observe(list, {attributes: true, childList: true});
                }"""
            )
            page.type("#kb-search-q", QUERY)
            page.wait_for_function("window.kbFirstResult !== undefined")
            ms = page.evaluate("window.kbFirstResult - window.kbFirstKey")
            shown = page.evaluate("performance.timeOrigin + window.kbFirstResult")  # ms since the epoch
            page.wait_for_selector("#kb-search-results[data-state=done]", state="attached")
            # What the browser had received when the first result showed.
            urls = [r.url for r in finished if r.timing["startTime"] + r.timing["responseEnd"] <= shown]
            browser.close()
    finally:
        httpd.shutdown()
    paths = {urlparse(url).path.lstrip("/") for url in urls}
    searched = [path for path in paths if path.startswith(f"{SEARCH_DIR}/") or path.endswith("/search.js")]
    return sum(_gzipped((site / path).read_bytes()) for path in searched), ms


def _time(run: Run) -> str:
    if not run.finished:
        return f"> {run.seconds:.0f} s (stopped)"
    return f"{run.seconds:.1f} s" + ("" if run.ok else " (failed)")


def _size(size: int | None) -> str:
    return "–" if size is None else f"{size / 1024:,.0f} KB"


def table(results: list[Result]) -> str:
    lines = [
        "| data | entries | " + " | ".join(f"`{c}` time | `{c}` peak" for c in COMMANDS) + " | search index | load |",
        "|---|---|" + "---|---|" * len(COMMANDS) + "---|---|",
    ]
    search = [
        "",
        "| data | search index | indexing | of the build | to the first result | first key to first result |",
        "|---|---|---|---|---|---|",
    ]
    for r in results:
        cells = []
        for name in COMMANDS:
            run = r.runs.get(name)
            cells += [_time(run), f"{run.peak_mb:,.0f} MB"] if run else ["–", "–"]
        lines.append(f"| {r.times}× | {r.counts} | " + " | ".join(cells) + f" | {_size(r.search_index)} | {r.load} |")
        build = r.runs.get("build")
        indexing = f"{r.index_seconds:.1f} s" if r.index_seconds is not None else "–"
        share = f"{r.index_seconds / build.seconds:.0%}" if r.index_seconds is not None and build else "–"
        loaded, ms = r.first_result if r.first_result else (None, None)
        first = f"{ms:,.0f} ms" if ms is not None else "–"
        search.append(f"| {r.times}× | {_size(r.search_index)} | {indexing} | {share} | {_size(loaded)} | {first} |")
    lines += search
    lines += ["", "| data | largest HTML pages |", "|---|---|"]
    for r in results:
        pages = ", ".join(f"`{path}` {_size(size)}" for path, size in r.largest) or "–"
        lines.append(f"| {r.times}× | {pages} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--full", action="store_true", help="also 100x")
    parser.add_argument("--times", type=int, nargs="+", help="the sizes to run (default: 1 10, with --full 1 10 100)")
    parser.add_argument("--timeout", type=float, default=1800, help="seconds before a command is stopped")
    parser.add_argument("--keep", type=Path, help="write the synthetic projects here and keep them")
    args = parser.parse_args(argv)
    sizes = args.times or ([1, 10, 100] if args.full else [1, 10])
    print(f"{os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.1f}", file=sys.stderr)
    with tempfile.TemporaryDirectory(prefix="kb-scale-") as scratch:
        work = args.keep or Path(scratch)
        results = [bench(n, work, args.timeout) for n in sizes]
    print(table(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
