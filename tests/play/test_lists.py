"""List questions: one typed answer against the whole list, credit per item, time-out, give-up."""

from __future__ import annotations

import pytest

from quizgame.core.packs.check import validate_pack_data
from quizgame.core.packs.model import ListItem, Pack, Question, QuestionType
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.judging import check_answer
from quizgame.core.play.lists import (
    Outcome,
    check_list,
    describe_list,
    find_item,
    list_results,
)
from quizgame.core.play.modes import Mode
from quizgame.core.play.scoring import speed_points
from quizgame.core.play.session import Session
from tests.clocks import FakeClock

CAST = (
    ListItem("Penélope Cruz", ("Cruz",), "Janis"),
    ListItem("Milena Smit", (), "Ana"),
    ListItem("Aitana Sánchez-Gijón", (), "Teresa"),
    ListItem("Rossy de Palma", ("Rossy",), "Elena"),
    ListItem("The Mothers", ("Madres",)),
)


def list_question(**fields: object) -> Question:
    return Question(
        id="cast",
        type=QuestionType.LIST,
        prompt="Name the leading cast.",
        answers=CAST,
        **fields,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("given", "index", "reason"),
    [
        ("Penélope Cruz", 0, None),  # exactly
        ("penelope cruz", 0, "accent ignored"),  # case and accents
        ("Aitana Sanchez Gijon", 2, "accent ignored, punctuation ignored"),
        ("Milena Smitt", 1, "1 typo"),  # a typo
        ("Mothers", 4, "article ignored"),  # a leading article
        ("Cruz", 0, "surname"),  # an accepted surname says so
        ("madres", 4, "accepted alternative, case ignored"),
    ],
)
def test_each_kind_of_accepted_form_finds_its_item(
    given: str, index: int, reason: str | None
) -> None:
    attempt = find_item(CAST, given)
    assert attempt.outcome is Outcome.FOUND
    assert attempt.index == index
    assert attempt.verdict.reason == reason


def test_a_wrong_an_empty_and_a_repeated_answer_find_nothing() -> None:
    assert find_item(CAST, "Julieta Serrano").outcome is Outcome.WRONG
    assert find_item(CAST, "   ").outcome is Outcome.EMPTY
    repeated = find_item(CAST, "cruz", found={0})
    assert (repeated.outcome, repeated.index) == (Outcome.REPEATED, 0)


def test_an_answer_matching_two_unfound_items_is_ambiguous() -> None:
    twins = (ListItem("Teresa Ruiz"), ListItem("Teresa Luiz"), ListItem("Ana"))
    attempt = find_item(twins, "Teresa Suiz")  # one typo from both
    assert attempt.outcome is Outcome.AMBIGUOUS
    assert attempt.candidates == (0, 1)
    # Once one of them is found, the same answer can only mean the other.
    assert find_item(twins, "Teresa Suiz", found={0}).index == 1
    # The closer match wins: written exactly beats a typo away.
    assert find_item(twins, "Teresa Ruiz").index == 0


def test_credit_is_the_share_of_items_found_and_repeats_count_once() -> None:
    verdict = check_list(["Cruz", "penelope cruz", "Smit", "Milena Smit", "nobody"], CAST)
    assert (verdict.parts_right, verdict.parts_total) == (2, 5)
    assert verdict.credit == pytest.approx(0.4)
    assert verdict.partial and not verdict.correct
    everything = check_list(["Cruz", "Milena Smit", "Aitana", "Aitana Sanchez-Gijon",
                             "Rossy", "Mothers"], CAST)  # fmt: skip
    assert everything.correct and everything.parts_right == 5
    assert not check_list([], CAST).partial


def test_one_text_is_one_answer_against_the_whole_list() -> None:
    # What `quizgame judge` asks: one answer's verdict.
    verdict = check_answer(list_question(), "rossy")
    assert (verdict.parts_right, verdict.parts_total) == (1, 5)
    assert check_answer(list_question(), None).credit == 0.0


def test_every_item_is_listed_found_or_missed() -> None:
    results = list_results(list_question(), ["rossy", "Cruz"])
    assert [r.given for r in results] == ["Cruz", None, None, "rossy", None]
    assert [r.found for r in results] == [True, False, False, True, False]
    assert describe_list(["rossy", "Cruz"]) == "rossy, Cruz"
    assert describe_list([]) == "(none found)"
    assert list_question().answer_text().startswith("Penélope Cruz (Janis); Milena Smit (Ana)")


