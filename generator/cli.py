"""Command line for maintainers: check the data, generate the docs tree, build the site.

python -m generator check      validate all data; print every problem; exit 1 on errors
python -m generator generate   write the Markdown tree that mkdocs.yml's docs_dir points at, and build/mkdocs.yml
python -m generator build      generate, build with MkDocs (--strict) under a lock, swap into site/ atomically
python -m generator search-index SITE  write the Danish search index (Pagefind) into a site built by any builder
python -m generator schemas    write data/schemas/*.schema.json from the models (editors read them)
python -m generator changes B  Markdown summary of the data entries added, removed and changed since git revision B
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from pathlib import Path

from .data.catalogue import load_synonyms
from .data.problems import DataError, Problem, Severity, printable
from .maintainers.changes import data_changes, report
from .maintainers.schemas import SCHEMA_DIR, schema_files
from .output.builder_config import ConfigError, builder_config, config_text, read_project_config
from .output.pagefind import SEARCH_DIR, IndexFailed, IndexReport, search_index
from .output.write import (
    Busy,
    exclusive,
    expected_outputs,
    missing_outputs,
    remove_stale_scratch,
    scratch_dir,
    swap_in,
    sync_tree,
)
from .pipeline import (
    BUILDER_CONFIG,
    BUILDER_DATA,
    BUILDER_DATA_ENV,
    BUILDER_SITE_DIR,
    DATA_DIR,
    DOCS_DIR,
    PROJECT_CONFIG,
    Site,
    build_site,
)

DEFAULT_WAIT = 600.0  # seconds a build waits for another one to finish


def _print_problems(problems: list[Problem]) -> None:
    # format() and annotation() escape what comes from the data: no line here can be forged by it.
    for problem in problems:
        print(problem.format(), file=sys.stderr)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        # Errors on their line in the pull request's diff. The warnings are the sources' own
        # contradictions, the same in every pull request: one notice, not one per place.
        for problem in problems:
            if problem.severity is Severity.ERROR:
                print(problem.annotation())
        warnings = [p for p in problems if p.severity is Severity.WARNING]
        if warnings:
            print(
                f"::notice title=Kilderne siger sig selv imod::{len(warnings)} steder, hvor kilderne er uenige; "
                "de står i loggen fra python -m generator check og vises på sitet."
            )
    n_errors = sum(1 for p in problems if p.severity is Severity.ERROR)
    n_warnings = len(problems) - n_errors
    print(f"{n_errors} error(s), {n_warnings} warning(s)", file=sys.stderr)


def _load(root: Path) -> Site | None:
    try:
        return build_site(root)
    except DataError as exc:
        _print_problems(exc.problems)
        return None


def check(root: Path) -> int:
    site = _load(root)
    if site is None:
        return 1
    _print_problems(sorted(site.warnings, key=lambda p: p.sort_key))
    print(
        f"ok: {len(site.catalogue.elements)} elements, {len(site.catalogue.projects)} projects, "
        f"{len(site.pages)} generated pages",
        file=sys.stderr,
    )
    return 0


def _docs_lock(root: Path, wait: float) -> AbstractContextManager[int]:
    """The lock on the generated docs tree, which every build of ``root`` rewrites."""
    return exclusive(root / Path(DOCS_DIR).parent / ".lock", wait, _say_waiting(wait))


def _say_waiting(wait: float) -> Callable[[str], None]:
    def say(holder: str) -> None:
        print(f"waiting for another build (pid {holder}) to finish; giving up after {wait:g} s", file=sys.stderr)

    return say


def _write_if_changed(path: Path, data: bytes) -> None:
    if not path.is_file() or path.read_bytes() != data:
        path.write_bytes(data)


def _generate(root: Path, site: Site, site_dir: Path | None = None) -> None:
    """Write the docs tree, the builder data and, if the project has a mkdocs.yml, the builder-neutral
    configuration whose site goes to ``site_dir`` (default BUILDER_SITE_DIR)."""
    changed = sync_tree(site.files(), root / DOCS_DIR)
    data = site.builder_data()
    _write_if_changed(root / BUILDER_DATA, data.to_json())
    project_config = root / PROJECT_CONFIG
    if project_config.is_file():
        config_file = root / BUILDER_CONFIG
        settings = read_project_config(project_config.read_text(encoding="utf-8"))
        target = site_dir or root / BUILDER_SITE_DIR
        config = builder_config(settings, site.nav, root, config_file, root / DOCS_DIR, target, data.off_menu)
        _write_if_changed(config_file, config_text(config, BUILDER_CONFIG))
    print(f"generated {DOCS_DIR}: {len(changed)} file(s) changed", file=sys.stderr)


def generate(root: Path, wait: float = DEFAULT_WAIT, site_dir: Path | None = None) -> int:
    try:
        with _docs_lock(root, wait):
            site = _load(root)
            if site is None:
                return 1
            _generate(root, site, site_dir)
    except Busy as exc:
        print(f"error: {exc}; {DOCS_DIR} was left as it was", file=sys.stderr)
        return 1
    except ConfigError as exc:
        print(f"error: {printable(exc)}", file=sys.stderr)
        return 1
    return 0


def _reproducible(root: Path, environ: Mapping[str, str]) -> dict[str, str]:
    """The environment for MkDocs, with the build date fixed to the last commit's.

    MkDocs dates the sitemap (and the gzip header of sitemap.xml.gz) with SOURCE_DATE_EPOCH when it
    is set, else with the current time; the commit's time makes two builds of one commit identical.
    """
    env = dict(environ)
    if "SOURCE_DATE_EPOCH" not in env:
        result = subprocess.run(
            ["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=False
        )
        if result.returncode == 0 and result.stdout.strip().isdigit():
            env["SOURCE_DATE_EPOCH"] = result.stdout.strip()
    return env


def _run_builder(root: Path, out: Path, keep_open: list[int]) -> int:
    """Build the site from the docs tree into ``out``; the builder inherits the locks in ``keep_open``.

    Inheriting them keeps the locks held until the builder is gone too, even if we are killed first.
    The builder takes the navigation and the rest from the file generated with the tree, so the data
    is read once per build (and the tree, under our lock, cannot change meanwhile).
    """
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)]
    env = _reproducible(root, os.environ)
    env[BUILDER_DATA_ENV] = str(root / BUILDER_DATA)
    return subprocess.run(command, cwd=root, check=False, env=env, pass_fds=keep_open).returncode


def build(root: Path, site_dir: Path, wait: float = DEFAULT_WAIT) -> int:
    """Generate and build into a scratch folder; only a complete, strict build replaces ``site_dir``.

    One build at a time per docs tree and per site folder: the second waits for the first.
    """
    site_lock = site_dir.parent / f".{site_dir.name}.lock"
    try:
        with _docs_lock(root, wait) as docs_fd, exclusive(site_lock, wait, _say_waiting(wait)) as site_fd:
            site = _load(root)  # read under the lock: a build that waited publishes the data of now
            if site is None:
                return 1
            remove_stale_scratch(site_dir)
            _generate(root, site)
            expected, synonyms = expected_outputs(site.files()), site.catalogue.synonyms
            # The pages are written: their memory goes to the search index, made in this process after the builder.
            del site
            scratch = scratch_dir(site_dir)
            try:
                return _build_into(root, scratch, site_dir, expected, [docs_fd, site_fd], synonyms)
            finally:
                shutil.rmtree(scratch, ignore_errors=True)
    except Busy as exc:
        print(f"error: {exc}; {site_dir} was left as it was (pass --wait SECONDS to wait longer)", file=sys.stderr)
        return 1


def _build_into(
    root: Path, scratch: Path, site_dir: Path, expected: list[str], locks: list[int], synonyms: dict[str, list[str]]
) -> int:
    if _run_builder(root, scratch, locks) != 0:
        print(f"build failed; {site_dir} was left as it was", file=sys.stderr)
        return 1
    built = [path for path in expected if not path.startswith(f"{SEARCH_DIR}/")]  # what the builder writes
    if _say_missing(scratch, built, site_dir):
        return 1
    try:
        _say_indexed(search_index(scratch, synonyms))
    except IndexFailed as exc:
        print(f"error: {printable(exc)}; {site_dir} was left as it was", file=sys.stderr)
        return 1
    if _say_missing(scratch, expected, site_dir):
        return 1
    old = swap_in(scratch, site_dir)
    if old is not None and old != scratch:
        shutil.rmtree(old, ignore_errors=True)
    print(f"built {site_dir}", file=sys.stderr)
    return 0


def _say_missing(site: Path, expected: list[str], site_dir: Path) -> bool:
    missing = missing_outputs(site, expected)
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        print(f"build incomplete, missing {shown}; {site_dir} was left as it was", file=sys.stderr)
    return bool(missing)


def _say_indexed(report: IndexReport) -> None:
    print(
        f"search index: {report.pages} pages ({report.enriched} with compound parts or synonyms), "
        f"{report.bytes / 1024:.0f} KiB, {report.seconds:.2f} s",
        file=sys.stderr,
    )


def index_site(root: Path, site_dir: Path) -> int:
    """``search-index``: the search index of a site that any builder made from the generated tree."""
    if not site_dir.is_dir():
        print(f"error: {site_dir} is not a folder; build the site first", file=sys.stderr)
        return 1
    try:
        synonyms = load_synonyms(root / DATA_DIR, root)
        _say_indexed(search_index(site_dir, synonyms))
    except DataError as exc:
        _print_problems(exc.problems)
        return 1
    except IndexFailed as exc:
        print(f"error: {printable(exc)}", file=sys.stderr)
        return 1
    return 0


def schemas(root: Path) -> int:
    changed = sync_tree(schema_files(), root / SCHEMA_DIR)
    print(f"{SCHEMA_DIR}: {len(changed)} schema file(s) changed", file=sys.stderr)
    return 0


def changes(root: Path, base: str) -> int:
    try:
        found = data_changes(root, base)
    except ValueError as exc:
        print(f"error: {printable(exc)}", file=sys.stderr)
        return 1
    print(report(found, base))
    return 0


def main(argv: list[str] | None = None) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--root", type=Path, default=Path.cwd(), help="project folder (default: current folder)")
    parser = argparse.ArgumentParser(prog="python -m generator", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", parents=[common], help="validate all data and report every problem")
    waiting = argparse.ArgumentParser(add_help=False)
    waiting.add_argument(
        "--wait",
        type=float,
        default=DEFAULT_WAIT,
        metavar="SECONDS",
        help=f"how long to wait for another build of the same project or site to finish (default: {DEFAULT_WAIT:g})",
    )
    generate_parser = commands.add_parser(
        "generate",
        parents=[common, waiting],
        help=f"write the generated docs tree to {DOCS_DIR} and, beside it, {BUILDER_CONFIG} for any builder",
    )
    generate_parser.add_argument(
        "--site-dir",
        type=Path,
        default=None,
        help=f"where a build from {BUILDER_CONFIG} puts the site (default: ROOT/{BUILDER_SITE_DIR}; "
        "Zensical needs it inside ROOT/build)",
    )
    build_parser = commands.add_parser(
        "build", parents=[common, waiting], help="generate and build the site with MkDocs"
    )
    build_parser.add_argument("--site-dir", type=Path, default=None, help="output folder (default: ROOT/site)")
    index_parser = commands.add_parser(
        "search-index",
        parents=[common],
        help="write the Danish search index (pagefind/) into a built site; run it after mkdocs, properdocs or zensical",
    )
    index_parser.add_argument("site_dir", type=Path, metavar="SITE_DIR", help="the built site, e.g. build/site")
    commands.add_parser("schemas", parents=[common], help="write the data files' JSON Schemas from the models")
    changes_parser = commands.add_parser(
        "changes", parents=[common], help="summarise the data changes since a git revision, as Markdown"
    )
    changes_parser.add_argument("base", help="git revision to compare with, e.g. origin/main")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "check":
        return check(root)
    if args.command == "generate":
        site_dir = args.site_dir.resolve() if args.site_dir else None
        return generate(root, args.wait, site_dir)
    if args.command == "search-index":
        return index_site(root, args.site_dir.resolve())
    if args.command == "schemas":
        return schemas(root)
    if args.command == "changes":
        return changes(root, args.base)
    return build(root, (args.site_dir or root / "site").resolve(), args.wait)
