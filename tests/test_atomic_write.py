"""Atomic writes keep a file's permissions, follow symlinks, and leave nothing behind."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from quizgame.core.atomic import NEW_FILE_MODE, write_atomic


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_is_readable_by_others(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "pack.yaml"
    write_atomic(target, "id: x\n")
    assert target.read_text(encoding="utf-8") == "id: x\n"
    assert mode(target) == NEW_FILE_MODE  # not mkstemp's 0600


def test_an_existing_file_keeps_its_permissions(tmp_path: Path) -> None:
    target = tmp_path / "pack.yaml"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    write_atomic(target, b"new")
    assert target.read_bytes() == b"new" and mode(target) == 0o640


def test_a_symlink_is_followed_and_kept(tmp_path: Path) -> None:
    real = tmp_path / "repo" / "pack.yaml"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "pack.yaml"
    link.symlink_to(real)
    write_atomic(link, "new")
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "new"


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pack.yaml"
    target.write_text("old", encoding="utf-8")

    def refuse(*_args: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.yaml"]


def test_the_data_is_synced_before_the_rename_and_the_folder_after(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pack.yaml"
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "file")
        real_fsync(fd)

    def replace(*args: str) -> None:
        events.append("rename")
        real_replace(*args)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    expected = ["file", "rename"] if os.name == "nt" else ["file", "rename", "folder"]
    assert events == expected


def test_a_failed_sync_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "pack.yaml"
    target.write_text("old", encoding="utf-8")

    def refuse(_fd: int) -> None:
        raise OSError("I/O error")

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(OSError, match="I/O error"):
        write_atomic(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["pack.yaml"]
