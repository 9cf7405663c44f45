"""A rank compares plays with the same settings: a 20-question game is not ranked against
10-question ones."""

from __future__ import annotations

from pathlib import Path

from quizgame.core.packs.model import Difficulty
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import Mode
from quizgame.core.scores import queries
from quizgame.core.scores.store import ScoreStore
from quizgame.tui.scorekeeper import settings_words
from tests.played import make_pack, play


def test_a_rank_is_among_plays_with_the_same_settings(tmp_path: Path) -> None:
    pack = make_pack(n=6)
    with ScoreStore.open(tmp_path / "scores.db") as store:
        play(store, pack, [True] * 3)  # 3 questions: a higher score, other settings
        play(store, pack, [True, False, False, False, False], count=5)
        session, recorder = play(store, pack, [True, True, False, False, False], count=5)
        assert recorder.session_id is not None
        standing = store.read(queries.standing, recorder.session_id)
    assert standing is not None
    assert (standing.rank, standing.out_of) == (1, 2)  # the 3-question play is not counted
    assert standing.new_best  # best among 5-question plays
    assert session.options.count == 5


def test_blitz_ranks_leave_the_count_out(tmp_path: Path) -> None:
    pack = make_pack(n=6)
    with ScoreStore.open(tmp_path / "scores.db") as store:
        play(store, pack, [True] * 6, mode=Mode.BLITZ, count=6)
        _, recorder = play(store, pack, [True] * 6, mode=Mode.BLITZ, count=3)
        assert recorder.session_id is not None
        standing = store.read(queries.standing, recorder.session_id)
    assert standing is not None and standing.out_of == 2


def test_the_settings_a_rank_is_among_are_said() -> None:
    options = SessionOptions(count=20, difficulty=Difficulty.HARD, categories=("crew", "cast"))
    assert settings_words(options) == "20 questions · hard · cast, crew · no spoilers"
    blitz = SessionOptions(mode=Mode.BLITZ, time_limit=90)
    assert settings_words(blitz) == (
        "any difficulty · every category · no spoilers · 90 s for the session"
    )
