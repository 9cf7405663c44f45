"""Trying an answer outside a session (`quizgame judge`, the editor's "try an answer")."""

from __future__ import annotations

from quizgame.core.packs.model import ListItem, Question, QuestionType
from quizgame.core.play.trial import try_answer

DIRECTOR = Question(
    id="d", type=QuestionType.TYPED, prompt="Who?", answer="Pedro Almodóvar", accept=("Almodóvar",)
)
ORDER = Question(id="o", type=QuestionType.ORDERING, prompt="Order?", items=("A", "B", "C"))
CHOICE = Question(
    id="c", type=QuestionType.MULTIPLE_CHOICE, prompt="?", answer="Two", choices=("One", "Two")
)


def test_each_verdict_with_its_points_and_reason() -> None:
    right = try_answer(DIRECTOR, "almodovar")
    assert (right.verdict, right.points, right.reason) == ("right", 1.0, "surname, accent ignored")
    wrong = try_answer(DIRECTOR, "Agustin Almodóvar")
    assert (wrong.verdict, wrong.points) == ("wrong", 0.0)
    partly = try_answer(ORDER, "A > C > B")
    assert (partly.verdict, partly.points, partly.reason) == (
        "partly",
        0.333,
        "1 of 3 in the right place",
    )


def test_a_choice_by_text_or_number() -> None:
    assert try_answer(CHOICE, "two").verdict == "right"
    assert try_answer(CHOICE, "2").verdict == "right"
    assert try_answer(CHOICE, "Three").reason == "not one of the choices"


def test_ordering_items_are_named_by_text_not_by_their_place_in_the_pack() -> None:
    # The pack writes items in the right order: "1 > 2 > 3" must not be a free right answer.
    assert try_answer(ORDER, "1 > 2 > 3").verdict == "wrong"
    assert try_answer(ORDER, "a > b > c").verdict == "right"


def test_matching_pairs_say_how_many_are_right() -> None:
    match = Question(
        id="m", type=QuestionType.MATCHING, prompt="?", pairs=(("A", "1"), ("B", "2"), ("C", "3"))
    )
    trial = try_answer(match, "A = 1; B = 3; C = 2")
    assert (trial.verdict, trial.reason) == ("partly", "1 of 3 pairs right")


LEADS = Question(
    id="l",
    type=QuestionType.LIST,
    prompt="Name them.",
    answers=(ListItem("Penélope Cruz", ("Cruz",)), ListItem("Milena Smit"), ListItem("Mila")),
)


def test_one_answer_against_a_list_names_the_item_it_finds_and_its_share() -> None:
    found = try_answer(LEADS, "cruz")
    assert (found.verdict, found.points) == ("partly", 0.333)
    assert (
        found.reason.startswith("finds Penélope Cruz, surname") and "1 of 3 items" in found.reason
    )
    assert try_answer(LEADS, "Pedro").reason == "on no item of the list"
    assert try_answer(LEADS, "Milena Smit").reason == "finds Milena Smit: 1 of 3 items"
