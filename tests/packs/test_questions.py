"""The description of each question type: its example is a valid question that writes back as
written, every problem names its field by data (path and code), and one id rule."""

from __future__ import annotations

from typing import Any

import pytest

from quizgame.core.packs.check import question_problems, validate_pack_data
from quizgame.core.packs.fields import QuestionKind
from quizgame.core.packs.ids import FACTS_ID_PUNCTUATION, id_pattern, is_id, make_id
from quizgame.core.packs.issues import Code, Missing
from quizgame.core.packs.model import QuestionType
from quizgame.core.packs.questions import KINDS
from quizgame.core.packs.write import question_to_dict


@pytest.mark.parametrize("kind", KINDS.values(), ids=lambda kind: kind.type.value)
def test_each_example_is_valid_and_writes_back_as_written(kind: QuestionKind) -> None:
    pack, issues = validate_pack_data({"id": "p", "title": "P", "questions": [kind.example]})
    assert pack is not None and not issues
    (question,) = pack.questions
    assert question.type is kind.type
    assert question_to_dict(question) == kind.example


def test_every_type_is_described() -> None:
    assert set(KINDS) == set(QuestionType)


def test_a_missing_field_is_a_code_and_a_path_step() -> None:
    question: dict[str, Any] = {"id": "q", "type": "numeric", "prompt": "N?"}
    data = {"id": "p", "title": "P", "questions": [question]}
    _pack, issues = validate_pack_data(data)
    (issue,) = issues
    assert issue.code is Code.MISSING
    assert issue.path == ("questions", 0, Missing("answer"))
    assert question_problems(question) == {"answer": ["missing field 'answer' (expected a number)"]}


def test_the_id_rule_matches_whole_ids() -> None:
    assert is_id("world-capitals_2.0")
    assert not is_id("world-capitals\n")
    assert not is_id("-capitals") and not is_id("Capitals") and not is_id("")
    assert is_id("cast-ana", FACTS_ID_PUNCTUATION) and not is_id("cast.ana", FACTS_ID_PUNCTUATION)
    assert id_pattern() == "^[a-z0-9][a-z0-9._-]*$"
    assert make_id("World Capitals 2024!", "imported") == "world-capitals-2024"
    assert make_id("...", "imported") == "imported"


@pytest.mark.parametrize(
    ("title", "made"),
    [
        ("Almodóvar Films!", "almodovar-films"),
        ("Straße Œuvre", "strasse-oeuvre"),
        ("東京", "dong-jing"),
        ("Pedro’s films", "pedros-films"),
    ],
)
def test_ids_from_titles_are_transliterated(title: str, made: str) -> None:
    assert make_id(title, "imported") == made
