"""Every format, both ways: export then import gives the same questions, as far as the format
holds them, on the bundled pack and on the Open Trivia DB sample."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from quizgame.core.formats import FORMATS, export_pack, import_text
from quizgame.core.formats.common import NoteCode, Written
from quizgame.core.packs.model import Pack, Question, QuestionType
from quizgame.core.packs.read import load_pack
from quizgame.core.packs.write import question_to_dict
from tests.paths import REPO, TEST_DATA

BUNDLED = REPO / "questions" / "parallel-mothers.yaml"
SAMPLE = TEST_DATA / "opentdb" / "sample.json"
# The notes that say a question was not written at all.
LEFT_OUT = {NoteCode.TYPE_NOT_HELD, NoteCode.TOO_MANY_CHOICES, NoteCode.ARROW_NOT_WRITABLE}


def _fields(*names: str) -> Callable[[Question], dict[str, Any]]:
    def held(question: Question) -> dict[str, Any]:
        data = question_to_dict(question)
        return {name: data.get(name) for name in names}

    return held


def _sorted_choices(*names: str) -> Callable[[Question], dict[str, Any]]:
    base = _fields(*names)

    def held(question: Question) -> dict[str, Any]:
        data = base(question)
        data["choices"] = sorted(question.choices)  # the format puts the right answer anywhere
        return data

    return held


def _card(question: Question) -> dict[str, Any]:
    return {"prompt": question.prompt, "answer": str(question.answer)}


_OWN = ("choices", "answer", "accept", "tolerance", "items", "pairs")
# What each format holds of a question: what must come back the same.
HELD: dict[str, Callable[[Question], dict[str, Any]]] = {
    "csv": question_to_dict,
    "moodle": _fields("id", "type", "prompt", *_OWN, "unit", "explanation", "category", "tags"),
    "gift": _fields("id", "type", "prompt", *_OWN, "explanation", "category", "tags"),
    "xlsx": _fields("type", "prompt", "choices", "answer", "time_limit"),
    "opentdb": _sorted_choices("type", "prompt", "answer", "difficulty", "category"),
    "aiken": _fields("type", "prompt", "choices", "answer"),
    "flashcards": _card,
}


def _load(path: Path) -> Pack:
    if path.suffix == ".json":
        result = import_text(path.read_text(encoding="utf-8"), "opentdb", pack_id="s", title="S")
        assert result.pack is not None, [str(n) for n in result.notes]
        return result.pack
    loaded = load_pack(path)
    assert loaded.pack is not None
    return loaded.pack


def _written_questions(pack: Pack, written: Written) -> list[Question]:
    left = {n.number for n in written.notes if n.code in LEFT_OUT}
    return [q for number, q in enumerate(pack.questions, 1) if number not in left]


def test_every_format_is_tested() -> None:
    assert set(HELD) == set(FORMATS)


@pytest.mark.parametrize("source", [BUNDLED, SAMPLE], ids=["bundled", "opentdb-sample"])
@pytest.mark.parametrize("fmt", FORMATS)
def test_export_then_import_gives_the_same_questions(fmt: str, source: Path) -> None:
    pack = _load(source)
    written = export_pack(pack, fmt)
    assert written.count == len(_written_questions(pack, written)) > 0
    data = written.data if written.data is not None else written.text
    back = import_text(data, fmt, pack_id="back", title="Back")
    assert back.pack is not None, [str(n) for n in back.notes]
    assert not back.warnings, [str(n) for n in back.warnings]
    held = HELD[fmt]
    assert [held(q) for q in back.pack.questions] == [
        held(q) for q in _written_questions(pack, written)
    ]


@pytest.mark.parametrize("fmt", ["moodle", "xlsx", "gift", "opentdb"])
def test_the_packs_own_fields_travel_with_the_file(fmt: str) -> None:
    pack = _load(SAMPLE)  # an Open Trivia DB pack carries its licence and attribution
    written = export_pack(pack, fmt)
    data = written.data if written.data is not None else written.text
    back = import_text(data, fmt, pack_id="back", title="Back")
    assert back.pack is not None
    assert back.pack.extra.get("license") == pack.extra["license"]
    assert back.pack.extra.get("attribution") == pack.extra["attribution"]


TRICKY = (
    "He said \"no\", then 'yes'",
    "a, b; c | d \\ e",
    "=1+1",
    "@home -5 +3",
    "Tom & Jerry <3 &amp;",
    "::title:: {braces} #hash ~tilde =equals",
    "[html]<b>not bold</b>",
    "ANSWER: B",
    "A) not an option",
    "// not a comment",
    "<![CDATA[x]]> -->",
)


def _tricky_pack() -> Pack:
    questions = [
        Question(
            f"t{n}",
            QuestionType.MULTIPLE_CHOICE,
            f"Which one? {text}",
            answer=text,
            choices=(text, f"other {n}"),
        )
        for n, text in enumerate(TRICKY, 1)
    ]
    return Pack("tricky", "Tricky", tuple(questions))


@pytest.mark.parametrize("fmt", FORMATS)
def test_text_that_looks_like_syntax_comes_back_as_text(fmt: str) -> None:
    pack = _tricky_pack()
    written = export_pack(pack, fmt)
    data = written.data if written.data is not None else written.text
    back = import_text(data, fmt, pack_id="back", title="Back")
    assert back.pack is not None, [str(n) for n in back.notes]
    held = HELD[fmt]
    assert [held(q) for q in back.pack.questions] == [
        held(q) for q in _written_questions(pack, written)
    ]


def test_a_second_export_of_an_import_is_the_same_file() -> None:
    pack = _load(BUNDLED)
    for fmt in ("csv", "moodle", "flashcards"):
        first = export_pack(pack, fmt).text
        back = import_text(first, fmt, pack_id=pack.id, title=pack.title)
        assert back.pack is not None
        assert export_pack(back.pack, fmt).text.split("-->")[-1] == first.split("-->")[-1]
