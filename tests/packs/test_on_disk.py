"""DiskCopy: whether a file changed on disk since it was read."""

from __future__ import annotations

from pathlib import Path

from quizgame.core.packs.on_disk import DiskCopy


def test_a_file_changed_since_it_was_read(tmp_path: Path) -> None:
    path = tmp_path / "pack.yaml"
    path.write_text("id: a\n", encoding="utf-8")
    copy = DiskCopy(path, DiskCopy.read(path))
    assert not copy.changed()
    path.write_text("id: b\n", encoding="utf-8")
    assert copy.changed()
    copy.written(path, "id: c\n")
    path.write_text("id: c\n", encoding="utf-8")
    assert not copy.changed()
    path.unlink()
    assert not copy.changed()  # gone: saving loses nothing


def test_a_new_file_that_appeared_counts_as_changed(tmp_path: Path) -> None:
    path = tmp_path / "new.yaml"
    copy = DiskCopy(path, None)
    assert not copy.changed()
    path.write_text("id: someone-elses\n", encoding="utf-8")
    assert copy.changed()
    path.write_bytes(b"\xff\xfe not utf-8")
    assert copy.changed()
