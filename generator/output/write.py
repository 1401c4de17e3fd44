"""Stage 6: write the docs tree, and put a finished site in place in one step.

Writing only what changed keeps ``mkdocs serve`` from rebuilding pages whose Markdown is the
same. A build holds a lock (``exclusive``), builds into a scratch folder of its own next to the
site (``scratch_dir``), checks the result (``missing_outputs``) and exchanges it with the old site
in one atomic step (``swap_in``): a visitor, a second build or a killed build never sees half a site.
"""

from __future__ import annotations

import ctypes
import errno
import fcntl
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

from ..site.urls import page_url

# Made by the theme rather than copied from the docs tree; a site without them is broken.
SITE_ESSENTIALS = ("404.html", "pagefind/pagefind.js")


def sync_tree(files: Mapping[str, bytes], dest: Path) -> list[str]:
    """Make ``dest`` hold exactly ``files`` (dotfiles such as .gitignore are left alone).

    Each file's bytes are asked for only when it is written, so a mapping that makes them on demand
    (``pipeline.TreeFiles``) is never held whole.
    """
    dest.mkdir(parents=True, exist_ok=True)
    changed = []
    for relative in sorted(files):
        data = files[relative]
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


def hold_back(files: dict[str, bytes], dest: Path, made_from: dict[str, str], edited: set[str]) -> dict[str, bytes]:
    """While serving, what to write now so that the pages made from the files just ``edited`` show first.

    Of the pages whose Markdown an edit changed, those made from an edited file (``made_from``: a page's
    path to its source file, as in its edit link) are written now, and every other changed page keeps its
    last text for one more rebuild, so the dirty rebuild that follows the edit renders only the pages a
    maintainer is looking at. Everything is written at once (``files`` itself is returned) when no changed
    page is made from an edited file, when all of them are, or when pages come or go.
    """
    on_disk = {path.relative_to(dest).as_posix() for path in dest.rglob("*.md")} if dest.is_dir() else set()
    if on_disk != {path for path in files if path.endswith(".md")}:
        return files
    changed = [p for p in on_disk if (dest / p).read_bytes() != files[p]]
    first = [p for p in changed if made_from.get(p) in edited]
    if not first or len(first) == len(changed):
        return files
    return files | {p: (dest / p).read_bytes() for p in changed if p not in first}


def with_other_files_kept(files: dict[str, bytes], dest: Path) -> dict[str, bytes]:
    """``files`` plus every file now in ``dest`` that is not a page, as it is: a served edit's pages are
    written before the downloads are made again (they follow with the rest of the tree)."""
    kept = {}
    for path in dest.rglob("*") if dest.is_dir() else ():
        relative = path.relative_to(dest).as_posix()
        if path.is_file() and not relative.endswith(".md") and relative not in files and not relative.startswith("."):
            kept[relative] = path.read_bytes()
    return files | kept


class Busy(Exception):
    """Another build holds the lock and did not finish within the time we were willing to wait."""

    def __init__(self, holder: str):
        self.holder = holder
        super().__init__(f"another build (pid {holder}) is still running")


def _holder(fd: int) -> str:
    text = os.pread(fd, 32, 0).decode("ascii", "replace").strip()
    return text if text.isdigit() else "unknown"


@contextmanager
def exclusive(path: Path, wait: float, on_wait: Callable[[str], None]) -> Iterator[int]:
    """Hold an exclusive ``flock`` on ``path`` (created if missing) and yield its descriptor.

    If another process holds it, call ``on_wait`` once with its pid and wait up to ``wait`` seconds,
    then raise ``Busy``. The kernel releases the lock when every process holding the descriptor
    exits, however it ends, so a killed build never leaves a stale lock behind. The file is never
    deleted: deleting a lock file lets two processes lock two different files.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o644)
    try:
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    raise Busy(_holder(fd)) from None
                if not told:
                    on_wait(_holder(fd))
                    told = True
                time.sleep(0.1)  # flock has no timeout of its own
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield fd
    finally:
        os.close(fd)


def _scratch_prefix(site_dir: Path) -> str:
    return f".{site_dir.name}-build-"


def scratch_dir(site_dir: Path) -> Path:
    """A new, empty folder for one build, beside ``site_dir`` so that the swap stays on one filesystem."""
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    path = Path(tempfile.mkdtemp(dir=site_dir.parent, prefix=_scratch_prefix(site_dir)))
    umask = os.umask(0)
    os.umask(umask)
    path.chmod(0o777 & ~umask)  # mkdtemp makes it private; the site must be as readable as before
    return path


def remove_stale_scratch(site_dir: Path) -> list[Path]:
    """Delete what killed builds left beside ``site_dir``; call only while holding the site's lock."""
    stale = sorted(site_dir.parent.glob(_scratch_prefix(site_dir) + "*"))
    for path in stale:
        shutil.rmtree(path, ignore_errors=True)
    return stale


def expected_outputs(files: Iterable[str]) -> list[str]:
    """What a complete site holds: an HTML page per Markdown file, every other file, the essentials."""
    outputs = {page_url(f) + "index.html" if f.endswith(".md") else f for f in files}
    return sorted(outputs.union(SITE_ESSENTIALS))


def missing_outputs(site: Path, expected: Iterable[str]) -> list[str]:
    return [path for path in expected if not (site / path).is_file()]


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2  # linux/fs.h


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step with Linux's renameat2(RENAME_EXCHANGE); False where unsupported."""
    if not sys.platform.startswith("linux"):
        return False
    renameat2 = getattr(ctypes.CDLL(None, use_errno=True), "renameat2", None)  # glibc 2.28+, musl 1.2.5+
    if renameat2 is None:
        return False
    renameat2.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if renameat2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # kernel or filesystem without it
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def swap_in(new: Path, dest: Path) -> Path | None:
    """Put the finished directory ``new`` at ``dest``; return where the old site now is, to delete.

    On Linux the two directories are exchanged atomically, so ``dest`` is always a whole site: the
    old one or the new one. Elsewhere (or on a filesystem without the exchange) it takes two renames,
    and for a moment there is no ``dest``; if the second rename fails the old site is put back.
    """
    if not dest.exists():
        new.rename(dest)
        return None
    if _exchange(new, dest):
        return new
    old = new.with_name(new.name + "-old")  # still a scratch name: a later build removes it if we die
    dest.rename(old)
    try:
        new.rename(dest)
    except OSError:
        old.rename(dest)
        raise
    return old
