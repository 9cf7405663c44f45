"""The room's rules: joining, answering on the host's clock, scoring as challenge mode, ranks."""

from __future__ import annotations

import pytest

from quizgame.core.party.guard import PinGuard
from quizgame.core.party.players import RoomError, clean_name
from quizgame.core.party.room import Phase
from quizgame.core.play.dealing import Round
from quizgame.core.play.scoring import answer_points, streak_bonus
from tests.clocks import FakeClock
from tests.party.helpers import PIN, all_types, make_room, right, wrong


def test_join_cleans_names_and_makes_them_unique(clock: FakeClock) -> None:
    room = make_room(clock)
    ana, rejoin = room.join(PIN, "Ana")
    assert not rejoin
    assert room.join(PIN, "ana")[0].name == "ana 2"
    assert room.join(PIN, "\x1b[31mAna\x1b[0m\n")[0].name == "Ana 3"
    assert room.join(PIN, "x" * 300)[0].name == "x" * 20
    with pytest.raises(RoomError) as bad:
        room.join(PIN, " \t\x07")
    assert bad.value.code == "bad_name"
    assert clean_name("[b]Bo[/b]") == "[b]Bo[/b]"  # kept literally; the screens show it as text
    assert ana.token != room.players[2].token


def test_wrong_pin_and_unknown_token_are_refused(clock: FakeClock) -> None:
    room = make_room(clock)
    for pin, token, code in (("000000", None, "bad_pin"), (PIN, "nosuchtoken", "bad_token")):
        with pytest.raises(RoomError) as refused:
            room.join(pin, "Ana", token)
        assert refused.value.code == code


def test_rejoin_with_token_is_the_same_player(clock: FakeClock) -> None:
    room = make_room(clock)
    ana, _ = room.join(PIN, "Ana")
    room.disconnect(ana.id)
    again, rejoin = room.join(PIN, "whatever", ana.token)
    assert rejoin and again is ana and again.connected


def test_answers_are_timed_from_the_question_and_scored_as_challenge(clock: FakeClock) -> None:
    room = make_room(clock)
    ana, _ = room.join(PIN, "Ana")
    bo, _ = room.join(PIN, "Bo")
    first = room.start()
    clock.advance(4.0)
    a1 = room.answer(ana.id, 1, right(first))
    assert a1.seconds == 4.0
    assert a1.points == answer_points(first.question.points, 1.0, 4.0, 10.0)
    assert room.answer(bo.id, 1, wrong(first)).points == 0
    assert room.tick()  # everyone answered: the question closes
    assert room.phase is Phase.REVEAL
    assert [s.name for s in room.standings()] == ["Ana", "Bo"]
    second = room.advance()
    assert second is not None
    a2 = room.answer(ana.id, 2, right(second))  # at once: full speed points, a streak of two
    assert a2.points == second.question.points + streak_bonus(second.question.points, 2)
    assert ana.best_streak == 2


def test_one_answer_per_player_per_question_and_none_after_the_deadline(clock: FakeClock) -> None:
    room = make_room(clock)
    ana, _ = room.join(PIN, "Ana")
    bo, _ = room.join(PIN, "Bo")
    first = room.start()
    room.answer(ana.id, 1, right(first))
    codes = []
    for player, number, delay in ((ana.id, 1, 0.0), (bo.id, 2, 0.0), (bo.id, 1, 10.5)):
        clock.advance(delay)
        with pytest.raises(RoomError) as refused:
            room.answer(player, number, right(first))
        codes.append(refused.value.code)
    assert codes == ["already", "not_open", "too_late"]
    assert room.tick()
    assert bo.answers[1].verdict == "timed_out" and bo.score == 0


def test_pausing_stops_the_clock(clock: FakeClock) -> None:
    room = make_room(clock)
    ana, _ = room.join(PIN, "Ana")
    first = room.start()
    clock.advance(3.0)
    room.pause()
    with pytest.raises(RoomError):
        room.answer(ana.id, 1, right(first))
    clock.advance(60.0)
    assert not room.tick()
    room.resume()
    assert room.answer(ana.id, 1, right(first)).seconds == 3.0


def test_every_question_type_is_judged_as_in_solo_play(clock: FakeClock) -> None:
    room = make_room(clock, pack=all_types(), count=6)
    ana, _ = room.join(PIN, "Ana")
    bo, _ = room.join(PIN, "Bo")
    round_: Round | None = room.start()
    kinds = set()
    while round_ is not None:
        kinds.add(round_.question.type)
        assert room.answer(ana.id, round_.number, right(round_)).verdict == "correct"
        assert room.answer(bo.id, round_.number, wrong(round_)).verdict in ("wrong", "partial")
        assert room.tick()
        assert sum(row.count for row in room.split()) == 2
        assert room.answer_text()
        round_ = room.advance()
    assert len(kinds) == 6
    assert room.phase is Phase.OVER
    assert ana.correct == 6 and bo.correct == 0


def test_answers_of_the_wrong_shape_are_refused(clock: FakeClock) -> None:
    room = make_room(clock, pack=all_types(), count=6)
    ana, _ = room.join(PIN, "Ana")
    round_ = room.start()
    for bad in (None, 3, ["x"], {"a": "b"}, "not a choice"):
        if round_.question.type.value in ("typed", "numeric") and isinstance(bad, str):
            continue
        with pytest.raises(RoomError) as refused:
            room.answer(ana.id, 1, bad)
        assert refused.value.code == "bad_answer"


def test_the_split_counts_each_choice_and_the_top_moves(clock: FakeClock) -> None:
    room = make_room(clock)
    ana, _ = room.join(PIN, "Ana")
    bo, _ = room.join(PIN, "Bo")
    first = room.start()
    room.answer(bo.id, 1, right(first))
    room.answer(ana.id, 1, wrong(first))
    room.tick()
    split = {row.label: (row.count, row.right) for row in room.split()}
    assert split[str(first.question.answer)] == (1, True)
    assert split["no answer"] == (0, False)
    second = room.advance()
    assert second is not None
    room.answer(ana.id, 2, right(second))
    clock.advance(9.0)
    room.answer(bo.id, 2, wrong(second))
    room.tick()
    # 200 each; one right answer each; Ana joined first, so she moves up one and Bo down one
    assert [(s.name, s.score, s.move) for s in room.standings()] == [
        ("Ana", 200, 1),
        ("Bo", 200, -1),
    ]


def test_kick_removes_the_player_and_their_token(clock: FakeClock) -> None:
    room = make_room(clock)
    ana, _ = room.join(PIN, "Ana")
    room.kick(ana.id)
    assert room.standings() == []
    with pytest.raises(RoomError) as refused:
        room.join(PIN, "Ana", ana.token)
    assert refused.value.code == "kicked"


def test_end_goes_to_the_podium_at_once(clock: FakeClock) -> None:
    room = make_room(clock)
    room.join(PIN, "Ana")
    room.start()
    room.end()
    assert room.phase is Phase.OVER
    with pytest.raises(RoomError):
        room.join(PIN, "Late")


def test_wrong_pins_are_limited_per_address(clock: FakeClock) -> None:
    guard = PinGuard(clock, max_failures=3, window=60.0)
    for _ in range(3):
        assert guard.blocked_for("1.2.3.4") == 0.0
        guard.failed("1.2.3.4")
    assert guard.blocked_for("1.2.3.4") == 60.0
    assert guard.blocked_for("5.6.7.8") == 0.0
    clock.advance(60.0)
    assert guard.blocked_for("1.2.3.4") == 0.0
