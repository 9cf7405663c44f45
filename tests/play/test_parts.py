"""Ordering and matching answers part by part, as the feedback lists them."""

from __future__ import annotations

from quizgame.core.play.parts import Part, matching_parts, ordering_parts


def test_ordering_parts_place_by_place() -> None:
    parts = ordering_parts(["b", "a", "c"], ("a", "b", "c"))
    assert parts == (Part(None, "b", "a"), Part(None, "a", "b"), Part(None, "c", "c"))
    assert [p.correct for p in parts] == [False, False, True]


def test_matching_parts_pair_by_pair_with_missing_pairs() -> None:
    parts = matching_parts({"x": "1", "y": "3"}, (("x", "1"), ("y", "2"), ("z", "3")))
    assert parts == (Part("x", "1", "1"), Part("y", "3", "2"), Part("z", None, "3"))
    assert [p.correct for p in parts] == [True, False, False]


def test_no_parts_without_an_answer() -> None:
    assert ordering_parts(None, ("a", "b")) is None
    assert matching_parts(None, (("x", "1"),)) is None
