"""The score history of hosted games: every answer written as it happens, a host killed with
SIGKILL resumed with nothing lost, and `history --hosted`."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path

import pytest
from click.testing import CliRunner

from quizgame.cli import cli
from quizgame.core.party.log import FINISHED, IN_PROGRESS, PartyLog, load_game, resume_room
from quizgame.core.party.room import Phase, Room
from quizgame.core.scores.migrations import LATEST, MIGRATIONS, _v5_party_games
from tests.clocks import FakeClock
from tests.party.helpers import PIN, make_room, right, wrong

ROOT = Path(__file__).resolve().parents[2]

# A host that plays two rounds and half of a third, then is killed with SIGKILL mid-game.
HOST = """
import os, signal, sys
from pathlib import Path
sys.path.insert(0, {root!r})
from quizgame.core.party.log import PartyLog
from tests.clocks import FakeClock
from tests.party.helpers import PIN, make_room, right, wrong

clock = FakeClock()
log = PartyLog(Path({db!r}))
room = make_room(clock, count=4)
log.start_game(room, "films")
ana, _ = room.join(PIN, "Ana")
bo, _ = room.join(PIN, "Bo")
print(ana.token, bo.token, flush=True)
for number in (1, 2, 3):
    round_ = room.start() if number == 1 else room.advance()
    clock.advance(2.0)
    room.answer(ana.id, number, right(round_))
    if number < 3:
        room.answer(bo.id, number, wrong(round_))
        room.tick()
print(ana.score, bo.score, flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


def test_hosted_games_have_their_migration() -> None:
    assert _v5_party_games in MIGRATIONS[:LATEST]


def test_a_host_killed_mid_game_resumes_with_nothing_lost(tmp_path: Path) -> None:
    db = tmp_path / "scores.db"
    script = textwrap.dedent(HOST).format(root=str(ROOT), db=str(db))
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, cwd=ROOT
    )
    assert done.returncode == -9, done.stderr
    tokens, scores = (line.split() for line in done.stdout.splitlines())
    log = PartyLog(db)
    saved = log.read(load_game)
    assert saved is not None and saved.status == IN_PROGRESS and saved.round == 3
    clock = FakeClock()
    room = Room(make_room(clock, count=4).pack, saved.options, clock=clock, pin=saved.pin)
    resume_room(log, saved, room)
    ana, bo = room.players[1], room.players[2]
    assert [str(ana.score), str(bo.score)] == scores
    assert [ana.token, bo.token] == tokens
    assert sorted(ana.answers) == [1, 2, 3] and sorted(bo.answers) == [1, 2]
    # the players rejoin with their tokens; the interrupted question is asked again
    assert room.join(PIN, "", tokens[0]) == (ana, True)
    assert room.join(PIN, "", tokens[1]) == (bo, True)
    third = room.start()
    assert third.number == 3
    clock.advance(1.0)
    room.answer(bo.id, 3, right(third))
    assert room.tick()  # Ana's answer from before the kill stands: everyone is in
    assert ana.answers[3].seconds == 2.0
    while room.advance() is not None:
        room.close_question()
    assert room.phase is Phase.OVER
    log.close()
    games = json.loads(
        CliRunner()
        .invoke(cli, ["history", "--hosted", "--format", "json", "--data-dir", str(tmp_path)])
        .output
    )
    assert games[0]["status"] == FINISHED
    answers = {p["name"]: len(p["answers"]) for p in games[0]["players"]}
    assert answers == {"Ana": 4, "Bo": 4}


def test_history_lists_hosted_games_with_each_players_answers(tmp_path: Path) -> None:
    clock = FakeClock()
    log = PartyLog(tmp_path / "scores.db")
    room = make_room(clock, count=2)
    log.start_game(room, "films")
    ana, _ = room.join(PIN, "Ana")
    bo, _ = room.join(PIN, "[b]Bo\x1b[31m")
    first = room.start()
    room.answer(ana.id, 1, right(first))
    room.answer(bo.id, 1, wrong(first))
    room.tick()
    room.advance()
    room.end()
    log.close()
    runner = CliRunner()
    text = runner.invoke(cli, ["history", "--hosted", "--data-dir", str(tmp_path)]).output
    assert "films" in text and "Ana (" in text and FINISHED in text
    data = json.loads(
        runner.invoke(
            cli, ["history", "--hosted", "--format", "json", "--data-dir", str(tmp_path)]
        ).output
    )
    players = {p["name"]: p for p in data[0]["players"]}
    assert players["Ana"]["answers"][0]["verdict"] == "correct"
    assert [a["verdict"] for a in players["[b]Bo"]["answers"]] == ["wrong", "timed_out"]
    empty = runner.invoke(cli, ["history", "--hosted", "--data-dir", str(tmp_path / "none")])
    assert empty.output == "No hosted games yet.\n"


def test_plain_history_points_to_the_hosted_games(tmp_path: Path) -> None:
    log = PartyLog(tmp_path / "scores.db")
    log.start_game(make_room(FakeClock()), "films")
    log.close()
    text = CliRunner().invoke(cli, ["history", "--data-dir", str(tmp_path)]).output
    assert text.startswith("1 hosted game(s): see `quizgame history --hosted`.")


def _host(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, play: Callable[[Room], None]) -> str:
    """`quizgame host` whose screen does `play(room)` and then quits normally (the `q` key)."""
    from quizgame.cli import host

    monkeypatch.setattr(host, "has_terminal", lambda: True)
    monkeypatch.setattr(host, "run_host", lambda room, *_args: play(room))
    result = CliRunner().invoke(cli, ["host", "-n", "2", "--data-dir", str(tmp_path)])
    assert result.exit_code == 0, result.output
    listed = CliRunner().invoke(cli, ["history", "--hosted", "--data-dir", str(tmp_path)])
    return listed.output


def test_a_game_closed_in_the_lobby_is_ended_not_resumable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = _host(tmp_path, monkeypatch, lambda room: None)
    assert "ended before it started" in listed and "host --resume" not in listed
    resumed = CliRunner().invoke(cli, ["host", "--resume", "--data-dir", str(tmp_path)])
    assert resumed.exit_code == 1 and "no unfinished hosted game" in resumed.output


def test_a_game_quit_mid_way_stays_resumable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def one_question(room: Room) -> None:
        assert isinstance(room.log, PartyLog)
        room.log.round_opened(1)

    listed = _host(tmp_path, monkeypatch, one_question)
    assert "in progress (host --resume)" in listed
    resumed = CliRunner().invoke(cli, ["host", "--resume", "--data-dir", str(tmp_path)])
    assert resumed.exit_code == 0, resumed.output
