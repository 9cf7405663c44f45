"""Answer checking for the six question types: what is accepted, why, and the near misses that
must be rejected."""

from __future__ import annotations

import pytest

from quizgame.core.packs.model import Question, QuestionType
from quizgame.core.play.judging import (
    Verdict,
    allowed_typos,
    check_answer,
    check_typed,
    normalize,
    parse_number,
)


def typed(answer: str, *accept: str) -> Question:
    return Question(id="q", type=QuestionType.TYPED, prompt="?", answer=answer, accept=accept)


def numeric(answer: float, tolerance: float = 0.0) -> Question:
    return Question(
        id="q",
        type=QuestionType.NUMERIC,
        prompt="?",
        answer=float(answer),  # as the loader makes it
        tolerance=float(tolerance),
    )


# --- multiple choice and true/false ----------------------------------------------------------

MC = Question(
    id="q",
    type=QuestionType.MULTIPLE_CHOICE,
    prompt="Who plays Janis?",
    choices=("Penélope Cruz", "Milena Smit", "Rossy de Palma"),
    answer="Penélope Cruz",
)


def test_multiple_choice_takes_only_the_answer_choice() -> None:
    assert check_answer(MC, "Penélope Cruz") == Verdict(1.0)
    assert not check_answer(MC, "Milena Smit").correct
    # A choice is picked, not typed: no leniency.
    assert not check_answer(MC, "Penelope Cruz").correct
    assert not check_answer(MC, None).correct


@pytest.mark.parametrize("answer", [True, False])
def test_true_false(answer: bool) -> None:
    question = Question(id="q", type=QuestionType.TRUE_FALSE, prompt="?", answer=answer)
    assert check_answer(question, answer).correct
    assert not check_answer(question, not answer).correct
    # Only a real bool counts: "True" or 1 from a confused caller is not an answer.
    assert not check_answer(question, str(answer)).correct
    assert not check_answer(question, int(answer)).correct


# --- typed -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "answer"),
    [
        ("Penelope", "Penélope Cruz"),  # half a name is not the name
        ("Cruz", "Penélope Cruz"),
        ("al", "Al Pacino"),
        ("Pacino", "Al Pacino"),
        ("2012", "2021"),  # digits get no typo allowance
        ("Apollo 31", "Apollo 13"),
        ("Rome", "Roma"),  # short answers get none either
        ("Penelope Cruise", "Penélope Cruz"),  # three edits is a different name
        ("Mothers, Parallel", "Parallel Mothers"),
        ("", "Madrid"),
        ("   ", "Madrid"),
        ("!?", "Madrid"),
    ],
)
def test_typed_near_misses_are_rejected(given: str, answer: str) -> None:
    verdict = check_typed(given, answer)
    assert verdict == Verdict(0.0)
    assert check_answer(typed(answer), given).credit == 0.0


@pytest.mark.parametrize(
    ("given", "answer", "reason"),
    [
        ("Penélope Cruz", "Penélope Cruz", None),
        ("  Penélope   Cruz ", "Penélope Cruz", None),  # extra spaces are not a leniency
        ("penélope cruz", "Penélope Cruz", "case ignored"),
        ("Penelope Cruz", "Penélope Cruz", "accent ignored"),
        ("penelope cruz", "Penélope Cruz", "accent ignored"),  # case not worth mentioning
        ("Almodóvar", "Almodovar", "accent ignored"),
        ("Penélope Cruz!", "Penélope Cruz", "punctuation ignored"),  # not "accent ignored"
        ("parallel-mothers", "Parallel Mothers", "punctuation ignored"),
        ("Rock & Roll", "Rock and Roll", "punctuation ignored"),
        ("Oceans 11", "Ocean's 11", "punctuation ignored"),
        ("Schindlers List", "Schindler's List", "punctuation ignored"),
        ("R2D2", "R2-D2", "punctuation ignored"),
        ("Spiderman", "Spider-Man", "punctuation ignored"),
        ("Spider Man", "Spider-Man", "punctuation ignored"),
        ("alpacino", "Al Pacino", "spacing ignored"),
        ("Godfather", "The Godfather", "article ignored"),
        ("the godfather", "The Godfather", "case ignored"),
        ("Who", "The Who", "article ignored"),
        ("an officer and a gentleman", "Officer and a Gentleman", "article ignored"),
        ("Penelope Cruz!", "Penélope Cruz", "accent ignored, punctuation ignored"),
    ],
)
def test_typed_leniency_and_its_reason(given: str, answer: str, reason: str | None) -> None:
    assert check_typed(given, answer) == Verdict(1.0, reason)


