"""A list round in a party game's player screen: the blanks show their clues, each Enter adds a
text to those typed, Escape sends them all, and the deadline sends what was typed (hot-seat:
judged on this computer by the same core as solo play)."""

from __future__ import annotations

import dataclasses

from textual.widgets import Static

from quizgame.core.party.room import Room
from quizgame.tui.party_hotseat import HotSeatApp
from quizgame.tui.screens.party_player import PlayerQuestionScreen
from quizgame.tui.widgets.party_list import PartyListAnswer
from tests.clocks import FakeClock
from tests.party.helpers import PIN, make_room
from tests.tui.helpers import DATA, pack
from tests.tui.party_helpers import until


def cast_room(clock: FakeClock) -> Room:
    lists = pack("cast", DATA / "lists")
    room = make_room(clock, dataclasses.replace(lists, questions=lists.questions[:1]), count=1)
    room.join(PIN, "Ana")
    return room


async def test_a_hot_seat_player_types_names_and_sends_them(clock: FakeClock) -> None:
    room = cast_room(clock)
    app = HotSeatApp(room, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.stage == "pass")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlayerQuestionScreen))
        blanks = str(app.screen.query_one("#party-blanks", Static).render())
        assert "Janis" in blanks and "Cruz" not in blanks
        for text in ("cruz", "cruz", "smit"):
            await pilot.press(*text, "enter")
        typed = str(app.screen.query_one("#party-typed", Static).render())
        assert typed == "Typed: cruz, cruz, smit"
        await pilot.press("escape")
        await until(pilot, lambda: 1 in room.players[1].answers)
    answer = room.players[1].answers[1]
    assert answer.given == ["cruz", "cruz", "smit"]
    assert answer.credit == 2 / 5 and answer.verdict == "partial"


async def test_the_deadline_sends_what_was_typed(clock: FakeClock) -> None:
    room = cast_room(clock)
    app = HotSeatApp(room, clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.stage == "pass")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, PlayerQuestionScreen))
        await pilot.press(*"rossy", "enter")
        assert app.screen.query_one(PartyListAnswer).texts == ["rossy"]
        clock.advance(9.7)
        await until(pilot, lambda: 1 in room.players[1].answers)
    answer = room.players[1].answers[1]
    assert answer.given == ["rossy"] and answer.credit == 1 / 5
