"""Checking options before a session is built, the answer a choice gives, replays and practice,
and the results by category."""

from __future__ import annotations

import random

import pytest

from quizgame.core.packs.model import Question, QuestionType, Spoiler
from quizgame.core.play.dealing import (
    NO_MATCHING_QUESTIONS,
    SessionOptions,
    given_for_choice,
    make_round,
    options_problem,
)
from quizgame.core.play.modes import DEFAULT_COUNT, Lifeline, Mode
from quizgame.core.play.replays import missed_options, practice_options
from quizgame.core.play.results import UNCATEGORISED, CategoryLine, category_lines
from tests.play.test_session import NO_MATCH, big_pack, mc, pack, right_answer, start


@pytest.mark.parametrize("options", NO_MATCH)
def test_options_that_deal_no_question_are_a_problem(options: dict[str, object]) -> None:
    chosen = SessionOptions(seed=1, **options)  # type: ignore[arg-type]
    assert options_problem(big_pack(), chosen) == NO_MATCHING_QUESTIONS


def test_options_that_deal_questions_are_no_problem() -> None:
    assert options_problem(big_pack(), SessionOptions(categories=("cast",))) is None


def test_a_true_false_choice_gives_a_bool_and_other_choices_their_text() -> None:
    tf = Question(id="tf", type=QuestionType.TRUE_FALSE, prompt="Yes?", answer=False)
    round_ = make_round(1, tf, random.Random(1))
    assert [given_for_choice(round_, c) for c in round_.choices] == [True, False]
    choice = make_round(1, mc(1), random.Random(1))
    assert given_for_choice(choice, "wrong 1a") == "wrong 1a"


def test_replaying_the_missed_keeps_the_settings_and_takes_every_one_freshly_shuffled() -> None:
    options = SessionOptions(count=5, seed=3, mode=Mode.SURVIVAL, spoiler=Spoiler.MID)
    replay = missed_options(options, ["mc1", "mc4"])
    assert replay == SessionOptions(
        count=None, seed=None, mode=Mode.SURVIVAL, spoiler=Spoiler.MID, question_ids=("mc1", "mc4")
    )


def test_practice_is_classic_of_the_first_missed_the_pack_still_has() -> None:
    p = big_pack()
    ids = ["gone", *(f"mc{n}" for n in range(20))]
    options = practice_options(p, ids, Spoiler.ENDING)
    assert options == SessionOptions(
        count=None,
        mode=Mode.CLASSIC,
        question_ids=tuple(f"mc{n}" for n in range(DEFAULT_COUNT)),
        spoiler=Spoiler.ENDING,
    )
    assert practice_options(p, ["gone"], Spoiler.NONE) is None


def test_category_lines_count_skips_apart_and_name_the_uncategorised() -> None:
    session = start(pack(mc(1), mc(2), mc(3, category=None)), seed=2)
    for _ in range(3):
        assert session.current is not None
        if session.current.question.id == "mc2":
            session.use_lifeline(Lifeline.SKIP)
        else:
            session.answer(right_answer(session))
        session.advance()
    results = session.results()
    lines = category_lines(results)
    assert [line.category for line in lines] == [row.category for row in results.by_category]
    points = {row.category: row.points for row in results.by_category}
    assert {line.category: line for line in lines} == {
        "cast": CategoryLine("cast", correct=1, answered=1, skipped=1, points=points["cast"]),
        UNCATEGORISED: CategoryLine(
            UNCATEGORISED, correct=1, answered=1, skipped=0, points=points["other"]
        ),
    }
