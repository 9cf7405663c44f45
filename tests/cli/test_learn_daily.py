"""`quizgame learn-status`, `quizgame daily --share` and `quizgame play --code`."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from quizgame.cli import cli
from quizgame.core import paths
from quizgame.core.packs.read import load_pack
from quizgame.core.play.codes import make_code
from quizgame.core.play.daily import daily_options
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.session import Session
from quizgame.core.scores.recorder import SessionRecorder
from quizgame.core.scores.store import ScoreStore
from tests.clocks import FakeClock
from tests.paths import TEST_DATA

PACK_FILE = TEST_DATA / "packs" / "all-types.yaml"


def run(*args: str) -> Result:
    return CliRunner().invoke(cli, list(args))


@pytest.fixture
def data(tmp_path: Path) -> Path:
    return tmp_path / "data"


def test_learn_status_before_any_learning(data: Path) -> None:
    result = run("learn-status", "--pack", str(PACK_FILE), "--data-dir", str(data))
    assert result.exit_code == 0, result.output
    assert "all-types" in result.output and "RETENTION" in result.output
    result = run(
        "learn-status", "--pack", str(PACK_FILE), "--format", "json", "--data-dir", str(data)
    )
    (row,) = json.loads(result.output)
    assert row["due"] == 0 and row["learned"] == 0 and row["retention"] is None
    assert row["new"] == min(10, row["unseen"])


def test_learn_status_counts_a_learn_session(data: Path) -> None:
    from quizgame.core.learn.plan import learn_options
    from quizgame.core.play.modes import Lifeline, Mode

    pack = load_pack(PACK_FILE).pack
    assert pack is not None
    with ScoreStore.open(paths.scores_db(data)) as store:
        options = learn_options(store, pack, SessionOptions(mode=Mode.LEARN, count=2))
        recorder = SessionRecorder(store)
        session = Session(pack, options, clock=FakeClock(), on_record=recorder)
        recorder.start(session)
        session.use_lifeline(Lifeline.SKIP)  # a skip is a review rated Again
        session.abandon()
        recorder.finish(session)
    result = run(
        "learn-status", "--pack", str(PACK_FILE), "--format", "json", "--data-dir", str(data)
    )
    (row,) = json.loads(result.output)
    assert (row["cards"], row["due"], row["learned"]) == (1, 0, 0)
    assert row["new"] == min(9, row["unseen"])  # one of today's ten is taken


def test_the_daily_share_line_after_a_try(data: Path) -> None:
    pack = load_pack(PACK_FILE).pack
    assert pack is not None
    args = ["daily", "--share", "--pack", str(PACK_FILE), "--data-dir", str(data)]
    result = run(*args)
    assert result.exit_code == 1
    assert "has not been played yet" in result.output
    with ScoreStore.open(paths.scores_db(data)) as store:
        recorder = SessionRecorder(store)
        session = Session(pack, daily_options(pack, date.today()), on_record=recorder)
        recorder.start(session)
        session.abandon()
        recorder.finish(session)
    result = run(*args)
    assert result.exit_code == 0, result.output
    assert result.output.startswith("quizgame daily #")
    assert date.today().isoformat() in result.output


def test_play_code_refuses_a_damaged_code_or_a_changed_pack(data: Path, tmp_path: Path) -> None:
    result = run("play", "--code", "QG1-nonsense", "--data-dir", str(data))
    assert result.exit_code == 1
    assert result.output.startswith("quizgame: this challenge code is damaged")
    pack = load_pack(PACK_FILE).pack
    assert pack is not None
    changed = dataclasses.replace(pack, questions=pack.questions[1:])
    code = make_code(changed, SessionOptions(), 3)
    result = run("play", "--code", code, "--packs", str(PACK_FILE.parent), "--data-dir", str(data))
    assert result.exit_code == 1
    assert "has changed since this code was made" in result.output


@pytest.mark.parametrize("extra", [["--pack", "all-types"], ["--seed", "4"], ["--mode", "blitz"]])
def test_play_code_beside_another_setting_is_a_usage_error(data: Path, extra: list[str]) -> None:
    result = run("play", "--code", "QG1-anything", *extra, "--data-dir", str(data))
    assert result.exit_code == 2
    assert "--code cannot apply beside other settings" in result.output
