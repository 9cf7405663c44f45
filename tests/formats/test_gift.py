"""GIFT import: every construct of Moodle's GIFT documentation, what a pack cannot hold, errors.

The examples are written for these tests, one per construct the documentation describes. Export
and round trips are in `test_gift_export.py`.
"""

from __future__ import annotations

import random
from typing import Any

import pytest

from quizgame.core.formats import import_text


def gift(text: str) -> Any:
    return import_text(text, "gift", pack_id="test", title="Test")


def questions(text: str) -> list[dict[str, Any]]:
    result = gift(text)
    assert result.ok, [str(n) for n in result.notes]
    assert result.data is not None
    return list(result.data["questions"])


def only(text: str) -> dict[str, Any]:
    found = questions(text)
    assert len(found) == 1, found
    return found[0]


def warnings(text: str) -> list[str]:
    return [str(n) for n in gift(text).warnings]


def errors(text: str) -> list[str]:
    result = gift(text)
    assert not result.ok
    return [str(n) for n in result.errors]


# --- the question types ----------------------------------------------------------------------


def test_multiple_choice() -> None:
    q = only("Who painted Guernica?{=Picasso ~Dalí ~Miró}")
    assert q["type"] == "multiple_choice"
    assert q["prompt"] == "Who painted Guernica?"
    assert q["choices"] == ["Picasso", "Dalí", "Miró"]
    assert q["answer"] == "Picasso"


def test_multiple_choice_over_several_lines_and_without_spaces() -> None:
    q = only("Which is a prime?\n{\n  ~4\n  =7\n  ~9\n}")
    assert q["choices"] == ["4", "7", "9"] and q["answer"] == "7"
    assert only("Pick b{~a=b~c}")["answer"] == "b"


def test_missing_word_puts_a_blank_where_the_answers_were() -> None:
    q = only("The Moon orbits {=the Earth ~the Sun ~Mars} once a month.")
    assert q["prompt"] == "The Moon orbits _____ once a month."
    assert q["answer"] == "the Earth"


def test_answers_at_the_end_make_no_blank() -> None:
    assert only("Capital of Peru? {=Lima ~Cusco}")["prompt"] == "Capital of Peru?"


@pytest.mark.parametrize(
    ("block", "answer"), [("{T}", True), ("{TRUE}", True), ("{F}", False), ("{FALSE}", False)]
)
def test_true_false(block: str, answer: bool) -> None:
    q = only(f"The Sun is a star.{block}")
    assert q["type"] == "true_false" and q["answer"] is answer


def test_true_false_feedback_the_right_answer_feedback_is_the_explanation() -> None:
    text = "::tf::Lima is in Peru.{TRUE#No: it is the capital of Peru.#Yes, its capital.}"
    q = only(text)
    assert q["explanation"] == "Yes, its capital."
    assert any("feedback for the wrong answer not kept" in w for w in warnings(text))


def test_true_false_with_only_one_feedback_keeps_it() -> None:
    q = only("The Sun orbits the Earth.{F#The Earth orbits the Sun.}")
    assert q["answer"] is False
    assert q["explanation"] == "The Earth orbits the Sun."


def test_short_answer_becomes_typed_and_every_equals_answer_is_accepted() -> None:
    q = only(
        "Who wrote Don Quixote?{=Cervantes =Miguel de Cervantes =Miguel de Cervantes Saavedra}"
    )
    assert q["type"] == "typed"
    assert q["answer"] == "Cervantes"
    assert q["accept"] == ["Miguel de Cervantes", "Miguel de Cervantes Saavedra"]


def test_short_answer_with_one_answer() -> None:
    q = only("Chemical symbol of gold?{=Au}")
    assert q == {"id": "q1", "type": "typed", "prompt": "Chemical symbol of gold?", "answer": "Au"}


def test_short_answer_partial_credit_is_reported_not_kept() -> None:
    text = "Who wrote Hamlet?{=Shakespeare =%50%Marlowe#Close, but no}"
    q = only(text)
    assert q["answer"] == "Shakespeare" and "accept" not in q
    assert any("partial credit not kept: 'Marlowe' (50%)" in w for w in warnings(text))


def test_numerical_with_tolerance() -> None:
    q = only("How long is the film, in minutes?{#120:5}")
    assert q["type"] == "numeric"
    assert q["answer"] == 120 and q["tolerance"] == 5


def test_numerical_range_becomes_middle_and_tolerance() -> None:
    q = only("In which year was it released?{#2005..2007}")
    assert q["answer"] == 2006 and q["tolerance"] == 1