def test_an_answer_that_is_only_an_article_is_kept() -> None:
    assert normalize("The") == "the"
    assert check_typed("the", "The").correct
    assert not check_typed("", "The").correct


@pytest.mark.parametrize(
    ("answer", "allowed"),
    [
        ("Rome", 0),  # under 5 letters: exact only
        ("Madrid", 1),  # 5 to 9 letters: one typo
        ("Al Pacino", 1),  # spaces do not count as letters
        ("Pedro Almodóvar", 2),  # 10 or more: two
        ("Apollo 13", 0),  # anything with digits: exact only
        ("2021", 0),
    ],
)
def test_typo_allowance_scales_with_length(answer: str, allowed: int) -> None:
    assert allowed_typos(normalize(answer)) == allowed


@pytest.mark.parametrize(
    ("given", "answer", "reason"),
    [
        ("Madrd", "Madrid", "1 typo"),
        ("Mdrid", "Madrid", "1 typo"),
        ("Al Pacno", "Al Pacino", "1 typo"),
        ("godfathr", "The Godfather", "1 typo"),
        ("Pdro Almodovr", "Pedro Almodóvar", "2 typos"),
        ("Spidrman", "Spider-Man", "1 typo"),
    ],
)
def test_typos_within_the_allowance_are_accepted(given: str, answer: str, reason: str) -> None:
    assert check_typed(given, answer) == Verdict(1.0, reason)


@pytest.mark.parametrize(
    ("given", "answer"),
    [
        ("Mdrd", "Madrid"),  # two typos in a six-letter word
        ("Pdr Almodovr", "Pedro Almodóvar"),  # three in fifteen letters
        ("Rme", "Rome"),
    ],
)
def test_typos_beyond_the_allowance_are_rejected(given: str, answer: str) -> None:
    assert not check_typed(given, answer).correct


def test_accepted_alternatives() -> None:
    question = typed("Parallel Mothers", "Madres paralelas")
    assert check_answer(question, "Parallel Mothers") == Verdict(1.0)
    assert check_answer(question, "Madres paralelas") == Verdict(1.0, "accepted alternative")
    assert check_answer(question, "madres paralelas") == Verdict(
        1.0, "accepted alternative, case ignored"
    )
    assert check_answer(question, "Madres paralela") == Verdict(1.0, "accepted alternative, 1 typo")
    assert not check_answer(question, "Mothers").correct


def test_the_answer_beats_an_alternative_that_also_matches() -> None:
    # Exact on the answer wins over a lenient match on an alternative (and vice versa).
    assert check_typed("Madrid", "Madrid", ["madrid"]) == Verdict(1.0)
    assert check_typed("Madrid", "madrid", ["Madrid"]) == Verdict(1.0, "accepted alternative")


# --- numeric ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2021", 2021.0),
        (" 2021 ", 2021.0),
        ("2021.0", 2021.0),
        ("1,000", 1000.0),
        ("1,000,000.5", 1000000.5),
        ("7,4", 7.4),  # a decimal comma
        ("12,50", 12.5),
        ("1_000", 1000.0),
        ("-3", -3.0),
        ("\u22123", -3.0),  # the minus sign
        ("+3", 3.0),
        (".5", 0.5),
        ("1e3", 1000.0),
        ("120 min", 120.0),
        ("3 eggs", 3.0),
        (2021, 2021.0),
        (7.5, 7.5),
    ],
)
def test_parse_number(text: str | float, number: float) -> None:
    assert parse_number(text) == number


@pytest.mark.parametrize("text", ["", "abc", "about 20", "nan", "inf", None, True])
def test_parse_number_refuses_non_numbers(text: object) -> None:
    assert parse_number(text) is None


def test_numeric_exact_and_near_misses() -> None:
    question = numeric(2021)
    assert check_answer(question, "2021") == Verdict(1.0)
    assert check_answer(question, 2021) == Verdict(1.0)
    assert not check_answer(question, "2012").correct
    assert not check_answer(question, 2012).correct
    assert not check_answer(question, "2020").correct  # no tolerance given, none allowed
    assert not check_answer(question, "twenty twenty-one").correct


def test_numeric_tolerance() -> None:
    question = numeric(120, tolerance=5)
    assert check_answer(question, "120") == Verdict(1.0)
    assert check_answer(question, "115") == Verdict(1.0, "within tolerance")
    assert check_answer(question, "125 minutes") == Verdict(1.0, "within tolerance")
    assert not check_answer(question, "114.9").correct
    assert not check_answer(question, "125.1").correct


