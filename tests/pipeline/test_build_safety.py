"""Builds are exclusive and atomic, and `mkdocs serve` keeps answering while the data is broken.

Every wait here is for a state we can observe (a file, a line of output, an answer), bounded by a
timeout; nothing sleeps for a fixed time.
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from generator import cli
from generator.output.write import expected_outputs, missing_outputs
from generator.pipeline import build_site

from ..conftest import made_once
from ..helpers import FIXTURES, copy_project, edit, run_generator

PAGE = Path("puljeprojekter") / "sammen-i-nordby"
OLD_TEXT = "I Nordby Kommune er indsatsen blevet modnet."
NEW_TEXT = "Ny tekst fra testen af sikre builds."
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
TIMEOUT = 120  # seconds for any one state to be reached; builds take a few seconds


def wait_for(condition: Callable[[], object], what: str, timeout: float = TIMEOUT) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        time.sleep(0.005)


def snapshot(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*")) if p.is_file()}


def scratch_dirs(project: Path) -> list[Path]:
    return sorted(project.glob(".site-build-*"))


def complete(project: Path) -> list[str]:
    """What the site of ``project`` lacks for its current data (empty when complete)."""
    return missing_outputs(project / "site", expected_outputs(build_site(project).files()))


def start_build(project: Path, log: Path, *args: str) -> subprocess.Popen[bytes]:
    with log.open("wb") as out:  # the child keeps its own descriptor
        return subprocess.Popen(
            [sys.executable, "-m", "generator", "build", "--root", str(project), *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env=ENV,
            start_new_session=True,  # its own process group, so the test can end its builder too
        )


def stop_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=TIMEOUT)


@pytest.fixture(scope="session")
def good(tmp_path_factory) -> Path:
    """The minimal project with a complete site built from it (once per run; each test works on a copy)."""

    def make(folder: Path) -> None:
        project = copy_project(FIXTURES / "minimal", folder / "project")
        result = run_generator("build", "--root", str(project))
        assert result.returncode == 0, result.stderr
        assert complete(project) == []

    return made_once(tmp_path_factory, "good-minimal", make) / "project"


@pytest.fixture
def project(good, tmp_path) -> Path:
    return Path(shutil.copytree(good, tmp_path / "project", symlinks=True))


def _lock_holder(project: Path) -> str:
    try:
        return (project / "build" / ".lock").read_text().strip()
    except FileNotFoundError:
        return ""


def _scratch_has_files(project: Path) -> bool:
    return any(p.is_file() for d in scratch_dirs(project) for p in d.rglob("*"))


def _file_has(path: Path, text: str) -> bool:
    try:
        return text in path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return False


KILL_POINTS: dict[str, Callable[[Path, subprocess.Popen[bytes]], bool]] = {
    "holding the lock": lambda project, build: _lock_holder(project) == str(build.pid),
    "generating the docs tree": lambda project, build: _file_has(project / "build/docs" / f"{PAGE}.md", NEW_TEXT),
    "scratch folder made": lambda project, build: bool(scratch_dirs(project)),
    "MkDocs writing": lambda project, build: _scratch_has_files(project),
}


@pytest.mark.parametrize("point", KILL_POINTS)
def test_a_killed_build_leaves_the_previous_site_whole(project, tmp_path, point):
    before = snapshot(project / "site")
    edit(project / "data" / "projects.yaml", OLD_TEXT, NEW_TEXT)
    build = start_build(project, tmp_path / "build.log")
    try:
        wait_for(lambda: KILL_POINTS[point](project, build) or build.poll() is not None, point)
        assert build.poll() is None, f"the build ended before {point}:\n{(tmp_path / 'build.log').read_text()}"
        build.kill()  # SIGKILL to the build only; MkDocs, if started, goes on as an orphan
        build.wait(timeout=TIMEOUT)
        assert snapshot(project / "site") == before
        # The next build waits for an orphaned MkDocs (it inherited the lock), clears the scratch, succeeds.
        result = run_generator("build", "--root", str(project))
    finally:
        stop_group(build)
    assert result.returncode == 0, result.stderr
    assert NEW_TEXT in (project / "site" / PAGE / "index.html").read_text(encoding="utf-8")
    assert complete(project) == []
    assert scratch_dirs(project) == []


def test_the_builder_of_a_killed_build_keeps_the_lock_until_it_ends(project, tmp_path):
    before = snapshot(project / "site")
    build = start_build(project, tmp_path / "build.log")
    try:
        wait_for(lambda: _scratch_has_files(project) or build.poll() is not None, "MkDocs writing")
        os.killpg(build.pid, signal.SIGSTOP)  # freeze build and builder where they are
        build.kill()
        build.wait(timeout=TIMEOUT)
        os.killpg(build.pid, 0)  # the orphaned builder is still there (stopped), or this raises
        busy = run_generator("build", "--root", str(project), "--wait", "0")
        assert busy.returncode == 1 and "is still running" in busy.stderr, busy.stderr
        assert snapshot(project / "site") == before
        os.killpg(build.pid, signal.SIGCONT)
        result = run_generator("build", "--root", str(project))
    finally:
        stop_group(build)
    assert result.returncode == 0, result.stderr
    assert complete(project) == [] and scratch_dirs(project) == []


def test_a_build_killed_after_the_swap_leaves_the_new_site_whole(project, tmp_path):
    edit(project / "data" / "projects.yaml", OLD_TEXT, NEW_TEXT)
    build = start_build(project, tmp_path / "build.log")
    try:
        wait_for(lambda: _file_has(project / "site" / PAGE / "index.html", NEW_TEXT), "the new site in place")
        build.kill()
        build.wait(timeout=TIMEOUT)
    finally:
        stop_group(build)
    assert complete(project) == []
    assert run_generator("build", "--root", str(project)).returncode == 0
    assert scratch_dirs(project) == []


def test_a_second_build_waits_for_the_first_and_both_succeed(project, tmp_path):
    edit(project / "data" / "projects.yaml", OLD_TEXT, NEW_TEXT)
    first = start_build(project, tmp_path / "first.log")
    second = None
    try:
        wait_for(lambda: _lock_holder(project) == str(first.pid) or first.poll() is not None, "the first build's lock")
        second = start_build(project, tmp_path / "second.log")
        waiting = f"waiting for another build (pid {first.pid}) to finish"
        log = tmp_path / "second.log"
        wait_for(lambda: waiting in log.read_text() or second.poll() is not None, "the second build to wait")
        assert waiting in log.read_text()
        assert first.wait(timeout=TIMEOUT) == 0
        assert second.wait(timeout=TIMEOUT) == 0
    finally:
        stop_group(first)
        if second is not None:
            stop_group(second)
    logs = [(tmp_path / name).read_text() for name in ("first.log", "second.log")]
    assert all(f"built {project / 'site'}" in log and "Traceback" not in log for log in logs), logs
    assert complete(project) == []
    assert NEW_TEXT in (project / "site" / PAGE / "index.html").read_text(encoding="utf-8")
    assert scratch_dirs(project) == []


def test_a_build_that_will_not_wait_fails_clearly_and_the_first_one_finishes(project, tmp_path):
    first = start_build(project, tmp_path / "first.log")
    try:
        wait_for(lambda: _lock_holder(project) == str(first.pid) or first.poll() is not None, "the first build's lock")
        assert first.poll() is None
        result = run_generator("build", "--root", str(project), "--wait", "0")
        assert first.wait(timeout=TIMEOUT) == 0
    finally:
        stop_group(first)
    assert result.returncode == 1
    assert f"error: another build (pid {first.pid}) is still running; {project / 'site'} was left as it was" in (
        result.stderr
    )
    assert "Traceback" not in result.stderr
    assert complete(project) == []


def test_an_incomplete_result_is_not_swapped_in(project, monkeypatch, capsys):
    before = snapshot(project / "site")

    def half_a_site(root: Path, out: Path, keep_open: list[int]) -> int:
        (out / "index.html").write_text("half")
        return 0  # a builder that claims success

    monkeypatch.setattr(cli, "_run_builder", half_a_site)
    assert cli.build(project, project / "site") == 1
    message = r"build incomplete, missing 404\.html, .+ and \d+ more; .+ was left as it was"
    assert re.search(message, capsys.readouterr().err)
    assert snapshot(project / "site") == before
    assert scratch_dirs(project) == []


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=30) as response:  # a hang fails the test
        return response.status, response.read().decode("utf-8")


@pytest.fixture
def serve(minimal, tmp_path) -> Iterator[tuple[str, Path]]:
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
            cwd=minimal,
            stdout=out,
            stderr=subprocess.STDOUT,
            env=ENV,
            start_new_session=True,
        )
    try:
        wait_for(lambda: "Serving on" in log.read_text() or server.poll() is not None, "the server to start")
        assert server.poll() is None, log.read_text()
        yield f"http://127.0.0.1:{port}/{PAGE.as_posix()}/", log
    finally:
        server.send_signal(signal.SIGINT)  # MkDocs shuts down cleanly on Ctrl-C
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            stop_group(server)


def test_serve_keeps_serving_the_last_good_site_while_the_data_is_broken(minimal, serve):
    url, log = serve
    status, text = get(url)
    assert status == 200 and OLD_TEXT in text
    edit(minimal / "data" / "projects.yaml", "    pages: 6-7", "    pages: seks")
    located = re.compile(r"data/projects\.yaml:\d+:\d+: projects\[0\]\.pages: ")
    wait_for(lambda: located.search(log.read_text()), "the located error in the server's output")
    status, text = get(url)
    assert status == 200 and OLD_TEXT in text
    edit(minimal / "data" / "projects.yaml", "    pages: seks", "    pages: 6-7")
    edit(minimal / "data" / "projects.yaml", OLD_TEXT, NEW_TEXT)
    wait_for(lambda: NEW_TEXT in get(url)[1], "the fixed data to reach the page")
    assert "The server will appear stuck" not in log.read_text()
