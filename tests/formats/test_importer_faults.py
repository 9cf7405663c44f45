"""The importers' faults found by trying them as an attacker and with authors' real files
(issue 10): each a note at its line, never a crash."""

from __future__ import annotations

import json

import pytest

from quizgame.core.formats import Imported, import_text
from quizgame.core.formats.common import NoteCode
from quizgame.core.packs.model import Pack


def convert(text: str, fmt: str) -> Imported:
    return import_text(text, fmt, pack_id="test", title="Test")


def pack_of(result: Imported) -> Pack:
    assert result.pack is not None, [str(n) for n in result.notes]
    return result.pack


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ("{#1e400}", "'1e400' is too big a number"),
        ("{#1:1e400}", "'1e400' is too big a number"),
        ("{#1e308..1e309}", "'1e309' is too big a number"),
    ],
)
def test_gift_numbers_past_float_range_are_errors_at_their_line(answers: str, message: str) -> None:
    result = convert(f"// a comment\n::n:: How far? {answers}\n", "gift")
    assert not result.ok
    assert [(n.line, n.message) for n in result.errors] == [(2, message)]


def test_a_gift_range_of_big_numbers_that_fits_is_read() -> None:
    question = pack_of(convert("::n:: How far? {#1e307..1.5e308}\n", "gift")).questions[0]
    assert question.answer == pytest.approx(8e307)  # halves first: no overflow


@pytest.mark.parametrize("version", ["²", "١٢", "9" * 5000])
def test_a_gift_header_version_that_is_no_plain_number_stays_text(version: str) -> None:
    text = f"// quizgame pack: p\n// title: P\n// version: {version}\n\n::q:: Q? {{T}}\n"
    pack = pack_of(convert(text, "gift"))
    assert pack.version == version


def test_gift_text_in_the_default_format_is_html() -> None:
    text = "::q:: Tom &amp; Jerry&nbsp;&lt;3?{=yes#&nbsp; ~no#   }\n"
    result = convert(text, "gift")
    question = pack_of(result).questions[0]
    assert question.prompt == "Tom & Jerry\xa0<3?"
    assert question.explanation is None
    assert not result.warnings  # feedback of only spaces is no feedback: nothing lost


def test_gift_feedback_of_only_nbsp_on_a_wrong_answer_is_no_warning() -> None:
    result = convert("::q:: Q?{T#&nbsp;#&nbsp;}\n", "gift")
    assert pack_of(result).questions[0].explanation is None
    assert not result.warnings


def test_gift_export_writes_ampersands_and_angles_so_they_read_back() -> None:
    from quizgame.core.formats import export_pack

    text = "::q:: [plain]Is &amp; an entity, <b> a tag?{=yes ~no}\n"
    pack = pack_of(convert(text, "gift"))
    assert pack.questions[0].prompt == "Is &amp; an entity, <b> a tag?"
    written = export_pack(pack, "gift").text
    assert "Is &amp;amp; an entity, &lt;b> a tag?" in written
    assert pack_of(convert(written, "gift")).questions == pack.questions


AIKEN_NO_SPACE = """\
Which is a fruit?
A)Apple
B)Carrot
ANSWER: A

Which is a vegetable?
A) Apple
B)Carrot
ANSWER: B
"""


def test_aiken_options_without_a_space_are_options() -> None:
    first, second = pack_of(convert(AIKEN_NO_SPACE, "aiken")).questions
    assert (first.prompt, first.choices, first.answer) == (
        "Which is a fruit?",
        ("Apple", "Carrot"),
        "Apple",
    )
    assert second.answer == "Carrot"


@pytest.mark.parametrize(
    "text",
    [
        "Q?\nANSWER: A\n",
        "Q?\nA.Apple\nB.Carrot\nANSWER: A\n",  # 'A.Apple' is text, as "A.B. Smith" is
    ],
)
def test_an_aiken_answer_line_never_ends_up_in_a_prompt(text: str) -> None:
    result = convert(text, "aiken")
    assert not result.ok
    assert any("ANSWER:" in n.message for n in result.errors)


def _deep(levels: int) -> str:
    return '{"results": ' + "[" * levels + "]" * levels + "}"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        (_deep(100_000), 1, "nested more than 100 levels deep"),
        ('{"results": [\n{"type": "boolean", "question": "\\ud800"}]}', 2, "lone surrogate"),
        ('{"results": [{"question": "\\udc00\\ud800"}]}', 1, "lone surrogate"),
        ('{\n"response_code": ' + "9" * 5000 + ', "results": []}', 2, "response_code '999"),
        ('{"response_code": 1e400, "results": []}', 1, "API error"),
        ('{"results": [{"type": ["multiple"]}]}', None, "missing or not text"),
    ],
)
def test_opentdb_files_that_crashed_are_errors_at_their_line(
    text: str, line: int | None, message: str
) -> None:
    result = convert(text, "opentdb")
    assert not result.ok
    assert any(n.line == line and message in n.message for n in result.errors), [
        str(n) for n in result.notes
    ]


def test_a_pair_of_surrogate_escapes_is_one_character() -> None:
    text = json.dumps({"results": [_opentdb("Which emoji is \ud83d\ude00?")]}, ensure_ascii=True)
    assert "\\ud83d\\ude00" in text
    assert pack_of(convert(text, "opentdb")).questions[0].prompt == "Which emoji is 😀?"


def _opentdb(question: str) -> dict[str, object]:
    return {
        "type": "boolean",
        "difficulty": "easy",
        "category": "C",
        "question": question,
        "correct_answer": "True",
        "incorrect_answers": ["False"],
    }


@pytest.mark.parametrize(
    ("payload", "said"),
    [
        ({"response_code": 5, "response_message": "Too many requests", "results": []}, "Too many"),
        ({"response_code": 4, "results": []}, "Token Empty"),
        ({"response_code": 3, "response_message": "Token Not Found", "token": "x"}, "Not Found"),
    ],
)
def test_the_api_error_says_what_the_api_said(payload: dict[str, object], said: str) -> None:
    result = convert(json.dumps(payload), "opentdb")
    (error,) = result.errors
    assert f"API error (response_code {payload['response_code']})" in error.message
    assert said in error.message and error.line == 1
    assert error.code is NoteCode.BROKEN
