"""Shared helpers: the project root, a copy of a project to break, and golden files.

Golden files are compared as text so a failure shows a diff. To accept new
output deliberately, run:  UPDATE_GOLDEN=1 pytest
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from bs4 import BeautifulSoup
from markdown import Markdown

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
GOLDEN = Path(__file__).parent / "golden"
SEEDS = ROOT.parent / "shared" / "seeds"


# libyaml's safe loader where PyYAML has it (as generator/data/read.py uses): the same data, many times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(path: Path) -> Any:
    """A YAML file as plain data (safe: no tags beyond YAML's own)."""
    return yaml.load(path.read_bytes(), Loader=_YAML_LOADER)


def assert_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
        if not os.environ.get("UPDATE_GOLDEN"):
            pytest.fail(f"golden file {path} was missing and has been written; check it and run again")
    assert actual == path.read_text(encoding="utf-8")


def copy_project(source: Path, dest: Path) -> Path:
    """A throwaway copy of a project (data, content, mkdocs.yml) to modify in a test."""
    for name in ("data", "content", "overrides"):
        if (source / name).is_dir():
            shutil.copytree(source / name, dest / name)
    shutil.copy(source / "mkdocs.yml", dest / "mkdocs.yml")
    (dest / "build" / "docs").mkdir(parents=True)
    return dest


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def run_generator(*args: str, cwd: Path = ROOT, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "generator", *args], cwd=cwd, capture_output=True, text=True, env=env, check=False
    )


def html(markdown: str) -> BeautifulSoup:
    """Markdown as the site renders it (enough of it to inspect tables and headings)."""
    converter = Markdown(extensions=["attr_list", "md_in_html", "tables", "admonition"])
    return BeautifulSoup(converter.convert(markdown), "html.parser")
