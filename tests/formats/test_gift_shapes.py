"""GIFT's kinds by shape, read both ways: each kind holds exactly one of our types, writing and
reading agree on it, and no module of the GIFT format names a question type."""

from __future__ import annotations

from pathlib import Path

import pytest

from quizgame.core.formats.gift import shapes
from quizgame.core.formats.gift.shapes import GIFT_KINDS, gift_kind, pack_type, types_of_shape
from quizgame.core.packs.model import QuestionType
from tests.paths import REPO

GIFT_SOURCES = sorted((REPO / "src" / "quizgame" / "core" / "formats" / "gift").glob("*.py"))


@pytest.mark.parametrize("gift", GIFT_KINDS, ids=lambda g: g.name)
def test_each_gift_kind_holds_exactly_one_type_and_both_ways_agree(
    gift: shapes.GiftKind,
) -> None:
    [question_type] = types_of_shape(gift.shape)
    assert gift_kind(question_type) is gift
    assert pack_type(gift.name) == question_type.value


def test_a_type_of_no_gift_kind_has_none() -> None:
    held = {question_type for gift in GIFT_KINDS for question_type in types_of_shape(gift.shape)}
    for question_type in QuestionType:
        assert (gift_kind(question_type) is None) == (question_type not in held)


@pytest.mark.parametrize("source", GIFT_SOURCES, ids=lambda p: p.name)
def test_no_gift_module_names_a_question_type(source: Path) -> None:
    text = source.read_text(encoding="utf-8")
    assert "QuestionType." not in text
    gift_names = {gift.name for gift in GIFT_KINDS}  # GIFT's own "matching" is its word
    for question_type in QuestionType:
        if question_type.value not in gift_names:
            assert f'"{question_type.value}"' not in text
