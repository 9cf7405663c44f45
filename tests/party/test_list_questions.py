"""A party game deals `list` questions ("name them all"): the question frame carries each item's
clue, never its answer; a player sends the texts typed, in order, as one answer; the host judges
them as solo play does (a text finds at most one item, a repeated one counts once) and gives
credit per item found."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest

from quizgame.core.packs.model import Pack, QuestionType
from quizgame.core.party.list_rounds import MAX_TEXT, max_texts
from quizgame.core.party.messages import Ack, Question, Reveal, encode
from quizgame.core.party.players import RoomError
from quizgame.core.party.room import Room
from quizgame.core.play.scoring import answer_points
from quizgame.net.client import PartyClient
from quizgame.net.server import PartyServer
from tests.clocks import FakeClock
from tests.party.helpers import PIN, all_types, make_room
from tests.tui.helpers import DATA, pack

TIMEOUT = 5.0


def cast() -> Pack:
    """The five actresses of Parallel Mothers, alone."""
    lists = pack("cast", DATA / "lists")
    return dataclasses.replace(lists, questions=lists.questions[:1])


def open_room(clock: FakeClock) -> tuple[Room, int]:
    room = make_room(clock, cast(), count=1)
    player, _ = room.join(PIN, "Ana")
    room.start()
    return room, player.id


def test_a_party_game_deals_list_questions(clock: FakeClock) -> None:
    lists = pack("cast", DATA / "lists")
    base = all_types()
    mixed = dataclasses.replace(base, questions=base.questions + lists.questions)
    room = make_room(clock, mixed, count=len(mixed.questions))
    assert {r.question.id for r in room.rounds} == {q.id for q in mixed.questions}


def test_the_question_frame_shows_the_clues_and_never_the_answers(clock: FakeClock) -> None:
    room, _ = open_room(clock)
    message = room.question_message()
    assert message.kind == QuestionType.LIST.value
    assert message.blanks == ["Janis", "Ana", "Teresa", "Elena", "Brígida"]
    assert message.items == []
    frame = encode(message).decode()
    for item in room.current.question.answers:
        assert item.answer not in frame
        for form in item.accept:
            assert form not in frame


def test_a_list_answer_gets_credit_per_item_found(clock: FakeClock) -> None:
    room, ana = open_room(clock)
    clock.advance(2.0)
    record = room.answer(ana, 1, ["cruz", "Cruz", "nobody", "Smit", "Penélope Cruz"])
    assert record.verdict == "partial"
    assert record.credit == pytest.approx(2 / 5)  # a repeated text counts once
    assert record.points == answer_points(room.current.question.points, 2 / 5, 2.0, 10.0)
    assert room.players[ana].score == record.points
    room.close_question()
    assert "Penélope Cruz (Janis)" in room.answer_text()
    assert "Julieta Serrano (Brígida)" in room.answer_text()
    assert [(row.label, row.count) for row in room.split()][:2] == [
        ("right", 0),
        ("partly right", 1),
    ]


def test_two_of_three_found(clock: FakeClock) -> None:
    lists = pack("cast", DATA / "lists")
    shorts = dataclasses.replace(lists, questions=lists.questions[1:2])
    room = make_room(clock, shorts, count=1)
    player, _ = room.join(PIN, "Ana")
    room.start()
    record = room.answer(player.id, 1, ["salome", "folle folle folleme tim", "salomé"])
    assert record.credit == pytest.approx(2 / 3)
    assert record.verdict == "partial"


@pytest.mark.parametrize(
    "given",
    [
        "Penélope Cruz",  # one text, not a list
        ["Cruz", 3],  # not all texts
        [True],
        {"Cruz": "Smit"},
        ["x"] * (4 * 5 + 10 + 1),  # too many texts
        ["x" * (MAX_TEXT + 1)],  # a text too long
    ],
)
def test_a_list_answer_of_the_wrong_shape_is_refused(clock: FakeClock, given: object) -> None:
    room, ana = open_room(clock)
    assert max_texts(room.current) == 30
    with pytest.raises(RoomError) as caught:
        room.answer(ana, 1, given)
    assert caught.value.code == "bad_answer"
    assert 1 not in room.players[ana].answers


def test_every_item_found_is_correct(clock: FakeClock) -> None:
    room, ana = open_room(clock)
    given = ["Cruz", "Smit", "Aitana Sánchez-Gijón", "Rossy", "Julieta Serrano"]
    record = room.answer(ana, 1, given)
    assert record.verdict == "correct" and record.credit == 1.0


async def test_a_player_answers_a_list_round_over_loopback(clock: FakeClock) -> None:
    server = PartyServer(make_room(clock, cast(), count=1))
    await server.start(run_clock=False)
    try:
        client = PartyClient(f"127.0.0.1:{server.port}", PIN, "Ana")
        await asyncio.wait_for(client.join(), TIMEOUT)
        server.start_game()
        message = await client.next_message(TIMEOUT)
        while not isinstance(message, Question):
            message = await client.next_message(TIMEOUT)
        assert message.kind == "list" and len(message.blanks) == 5
        assert "Cruz" not in encode(message).decode()
        clock.advance(3.0)
        await client.answer(1, ["Cruz", "rossy", "cruz", "Almodóvar"])
        message = await client.next_message(TIMEOUT)
        while not isinstance(message, Reveal):
            assert not isinstance(message, Ack) or message.seconds == 3.0
            message = await client.next_message(TIMEOUT)
        assert message.verdict == "partial"
        assert message.points == answer_points(
            server.room.current.question.points, 2 / 5, 3.0, 10.0
        )
        assert message.score == message.points
        assert "Rossy de Palma (Elena)" in message.answer
        await client.close()
    finally:
        await asyncio.wait_for(server.close(), TIMEOUT)
