"""Stage 6: the docs tree is synced file by file; a finished site replaces the old one whole."""

from pathlib import Path

import pytest

from generator.write import replace_directory, sync_tree


def test_sync_writes_changes_and_removes_stale_files(tmp_path):
    dest = tmp_path / "docs"
    (dest / "old").mkdir(parents=True)
    (dest / "old" / "gone.md").write_text("x")
    (dest / ".gitignore").write_text("*")
    assert sync_tree({"a.md": b"A", "b/c.md": b"C"}, dest) == ["a.md", "b/c.md", "old/gone.md"]
    assert sync_tree({"a.md": b"A", "b/c.md": b"C"}, dest) == []
    assert not (dest / "old").exists() and (dest / ".gitignore").exists()


def test_failed_swap_puts_the_old_site_back(tmp_path, monkeypatch):
    site, new = tmp_path / "site", tmp_path / "site.partial"
    site.mkdir()
    (site / "index.html").write_text("old")
    new.mkdir()
    real_rename = Path.rename

    def rename(self, target):
        if self == new:
            raise OSError("Invalid cross-device link")
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", rename)
    with pytest.raises(OSError):
        replace_directory(new, site)
    assert (site / "index.html").read_text() == "old"
