"""The pack cache: a hit is the same pack, any change to the file or the entry is a miss, a
broken pack is cached too, and an entry is trusted only when it is a regular file whose content
matches its hash."""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import msgspec
import pytest

from quizgame.core.packs import cache as pack_cache
from quizgame.core.packs import read as loader
from quizgame.core.packs.read import LoadResult, discover_packs, load_pack
from tests.packs.test_read import GOOD


@pytest.fixture
def pack_file(tmp_path: Path) -> Path:
    path = tmp_path / "packs" / "pm.yaml"
    path.parent.mkdir()
    path.write_text(GOOD + "    colour: red\n", encoding="utf-8")  # one warning to keep
    return path


def _no_parsing(*_args: object) -> LoadResult:
    raise AssertionError("the pack was parsed again instead of coming from the cache")


def test_cache_hit_returns_an_equal_pack(
    pack_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = load_pack(pack_file, cache_dir=cache)
    assert first.pack is not None and len(first.warnings) == 1
    monkeypatch.setattr(loader, "_load_bytes", _no_parsing)
    second = load_pack(pack_file, cache_dir=cache)
    assert second.pack == first.pack
    assert second.pack is not first.pack
    assert second.problems == first.problems


def _payload(entry: Path) -> dict[str, Any]:
    inflated = pack_cache.unseal(entry.read_bytes(), 10**8)
    assert inflated is not None
    data: dict[str, Any] = msgspec.msgpack.decode(inflated)
    return data


def _rewrite(entry: Path, data: Any) -> None:
    """Write `data` as the entry, with a header whose hash matches: only the data can miss."""
    entry.write_bytes(pack_cache.seal(msgspec.msgpack.encode(data)))


def test_the_cache_is_data_never_pickle_and_smaller_than_the_pack(
    pack_file: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    load_pack(pack_file, cache_dir=cache)
    [entry] = cache.iterdir()
    assert entry.suffix == ".qgc"
    assert _payload(entry)["id"] == "parallel-mothers"
    assert entry.stat().st_size <= pack_cache.max_entry_bytes(pack_file.stat().st_size)
    # A pack of some size: its entry is a fraction of it (the entries were twice it).
    lines = ["id: big\ntitle: Big\nquestions:"]
    lines += [
        f"- {{id: q{i}, type: multiple_choice, prompt: Which one is number {i}?, "
        f"choices: [Choice {i} a, Choice {i} b, Choice {i} c], answer: Choice {i} b, "
        f"category: numbers, explanation: Because it is {i}.}}"
        for i in range(2_000)
    ]
    big = tmp_path / "big.yaml"
    big.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert load_pack(big, cache_dir=cache).ok
    big_entry = pack_cache.entry_path(cache, big)
    assert big_entry.stat().st_size < big.stat().st_size / 2


def test_any_change_to_the_file_invalidates_the_cache(pack_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_pack(pack_file, cache_dir=cache)
    stat = pack_file.stat()
    # Same size, same modification time: only the content tells.
    pack_file.write_text(
        pack_file.read_text(encoding="utf-8").replace("Who plays Janis?", "Who plays JANIS?"),
        encoding="utf-8",
    )
    os.utime(pack_file, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert pack_file.stat().st_size == stat.st_size
    result = load_pack(pack_file, cache_dir=cache)
    assert result.pack is not None
    assert result.pack.questions[0].prompt == "Who plays JANIS?"


def test_a_broken_edit_is_not_hidden_by_the_cache(pack_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    load_pack(pack_file, cache_dir=cache)
    pack_file.write_text(GOOD.replace("answer: Penélope Cruz", "answer: Nobody"), encoding="utf-8")
    result = load_pack(pack_file, cache_dir=cache)
    assert result.pack is None
    assert [p.message for p in result.errors] == ["answer 'Nobody' is not one of the choices"]


def test_a_broken_pack_is_cached_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("id: p\ntitle: T\nquestions: []\n")
    first = load_pack(path, cache_dir=tmp_path / "cache")
    assert first.pack is None and first.errors
    monkeypatch.setattr(loader, "_load_bytes", _no_parsing)
    again = load_pack(path, cache_dir=tmp_path / "cache")
    assert again.pack is None
    assert again.problems == first.problems


def _huge_claim() -> bytes:
    """An entry whose hash is right but whose size says 1 TB: never allocated."""
    body = (10**12).to_bytes(8, "little") + b"\x00" * 10
    return b"QGC\x06" + hashlib.blake2b(body, digest_size=20).digest() + body


def _edit_entry(change: Callable[[dict[str, Any]], None]) -> Callable[[Path], None]:
    def damage(entry: Path) -> None:
        data = _payload(entry)
        change(data)
        _rewrite(entry, data)

    return damage


def _set(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    return lambda entry: entry.__setitem__(key, value)


def _question(key: str, value: object) -> Callable[[dict[str, Any]], None]:
    return lambda entry: entry["questions"][0].__setitem__(key, value)


def _bytes(change: Callable[[bytes], bytes]) -> Callable[[Path], None]:
    def damage(entry: Path) -> None:
        entry.write_bytes(change(entry.read_bytes()))

    return damage


DAMAGE: dict[str, Callable[[Path], None]] = {
    "not ours": _bytes(lambda good: b"\x80\x81 not even text"),
    "empty": _bytes(lambda good: b""),
    "truncated": _bytes(lambda good: good[: len(good) // 2]),
    "one byte changed": _bytes(lambda good: good[:-1] + bytes([good[-1] ^ 1])),
    "not compressed": _bytes(lambda good: good[:36] + b"\x00" * 10),
    "inflates past its size": _bytes(
        lambda good: pack_cache.seal(b"\x00" * 10)[:24] + (10**12).to_bytes(8, "little")
    ),
    "claims a huge size": _bytes(lambda good: _huge_claim()),
    "a list": lambda entry: _rewrite(entry, []),
    "no questions": _edit_entry(lambda entry: entry.pop("questions")),
    "pack id a number": _edit_entry(_set("id", 7)),
    "question type unknown": _edit_entry(_question("type", "essay")),
    "answer a mapping": _edit_entry(_question("answer", {"x": 1})),
    "choices not a list": _edit_entry(_question("choices", 5)),
    "problem of another shape": _edit_entry(_set("problems", [{"nonsense": 1}])),
    "problem line not a number": _edit_entry(lambda e: e["problems"][0].__setitem__("line", "4")),
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_a_damaged_cache_entry_is_a_miss(
    pack_file: Path,
    tmp_path: Path,
    damage: Callable[[Path], None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    cache = tmp_path / "cache"
    expected = load_pack(pack_file, cache_dir=cache)
    [entry] = cache.iterdir()
    damage(entry)
    result = load_pack(pack_file, cache_dir=cache)
    assert result.pack == expected.pack
    assert result.problems == expected.problems
    # The damaged entry was replaced by a good one.
    monkeypatch.setattr(loader, "_load_bytes", _no_parsing)
    assert load_pack(pack_file, cache_dir=cache).pack == expected.pack


def test_an_entry_edited_without_its_hash_is_a_miss(pack_file: Path, tmp_path: Path) -> None:
    # An emptied choices list decodes as a valid entry, and would be an unanswerable question.
    cache = tmp_path / "cache"
    expected = load_pack(pack_file, cache_dir=cache)
    [entry] = cache.iterdir()
    blob = entry.read_bytes()
    data = _payload(entry)
    data["questions"][0]["choices"] = []
    sealed = pack_cache.seal(msgspec.msgpack.encode(data))
    entry.write_bytes(blob[:24] + sealed[24:])  # the old hash: the edit does not match it
    result = load_pack(pack_file, cache_dir=cache)
    assert result.pack == expected.pack
    assert result.pack is not None and len(result.pack.questions[0].choices) == 4


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are a POSIX thing")
def test_a_fifo_as_an_entry_is_ignored(pack_file: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = load_pack(pack_file, cache_dir=cache)
    [entry] = cache.iterdir()
    entry.unlink()
    os.mkfifo(entry)  # reading it would block for ever
    result = load_pack(pack_file, cache_dir=cache)
    assert result.pack == expected.pack


def test_a_link_as_an_entry_is_ignored_and_replaced_not_written_through(
    pack_file: Path, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    expected = load_pack(pack_file, cache_dir=cache)
    [entry] = cache.iterdir()
    target = tmp_path / "elsewhere.bin"
    target.write_bytes(entry.read_bytes())  # even a good entry is not read through a link
    entry.unlink()
    entry.symlink_to(target)
    result = load_pack(pack_file, cache_dir=cache)
    assert result.pack == expected.pack
    assert not entry.is_symlink()  # the link itself was replaced by a good entry
    assert target.read_bytes() == entry.read_bytes()  # and what it pointed to left alone


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_link_to_a_device_is_not_read(tmp_path: Path) -> None:
    # Only reads: a link to /dev/zero once ended in a MemoryError.
    link = tmp_path / "entry.qgc"
    link.symlink_to("/dev/zero")
    assert pack_cache._read_regular(link, 1000) is None
    assert pack_cache._read_regular(Path("/dev/zero"), 1000) is None


def test_an_entry_larger_than_its_pack_is_not_read(
    pack_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    expected = load_pack(pack_file, cache_dir=cache)
    [entry] = cache.iterdir()
    entry.write_bytes(entry.read_bytes() + b"\x00" * (pack_file.stat().st_size + 70_000))
    read_sizes: list[int] = []
    real = pack_cache._read_regular

    def spy(path: Path, limit: int) -> bytes | None:
        blob = real(path, limit)
        read_sizes.append(-1 if blob is None else len(blob))
        return blob

    monkeypatch.setattr(pack_cache, "_read_regular", spy)
    assert load_pack(pack_file, cache_dir=cache).pack == expected.pack
    assert read_sizes[0] == -1


def test_a_cache_that_cannot_be_written_costs_only_speed(pack_file: Path, tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the cache folder should be")
    result = load_pack(pack_file, cache_dir=blocked)
    assert result.pack is not None


def test_discover_packs_uses_the_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "packs"
    folder.mkdir()
    (folder / "pm.yaml").write_text(GOOD, encoding="utf-8")
    cache = tmp_path / "cache"
    [first] = discover_packs([folder], cache_dir=cache)
    monkeypatch.setattr(loader, "_load_bytes", _no_parsing)
    [again] = discover_packs([folder], cache_dir=cache)
    assert again.pack == first.pack
