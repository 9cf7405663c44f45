"""Finding a question in the editor: by number or words, row by row and through the index, which
edits keep in step block by block."""

from __future__ import annotations

import random

import pytest

from quizgame.core.packs import find
from quizgame.core.packs.find import FindIndex, find_question, row_text

Row = tuple[str, str, str]
QUERIES = ("3", "#12", "13", "RIVER", "nile", "ART-", "peru?", "amazon", " ", "in km", "0")


def summary_of(rows: list[Row]) -> find.Summary:
    def summary(index: int) -> Row:
        return rows[index]

    return summary


def test_find_question_by_number_or_words() -> None:
    rows = [("Capital of Peru?", "typed", "peru"), ("Longest river?", "numeric", "nile")] * 3
    summary = summary_of(rows)
    assert find_question("3", len(rows), summary, None) == 2
    assert find_question("#6", len(rows), summary, 0) == 5
    assert find_question("7", len(rows), summary, None) is None
    assert find_question("RIVER", len(rows), summary, None) == 1
    assert find_question("river", len(rows), summary, 1) == 3  # the next one
    assert find_question("nile", len(rows), summary, 5) == 1  # round to the start
    assert find_question("amazon", len(rows), summary, 0) is None
    assert find_question("  ", len(rows), summary, 0) is None


def agrees(index: FindIndex, rows: list[Row]) -> None:
    assert index.count == len(rows)
    summary = summary_of(rows)
    for query in QUERIES:
        for after in (None, *range(len(rows))):
            expected = find_question(query, len(rows), summary, after)
            assert index.find(query, after) == expected, (query, after)


@pytest.mark.parametrize("block", [1, 2, 5, 1024])
def test_the_find_index_finds_what_the_loop_finds(
    monkeypatch: pytest.MonkeyPatch, block: int
) -> None:
    monkeypatch.setattr(find, "BLOCK", block)
    rows = [
        ("Capital of Peru?", "typed", "peru"),
        ("Longest river?\nIn km", "numeric", "nile"),
        ("Who painted Guernica?", "typed", "art-1"),
    ] * 4
    agrees(FindIndex.of(len(rows), summary_of(rows)), rows)
    agrees(FindIndex(), [])


@pytest.mark.parametrize("block", [2, 3, 64])
def test_edits_keep_the_index_in_step(monkeypatch: pytest.MonkeyPatch, block: int) -> None:
    """Random replaces, inserts (one, or many at once as an import adds them), deletes and
    moves, each made to a list of rows and to the index: the index finds what the loop over the
    list finds, after every one."""
    monkeypatch.setattr(find, "BLOCK", block)
    words = ["Peru", "river", "nile", "art-1", "in km", "Guernica"]
    maker = random.Random(13)

    def new_row() -> Row:
        return (f"{maker.choice(words)} {maker.choice(words)}?", "typed", maker.choice(words))

    rows = [new_row() for _ in range(7)]
    index = FindIndex.of(len(rows), summary_of(rows))
    for _ in range(60):
        kind = maker.choice(["replace", "insert", "insert_many", "delete", "move"])
        if kind == "replace" and rows:
            at = maker.randrange(len(rows))
            rows[at] = new_row()
            index.replace(at, row_text(rows[at][0], rows[at][2]))
        elif kind.startswith("insert"):
            at = maker.randrange(len(rows) + 1)
            added = [new_row() for _ in range(1 if kind == "insert" else min(2 * block + 3, 9))]
            rows[at:at] = added
            index.insert(at, [row_text(prompt, qid) for prompt, _type, qid in added])
        elif kind == "delete" and rows:
            at = maker.randrange(len(rows))
            del rows[at]
            index.delete(at)
        elif kind == "move" and len(rows) > 1:
            at = maker.randrange(len(rows))
            to = max(0, min(at + maker.choice([-1, 1]), len(rows) - 1))
            rows.insert(to, rows.pop(at))
            index.move(at, to)
        agrees(index, rows)


def test_a_search_stops_when_told(monkeypatch: pytest.MonkeyPatch) -> None:
    """A search in a worker asks `stop` between blocks: one no longer wanted ends early."""
    monkeypatch.setattr(find, "BLOCK", 2)
    index = FindIndex(row_text(f"question {n}", f"q{n}") for n in range(10))
    asked: list[int] = []

    def stop() -> bool:
        asked.append(1)
        return len(asked) > 1

    assert index.find("question 9", None) == 9
    assert index.find("question 9", None, stop=stop) is None  # stopped before its block
    assert index.find("question 1", None, stop=lambda: True) == 1  # in the first block
