"""`quizgame validate` of an unchanged file prints its kept check: the same bytes on stdout and
stderr and the same exit status as checking it; a changed file, or changed code, is checked."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quizgame.cli import cli
from quizgame.core.packs import cache_index
from quizgame.core.packs.cache_checks import INDEX_NAME
from tests.cli.test_commands import BROKEN, GOOD, WARNS
from tests.loads import PackLoads

pytestmark = pytest.mark.usefixtures("settled")  # files just written match their figures

BAD_YAML = "id: bad\ntitle: [unclosed\n"
ESCAPES = GOOD.replace("A good pack", '"A \\e[31mred\\e[0m pack"').replace(
    "prompt: Who?", "prompt: Who?\n    colour: red"
)


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, ["validate", *args], prog_name="quizgame")


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    packs = tmp_path / "packs"
    packs.mkdir()
    for name, text in [
        ("good.yaml", GOOD),
        ("warns.yaml", WARNS),
        ("broken.yaml", BROKEN),
        ("bad.yaml", BAD_YAML),
        ("escapes.yaml", ESCAPES),
    ]:
        (packs / name).write_text(text, encoding="utf-8")
    (packs / "latin1.yaml").write_bytes("id: x\ntitle: é\n".encode("latin-1"))
    return packs


def _same(first: Result, again: Result) -> None:
    assert (again.stdout_bytes, again.stderr_bytes, again.exit_code) == (
        first.stdout_bytes,
        first.stderr_bytes,
        first.exit_code,
    )


ARGS = [
    [],
    ["--strict"],
    ["--format", "json"],
    ["--format", "json", "--strict"],
]


@pytest.mark.parametrize("options", ARGS)
@pytest.mark.parametrize(
    "names",
    [
        ["good.yaml"],
        ["warns.yaml"],
        ["broken.yaml"],
        ["bad.yaml"],
        ["escapes.yaml"],
        ["latin1.yaml"],
        ["missing.yaml"],
        ["."],
        ["good.yaml", "bad.yaml", "warns.yaml"],
    ],
)
def test_an_unchanged_file_prints_its_check_again(
    folder: Path, loads: PackLoads, options: list[str], names: list[str]
) -> None:
    args = [*options, *(str(folder / name) for name in names)]
    first = run(*args)
    checked = loads.count
    assert checked >= 1
    again = run(*args)
    _same(first, again)
    missing = "missing.yaml" in names  # a file that is not there is checked every time
    assert loads.count == checked + (1 if missing else 0)


def test_a_file_is_reported_under_the_name_it_is_given_now(
    folder: Path, loads: PackLoads, monkeypatch: pytest.MonkeyPatch
) -> None:
    run(str(folder / "warns.yaml"))
    monkeypatch.chdir(folder)
    loads.count = 0
    recalled = run("warns.yaml")
    assert loads.count == 0
    loads.count = 0
    (Path(os.environ["QUIZGAME_CACHE_DIR"]) / INDEX_NAME).unlink()
    _same(run("warns.yaml"), recalled)
    assert loads.count == 1
    assert recalled.stdout.startswith("warns.yaml:4:62: warning: unknown field")


def _bump(path: Path) -> None:
    info = path.stat()
    os.utime(path, ns=(info.st_atime_ns, info.st_mtime_ns + 1_000_000_000))


@pytest.mark.parametrize(
    "change",
    [
        lambda pack: pack.write_text(BROKEN),
        lambda pack: pack.write_text(GOOD.replace("A good pack", "A fine pack")),  # same size
        lambda pack: _bump(pack),
    ],
    ids=["edited", "same-size", "touched"],
)
def test_a_changed_file_is_checked_again(folder: Path, loads: PackLoads, change: object) -> None:
    pack = folder / "good.yaml"
    run(str(pack))
    assert callable(change)
    change(pack)
    loads.count = 0
    result = run(str(pack))
    assert loads.count == 1
    assert result.exit_code == (1 if pack.read_text() == BROKEN else 0)


def test_changed_code_checks_every_file_again(folder: Path, loads: PackLoads) -> None:
    pack = str(folder / "good.yaml")
    run(pack)
    index = Path(os.environ["QUIZGAME_CACHE_DIR"]) / INDEX_NAME
    data = json.loads(index.read_text(encoding="utf-8"))
    assert any(entry[0].endswith(os.path.join("packs", "check.py")) for entry in data["code"])
    data["code"][0][2] += 1  # as if that module had been edited since
    index.write_text(json.dumps(data), encoding="utf-8")
    loads.count = 0
    run(pack)
    assert loads.count == 1
    loads.count = 0
    run(pack)
    assert loads.count == 0


@pytest.mark.parametrize(
    "damage",
    [
        b"{",
        b'{"format": 1}',
        b'{"format": 1, "quizgame": "0.0.0", "code": [], "files": {}}',
    ],
)
def test_a_damaged_index_is_a_miss(folder: Path, loads: PackLoads, damage: bytes) -> None:
    pack = str(folder / "warns.yaml")
    first = run(pack)
    (Path(os.environ["QUIZGAME_CACHE_DIR"]) / INDEX_NAME).write_bytes(damage)
    loads.count = 0
    _same(first, run(pack))
    assert loads.count == 1


@pytest.mark.parametrize(
    ("place", "value"),
    [(0, "yes"), (1, 7), (2, {"line": 4}), (2, [])],
    ids=["is_error", "text", "fields", "not-a-dict"],
)
def test_a_kept_check_not_as_written_is_a_miss(
    folder: Path, loads: PackLoads, place: int, value: object
) -> None:
    pack = str(folder / "warns.yaml")
    first = run(pack)
    index = Path(os.environ["QUIZGAME_CACHE_DIR"]) / INDEX_NAME
    data = json.loads(index.read_text(encoding="utf-8"))
    (entry,) = data["files"].values()
    entry["check"][2][0][place] = value  # the warning's row
    index.write_text(json.dumps(data), encoding="utf-8")
    loads.count = 0
    _same(first, run(pack))
    assert loads.count == 1


def test_a_file_changed_within_the_settle_time_is_checked_every_time(
    folder: Path, loads: PackLoads, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On coarse timestamps a same-size rewrite within one tick keeps every figure, so a file
    that changed that recently is never matched (nor kept) until it settles."""
    monkeypatch.setattr(cache_index, "SETTLE_SECONDS", 2.0)
    good = folder / "good.yaml"
    assert cache_index.stat_figures(good) is None  # just written
    later = time.time_ns() + 3 * 10**9
    assert cache_index.stat_figures(good, now_ns=later) is not None
    run(str(good))
    run(str(good))
    assert loads.count == 2
