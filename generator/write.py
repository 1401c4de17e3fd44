"""Stage 6: write the docs tree, and swap a finished site into place.

Writing only what changed keeps ``mkdocs serve`` from rebuilding pages whose
Markdown is the same. A finished site replaces the old one in one rename, so
a failed build never leaves a half-written site behind.
"""

from __future__ import annotations

import shutil
from pathlib import Path


def sync_tree(files: dict[str, bytes], dest: Path) -> list[str]:
    """Make ``dest`` hold exactly ``files`` (dotfiles such as .gitignore are left alone)."""
    dest.mkdir(parents=True, exist_ok=True)
    changed = []
    for relative, data in sorted(files.items()):
        target = dest / relative
        if target.is_file() and target.read_bytes() == data:
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        changed.append(relative)
    for path in sorted(dest.rglob("*"), reverse=True):
        relative = path.relative_to(dest)
        if any(part.startswith(".") for part in relative.parts):
            continue
        if path.is_file() and relative.as_posix() not in files:
            path.unlink()
            changed.append(relative.as_posix())
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return changed


def replace_directory(new: Path, dest: Path) -> None:
    """Put the finished directory ``new`` where ``dest`` is, replacing it."""
    old = dest.with_name(dest.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if dest.exists():
        dest.rename(old)
    try:
        new.rename(dest)
    except OSError:
        if old.exists():
            old.rename(dest)
        raise
    if old.exists():
        shutil.rmtree(old)
