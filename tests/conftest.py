"""Fixtures: throwaway copies of a project to build or break."""

from __future__ import annotations

from pathlib import Path

import pytest

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
def built(tmp_path_factory) -> Path:
    """The real site, built once with a strict MkDocs build."""
    site = tmp_path_factory.mktemp("built") / "site"
    result = run_generator("build", "--site-dir", str(site))
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
    return site