def test_numerical_exact_negative_and_decimal() -> None:
    assert only("Answer?{#42}")["answer"] == 42
    q = only("Coldest?{#-3.5:0.25}")
    assert q["answer"] == -3.5 and q["tolerance"] == 0.25


def test_numerical_with_several_answers_keeps_the_full_credit_one() -> None:
    text = "When was Grant born?{#\n=1822:0 #Exactly\n=%50%1822:2 #Close\n}"
    q = only(text)
    assert q["answer"] == 1822 and "tolerance" not in q
    assert q["explanation"] == "Exactly"
    assert any("partial credit not kept: '1822:2' (50%)" in w for w in warnings(text))


def test_numerical_wrong_answer_feedback_is_reported() -> None:
    text = "Pi to two decimals?{#3.14:0.005 ~#Not quite}"
    assert only(text)["answer"] == 3.14
    assert any("feedback for wrong numbers not kept" in w for w in warnings(text))


def test_matching() -> None:
    q = only(
        "Match the country with its capital.{\n=Peru -> Lima\n=Chile -> Santiago\n=Cuba -> Havana\n}"
    )
    assert q["type"] == "matching"
    assert q["pairs"] == {"Peru": "Lima", "Chile": "Santiago", "Cuba": "Havana"}


def test_matching_extra_answers_are_reported() -> None:
    text = "Match.{=a -> 1 =b -> 2 = -> 3}"
    assert only(text)["pairs"] == {"a": "1", "b": "2"}
    assert any("extra answers without a match not kept: '3'" in w for w in warnings(text))


# --- names, comments, categories, escapes, feedback, formats -----------------------------------


def test_title_is_the_question_id() -> None:
    assert only("::Grant's tomb:: Who is buried there?{=Grant}")["id"] == "Grant's tomb"


def test_questions_without_a_title_get_numbered_ids() -> None:
    found = questions("First?{T}\n\n::second::Second?{F}\n\nThird?{T}")
    assert [q["id"] for q in found] == ["q1", "second", "q3"]


def test_a_repeated_title_gets_a_new_id_and_a_warning() -> None:
    text = "::same::One?{T}\n\n::same::Two?{F}"
    assert [q["id"] for q in questions(text)] == ["same", "same-2"]
    assert any("now 'same-2'" in w for w in warnings(text))


def test_comments_are_ignored_and_tags_and_ids_in_them_are_kept() -> None:
    text = (
        "// A quiz about stars\n"
        "// written for the tests\n"
        "\n"
        "// [id:sun-star] [tag:space] [tag:easy]\n"
        "::The Sun::The Sun is a star.{T}\n"
        "// a comment at the end of the block\n"
    )
    q = only(text)
    assert q["id"] == "sun-star"
    assert q["tags"] == ["space", "easy"]
    assert q["prompt"] == "The Sun is a star."


def test_a_comment_after_the_answers_is_not_missing_word_text() -> None:
    assert only("1+1=2 {T}   // obviously")["prompt"] == "1+1=2"


def test_category_applies_to_the_questions_after_it() -> None:
    text = (
        "First?{T}\n\n"
        "$CATEGORY: $course$/top/Default for Quiz/Geography\n\n"
        "Second?{T}\n\n"
        "Third?{F}\n\n"
        "$CATEGORY: Cinema//TV\n\n"
        "Fourth?{T}\n"
    )
    found = questions(text)
    assert [q.get("category") for q in found] == [None, "Geography", "Geography", "Cinema/TV"]


def test_category_directly_above_a_question() -> None:
    q = only("$CATEGORY: Art\n::p::Who painted it?{=Goya ~Dalí}")
    assert q["category"] == "Art" and q["id"] == "p"


def test_every_escape() -> None:
    q = only(r"::e::Colon \: tilde \~ equals \= hash \# braces \{\} backslash \\ line\nbreak{T}")
    assert q["prompt"] == "Colon : tilde ~ equals = hash # braces {} backslash \\ line\nbreak"


def test_escapes_in_answers() -> None:
    q = only(r"Which is the equation?{=E \= mc² ~E \= mc ~a \~ b \# c}")
    assert q["choices"] == ["E = mc²", "E = mc", "a ~ b # c"]


def test_answer_feedback_and_general_feedback_make_the_explanation() -> None:
    text = "Largest planet?{=Jupiter#Right! ~Saturn#No, second. ####It is 11 Earths wide.}"
    q = only(text)
    assert q["explanation"] == "Right!\n\nIt is 11 Earths wide."
    assert any("feedback on 1 other answer not kept" in w for w in warnings(text))


