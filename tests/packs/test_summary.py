"""The packs summary index: a listing from it equals one from loading the packs, and any change
to a pack file, to the files found or to the index itself is a miss that loads them again."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from quizgame.core.packs import summary
from quizgame.core.packs.read import discover_packs
from quizgame.core.packs.summary import (
    INDEX_NAME,
    PackSummary,
    keep,
    listed,
    pack_summaries,
    summarize,
)
from tests.loads import PackLoads
from tests.packs.test_read import GOOD

pytestmark = pytest.mark.usefixtures("settled")  # files just written match their figures

BROKEN = "id: broken\ntitle: Broken\nquestions: []\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    packs = tmp_path / "packs"
    packs.mkdir()
    (packs / "good.yaml").write_text(GOOD, encoding="utf-8")
    (packs / "broken.yaml").write_text(BROKEN, encoding="utf-8")
    (packs / "twin.yaml").write_text(GOOD, encoding="utf-8")  # the same id: an error here
    return packs


@pytest.fixture
def cache(tmp_path: Path) -> Path:
    return tmp_path / "cache"


def _loaded(folders: list[Path]) -> list[PackSummary]:
    return [summarize(r) for r in discover_packs(folders)]


def test_a_listing_from_the_index_equals_one_from_the_packs(
    folder: Path, cache: Path, loads: PackLoads
) -> None:
    expected = _loaded([folder])
    loads.count = 0
    first = pack_summaries([folder], cache_dir=cache)
    assert first == expected
    assert [s.id for s in first] == [None, "parallel-mothers", None]
    assert first[2].error is not None and "already used by" in first[2].error
    assert loads.count == 3 and (cache / INDEX_NAME).is_file()
    loads.count = 0
    assert pack_summaries([folder], cache_dir=cache) == first
    assert loads.count == 0


def test_the_app_lists_from_the_index_then_keeps_what_it_read(
    folder: Path, cache: Path, loads: PackLoads
) -> None:
    """Home's way (`HomeRoutes.look_for_packs`): `listed` loads nothing and misses; the packs
    read after it are `keep`t; then `listed` gives them, each as Home shows it."""
    expected = _loaded([folder])
    loads.count = 0
    summaries, look = listed([folder], cache_dir=cache)
    assert summaries is None and loads.count == 0
    keep(look, expected, cache_dir=cache)
    summaries, _ = listed([folder], cache_dir=cache)
    assert summaries == expected and loads.count == 0
    broken, good = summaries[0], summaries[1]
    assert (broken.id, broken.error_line, good.error_line) == (None, 3, None)
    assert broken.error_message and broken.error_message in (broken.error or "")
    assert (good.author, good.description) == ("Test", "Almodóvar's film.")


def _bump(path: Path) -> None:
    """A new modification time (an earlier one: a later one is in the future, never settled):
    an edit that kept the size."""
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns - 1_000_000_000))


@pytest.mark.parametrize(
    "change",
    [
        lambda folder: (folder / "good.yaml").write_text(GOOD + "# edited\n"),
        lambda folder: _bump(folder / "good.yaml"),
        lambda folder: (folder / "broken.yaml").write_text(
            GOOD.replace("id: parallel-mothers", "id: fixed")
        ),
        lambda folder: (folder / "twin.yaml").unlink(),
        lambda folder: (folder / "new.yaml").write_text(BROKEN),
        lambda folder: (folder / "good.yaml").rename(folder / "good.yml"),
    ],
    ids=["edited", "touched", "fixed", "removed", "added", "renamed"],
)
def test_any_change_to_the_packs_found_is_a_miss(
    folder: Path, cache: Path, loads: PackLoads, change: object
) -> None:
    pack_summaries([folder], cache_dir=cache)
    assert callable(change)
    change(folder)
    expected = _loaded([folder])
    loads.count = 0
    assert pack_summaries([folder], cache_dir=cache) == expected
    assert loads.count > 0
    loads.count = 0
    assert pack_summaries([folder], cache_dir=cache) == expected  # from the index written again
    assert loads.count == 0


def test_each_set_of_folders_has_its_own_listing(
    folder: Path, cache: Path, tmp_path: Path, loads: PackLoads
) -> None:
    other = tmp_path / "other"
    other.mkdir()
    (other / "good.yaml").write_text(
        GOOD.replace("id: parallel-mothers", "id: other"), encoding="utf-8"
    )
    for folders in ([folder], [other, folder], [folder]):
        assert pack_summaries(folders, cache_dir=cache) == _loaded(folders)
    loads.count = 0
    pack_summaries([other, folder], cache_dir=cache)
    assert loads.count == 0


@pytest.mark.parametrize(
    "damage",
    [
        b"",
        b"{not json",
        b"[]",
        b'{"format": 1, "quizgame": "0.0.0", "listings": {}}',
        "é".encode("latin-1"),
    ],
)
def test_a_damaged_or_foreign_index_is_a_miss(
    folder: Path, cache: Path, damage: bytes, loads: PackLoads
) -> None:
    first = pack_summaries([folder], cache_dir=cache)
    (cache / INDEX_NAME).write_bytes(damage)
    loads.count = 0
    assert pack_summaries([folder], cache_dir=cache) == first
    assert loads.count > 0


@pytest.mark.parametrize(
    "row",
    [
        ["pm", "t", "3", [], None, "", "", None, None],  # a count as text
        ["pm", "t", 3, "cast", None, "", "", None, None],  # categories not a list
        [None, "", 0, [], None, "", "", None, None],  # broken without an error
        ["pm", "t", 3, [], "error", "", "", None, None],  # an id and an error
        ["pm", 7, 3, [], None, "", "", None, None],
        ["pm", "t", 3, [], None, 7, "", None, None],  # an author not text
        [None, "", 0, [], "f:1:1: x", "", "", 1, None],  # an error's line without its message
        ["pm", "t", 3, [], None, "", "", 1, "x"],  # a playable pack with an error's place
        ["pm", "t", 3, [], None],  # a row of the first format
    ],
)
def test_a_listing_not_as_written_is_a_miss(
    folder: Path, cache: Path, row: list[object], loads: PackLoads
) -> None:
    first = pack_summaries([folder], cache_dir=cache)
    index = json.loads((cache / INDEX_NAME).read_text(encoding="utf-8"))
    (listing,) = index["listings"].values()
    listing["packs"][1] = row
    (cache / INDEX_NAME).write_text(json.dumps(index), encoding="utf-8")
    loads.count = 0
    assert pack_summaries([folder], cache_dir=cache) == first
    assert loads.count > 0


def test_an_index_that_is_not_a_regular_file_is_never_read(
    folder: Path, cache: Path, tmp_path: Path
) -> None:
    first = pack_summaries([folder], cache_dir=cache)
    (cache / INDEX_NAME).unlink()
    os.mkfifo(cache / INDEX_NAME)  # reading it would block
    assert pack_summaries([folder], cache_dir=cache) == first


def test_an_oversized_index_is_not_read(
    folder: Path, cache: Path, monkeypatch: pytest.MonkeyPatch, loads: PackLoads
) -> None:
    pack_summaries([folder], cache_dir=cache)
    monkeypatch.setattr(summary, "MAX_INDEX_BYTES", 10)
    loads.count = 0
    pack_summaries([folder], cache_dir=cache)
    assert loads.count > 0


def test_an_unwritable_cache_only_costs_speed(folder: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder")
    assert pack_summaries([folder], cache_dir=blocked / "cache") == _loaded([folder])


def test_changed_code_lists_every_pack_again(folder: Path, cache: Path, loads: PackLoads) -> None:
    pack_summaries([folder], cache_dir=cache)
    index = json.loads((cache / INDEX_NAME).read_text(encoding="utf-8"))
    assert any(entry[0].endswith(os.path.join("packs", "check.py")) for entry in index["code"])
    index["code"][0][1] += 1  # as if that module had been edited since
    (cache / INDEX_NAME).write_text(json.dumps(index), encoding="utf-8")
    loads.count = 0
    pack_summaries([folder], cache_dir=cache)
    assert loads.count == 3
    loads.count = 0
    pack_summaries([folder], cache_dir=cache)
    assert loads.count == 0
