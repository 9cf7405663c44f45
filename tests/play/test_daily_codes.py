"""The daily quiz (stable for a date, different the next, one counted try) and challenge codes
(round trip, a changed pack refused)."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from quizgame.core.packs.model import Spoiler
from quizgame.core.play import daily
from quizgame.core.play.codes import CodeError, check_pack, make_code, read_code
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import Mode
from quizgame.core.play.session import Session
from quizgame.core.scores.daily import counted_session, daily_days
from quizgame.core.scores.recorder import SessionRecorder
from quizgame.core.scores.store import ScoreStore, verdict_word
from tests.clocks import FakeClock
from tests.played import make_pack

DAY = date(2026, 3, 2)


def dealt(options: SessionOptions, n: int = 40) -> list[str]:
    return [r.question.id for r in Session(make_pack(n=n), options, clock=FakeClock()).rounds]


def test_the_daily_quiz_is_the_same_all_day_and_different_the_next() -> None:
    pack = make_pack(n=40)
    today = daily.daily_options(pack, DAY)
    assert len(today.question_ids) == daily.DAILY_COUNT and today.spoiler is Spoiler.NONE
    assert dealt(today) == dealt(daily.daily_options(make_pack(n=40), DAY))  # another player
    assert len(dealt(today)) == 10
    assert dealt(today) != dealt(daily.daily_options(pack, date(2026, 3, 3)))


def test_a_changed_pack_has_another_daily_quiz() -> None:
    pack = make_pack(n=40)
    reworded = dataclasses.replace(
        pack, questions=(dataclasses.replace(pack.questions[0], prompt="New?"), *pack.questions[1:])
    )
    assert daily.daily_seed(pack, DAY) != daily.daily_seed(reworded, DAY)


def test_the_share_line_and_the_streak() -> None:
    pack = make_pack(n=3)
    session = Session(pack, SessionOptions(count=3, seed=1), clock=FakeClock())
    for good in (True, False, True):
        session.answer("right" if good else "wrong a")
        session.advance()
    verdicts = [verdict_word(r) for r in session.records]
    line = daily.share_line("Films", DAY, verdicts, streak=4)
    assert line.startswith("quizgame daily #61 · Films · 2026-03-02 · 2/3 ")
    assert daily.squares(verdicts) in line
    assert sorted(daily.squares(verdicts)) == sorted("🟩🟩🟥")
    assert daily.squares(["partial", "skipped", "timed_out"]) == "🟨🟥🟥"
    assert line.endswith("4 days in a row")
    # A try left after two answers: out of the day's three, the third a white square.
    cut = daily.share_line("Films", DAY, verdicts[:2], total=3)
    assert f"/3 {daily.squares(verdicts[:2])}⬜ · unfinished" in cut
    days = [date(2026, 2, 27), date(2026, 2, 28), date(2026, 3, 1)]
    assert daily.streak(days, DAY) == 3  # today not played yet: the run is still alive
    assert daily.streak([*days, DAY], DAY) == 4
    assert daily.streak(days[:2], DAY) == 0


def test_one_counted_try_a_day(tmp_path: Path) -> None:
    pack = make_pack(n=20)
    now = datetime(2026, 3, 2, 9, tzinfo=UTC)
    with ScoreStore.open(tmp_path / "s.db", now=lambda: now) as store:
        ids = []
        for _ in range(2):
            recorder = SessionRecorder(store)
            session = Session(pack, daily.daily_options(pack, DAY), on_record=recorder)
            recorder.start(session)
            recorder.finish(session)
            ids.append(recorder.session_id)
        kinds = store.read(lambda c: [k for (k,) in c.execute("SELECT kind FROM sessions")])
        assert kinds == ["daily", "practice"]
        assert store.read(counted_session, pack.id, DAY) == ids[0]
        assert store.read(daily_days, pack.id) == [DAY]


def test_a_code_round_trips_to_the_same_quiz() -> None:
    pack = make_pack(n=30)
    options = SessionOptions(count=7, mode=Mode.CHALLENGE, time_limit=12.0, seed=None)
    first = Session(pack, options, clock=FakeClock())
    code = make_code(pack, options, first.seed)
    assert code.startswith("QG1-")
    challenge = read_code(code)
    check_pack(challenge, make_pack(n=30))
    again = Session(pack, challenge.options, clock=FakeClock())
    assert [r.question.id for r in again.rounds] == [r.question.id for r in first.rounds]
    assert [r.choices for r in again.rounds] == [r.choices for r in first.rounds]
    assert (again.mode, again.options.time_limit) == (Mode.CHALLENGE, 12.0)


def test_a_code_for_a_changed_pack_says_so() -> None:
    pack = make_pack(n=30)
    challenge = read_code(make_code(pack, SessionOptions(), 5))
    with pytest.raises(CodeError, match="has changed since"):
        check_pack(challenge, make_pack(n=29))
    with pytest.raises(CodeError, match="for the pack 'films'"):
        check_pack(challenge, make_pack("other", n=30))


@pytest.mark.parametrize("code", ["", "hello", "QG1-!!!", "QG1-bm90IGpzb24", "QG1-" + "A" * 3000])
def test_a_damaged_code_is_one_line(code: str) -> None:
    with pytest.raises(CodeError):
        read_code(code)


def test_the_daily_quiz_is_spoiler_safe() -> None:
    pack = make_pack(n=40)
    spoilers = tuple(
        dataclasses.replace(q, spoiler=Spoiler.ENDING) if i % 2 else q
        for i, q in enumerate(pack.questions)
    )
    pack = dataclasses.replace(pack, questions=spoilers)
    chosen = daily.daily_options(pack, DAY).question_ids
    assert len(chosen) == 10
    assert all(pack.question(qid).spoiler is Spoiler.NONE for qid in chosen)  # type: ignore[union-attr]
