"""Editing packs in place: untouched questions keep their text, comments and layout."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from quizgame.core.packs import yaml_reader
from quizgame.core.packs.check import question_problems
from quizgame.core.packs.edit import EditError, PackDocument, save_text
from quizgame.core.packs.read import load_pack, load_pack_text
from quizgame.core.packs.starter import starter_pack
from quizgame.core.packs.write import dump_pack
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.session import Session

COMMENTED = """\
# My film quiz — hand written, please keep these notes.
id: films   # never change this
title: Films
questions:
  # --- Easy ones first ---
  - id: director   # asked in every session
    type: typed
    prompt: Who directed Parallel Mothers?
    answer: Pedro Almodóvar
    accept: [Almodovar, Almodóvar]   # without the accent too

  # The year: players often say 2022 (the Spanish release was 2021).
  - id: year
    type: numeric
    prompt: In which year was it released?
    answer: 2021
    tolerance: 0    # exact
    # source checked on the festival site
    source: Venice Film Festival
    explanation: >
      It opened the Venice festival
      in September 2021.

  # Janis's job, said in the first scene.
  - id: job
    type: multiple_choice
    prompt:   "What is Janis's job?"      # odd spacing, on purpose
    choices:
      - photographer
      - nurse
      - teacher
    answer: photographer
