"""GIFT export: what it writes for each question type, what it leaves out, and round trips."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from quizgame.core.formats import export_pack, import_text
from quizgame.core.formats.gift.writing import escape
from quizgame.core.packs.fields import Field
from quizgame.core.packs.kinds import AnswerNumber, TextList
from quizgame.core.packs.model import Pack
from quizgame.core.packs.questions import KINDS
from quizgame.core.packs.read import load_pack_text
from quizgame.core.packs.starter import starter_pack
from quizgame.core.packs.write import dump_pack, pack_to_dict


def gift(text: str) -> Any:
    return import_text(text, "gift", pack_id="test", title="Test")


ALL_CONSTRUCTS = """\
// Every construct, for the round trip.
$CATEGORY: $course$/top/Science

// [tag:space]
::mc::Which planet is the largest?{=Jupiter#Yes ~Saturn ~Mars ####By far.}

::mw::The Moon orbits {=the Earth ~the Sun} every month.

::tf::The Sun is a star.{TRUE####A yellow dwarf.}

::sa::Symbol of gold?{=Au =au}

::num::Speed of light in km/s?{#299792:1}

::range::Year of the Moon landing?{#1968..1970}

$CATEGORY: Geography

::match::Match the capitals.{=Peru -> Lima =Chile -> Santiago =Cuba -> Havana}

::esc::Escapes \\: \\~ \\= \\# \\{ \\} \\\\ and\\na new line{T}
"""


def pack_of(result: Any) -> Pack:
    assert result.ok, [str(n) for n in result.notes]
    pack: Pack = result.pack
    return pack


def held(pack: Pack) -> list[dict[str, Any]]:
    """What GIFT holds of each question."""
    keep = {"id", "type", "prompt", "choices", "answer", "accept", "tolerance", "pairs"}
    keep |= {"explanation", "category", "tags"}
    return [{k: v for k, v in d.items() if k in keep} for d in pack_to_dict(pack)["questions"]]


def test_gift_to_pack_to_gift_to_pack_is_stable() -> None:
    first = pack_of(gift(ALL_CONSTRUCTS))
    assert len(first.questions) == 8
    written = export_pack(first, "gift")
    assert written.count == 8 and not written.notes
    second = pack_of(gift(written.text))
    assert held(second) == held(first)
    assert export_pack(second, "gift").text == written.text


LOST_ON_EVEREST = ("difficulty", "source", "unit")  # one note a field, so that notes group


def test_pack_to_gift_to_pack_keeps_every_question_gift_can_hold() -> None:
    starter = load_pack_text(starter_pack("starter", "Starter", "schema.json")).pack
    assert starter is not None
    written = export_pack(starter, "gift")
    back = pack_of(gift(written.text))
    holdable = [q for q in starter.questions if q.type.value not in {"ordering", "list"}]
    assert [q.id for q in back.questions] == [q.id for q in holdable]
    expected = held(Pack("x", "x", tuple(holdable)))
    assert held(back) == expected
    notes = {(n.question_id, n.message) for n in written.notes}
    assert ("planets-from-the-sun", "GIFT has no ordering questions: not exported") in notes
    assert ("largest-spanish-cities", "GIFT has no list questions: not exported") in notes
    lost = [n.message for n in written.notes if n.question_id == "height-of-everest"]
    assert lost == [f"{name} not kept (GIFT has no place for it)" for name in LOST_ON_EVEREST]


def test_awkward_text_survives_the_round_trip() -> None:
    awkward = [
        "a: b",
        "50% ~ 1/2 = #1 {set}",
        "back\\slash",
        "two\nlines",
        "[html]<b>not html</b>",
        "%25% looks like a weight",
        "::not a title::",
        "T",
    ]
    data = {
        "id": "awkward",
        "title": "Awkward",
        "questions": [
            {
                "id": f"mc-{i}",
                "type": "multiple_choice",
                "prompt": text,
                "choices": [text, f"other {i}", "%10%x"],
                "answer": text,
                "explanation": text,
            }
            for i, text in enumerate(awkward)
        ]
        + [{"id": "typed", "type": "typed", "prompt": "T?", "answer": "TRUE", "accept": ["%5%"]}]
        + [
            {
                "id": "pairs",
                "type": "matching",
                "prompt": "M",
                "pairs": {"a=b": "c->d", "e#": "{f}"},
            }
        ],
    }
    pack = load_pack_text(dump_pack(data)).pack
    assert pack is not None
    back = pack_of(gift(export_pack(pack, "gift").text))
    assert held(back) == held(pack)


def test_escape_writes_one_line() -> None:
    assert escape("a:b\nc{d}") == "a\\:b\\nc\\{d\\}"


def test_export_reports_what_gift_cannot_write() -> None:
    data = {
        "id": "p",
        "title": "P",
        "questions": [
            {"id": "arrow", "type": "typed", "prompt": "Arrow?", "answer": "->"},
            {"id": "left", "type": "matching", "prompt": "M", "pairs": {"a->b": "1", "c": "2"}},
            {"id": "ok", "type": "true_false", "prompt": "Ok?", "answer": True, "hint": "yes"},
        ],
    }
    pack = load_pack_text(dump_pack(data)).pack
    assert pack is not None
    written = export_pack(pack, "gift")
    assert written.count == 1
    by_id = {n.question_id: n for n in written.notes}
    assert "reads as matching" in by_id["arrow"].message and by_id["arrow"].number == 1
    assert "left side with '->'" in by_id["left"].message
    assert by_id["ok"].message == "hint not kept (GIFT has no place for it)"


def test_a_type_whose_fields_gift_has_no_kind_for_is_left_out_with_a_note(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # GIFT goes by the fields a type has, not by its name: give the first starter question's
    # type one more field, as a new type would have, and GIFT no longer writes it.
    starter = load_pack_text(starter_pack("starter", "Starter", "schema.json")).pack
    assert starter is not None
    before = export_pack(starter, "gift")
    first = starter.questions[0]
    kind = KINDS[first.type]
    extra = Field("weights", TextList("weights"), "a field GIFT has no kind for")
    monkeypatch.setitem(KINDS, first.type, replace(kind, fields=(*kind.fields, extra)))
    written = export_pack(starter, "gift")
    same_type = [q for q in starter.questions if q.type is first.type]
    assert written.count == before.count - len(same_type)
    notes = {(n.question_id, n.message) for n in written.notes}
    for question in same_type:
        message = f"GIFT has no {first.type.value} questions: not exported"
        assert (question.id, message) in notes
        assert f"::{question.id}::" not in written.text


def test_a_type_with_the_same_field_names_but_another_kind_of_value_is_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # A type whose only field is a numeric `answer` has true/false's field name, not its kind:
    # GIFT must not write it as TRUE/FALSE.
    starter = load_pack_text(starter_pack("starter", "Starter", "schema.json")).pack
    assert starter is not None
    true_false = next(q for q in starter.questions if q.answer is True or q.answer is False)
    kind = KINDS[true_false.type]
    (answer,) = kind.fields
    numeric_answer = replace(answer, kind=AnswerNumber())
    monkeypatch.setitem(KINDS, true_false.type, replace(kind, fields=(numeric_answer,)))
    written = export_pack(starter, "gift")
    assert f"::{true_false.id}::" not in written.text
    message = f"GIFT has no {true_false.type.value} questions: not exported"
    assert (true_false.id, message) in {(n.question_id, n.message) for n in written.notes}
