"""Benchmark (not a test): how long check, generate and the full build take, and how soon
`mkdocs serve` shows a one-value edit of data/projects.yaml.

The edit changes the first project's title, which is also in the navigation. Served as
`scripts/serve` serves (`--dirty`), the page shows it after a rebuild of the changed pages; every
other page's menu follows with the next rebuild ("every page"). Served with full rebuilds, both
come with one rebuild of the whole site. Before each edit the server is left to finish all rebuilds.

Run it with `./scripts/bench` after `./scripts/test` has made `.venv/`. It works on a throwaway copy
of the project, so the working tree and `site/` are left alone. Times are wall-clock medians of
`--runs` runs on this machine; compare numbers from one machine only.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
EDITED_PAGE = "puljeprojekter/{id}/"


def copy_project(dest: Path) -> Path:
    for name in ("data", "content", "overrides"):
        shutil.copytree(ROOT / name, dest / name)
    shutil.copy(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "build" / "docs").mkdir(parents=True)
    return dest


def timed(command: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=ENV, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{result.stderr[-2000:]}")
    return elapsed


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str, timeout: float = 5) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return response.read().decode("utf-8")
    except OSError:
        return None


def wait_for(predicate, timeout: float, what: str, interval: float = 0.01) -> float:
    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if predicate():
            return time.perf_counter() - start
        time.sleep(interval)
    sys.exit(f"timed out after {timeout:.0f} s waiting for {what}")


QUIET = 1.0  # seconds without a new version of the site after which the server counts as idle


def version(url: str, after: int = 0, timeout: float = 60) -> int:
    """The served site's version (MkDocs' livereload epoch); waits up to ``timeout`` for one newer than ``after``."""
    with urllib.request.urlopen(f"{url}livereload/{after}/0", timeout=timeout) as response:
        return int(response.read())


def settle(url: str, page: str) -> float:
    """Wait until the server has finished every rebuild, also one it starts by itself; return when the last ended."""
    current, ended = version(url), time.perf_counter()
    while True:
        try:
            current, ended = version(url, current, QUIET), time.perf_counter()
            continue
        except OSError:  # no new version for QUIET seconds
            pass
        fetch(page, timeout=300)  # MkDocs holds a request while it rebuilds
        latest = version(url)
        if latest == current:
            return ended
        current, ended = latest, time.perf_counter()


def serve_reload(project: Path, runs: int, options: list[str]) -> tuple[list[float], list[float]]:
    """Seconds from saving a one-value edit of data/projects.yaml to the served page showing it, and
    to the server having finished rebuilding (every page's menu showing it)."""
    import yaml

    projects = project / "data" / "projects.yaml"
    first = yaml.safe_load(projects.read_text(encoding="utf-8"))["projects"][0]
    url = f"http://127.0.0.1:{free_port()}/"
    page = url + EDITED_PAGE.format(id=first["id"])
    command = [sys.executable, "-m", "mkdocs", "serve", *options, "--dev-addr", url[7:-1]]
    server = subprocess.Popen(command, cwd=project, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    shown, settled = [], []
    try:
        wait_for(lambda: fetch(page) is not None, 300, "mkdocs serve to answer", interval=0.2)
        title = first["title"]
        for run in range(runs):
            settle(url, page)
            new = f"{title} (bench {run})"
            text = projects.read_text(encoding="utf-8")
            assert f'title: "{title}"' in text, 'the first project\'s title is not written as title: "…"'
            start = time.perf_counter()
            projects.write_text(text.replace(f'title: "{title}"', f'title: "{new}"', 1), encoding="utf-8")
            wait_for(lambda n=new: n in (fetch(page) or ""), 120, "the edit to show")
            shown.append(time.perf_counter() - start)
            settled.append(settle(url, page) - start)
            title = new
    finally:
        server.terminate()
        server.wait(timeout=30)
    return shown, settled


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3, help="runs of each measurement (default 3)")
    parser.add_argument("--no-serve", action="store_true", help="skip the mkdocs serve measurement")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kb-bench-") as tmp:
        project = copy_project(Path(tmp) / "project")
        generator = [sys.executable, "-m", "generator"]
        rows = {
            "check": [timed([*generator, "check"], project) for _ in range(args.runs)],
            "generate": [timed([*generator, "generate"], project) for _ in range(args.runs)],
            # The builder alone: the generated tree and config (build/mkdocs.yml), no plugin of ours.
            "plain mkdocs build (generated tree, no plugin)": [
                timed(
                    [sys.executable, "-m", "mkdocs", "build", "-f", "build/mkdocs.yml", "--site-dir", f"{tmp}/bare"],
                    project,
                )
                for _ in range(args.runs)
            ],
            "mkdocs build (generated tree, with plugin)": [
                timed([sys.executable, "-m", "mkdocs", "build", "--site-dir", f"{tmp}/plain"], project)
                for _ in range(args.runs)
            ],
            "full build (generator build)": [
                timed([*generator, "build", "--site-dir", f"{tmp}/site"], project) for _ in range(args.runs)
            ],
        }
        if not args.no_serve:
            shown, settled = serve_reload(project, args.runs, ["--dirty"])
            rows["serve: edit to page (projects.yaml)"] = shown  # as scripts/serve serves
            rows["serve: edit to every page (projects.yaml)"] = settled
            shown, settled = serve_reload(project, args.runs, [])
            rows["serve, full rebuilds: edit to page"] = shown
            rows["serve, full rebuilds: edit to every page"] = settled
    width = max(map(len, rows))
    print(f"{'stage':<{width}}  median s   min s   max s   runs")
    for name, times in rows.items():
        print(f"{name:<{width}}  {statistics.median(times):8.2f} {min(times):7.2f} {max(times):7.2f}   {len(times)}")
    full, bare = rows["full build (generator build)"], rows["plain mkdocs build (generated tree, no plugin)"]
    print(f"full build / plain mkdocs build: {statistics.median(full) / statistics.median(bare):.2f}x (medians)")


if __name__ == "__main__":
    main()
