"""Aiken and Open Trivia DB import and export, with the real Open Trivia DB data when present."""

from __future__ import annotations

import base64
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

import pytest

from quizgame.core.formats import export_pack, import_text
from quizgame.core.formats.gift.reading import read as read_gift
from quizgame.core.formats.opentdb import ATTRIBUTION
from quizgame.core.packs.model import Pack, QuestionType
from quizgame.core.packs.read import load_pack_text
from quizgame.core.packs.starter import starter_pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.session import Session
from tests.paths import REPO

# The shared data sits next to the main checkout; worktrees live one folder deeper.
OPENTDB_CANDIDATES = [
    Path(os.environ.get("QUIZGAME_OPENTDB_JSON", "/nonexistent")),
    REPO / ".." / "shared" / "data" / "opentdb" / "opentdb.json",
    REPO / ".." / ".." / "shared" / "data" / "opentdb" / "opentdb.json",
]
OPENTDB_FILE = next((p for p in OPENTDB_CANDIDATES if p.is_file()), None)


def convert(text: str, fmt: str) -> Any:
    return import_text(text, fmt, pack_id="test", title="Test")


def pack_of(result: Any) -> Pack:
    assert result.ok, [str(n) for n in result.notes]
    pack: Pack = result.pack
    return pack


def starter() -> Pack:
    pack = load_pack_text(starter_pack("starter", "Starter", "schema.json")).pack
    assert pack is not None
    return pack


# --- Aiken ------------------------------------------------------------------------------------

AIKEN = """\
What is the capital of Spain?
A. Lisbon
B. Madrid
C. Seville
ANSWER: B

Which river flows through Lisbon?
A) Tagus
B) Douro
ANSWER: A
Who painted
the Las Meninas?
A. Goya
B. Velázquez
C. El Greco
D. Murillo
ANSWER: B
"""


def test_aiken_with_dots_parentheses_and_no_blank_lines() -> None:
    pack = pack_of(convert(AIKEN, "aiken"))
    first, second, third = pack.questions
    assert first.type is QuestionType.MULTIPLE_CHOICE
    assert first.choices == ("Lisbon", "Madrid", "Seville") and first.answer == "Madrid"
    assert second.choices == ("Tagus", "Douro") and second.answer == "Tagus"
    assert third.prompt == "Who painted\nthe Las Meninas?" and third.answer == "Velázquez"
    assert [q.id for q in pack.questions] == ["q1", "q2", "q3"]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Q?\nA. a\nB. b\nANSWER: C\n", 4, "ANSWER: C is not one of the options A, B"),
        ("Q?\nA. a\nB. b\n", 1, "the last question has no 'ANSWER: <letter>' line"),
        ("Q?\n", 1, "the last question has no options"),
        ("A. a\nB. b\nANSWER: A\n", 1, "an option with no question before it"),
        ("Q?\nA. a\nB. b\nthen text\nANSWER: A\n", 4, "expected the next option"),
        ("Q?\nA. a\nA. b\nANSWER: A\n", 3, "option A is given twice"),
        ("Q?\nA. a\nANSWER: A\n", 3, "at least 2 options"),
    ],
)
def test_aiken_errors_have_lines(text: str, line: int, message: str) -> None:
    result = convert(text, "aiken")
    assert not result.ok
    assert any(n.line == line and message in n.message for n in result.errors), [
        str(n) for n in result.errors
    ]


def test_aiken_question_the_pack_cannot_hold_is_reported() -> None:
    options = "\n".join(f"{letter}. option {letter}" for letter in "ABCDEFG")
    result = convert(
        f"Fine?\nA. yes\nB. no\nANSWER: A\n\nToo many?\n{options}\nANSWER: A\n", "aiken"
    )
    assert len(pack_of(result).questions) == 1
    (note,) = result.warnings
    assert note.line == 6 and "too many choices" in note.message