def test_general_feedback_on_true_false_and_numeric() -> None:
    assert only("Water boils at 100 °C at sea level.{T####At 1 atm.}")["explanation"] == "At 1 atm."
    assert only("Days in a leap year?{#366####One more.}")["explanation"] == "One more."


@pytest.mark.parametrize("fmt", ["moodle", "plain", "markdown"])
def test_text_format_markers_are_removed(fmt: str) -> None:
    assert only(f"[{fmt}]Is *this* text?{{T}}")["prompt"] == "Is *this* text?"


def test_html_format_becomes_plain_text() -> None:
    q = only("::h::[html]<p>Is <b>2 &amp; 2</b><br>four?</p>{=yes ~no}")
    assert q["prompt"] == "Is 2 & 2\nfour?"


def test_windows_line_endings_and_a_byte_order_mark() -> None:
    found = questions("\ufeffOne?{T}\r\n\r\nTwo?{F}\r\n")
    assert [q["prompt"] for q in found] == ["One?", "Two?"]


# --- what a pack cannot hold is reported at its line -------------------------------------------


def test_weights_on_several_right_answers_are_reported_and_skipped() -> None:
    text = "Intro?{T}\n\nWhich are primes?{\n~%50%2\n~%50%3\n~%-100%4\n}\n"
    result = gift(text)
    assert result.ok and len(result.pack.questions) == 1
    (note,) = result.warnings
    assert note.line == 3 and note.number == 2
    assert "several right answers" in note.message and "skipped" in note.message
    assert result.skipped == 1


def test_two_fully_right_answers_are_reported() -> None:
    assert any("2 answers are fully right" in w for w in warnings("A or B?{=A =B ~C}\n\nOk?{T}"))


def test_partial_credit_on_a_wrong_choice_is_reported() -> None:
    text = "Capital of Australia?{=Canberra ~%50%Sydney ~Perth}"
    assert only(text)["answer"] == "Canberra"
    assert any("'Sydney' (50%) now count" in w or "'Sydney' (50%)" in w for w in warnings(text))


def test_essays_and_descriptions_are_reported_and_skipped() -> None:
    text = "Describe your day.{}\n\nUse a pencil for the next ones.\n\nOk?{T}"
    result = gift(text)
    assert [q.prompt for q in result.pack.questions] == ["Ok?"]
    messages = [(n.line, n.message) for n in result.warnings]
    assert messages[0][0] == 1 and "essay" in messages[0][1]
    assert messages[1][0] == 3 and "description" in messages[1][1]


def test_a_question_the_validator_refuses_is_left_out_with_its_line() -> None:
    seven = " ".join(f"~c{i}" for i in range(6))
    text = f"Ok?{{T}}\n\n::many::Too many?{{=right {seven}}}"
    result = gift(text)
    assert result.ok
    (note,) = result.warnings
    assert note.line == 3 and note.question_id == "many"
    assert "not imported: too many choices: 7" in note.message


# --- broken files: one line each, with the line number -----------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Ok?{T}\n\nWhere?\n{=here ~there\n", 4, "'{' is never closed"),
        ("Ok?{T}\n\nWhere?} {=here}", 3, "'}' without an opening '{'"),
        ("One?{=a ~b} and {=c ~d}", 1, "a second answer block"),
        ("Only one?{~a}", 1, "at least 2 answers"),
        ("Nothing right?{~a ~b}", 1, "no right answer"),
        ("Match?{=a -> 1 =b}", 1, "needs 'left -> right'"),
        ("How many?\n\n{#twelve}", 3, "'twelve' is not a number"),
        ("Range?{#10..1}", 1, "runs backwards"),
        ("::untitled What?{T}", 1, "title opened with '::' is never closed"),
        ("", None, "no questions found"),
        ("// only a comment\n", None, "no questions found"),
    ],
)
def test_broken_input_is_an_error_with_its_line(text: str, line: int | None, message: str) -> None:
    result = gift(text)
    assert not result.ok
    assert any(n.line == line and message in n.message for n in result.errors), [
        str(n) for n in result.errors
    ]


def test_garbage_never_raises() -> None:
    rng = random.Random(6)
    alphabet = "{}~=#:->.%\\n/ abcTF0123\n[]$CATEGORY"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 60)))
        result = gift(text)
        assert result.ok or result.errors
