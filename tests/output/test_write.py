"""Stage 6: the docs tree is synced file by file; a finished site replaces the old one whole."""

import os
import threading
from pathlib import Path

import pytest

from generator.output import write
from generator.output.write import (
    Busy,
    exclusive,
    expected_outputs,
    hold_back,
    missing_outputs,
    remove_stale_scratch,
    scratch_dir,
    swap_in,
    sync_tree,
)


def test_sync_writes_changes_and_removes_stale_files(tmp_path):
    dest = tmp_path / "docs"
    (dest / "old").mkdir(parents=True)
    (dest / "old" / "gone.md").write_text("x")
    (dest / ".gitignore").write_text("*")
    assert sync_tree({"a.md": b"A", "b/c.md": b"C"}, dest) == ["a.md", "b/c.md", "old/gone.md"]
    assert sync_tree({"a.md": b"A", "b/c.md": b"C"}, dest) == []
    assert not (dest / "old").exists() and (dest / ".gitignore").exists()


def two_sites(tmp_path: Path) -> tuple[Path, Path]:
    site, new = tmp_path / "site", tmp_path / ".site-build-x"
    for folder, text in ((site, "old"), (new, "new")):
        folder.mkdir()
        (folder / "index.html").write_text(text)
    return site, new


def test_swap_exchanges_the_folders_in_one_step(tmp_path):
    site, new = two_sites(tmp_path)
    assert swap_in(new, site) == new
    assert (site / "index.html").read_text() == "new"
    assert (new / "index.html").read_text() == "old"  # for the caller to delete


def test_first_site_is_renamed_into_place(tmp_path):
    new = tmp_path / ".site-build-x"
    new.mkdir()
    assert swap_in(new, tmp_path / "site") is None
    assert (tmp_path / "site").is_dir() and not new.exists()


def test_without_the_exchange_two_renames_replace_the_site(tmp_path, monkeypatch):
    monkeypatch.setattr(write, "_exchange", lambda a, b: False)
    site, new = two_sites(tmp_path)
    old = swap_in(new, site)
    assert (site / "index.html").read_text() == "new"
    assert (old / "index.html").read_text() == "old"
    assert old.name.startswith(".site-build-")  # so a later build removes it if this one dies


def test_failed_second_rename_puts_the_old_site_back(tmp_path, monkeypatch):
    monkeypatch.setattr(write, "_exchange", lambda a, b: False)
    site, new = two_sites(tmp_path)
    real_rename = Path.rename

    def rename(self, target):
        if self == new:
            raise OSError("Invalid cross-device link")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        swap_in(new, site)
    assert (site / "index.html").read_text() == "old"


def test_scratch_folders_sit_beside_the_site_and_are_as_readable_as_a_normal_folder(tmp_path):
    site = tmp_path / "out" / "site"
    first, second = scratch_dir(site), scratch_dir(site)
    assert first != second and first.parent == second.parent == site.parent
    umask = os.umask(0)
    os.umask(umask)
    assert first.stat().st_mode & 0o777 == 0o777 & ~umask
    (site.parent / "site-notes").mkdir()
    (first / "half.html").write_text("x")
    assert sorted(remove_stale_scratch(site)) == sorted([first, second])
    assert [p.name for p in site.parent.iterdir()] == ["site-notes"]


def test_a_complete_site_has_a_page_for_every_markdown_file_and_every_other_file(tmp_path):
    expected = expected_outputs(["index.md", "om/index.md", "om/kontakt.md", "assets/x.css", "data/a.csv"])
    assert expected == [
        "404.html",
        "assets/x.css",
        "data/a.csv",
        "index.html",
        "om/index.html",
        "om/kontakt/index.html",
        "pagefind/pagefind.js",
    ]
    (tmp_path / "om" / "kontakt").mkdir(parents=True)
    (tmp_path / "index.html").write_text("x")
    (tmp_path / "om" / "kontakt" / "index.html").write_text("x")
    (tmp_path / "om" / "index.html").mkdir()  # a folder is not the page
    assert missing_outputs(tmp_path, expected) == [
        "404.html",
        "assets/x.css",
        "data/a.csv",
        "om/index.html",
        "pagefind/pagefind.js",
    ]


def never(holder: str) -> None:
    raise AssertionError(f"did not expect to wait for {holder}")


def test_a_held_lock_names_its_holder_and_is_not_taken_twice(tmp_path):
    lock = tmp_path / "build" / ".lock"
    with exclusive(lock, 0, never):
        assert lock.read_text() == f"{os.getpid()}\n"
        busy = pytest.raises(Busy, match=rf"another build \(pid {os.getpid()}\) is still running")
        with busy, exclusive(lock, 0, never):
            pass
    with exclusive(lock, 0, never):  # released on leaving
        pass


def test_a_second_holder_waits_until_the_first_lets_go(tmp_path):
    lock = tmp_path / ".lock"
    held, release, waited = threading.Event(), threading.Event(), []

    def first() -> None:
        with exclusive(lock, 0, never):
            held.set()
            release.wait(timeout=30)

    thread = threading.Thread(target=first)
    thread.start()
    try:
        assert held.wait(timeout=30)

        def on_wait(holder: str) -> None:
            waited.append(holder)
            release.set()

        with exclusive(lock, 30, on_wait):
            assert waited == [str(os.getpid())]
    finally:
        release.set()
        thread.join(timeout=30)


# --- serving: the edited file's pages first ---------------------------------------------------------

MADE_FROM = {"a.md": "data/a.yaml", "b.md": "data/b.yaml", "c.md": "data/a.yaml"}


def _tree(tmp_path: Path, files: dict[str, bytes]) -> Path:
    sync_tree(files, tmp_path / "docs")
    return tmp_path / "docs"


def test_pages_of_other_files_keep_their_last_text_for_one_more_rebuild(tmp_path):
    docs = _tree(tmp_path, {"a.md": b"A", "b.md": b"B", "c.md": b"C", "x.csv": b"1"})
    new = {"a.md": b"A2", "b.md": b"B2", "c.md": b"C", "x.csv": b"2"}
    assert hold_back(new, docs, MADE_FROM, {"data/a.yaml"}) == {
        "a.md": b"A2",
        "b.md": b"B",
        "c.md": b"C",
        "x.csv": b"2",
    }


@pytest.mark.parametrize(
    "new, edited",
    [
        ({"a.md": b"A2", "b.md": b"B2", "c.md": b"C"}, {"templates/x.j2"}),  # no changed page is from an edited file
        ({"a.md": b"A2", "b.md": b"B", "c.md": b"C2"}, {"data/a.yaml"}),  # every changed page is
        ({"a.md": b"A2", "b.md": b"B2", "c.md": b"C", "d.md": b"D"}, {"data/a.yaml"}),  # a page comes
        ({"a.md": b"A2", "b.md": b"B2"}, {"data/a.yaml"}),  # a page goes
    ],
)
def test_everything_is_written_at_once_when_nothing_is_worth_holding_back(tmp_path, new, edited):
    docs = _tree(tmp_path, {"a.md": b"A", "b.md": b"B", "c.md": b"C"})
    assert hold_back(new, docs, MADE_FROM, edited) is new