# trailing notes for the author
license: CC0
"""


def lines_of(text: str) -> list[str]:
    return text.splitlines()


def test_an_unchanged_document_is_written_back_byte_for_byte() -> None:
    for text in (COMMENTED, starter_pack("s", "S", "x.json"), COMMENTED.replace("\n", "\r\n")):
        assert PackDocument(text).text() == text


def test_editing_one_question_keeps_every_comment_elsewhere() -> None:
    doc = PackDocument(COMMENTED)
    question = doc.question(1)
    assert question["answer"] == 2021
    doc.replace_question(1, {**question, "tolerance": 1, "prompt": "Release year?"})
    text = doc.text()
    before, after = lines_of(COMMENTED), lines_of(text)
    # Everything outside the edited question is the same text, line for line.
    start = before.index("  - id: year")
    end = before.index("  # Janis's job, said in the first scene.") - 1
    assert after[:start] == before[:start]
    assert after[-(len(before) - end) :] == before[end:]
    # In the edited question, what changed is written anew and the rest keeps its comments.
    edited = after[start : len(after) - (len(before) - end)]
    assert edited == [
        "  - id: year",
        "    type: numeric",
        "    prompt: Release year?",
        "    answer: 2021",
        "    tolerance: 1    # exact",
        "    # source checked on the festival site",
        "    source: Venice Film Festival",
        "    explanation: >",
        "      It opened the Venice festival",
        "      in September 2021.",
    ]
    pack = load_pack_text(text).pack
    assert pack is not None
    assert pack.questions[1].tolerance == 1 and pack.questions[1].prompt == "Release year?"
    assert pack.questions[1].explanation == "It opened the Venice festival in September 2021.\n"
    for comment in ("# never change this", "# --- Easy ones first ---", "# without the accent too"):
        assert comment in text
    assert "# odd spacing, on purpose" in text and "# trailing notes for the author" in text


def test_a_removed_or_added_field_in_an_edited_question() -> None:
    doc = PackDocument(COMMENTED)
    question = doc.question(0)
    del question["accept"]
    question["hint"] = "A Spanish director"
    question["difficulty"] = "easy"
    doc.replace_question(0, question)
    text = doc.text()
    assert "accept" not in text and "# without the accent too" not in text
    assert (
        "    answer: Pedro Almodóvar\n    hint: A Spanish director\n    difficulty: easy\n" in text
    )
    assert "  # The year: players often say 2022" in text  # the next question's comment
    assert load_pack_text(text).ok


def test_deleting_and_moving_questions_take_their_comments_along() -> None:
    doc = PackDocument(COMMENTED)
    doc.move_question(2, 0)
    text = doc.text()
    assert (
        text.index("# Janis's job")
        < text.index("# --- Easy ones first ---")
        < text.index("# The year")
    )
    pack = load_pack_text(text).pack
    assert pack is not None and [q.id for q in pack.questions] == ["job", "director", "year"]
    doc.delete_question(2)
    text = doc.text()
    assert "# The year" not in text and "id: year" not in text
    assert "# trailing notes for the author\nlicense: CC0\n" in text
    assert load_pack_text(text).ok


def test_adding_one_question_of_each_type_to_a_new_pack_makes_a_playable_pack() -> None:
    doc = PackDocument.new("fresh", 'A "fresh" pack: mine')
    assert not doc.check().ok  # no questions yet
    doc.add_question(
        {
            "id": "mc",
            "type": "multiple_choice",
            "prompt": "2+2?",
            "choices": ["3", "4"],
            "answer": "4",
        }
    )
    doc.add_question({"id": "tf", "type": "true_false", "prompt": "Sky blue?", "answer": True})
    doc.add_question(
        {
            "id": "ty",
            "type": "typed",
            "prompt": "Capital of Peru?",
            "answer": "Lima",
            "accept": ["lima city"],
        }
    )
    doc.add_question(
        {
            "id": "nu",
            "type": "numeric",
            "prompt": "Pi?",
            "answer": 3.14,
            "tolerance": 0.01,
            "unit": "rad",
        }
    )
    doc.add_question(
        {"id": "or", "type": "ordering", "prompt": "Order:\nsmall first", "items": ["1", "2", "3"]}
    )
    doc.add_question(
        {"id": "ma", "type": "matching", "prompt": "Match", "pairs": {"a": "1", "b": "2"}}, 0
    )
    result = doc.check()
    assert result.ok, result.problems
    assert result.pack is not None
    assert result.pack.title == 'A "fresh" pack: mine'
    assert [q.id for q in result.pack.questions] == ["ma", "mc", "tf", "ty", "nu", "or"]
    assert result.pack.questions[5].prompt == "Order:\nsmall first"
    session = Session(result.pack, SessionOptions(count=None, seed=3))
    assert len(session.rounds) == 6


def test_new_questions_follow_the_file_layout() -> None:
    doc = PackDocument(starter_pack("s", "S", "x.json"))
    doc.add_question({"id": "x", "type": "true_false", "prompt": "Yes?", "answer": True})
    assert doc.text().endswith(
        "    time_limit: 60\n\n  - id: x\n    type: true_false\n    prompt: Yes?\n    answer: true\n"
    )


def test_setting_a_pack_field_rewrites_only_its_line() -> None:
    doc = PackDocument(COMMENTED)
    doc.set_field("title", "Films: the quiz")
    doc.set_field("author", "Ana")
    before, after = lines_of(COMMENTED), lines_of(doc.text())
    assert after[:2] == before[:2]  # the comment and `id: films   # never change this`
    assert after[2:4] == ["title: 'Films: the quiz'", "author: Ana"]
    assert after[4:] == before[3:]
    doc.set_field("license", "CC-BY-4.0")
    assert doc.text().endswith("# trailing notes for the author\nlicense: CC-BY-4.0\n")
    pack = load_pack_text(doc.text()).pack
    assert pack is not None and pack.author == "Ana" and pack.extra["license"] == "CC-BY-4.0"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("id: p\ntitle: [unclosed\n", "line 3: YAML syntax error"),
        ("- a\n- b\n", "a pack file should be a mapping"),
        ("id: p\nquestions: [{id: a}]\n", "line 2: 'questions' should be a list written one"),
        ("id: p\nquestions:\n- just text\n", "line 3: question 1 should be a mapping"),
    ],
)
def test_files_that_cannot_be_edited(text: str, message: str) -> None:
    with pytest.raises(EditError) as caught:
        PackDocument(text)
    assert str(caught.value).startswith(message)


def test_empty_question_lists_can_be_filled() -> None:
    for text in ("id: p\ntitle: P\nquestions: []\nlicense: x\n", "id: p\ntitle: P\n"):
        doc = PackDocument(text)
        assert len(doc) == 0
        doc.add_question({"id": "a", "type": "true_false", "prompt": "Y?", "answer": False})
        pack = load_pack_text(doc.text()).pack
        assert pack is not None and len(pack.questions) == 1


def test_question_problems_are_given_by_field() -> None:
    good = {
        "id": "a",
        "type": "multiple_choice",
        "prompt": "Q?",
        "choices": ["x", "y"],
        "answer": "x",
    }
    assert question_problems(good) == {}
    assert question_problems({**good, "answer": "z"}) == {
        "answer": ["answer 'z' is not one of the choices"]
    }
    missing = {k: v for k, v in good.items() if k != "answer"}
    assert set(question_problems(missing)) == {"answer"}
    assert set(question_problems({**good, "choices": ["x"]})) == {"choices"}
    assert set(question_problems({**good, "prompt": " "})) == {"prompt"}
    assert question_problems(good, other_ids=["b", "a"]) == {
        "id": ["another question already has the id 'a'"]
    }


def test_saving_is_atomic(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "films.yaml"
    target.write_text(COMMENTED, encoding="utf-8")
    doc = PackDocument(target.read_text(encoding="utf-8"))
    doc.set_field("title", "Changed")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        doc.save(target)
    assert target.read_text(encoding="utf-8") == COMMENTED
    assert [p.name for p in tmp_path.iterdir()] == ["films.yaml"]  # no temporary file left
    monkeypatch.undo()
    doc.save(target)
    pack = load_pack(target).pack
    assert pack is not None and pack.title == "Changed"
    save_text(tmp_path / "new" / "x.yaml", "id: x\n")
    assert (tmp_path / "new" / "x.yaml").read_text(encoding="utf-8") == "id: x\n"


def test_a_big_written_pack_round_trips_and_one_edit_stays_local() -> None:
    questions = [
        {"id": f"q{i}", "type": "multiple_choice", "prompt": f"Question {i}: which one?",
         "choices": [f"a{i}", f"b{i}", f"c{i}"], "answer": f"b{i}", "category": f"c{i % 7}"}
        for i in range(2000)
    ]  # fmt: skip
    text = dump_pack({"id": "big", "title": "Big", "questions": questions})
    doc = PackDocument(text)
    assert len(doc) == 2000 and doc.text() == text
    doc.replace_question(1500, {**doc.question(1500), "answer": "c1500"})
    before, after = text.splitlines(), doc.text().splitlines()
    assert [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b] == [
        before.index("  answer: b1500")
    ]


def test_questions_given_twice_is_an_edit_error_not_a_crash() -> None:
    text = COMMENTED + "questions:\n  - {id: extra, type: true_false, prompt: P?, answer: true}\n"
    with pytest.raises(EditError):
        PackDocument(text, "twice.yaml")


def test_the_file_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The data and where each question starts come from one pass over the file's events (a
    100,000-question pack takes seconds a pass)."""
    parsers: list[object] = []
    real = getattr(yaml_reader, "Parser")  # noqa: B009 (not exported: libyaml's or PyYAML's)

    def counted(source: object) -> object:
        parsers.append(source)
        return real(source)

    monkeypatch.setattr(yaml_reader, "Parser", counted)
    doc = PackDocument(COMMENTED)
    assert len(parsers) == 1
    assert [item.data["id"] for item in doc.items] == ["director", "year", *doc.ids()[2:]]
    assert doc.text() == COMMENTED
