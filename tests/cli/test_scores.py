"""`quizgame scores` and `quizgame history`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quizgame.cli import cli
from quizgame.core import paths
from quizgame.core.play.modes import Mode
from quizgame.core.scores.store import ScoreStore
from tests.clocks import WallClock
from tests.played import make_pack, play


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


@pytest.fixture
def played(data: Path) -> Path:
    """A history: four finished plays, a practice, and a session quit half-way."""
    wall = WallClock()
    with ScoreStore.open(paths.scores_db(data), now=wall) as store:
        play(store, make_pack(), [False, False, False], count=5, mode=Mode.SURVIVAL)  # no lives
        wall.advance(hours=1)
        play(store, make_pack(), [True, False, False])  # 200
        wall.advance(hours=1)
        play(store, make_pack(), [True, True, True], mode=Mode.SURVIVAL)  # 630, speed points
        wall.advance(hours=1)
        play(store, make_pack("other"), [True, True, False])  # 420
        wall.advance(hours=1)
        play(store, make_pack(), [True, True], question_ids=("q1", "q2"))  # practice
        wall.advance(hours=1)
        session, recorder = play(store, make_pack(), [True], count=4, finish=False)
        recorder.finish(session)
    return data


def test_nothing_recorded_yet(data: Path) -> None:
    assert run("scores", "--data-dir", str(data)).output == "No finished sessions yet.\n"
    assert run("history", "--data-dir", str(data)).output == "No sessions yet.\n"
    assert json.loads(run("scores", "--data-dir", str(data), "--format", "json").output) == []
    assert json.loads(run("history", "--data-dir", str(data), "--format", "json").output) == []
    assert not data.exists()  # looking does not create anything


def test_scores_best_first(played: Path) -> None:
    result = run("scores", "--data-dir", str(played))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["#", "SCORE", "RIGHT", "ACCURACY", "PACK", "MODE", "PLAYED"]
    assert [line.split()[:6] for line in lines[1:]] == [
        ["1", "630", "3/3", "100%", "films", "survival"],
        ["2", "420", "2/3", "67%", "other", "classic"],
        ["3", "200", "1/3", "33%", "films", "classic"],
        ["4", "0", "0/3", "0%", "films", "survival"],
    ]  # the practice and the abandoned session are not ranked


def test_scores_filters(played: Path) -> None:
    only = run("scores", "--data-dir", str(played), "--pack", "films", "--mode", "classic")
    assert [line.split()[1] for line in only.output.splitlines()[1:]] == ["200"]
    none = run("scores", "--data-dir", str(played), "--pack", "films", "--mode", "blitz")
    assert none.output == "No finished blitz sessions on films yet.\n"
    top = run("scores", "--data-dir", str(played), "-n", "1", "--format", "json")
    rows = json.loads(top.output)
    assert len(rows) == 1
    assert rows[0]["rank"] == 1 and rows[0]["score"] == 630 and rows[0]["mode"] == "survival"
    assert rows[0]["status"] == "finished" and rows[0]["pack_title"] == "The films pack"


def test_history_newest_first_with_status(played: Path) -> None:
    result = run("history", "--data-dir", str(played))
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["PLAYED", "PACK", "MODE", "SCORE", "RIGHT", "STATUS"]
    assert [line.split(None, 2)[2].split()[:3] for line in lines[1:]] == [
        ["films", "classic", "200"],
        ["films", "classic", "420"],
        ["other", "classic", "420"],
        ["films", "survival", "630"],
        ["films", "classic", "200"],
        ["films", "survival", "0"],
    ]
    assert lines[1].endswith("abandoned")
    assert lines[2].endswith("finished, practice")
    assert lines[4].endswith("finished")
    assert lines[6].endswith("finished (out of lives)")
    rows = json.loads(run("history", "--data-dir", str(played), "--format", "json").output)
    assert [r["status"] for r in rows] == ["abandoned", *["finished"] * 5]
    assert rows[-1]["end_reason"] == "out_of_lives"
    assert rows[0]["answered"] == 1
    films = run("history", "--data-dir", str(played), "--pack", "other")
    assert len(films.output.splitlines()) == 2


def test_the_data_dir_can_come_from_the_environment(
    played: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("QUIZGAME_DATA_DIR", str(played))
    assert len(run("history").output.splitlines()) == 7


def test_a_locked_database_is_one_line_and_exit_1(
    played: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("quizgame.core.scores.database.BUSY_TIMEOUT", 0.05)
    holder = sqlite3.connect(paths.scores_db(played), isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    holder.execute("UPDATE sessions SET score = score")
    try:
        result = CliRunner().invoke(cli, ["scores", "--data-dir", str(played)])
    finally:
        holder.close()
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.count("\n") == 1
    assert result.stderr.startswith("quizgame: the score database ")
    assert "is locked by another program" in result.stderr


def test_a_damaged_database_is_reported_and_set_aside(data: Path) -> None:
    data.mkdir()
    paths.scores_db(data).write_bytes(b"not sqlite at all " * 300)
    result = CliRunner().invoke(cli, ["history", "--data-dir", str(data)])
    assert result.exit_code == 0
    assert result.stdout == "No sessions yet.\n"
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr
    assert "scores.db.corrupt-" in result.stderr
    assert len(list(data.glob("scores.db.corrupt-*"))) == 1


def test_a_bad_mode_is_a_usage_error(data: Path) -> None:
    result = CliRunner().invoke(cli, ["scores", "--mode", "marathon", "--data-dir", str(data)])
    assert result.exit_code == 2


@pytest.mark.parametrize("command", ["scores", "history"])
def test_an_unknown_pack_is_named_with_the_packs_there_are(played: Path, command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--data-dir", str(played), "--pack", "nope"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert "no pack with id 'nope' in your score history or among the packs found" in (
        result.stderr
    )
    assert "packs: films, other, parallel-mothers" in result.stderr


def test_a_pack_found_but_never_played_has_no_scores_yet(data: Path) -> None:
    result = run("scores", "--data-dir", str(data), "--pack", "parallel-mothers")
    assert result.output == "No finished sessions on parallel-mothers yet.\n"
    assert not data.exists()
