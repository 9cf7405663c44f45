"""A party game deals no `list` question yet: its rounds need a guess-by-guess exchange that the
protocol does not have. The other questions of a pack are dealt as before."""

from __future__ import annotations

import dataclasses

import pytest

from quizgame.core.packs.model import QuestionType
from quizgame.core.party.answers import party_pack
from quizgame.core.party.players import RoomError
from tests.clocks import FakeClock
from tests.party.helpers import all_types, make_room
from tests.tui.helpers import DATA, pack


def test_a_party_game_deals_no_list_question(clock: FakeClock) -> None:
    lists = pack("cast", DATA / "lists")
    base = all_types()
    mixed = dataclasses.replace(base, questions=base.questions + lists.questions)
    for seed in range(5):
        room = make_room(clock, mixed, count=50, seed=seed)
        kinds = {r.question.type for r in room.rounds}
        assert QuestionType.LIST not in kinds
        assert {r.question.id for r in room.rounds} == {q.id for q in base.questions}


def test_a_pack_without_list_questions_is_dealt_as_before() -> None:
    base = all_types()
    assert party_pack(base) is base


def test_a_pack_of_list_questions_only_has_nothing_to_deal(clock: FakeClock) -> None:
    with pytest.raises(RoomError) as caught:
        make_room(clock, pack("cast", DATA / "lists"))
    assert caught.value.code == "no_questions"