def test_aiken_round_trip_and_what_it_cannot_hold() -> None:
    pack = pack_of(convert(AIKEN, "aiken"))
    written = export_pack(pack, "aiken")
    assert written.text.startswith("What is the capital of Spain?\nA. Lisbon\nB. Madrid\n")
    again = pack_of(convert(written.text, "aiken"))
    flat = [(q.prompt.replace("\n", " "), q.choices, q.answer) for q in pack.questions]
    assert [(q.prompt, q.choices, q.answer) for q in again.questions] == flat

    written = export_pack(starter(), "aiken")
    assert written.count == 1
    types = {n.question_id: n.message for n in written.notes}
    assert "not true_false: not exported" in types["largest-ocean"]
    lost = [n.message.split()[0] for n in written.notes if n.question_id == "capital-of-spain"]
    assert lost == ["difficulty", "explanation", "category", "tags"]


# --- Open Trivia DB ------------------------------------------------------------------------

OPENTDB = {
    "response_code": 0,
    "results": [
        {
            "type": "multiple",
            "difficulty": "easy",
            "category": "Entertainment: Film",
            "question": "Who directed &quot;Parallel Mothers&quot; (2021)?",
            "correct_answer": "Pedro Almod&oacute;var",
            "incorrect_answers": [
                "Luis Bu&ntilde;uel",
                "Carlos Saura",
                "Alejandro Amen&aacute;bar",
            ],
        },
        {
            "type": "boolean",
            "difficulty": "hard",
            "category": "Science &amp; Nature",
            "question": "Penélope Cruz&#039;s character is a photographer.",
            "correct_answer": "True",
            "incorrect_answers": ["False"],
        },
    ],
}


def test_opentdb_fields_and_entities() -> None:
    pack = pack_of(convert(json.dumps(OPENTDB), "opentdb"))
    film, science = pack.questions
    assert film.prompt == 'Who directed "Parallel Mothers" (2021)?'
    assert film.answer == "Pedro Almodóvar"
    assert set(film.choices) == {
        "Pedro Almodóvar",
        "Luis Buñuel",
        "Carlos Saura",
        "Alejandro Amenábar",
    }
    assert film.difficulty.value == "easy" and film.category == "Entertainment: Film"
    assert science.type is QuestionType.TRUE_FALSE and science.answer is True
    assert science.prompt == "Penélope Cruz's character is a photographer."
    assert science.category == "Science & Nature" and science.difficulty.value == "hard"
    assert pack.extra["attribution"] == ATTRIBUTION and pack.extra["license"] == "CC-BY-SA-4.0"


def test_opentdb_base64_and_url_encodings() -> None:
    def b64(text: str) -> str:
        return base64.b64encode(text.encode()).decode()

    def url(text: str) -> str:
        return quote(text, safe="")

    plain = [{**entry} for entry in OPENTDB["results"]]  # type: ignore[attr-defined]
    plain[0] = {
        **plain[0],
        "question": 'Who directed "Parallel Mothers"?',
        "correct_answer": "Pedro",
    }
    plain[0]["incorrect_answers"] = ["Luis", "Carlos", "Alejandro"]
    plain[1] = {**plain[1], "question": "Is it true?", "category": "Science"}
    for encode in (b64, url):
        encoded = [
            {k: [encode(x) for x in v] if isinstance(v, list) else encode(v) for k, v in e.items()}
            for e in plain
        ]
        pack = pack_of(convert(json.dumps({"results": encoded}), "opentdb"))
        assert pack.questions[0].prompt == 'Who directed "Parallel Mothers"?'
        assert pack.questions[0].answer == "Pedro"
        assert pack.questions[1].answer is True and pack.questions[1].category == "Science"


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ('{"results": [\n  {"type": "multiple",}\n]}', 2, "not valid JSON"),
        ('"just text"', 1, "expected a JSON object with a 'results' list"),
        ('{"response_code": 1, "results": []}', 1, "API error (response_code 1)"),
    ],
)
def test_opentdb_broken_files(text: str, line: int, message: str) -> None:
    result = convert(text, "opentdb")
    assert not result.ok
    assert any(n.line == line and message in n.message for n in result.errors)


