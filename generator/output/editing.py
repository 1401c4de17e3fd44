"""Where each page comes from, and the "Rediger denne side" links that lead a maintainer there.

A generated page is edited in the data file (and at the entry's line) it is made from, never in the
generated Markdown, and its fixed wording (headings, explanations) in its template; a hand-written
page is edited in its Markdown under content/. The links go to
the repository's web editor, plus a view of the file at the line (GitHub's editor cannot open at a
line, its file view can). Nothing calls the host's API from the visitor's browser.

The repository is the first of: the KB_REPOSITORY_URL variable; GitHub Actions' own
GITHUB_SERVER_URL/GITHUB_REPOSITORY; the git remote "origin" when it is a GitHub address. Without
one, pages get no edit link (a local preview does not need one).
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

BRANCH = "main"  # what the workflow publishes, so what an edit should start from
_GITHUB_REMOTE = re.compile(r"^(?:https://github\.com/|git@github\.com:)([\w.-]+/[\w.-]+?)(?:\.git)?/?$")


@dataclass(frozen=True)
class Origin:
    file: str  # from the project root, e.g. data/projects.yaml or content/om/index.md
    line: int | None = None
    template: str | None = None  # a generated page's fixed wording, e.g. generator/site/templates/project.md.j2


@dataclass(frozen=True)
class EditLink:
    edit_url: str
    view_url: str
    file: str
    line: int | None
    template: str | None = None
    template_url: str | None = None


def repository_url(root: Path, environ: Mapping[str, str]) -> str | None:
    if environ.get("KB_REPOSITORY_URL"):
        return environ["KB_REPOSITORY_URL"].rstrip("/")
    if environ.get("GITHUB_REPOSITORY"):
        return f"{environ.get('GITHUB_SERVER_URL', 'https://github.com').rstrip('/')}/{environ['GITHUB_REPOSITORY']}"
    result = subprocess.run(
        ["git", "remote", "get-url", "origin"], cwd=root, capture_output=True, text=True, check=False
    )
    match = _GITHUB_REMOTE.match(result.stdout.strip()) if result.returncode == 0 else None
    return f"https://github.com/{match.group(1)}" if match else None


def edit_link(repository: str, origin: Origin) -> EditLink:
    view = f"{repository}/blob/{BRANCH}/{origin.file}" + (f"#L{origin.line}" if origin.line else "")
    template_url = f"{repository}/edit/{BRANCH}/{origin.template}" if origin.template else None
    return EditLink(
        f"{repository}/edit/{BRANCH}/{origin.file}", view, origin.file, origin.line, origin.template, template_url
    )
