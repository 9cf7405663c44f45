"""Atomic writes keep a file's permissions, never write through a symlink, and leave nothing
behind (a killed writer's leftovers are cleared on the next start)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from quizgame.core.atomic import (
    LEFTOVER_AGE_SECONDS,
    NEW_FILE_MODE,
    LinkRefused,
    clean_leftovers,
    write_atomic,
)


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


def test_a_symlink_is_never_written_through(tmp_path: Path) -> None:
    real = tmp_path / "repo" / "pack.yaml"
    real.parent.mkdir()
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "pack.yaml"
    link.symlink_to(real)
    with pytest.raises(LinkRefused) as refused:
        write_atomic(link, "new")
    assert refused.value.strerror is not None and "symbolic link" in refused.value.strerror
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.yaml", "repo"]


def test_a_dangling_symlink_is_never_written_through(tmp_path: Path) -> None:
    outside = tmp_path / "outside" / "all.yaml"
    outside.parent.mkdir()
    link = tmp_path / "packs" / "all.yaml"
    link.parent.mkdir()
    link.symlink_to(outside)
    with pytest.raises(LinkRefused):
        write_atomic(link, "new")
    assert not outside.exists()


def test_a_link_may_be_replaced_by_the_file_itself(tmp_path: Path) -> None:
    real = tmp_path / "real"
    real.write_text("old", encoding="utf-8")
    link = tmp_path / "entry"
    link.symlink_to(real)
    write_atomic(link, "new", replace_link=True)
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "new"
    assert real.read_text(encoding="utf-8") == "old"


def _dead_pid() -> int:
    import subprocess
    import sys

    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_leftovers_of_a_killed_writer_are_cleared(tmp_path: Path) -> None:
    dead = tmp_path / f".pack.yaml.{_dead_pid()}.abcd_123.tmp"
    live = tmp_path / f".pack.yaml.{os.getpid()}.abcd_123.tmp"  # a save under way
    old = tmp_path / f".scores.json.{os.getpid()}.zzzzzzzz.tmp"
    theirs = tmp_path / ".notes.tmp"
    for path in (dead, live, old, theirs):
        path.write_text("half", encoding="utf-8")
    now = old.stat().st_mtime
    os.utime(old, (now - LEFTOVER_AGE_SECONDS - 1, now - LEFTOVER_AGE_SECONDS - 1))
    assert sorted(clean_leftovers(tmp_path, now=now)) == sorted([dead, old])
    assert live.exists() and theirs.exists()


@pytest.mark.skipif(os.name == "nt", reason="SIGKILL is POSIX")
def test_a_killed_write_is_cleared_on_the_next_start(tmp_path: Path) -> None:
    import subprocess
    import sys

    # A writer killed (SIGKILL) between writing its temporary file and renaming it.
    script = (
        "import os, signal, sys\n"
        "from quizgame.core import atomic\n"
        "atomic.os.replace = lambda *a: os.kill(os.getpid(), signal.SIGKILL)\n"
        "atomic.write_atomic(__import__('pathlib').Path(sys.argv[1]), 'half')\n"
    )
    subprocess.run([sys.executable, "-c", script, str(tmp_path / "settings.json")], check=False)
    [leftover] = tmp_path.iterdir()
    assert leftover.name.startswith(".settings.json.")
    assert clean_leftovers(tmp_path) == [leftover]
    assert list(tmp_path.iterdir()) == []


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