def session(clock: FakeClock, mode: Mode, **fields: object) -> Session:
    pack = Pack("p", "P", (list_question(**fields),))
    return Session(pack, SessionOptions(mode=mode, seed=1), clock=clock)


def test_giving_up_scores_the_items_found() -> None:
    clock = FakeClock()
    play = session(clock, Mode.CLASSIC)
    record = play.answer(["Cruz", "Smit", "Milena Smit"])  # give up after two found
    assert record.verdict.parts_right == 2
    assert record.points == round(200 * 2 / 5)
    assert record.given_text == "Cruz, Smit, Milena Smit"
    assert play.streak == 0


def test_finding_everything_is_right() -> None:
    play = session(FakeClock(), Mode.CLASSIC)
    record = play.answer(["Cruz", "Milena Smit", "Aitana Sanchez-Gijon", "Rossy", "Mothers"])
    assert record.correct and record.points == 200 and play.streak == 1


def test_at_the_time_limit_the_items_found_still_count() -> None:
    clock = FakeClock()
    play = session(clock, Mode.CHALLENGE, time_limit=60)
    play.keep(["Cruz"])
    clock.advance(30)
    play.keep(["Cruz", "Rossy"])
    clock.advance(30.5)
    record = play.tick()
    assert record is not None and record.timed_out
    assert record.verdict.parts_right == 2
    assert record.points == speed_points(200, 2 / 5, 60, 60) == 40
    assert record.given_text == "Cruz, Rossy (time ran out)"
    assert play.lives is None and play.streak == 0


def test_a_time_out_with_nothing_kept_earns_nothing() -> None:
    clock = FakeClock()
    play = session(clock, Mode.SURVIVAL, time_limit=10)
    clock.advance(10.5)
    record = play.tick()
    assert record is not None and record.points == 0 and record.given is None
    assert record.given_text == "(no answer: time ran out)"


def pack_data(answers: object) -> dict[str, object]:
    question = {"id": "q", "type": "list", "prompt": "Name them.", "answers": answers}
    return {"id": "p", "title": "P", "questions": [question]}


def problems(answers: object) -> list[tuple[tuple[object, ...], str]]:
    _pack, issues = validate_pack_data(pack_data(answers))
    return [(issue.path, issue.message) for issue in issues]


def test_a_valid_list_reads_its_items() -> None:
    answers = [
        {"answer": "Penélope Cruz", "accept": ["Cruz"], "show": "Janis"},
        "Milena Smit",
        2021,
    ]
    pack, issues = validate_pack_data(pack_data(answers))
    assert issues == [] and pack is not None
    assert pack.questions[0].answers == (
        ListItem("Penélope Cruz", ("Cruz",), "Janis"),
        ListItem("Milena Smit"),
        ListItem("2021"),
    )


def test_two_items_accepting_the_same_answer_are_an_error() -> None:
    found = problems([{"answer": "Penélope Cruz", "accept": ["Cruz"]}, {"answer": "P. Cruz",
                      "accept": ["CRUZ!"]}])  # fmt: skip
    assert found == [
        (
            ("questions", 0, "answers", 1),
            "item 2 ('P. Cruz') accepts 'CRUZ!', as item 1 ('Penélope Cruz') does: one answer "
            "would fill two blanks",
        )
    ]


def test_the_number_of_items_is_limited() -> None:
    assert problems(["only one"])[-1][1] == "too few items: 1, at least 2 needed"
    many = [f"item {n}" for n in range(21)]
    assert problems(many)[-1][1] == "too many items: 21, at most 20"


def test_bad_items_are_reported_where_they_are() -> None:
    found = problems(["ok", "", {"accept": ["x"]}, ["a"], {"answer": "y", "colour": "red"}])
    assert found == [
        (("questions", 0, "answers", 1), "empty item"),
        (
            ("questions", 0, "answers", 2, found[1][0][-1]),
            "missing field 'answer' (expected text)",
        ),
        (
            ("questions", 0, "answers", 3),
            "an item should be text or a mapping of answer, accept and show, not a list",
        ),
        (
            ("questions", 0, "answers", 4, found[3][0][-1]),
            "unknown field 'colour' of an item (ignored; expected answer, accept, show)",
        ),
    ]