def test_opentdb_broken_questions_are_errors_with_their_number() -> None:
    broken = {
        "results": [
            OPENTDB["results"][0],  # type: ignore[index]
            {"type": "multiple", "question": "No answer?"},
            {"type": "boolean", "question": "Yes?", "correct_answer": "Maybe"},
            "not an object",
        ]
    }
    result = convert(json.dumps(broken), "opentdb")
    assert not result.ok
    assert [(n.number, n.message.split(":")[0]) for n in result.errors] == [
        (2, "missing or not text"),
        (3, "a boolean question's correct_answer should be True or False, not 'Maybe'"),
        (4, "a question should be a JSON object"),
    ]


def test_opentdb_unknown_type_is_skipped_with_a_warning() -> None:
    data = {
        "results": [OPENTDB["results"][0], {"type": "text", "question": "?", "correct_answer": "x"}]  # type: ignore[index]
    }
    result = convert(json.dumps(data), "opentdb")
    assert len(pack_of(result).questions) == 1
    assert [str(n) for n in result.warnings] == [
        "question 2: warning: unknown question type 'text': skipped"
    ]


def test_opentdb_round_trip() -> None:
    pack = pack_of(convert(json.dumps(OPENTDB), "opentdb"))
    written = export_pack(pack, "opentdb")
    assert "&quot;Parallel Mothers&quot;" in written.text and "Cruz&#039;s" in written.text
    again = pack_of(convert(written.text, "opentdb"))
    assert again.questions == pack.questions

    written = export_pack(starter(), "opentdb")
    assert written.count == 2
    results = json.loads(written.text)["results"]
    assert results[0]["correct_answer"] == "Madrid" and results[0]["difficulty"] == "easy"
    assert results[1] == {
        "type": "boolean",
        "difficulty": "medium",
        "category": "Geography",
        "question": "The Pacific is the largest ocean on Earth.",
        "correct_answer": "True",
        "incorrect_answers": ["False"],
    }
    assert sum("not exported" in n.message for n in written.notes) == 5


@pytest.mark.skipif(OPENTDB_FILE is None, reason="the shared Open Trivia DB data is not here")
def test_the_real_open_trivia_db_file_imports_and_plays() -> None:
    assert OPENTDB_FILE is not None
    raw = json.loads(OPENTDB_FILE.read_text(encoding="utf-8"))["results"]
    result = convert(OPENTDB_FILE.read_text(encoding="utf-8"), "opentdb")
    pack = pack_of(result)
    assert len(pack.questions) + result.skipped == len(raw) == 5250
    assert not result.errors
    assert not any("&quot;" in q.prompt or "&#039;" in q.prompt for q in pack.questions)
    by_type = {t: sum(q.type is t for q in pack.questions) for t in QuestionType}
    assert by_type[QuestionType.MULTIPLE_CHOICE] + by_type[QuestionType.TRUE_FALSE] == len(
        pack.questions
    )
    # the pack is what the loader read back from the written YAML
    assert result.text is not None and result.text.startswith("id: test\n")
    session = Session(pack, SessionOptions(count=5, seed=1))
    assert len(session.rounds) == 5
    # and GIFT holds every one of them
    drafts = read_gift(export_pack(pack, "gift").text).drafts
    assert [(d.data["prompt"], d.data.get("choices", []), d.data["answer"]) for d in drafts] == [
        (q.prompt, list(q.choices), q.answer) for q in pack.questions
    ]


@pytest.mark.parametrize(
    ("to", "says"),
    [
        ("gift", "GIFT has no list questions: not exported"),
        ("aiken", "Aiken holds only multiple choice, not list: not exported"),
        ("opentdb", "Open Trivia DB holds multiple choice and true/false, not list: not exported"),
    ],
)
def test_a_list_question_is_left_out_with_a_warning_naming_it(to: str, says: str) -> None:
    written = export_pack(starter(), to)
    notes = {(n.question_id, n.message) for n in written.notes}
    assert ("largest-spanish-cities", says) in notes
    assert "Sevilla" not in written.text and "largest-spanish-cities" not in written.text
