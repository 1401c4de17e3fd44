"""Scale benchmark (not a test): check, generate and the full build on N times today's data.

    ./scripts/scale-bench            # 1x and 10x
    ./scripts/scale-bench --full     # 1x, 10x and 100x
    ./scripts/scale-bench --times 1 3 --timeout 120

For each N it writes a synthetic project (scripts/synthetic.py) into a scratch folder, then runs
``generator check``, ``generator generate`` and ``generator build`` there one after the other and
measures each one's wall time and peak memory (the largest resident set of the command and the
processes it waited for, from ``wait4``). After the build it reports the five largest HTML pages and
the search index. A command that runs past ``--timeout`` is stopped and shown as ``> T s``; the
stages after it are then skipped for that N. The result is printed as Markdown tables. There are no
assertions: times depend on the machine and its load (the load average is printed with them).
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

import synthetic  # noqa: E402

PYTHON = str(ROOT / ".venv" / "bin" / "python")
COMMANDS = ("check", "generate", "build")
SEARCH_INDEX = Path("search") / "search_index.json"


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
        result.search_index = (site / SEARCH_INDEX).stat().st_size
    return result


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
    for r in results:
        cells = []
        for name in COMMANDS:
            run = r.runs.get(name)
            cells += [_time(run), f"{run.peak_mb:,.0f} MB"] if run else ["–", "–"]
        lines.append(f"| {r.times}× | {r.counts} | " + " | ".join(cells) + f" | {_size(r.search_index)} | {r.load} |")
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