def test_numeric_tolerance_with_decimals_has_no_float_surprise() -> None:
    # 7.4 - 0.1 is 7.300000000000001 in floats; the edge must still count.
    assert check_answer(numeric(7.4, tolerance=0.1), "7.3").correct
    assert check_answer(numeric(7.4, tolerance=0.1), "7.5").correct
    assert check_answer(numeric(7.4), "7,4") == Verdict(1.0)  # a decimal comma


# --- ordering and matching -------------------------------------------------------------------

ORDER = Question(
    id="q",
    type=QuestionType.ORDERING,
    prompt="In story order",
    items=("Birth", "Swap", "Exhumation", "Reunion"),
)


def test_ordering_all_right() -> None:
    assert check_answer(ORDER, ["Birth", "Swap", "Exhumation", "Reunion"]) == Verdict(
        1.0, None, 4, 4
    )


def test_ordering_partial_credit_per_item_in_place() -> None:
    verdict = check_answer(ORDER, ["Birth", "Swap", "Reunion", "Exhumation"])
    assert verdict == Verdict(0.5, None, 2, 4)
    assert verdict.partial and not verdict.correct
    assert verdict.summary() == "Partly right: 2 of 4"
    # Everything shifted by one: nothing is in its place.
    assert check_answer(ORDER, ["Reunion", "Birth", "Swap", "Exhumation"]).credit == 0.0


def test_ordering_short_or_missing_answer() -> None:
    assert check_answer(ORDER, ("Birth",)) == Verdict(0.25, None, 1, 4)
    assert check_answer(ORDER, None) == Verdict(0.0, None, 0, 4)


MATCH = Question(
    id="q",
    type=QuestionType.MATCHING,
    prompt="Actor to role",
    pairs=(("Penélope Cruz", "Janis"), ("Milena Smit", "Ana"), ("Aitana Sánchez-Gijón", "Teresa")),
)


def test_matching_all_right() -> None:
    given = {"Penélope Cruz": "Janis", "Milena Smit": "Ana", "Aitana Sánchez-Gijón": "Teresa"}
    assert check_answer(MATCH, given) == Verdict(1.0, None, 3, 3)


def test_matching_partial_credit_per_pair() -> None:
    given = {"Penélope Cruz": "Janis", "Milena Smit": "Teresa", "Aitana Sánchez-Gijón": "Ana"}
    verdict = check_answer(MATCH, given)
    assert (verdict.parts_right, verdict.parts_total) == (1, 3)
    assert verdict.credit == pytest.approx(1 / 3)
    assert check_answer(MATCH, {"Milena Smit": "Ana"}).parts_right == 1
    assert check_answer(MATCH, None) == Verdict(0.0, None, 0, 3)


def test_verdict_summary_in_words() -> None:
    assert Verdict(1.0).summary() == "Correct"
    assert Verdict(1.0, "accent ignored").summary() == "Correct (accent ignored)"
    assert Verdict(0.0).summary() == "Wrong"


def test_an_answer_of_punctuation_alone_can_be_given() -> None:
    # Normalizing strips punctuation; an answer made only of it must still be reachable.
    assert check_typed("[/]", "[/]").correct
    assert check_typed(" [/] ", "[/]").correct
    assert not check_typed("[", "[/]").correct
    assert not check_typed("?!", "[/]").correct
    assert not check_typed("anything", "?!").correct
    assert not check_typed("!!", "Penélope Cruz").correct


# --- issue 11: forms a player means -----------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "answer", "accept"),
    [
        ("her grandma", "Her grandmother", ("grandma",)),  # a possessive in front
        ("His wife", "wife", ()),
        ("the following day", "The next morning", ("the following day",)),
    ],
)
def test_a_leading_possessive_or_article_is_forgiven(
    given: str, answer: str, accept: tuple[str, ...]
) -> None:
    assert check_typed(given, answer, accept).correct


def test_an_accepted_surname_or_full_name_says_so() -> None:
    assert check_typed("almodovar", "Pedro Almodóvar", ("Almodóvar",)).reason == (
        "surname, accent ignored"
    )
    assert check_typed("Arturo Buendía", "Arturo", ("Arturo Buendía",)).reason == "full name"


def test_the_hint_skips_a_leading_article_or_possessive() -> None:
    from quizgame.core.play.judging import hint_letter

    assert hint_letter("A teenage babysitter") == "t"
    assert hint_letter("her great-grandfather") == "g"
    assert hint_letter("Madrid") == "M"
    assert hint_letter("A") == "A"  # an answer that is only an article keeps it
