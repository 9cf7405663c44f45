"""Questions asked of the score history: standing, best scores, recent, accuracy, misses."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from quizgame.core.play.modes import Mode
from quizgame.core.scores import accuracy, queries
from quizgame.core.scores.accuracy import AccuracyPoint, PackTotals, iso_week, pack_totals
from quizgame.core.scores.store import ScoreStore
from tests.clocks import WallClock
from tests.played import make_pack, play


@pytest.fixture
def wall() -> WallClock:
    return WallClock()


@pytest.fixture
def store(tmp_path: Path, wall: WallClock) -> Iterator[ScoreStore]:
    with ScoreStore.open(tmp_path / "scores.db", now=wall) as opened:
        yield opened


@pytest.fixture
def utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Days are the player's local days; pin the zone so the test means the same everywhere."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_standing_rank_and_new_best(store: ScoreStore) -> None:
    pack = make_pack()
    _, rec1 = play(store, pack, [True, False, False])  # 200
    standing = store.read(queries.standing, rec1.session_id or 0)
    assert standing is not None
    assert (standing.rank, standing.out_of, standing.best, standing.previous_best) == (
        1,
        1,
        200,
        None,
    )
    assert standing.new_best  # the first score is the best so far

    _, rec2 = play(store, pack, [True, True, False])  # 400 + 20 streak
    second = store.read(queries.standing, rec2.session_id or 0)
    assert second is not None
    assert (second.score, second.rank, second.out_of, second.previous_best) == (420, 1, 2, 200)
    assert second.new_best

    _, rec3 = play(store, pack, [True, False, True])  # 400
    third = store.read(queries.standing, rec3.session_id or 0)
    assert third is not None
    assert (third.rank, third.out_of, third.best, third.previous_best) == (2, 3, 420, 420)
    assert not third.new_best

    _, rec4 = play(store, pack, [True, False, True])  # the same 400 again: a shared rank
    fourth = store.read(queries.standing, rec4.session_id or 0)
    assert fourth is not None and (fourth.rank, fourth.out_of) == (2, 4)
    assert not fourth.new_best  # equal is not new


def test_a_first_play_that_scored_nothing_is_no_best(store: ScoreStore) -> None:
    _, recorder = play(store, make_pack(), [False, False])
    standing = store.read(queries.standing, recorder.session_id or 0)
    assert standing is not None and standing.rank == 1 and not standing.new_best


def test_standing_counts_only_finished_plays_of_the_same_pack_and_mode(store: ScoreStore) -> None:
    pack = make_pack()
    play(store, pack, [True, True, True])  # classic
    play(store, pack, [True, True, True], mode=Mode.CHALLENGE)
    play(store, make_pack("other"), [True, True, True], mode=Mode.CHALLENGE)
    play(store, pack, [True, True, True], count=5, mode=Mode.CHALLENGE, finish=False)  # unfinished
    _, quit_ = play(store, pack, [True, True], count=5, mode=Mode.CHALLENGE, finish=False)
    quit_.finish(_)  # quit: abandoned
    _, practice = play(store, pack, [True, True], question_ids=("q1", "q2"), mode=Mode.CHALLENGE)
    _, mine = play(store, pack, [False, True, False], mode=Mode.CHALLENGE)
    standing = store.read(queries.standing, mine.session_id or 0)
    assert standing is not None and (standing.rank, standing.out_of) == (2, 2)
    assert store.read(queries.standing, practice.session_id or 0) is None  # practice is not ranked
    assert store.read(queries.standing, 12345) is None


def test_best_scores_filter_and_order(store: ScoreStore) -> None:
    films, other = make_pack(), make_pack("other")
    play(store, films, [True, False])  # 200
    play(store, films, [True, True])  # 420
    play(store, make_pack(n=2), [True, True], mode=Mode.BLITZ)  # 420 (blitz plays them all)
    play(store, other, [False, True])  # 200
    play(store, films, [True, True, True], count=4, finish=False)  # in progress: not listed
    best = store.read(queries.best_scores)
    assert [(s.pack_id, s.mode, s.score) for s in best] == [
        ("films", "classic", 420),
        ("films", "blitz", 420),  # the earlier first on a tie
        ("films", "classic", 200),
        ("other", "classic", 200),
    ]
    assert [s.score for s in store.read(queries.best_scores, pack_id="films", mode="classic")] == [
        420,
        200,
    ]
    assert [s.mode for s in store.read(queries.best_scores, mode="blitz")] == ["blitz"]
    assert store.read(queries.best_scores, pack_id="nothing") == []
    assert len(store.read(queries.best_scores, limit=2)) == 2


def test_recent_sessions_newest_first_with_status(store: ScoreStore, wall: WallClock) -> None:
    pack = make_pack()
    play(store, pack, [True])
    wall.advance(hours=1)
    play(store, pack, [True], count=3, finish=False)
    recent = store.read(queries.recent_sessions)
    assert [s.status for s in recent] == ["in_progress", "finished"]
    assert recent[0].started_at > recent[1].started_at
    assert len(store.read(queries.recent_sessions, limit=1)) == 1
    assert store.read(queries.recent_sessions, pack_id="other") == []


def test_accuracy_over_time_per_pack_and_day(store: ScoreStore, wall: WallClock, utc: None) -> None:
    films, other = make_pack(), make_pack("other")
    play(store, films, [True, False, False, False])  # day 1: 1 of 4
    play(store, films, [True, True, False, None])  # day 1: 2 of 3 (skip not counted)
    wall.advance(days=1)
    play(store, films, [True, True, True, True])  # day 2: 4 of 4
    play(store, films, [True, True], question_ids=("q1", "q2"))  # practice: not in the trend
    play(store, other, [False, False])  # day 2, another pack
    play(store, films, [], count=3, finish=False)  # nothing answered: no point
    points = store.read(accuracy.accuracy_over_time)
    assert [(p.pack_id, p.period, p.sessions, p.correct, p.answered) for p in points] == [
        ("films", "2025-03-01", 2, 3, 7),
        ("films", "2025-03-02", 1, 4, 4),
        ("other", "2025-03-02", 1, 0, 2),
    ]
    assert points[0].accuracy == pytest.approx(3 / 7)
    assert points[0].pack_title == "The films pack"
    months = store.read(accuracy.accuracy_over_time, pack_id="films", period="month")
    assert [(p.period, p.correct, p.answered) for p in months] == [("2025-03", 7, 11)]


def test_accuracy_by_week_uses_iso_weeks(tmp_path: Path, utc: None) -> None:
    # SQLite's %W (weeks from the year's first Monday) called 2026-11-21 "W46" and the first
    # days of January "W00"; the ISO week is 47, and 2027-01-01 belongs to 2026's week 53.
    wall = WallClock(datetime(2026, 11, 21, 12, 0, tzinfo=UTC))  # a Saturday
    pack = make_pack()
    with ScoreStore.open(tmp_path / "scores.db", now=wall) as store:
        play(store, pack, [True, False])
        wall.advance(days=1)  # Sunday: the same week
        play(store, pack, [True, True])
        wall.advance(days=1)  # Monday: the next
        play(store, pack, [False, False])
        wall.now = datetime(2027, 1, 1, 12, 0, tzinfo=UTC)
        play(store, pack, [True, True])
        wall.now = datetime(2027, 1, 4, 12, 0, tzinfo=UTC)
        play(store, pack, [True, False])
        weeks = store.read(accuracy.accuracy_over_time, pack_id="films", period="week")
    assert [(p.period, p.sessions, p.correct) for p in weeks] == [
        ("2026-W47", 2, 3),
        ("2026-W48", 1, 0),
        ("2026-W53", 1, 2),
        ("2027-W01", 1, 1),
    ]


@pytest.mark.parametrize(
    ("day", "week"),
    [
        ("2026-11-21", "2026-W47"),
        ("2026-11-16", "2026-W47"),  # its Monday
        ("2024-12-30", "2025-W01"),  # ISO year differs from the calendar year
        ("2021-01-03", "2020-W53"),
        ("2026-01-01", "2026-W01"),  # %W gave W00
    ],
)
def test_iso_week_label(day: str, week: str) -> None:
    assert iso_week(day) == week


def test_most_missed_and_practice_my_misses(store: ScoreStore) -> None:
    pack = make_pack(n=4)
    ids = ("q1", "q2", "q3", "q4")

    def answer(marks: dict[str, bool | None]) -> None:
        # Play exactly the questions named, in the order the session asks them.
        wanted = tuple(marks)
        from quizgame.core.play.dealing import SessionOptions
        from quizgame.core.play.modes import Lifeline
        from quizgame.core.play.session import Session
        from quizgame.core.scores.recorder import SessionRecorder
        from tests.clocks import FakeClock

        recorder = SessionRecorder(store)
        options = SessionOptions(count=None, seed=3, question_ids=wanted if wanted != ids else ())
        session = Session(pack, options, clock=FakeClock(), on_record=recorder)
        recorder.start(session)
        while session.current is not None:
            good = marks[session.current.question.id]
            if good is None:
                session.use_lifeline(Lifeline.SKIP)
            else:
                session.answer("right" if good else "wrong a")
            session.advance()
        recorder.finish(session)

    answer({"q1": False, "q2": False, "q3": True, "q4": None})
    answer({"q1": False, "q2": True, "q3": True, "q4": False})
    answer({"q1": False, "q2": False, "q3": True, "q4": True})
    answer({"q2": True})  # practised q2: right at last
    missed = store.read(accuracy.most_missed, "films")
    assert [(m.question_id, m.missed, m.asked, m.still_missed) for m in missed] == [
        ("q1", 3, 3, True),
        ("q2", 2, 4, False),
        ("q4", 1, 2, False),
    ]
    assert store.read(accuracy.practice_ids, "films") == ("q1",)
    assert store.read(accuracy.practice_ids, "nothing") == ()
    assert [m.pack_id for m in store.read(accuracy.most_missed)] == ["films"] * 3
    assert len(store.read(accuracy.most_missed, limit=1)) == 1


def test_pack_totals_add_up_each_packs_points_most_played_first() -> None:
    def point(
        pack_id: str, period: str, sessions: int, correct: int, answered: int
    ) -> AccuracyPoint:
        return AccuracyPoint(pack_id, f"The {pack_id}", period, sessions, correct, answered)

    totals = pack_totals(
        [
            point("a", "2025-03-01", 1, 1, 4),
            point("b", "2025-03-01", 2, 3, 7),
            point("b", "2025-03-02", 1, 4, 4),
            point("c", "2025-03-02", 1, 0, 0),
        ]
    )
    assert totals == [
        PackTotals("b", "The b", sessions=3, correct=7, answered=11),
        PackTotals("a", "The a", sessions=1, correct=1, answered=4),
        PackTotals("c", "The c", sessions=1, correct=0, answered=0),
    ]
    assert totals[0].accuracy == pytest.approx(7 / 11) and totals[2].accuracy == 0.0


def test_seen_ids_lists_a_packs_questions_least_recently_asked_first(store: ScoreStore) -> None:
    pack = make_pack()
    first, _ = play(store, pack, [True, False], question_ids=("q1", "q2"))
    play(store, make_pack("other"), [True], question_ids=("q5",))
    second, _ = play(store, pack, [True, True], question_ids=("q1", "q3"))
    earlier = [r.question.id for r in first.rounds]
    later = [r.question.id for r in second.rounds]
    expected = [q for q in earlier if q not in later] + later
    assert store.read(queries.seen_ids, "films") == tuple(expected)
