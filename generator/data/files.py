"""Reading the project's own files, and nothing else: regular files inside the project, bounded in size.

A pull request can add a symbolic link, a FIFO or a huge file where a data file or a page should be.
Such a file is refused with a reason the caller reports at its path, before anything is read from it
(the size is checked on the open file, and reading stops at the limit).
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .problems import DataError, Problem

MAX_FILE_BYTES = 64 * 1024 * 1024  # 245 times projects.yaml


def too_large(size: int, unit: str, limit: int | None = None) -> str:
    return f"file is too large ({size} {unit}; at most {MAX_FILE_BYTES if limit is None else limit})"


class UnsafeFile(Exception):
    """A file that is not the project's own regular file, or is too large to read."""


def read_regular_file(path: Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``, which must be a regular file, not a symbolic link, of at most ``limit`` bytes.

    The file is opened without following a link and checked on the open descriptor, so it cannot be
    swapped between the check and the read; a FIFO or device is refused without blocking on it, and
    no more than ``limit`` bytes are read even if the file grows meanwhile.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    if path.is_symlink():
        raise UnsafeFile("is a symbolic link; only the project's own files are read, so copy the file here instead")
    try:
        fd = os.open(path, flags)
    except IsADirectoryError:
        raise UnsafeFile("is a directory; expected a file") from None
    except OSError as exc:
        raise UnsafeFile(f"cannot be opened ({exc.strerror})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise UnsafeFile("is a directory; expected a file")
        if not stat.S_ISREG(info.st_mode):
            raise UnsafeFile("is not a regular file (a pipe, socket or device); expected a file")
        if info.st_size > limit:
            raise UnsafeFile(too_large(info.st_size, "bytes", limit))
        with os.fdopen(os.dup(fd), "rb") as file:
            data = file.read(limit + 1)
    finally:
        os.close(fd)
    if len(data) > limit:
        raise UnsafeFile(too_large(len(data), "bytes", limit))
    return data


def outside(path: Path, base: Path) -> bool:
    """Whether ``path``, written as a path under ``base``, leads elsewhere: through a symbolic link
    in one of its folders, or by resolving to a place outside ``base``."""
    folders = [base / part for part in reversed(path.relative_to(base).parents) if part != Path(".")]
    return any(folder.is_symlink() for folder in folders) or not path.resolve().is_relative_to(base.resolve())


def read_text(path: Path, root: Path) -> tuple[str, str]:
    """A data file's name as problems show it (relative to ``root``) and its text, or DataError."""
    shown = path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)
    if not path.exists() and not path.is_symlink():
        raise DataError([Problem(shown, None, "", "file not found")])
    if path.is_relative_to(root) and not path.is_symlink() and outside(path, root):
        message = "is in a folder that is a symbolic link; data files must be in the project's own data/ folder"
        raise DataError([Problem(shown, None, "", message)])
    try:
        raw = read_regular_file(path)
    except UnsafeFile as exc:
        raise DataError([Problem(shown, None, "", str(exc))]) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DataError([Problem(shown, None, "", f"file is not valid UTF-8 ({exc.reason})")]) from None
    return shown, text
