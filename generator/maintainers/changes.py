"""What a change does to the data, in words a reviewer reads: entries added, removed and changed.

``python -m generator changes BASE`` compares each data file in the working tree with the same file
at the git revision BASE (e.g. origin/main) and prints Markdown for a pull request's summary. An
entry is anything in a top-level list that has an ``id``; other top-level fields are compared whole.
Both sides may come from an untrusted branch: the YAML is read with the safe loader only, and every
value from it (ids, keys, field names, titles) is printed as a Markdown code span, the one place
where GitHub's Markdown forms no link, image, HTML, autolinked URL, mention or issue reference.
"""

from __future__ import annotations

import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..data.catalogue import DATA_FILES
from ..data.problems import DataError, printable
from ..data.read import load_file, load_text
from ..pipeline import DATA_DIR

_BACKTICKS = re.compile(r"`+")


@dataclass
class FileChanges:
    path: str
    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    reordered: list[str] = field(default_factory=list)
    unreadable: str | None = None

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.changed or self.reordered or self.unreadable)


def _git_show(root: Path, base: str, path: str) -> str | None:
    result = subprocess.run(
        ["git", "show", f"{base}:{path}"], cwd=root, capture_output=True, text=True, encoding="utf-8", check=False
    )
    return result.stdout if result.returncode == 0 else None


def _verify_base(root: Path, base: str) -> None:
    result = subprocess.run(
        ["git", "rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], cwd=root, capture_output=True, check=False
    )
    if result.returncode != 0:
        raise ValueError(f"{base!r} is not a git revision here (for a pull request, fetch the base branch first)")


def code(text: object) -> str:
    """A value from the data as an inert Markdown code span, on one line.

    Inside a code span Markdown reads nothing: no emphasis, link, HTML or entity, and GitHub
    autolinks no URL there. The fence is one backtick longer than any run of backticks in the
    value, so the value cannot close it; a space pads a value that starts or ends with a backtick
    (CommonMark strips one such space on each side). Line breaks and invisible characters are
    shown escaped, as in the terminal.
    """
    value = printable(text) or " "
    fence = "`" * (max(map(len, _BACKTICKS.findall(value)), default=0) + 1)
    pad = " " if value[0] == "`" or value[-1] == "`" or (value[0] == value[-1] == " " and value.strip()) else ""
    return f"{fence}{pad}{value}{pad}{fence}"


def _label(entry: dict[str, Any]) -> str:
    name = entry.get("name") or entry.get("title")
    return f"{code(entry['id'])} ({code(name)})" if isinstance(name, str) else code(entry["id"])


def _entries(value: Any) -> dict[str, dict[str, Any]] | None:
    """A top-level list of entries with ids, by id; None for anything else."""
    if isinstance(value, list) and value and all(isinstance(v, dict) and isinstance(v.get("id"), str) for v in value):
        return {v["id"]: v for v in value}
    return None


def compare(path: str, old: Any, new: Any) -> FileChanges:
    changes = FileChanges(path)
    old = old if isinstance(old, dict) else {}
    new = new if isinstance(new, dict) else {}
    for key in dict.fromkeys([*old, *new]):
        before, after = old.get(key), new.get(key)
        if before == after:
            continue
        old_entries, new_entries = _entries(before), _entries(after)
        if old_entries is None and new_entries is None:
            changes.changed.append(code(key))
            continue
        old_entries, new_entries = old_entries or {}, new_entries or {}
        section = code(key)
        for id_, entry in new_entries.items():
            if id_ not in old_entries:
                changes.added.append(f"{section}: {_label(entry)}")
            elif entry != (before_entry := old_entries[id_]):
                fields = [f for f in dict.fromkeys([*before_entry, *entry]) if before_entry.get(f) != entry.get(f)]
                changes.changed.append(f"{section}: {_label(entry)}, felter: {', '.join(map(code, fields))}")
        changes.removed += [f"{section}: {_label(e)}" for id_, e in old_entries.items() if id_ not in new_entries]
        kept_before = [i for i in old_entries if i in new_entries]
        kept_after = [i for i in new_entries if i in old_entries]
        if kept_before != kept_after:  # the order is shown on the site (lists, menus, tie-breaks)
            changes.reordered.append(f"{section}: rækkefølgen af {len(kept_after)} poster")
    return changes


def _load(text: str | None, path: str) -> Any:
    # The reader's bounds (size, depth, values) apply to both sides; an unreadable side is reported.
    return None if text is None else load_text(text, path).data


def data_changes(root: Path, base: str) -> list[FileChanges]:
    _verify_base(root, base)
    result = []
    for name in DATA_FILES:
        path = f"{DATA_DIR}/{name}"
        current = root / path
        try:
            old = _load(_git_show(root, base, path), f"{base}:{path}")
            new = load_file(current, root).data if current.exists() or current.is_symlink() else None
        except DataError as exc:
            changes = FileChanges(path, unreadable=code(exc.problems[0].format()))
        else:
            changes = compare(path, old, new)
        if changes:
            result.append(changes)
    return result


def report(changes: list[FileChanges], base: str) -> str:
    lines = [f"## Ændringer i data i forhold til {code(base)}", ""]
    if not changes:
        return "\n".join([*lines, "Ingen ændringer i data/.", ""])
    for file in changes:
        lines += [f"### {code(file.path)}", ""]
        if file.unreadable:
            lines += [f"Filen kan ikke læses som YAML: {file.unreadable}", ""]
            continue
        groups = (
            ("Tilføjet", file.added),
            ("Ændret", file.changed),
            ("Fjernet", file.removed),
            ("Ny rækkefølge", file.reordered),
        )
        for title, items in groups:
            lines += [f"- **{title}:** {item}" for item in items]
        lines.append("")
    return "\n".join(lines)
