"""A list round ("name them all") in a party game: what a player may send, and what they see.

The server stays authoritative: the question frame carries each item's clue (its `blanks`),
never its answer, and the player sends one answer for the round, the texts they typed in order.
The room judges those texts with `play.lists` (`check_list`, through `check_answer`): each text
is tried with `find_item` against the items found so far, so a repeated text counts once, as in
solo play; the credit is the share of items found.
"""

from __future__ import annotations

from typing import Any

from quizgame.core.packs.model import QuestionType
from quizgame.core.play.dealing import Round

MAX_TEXT = 200  # characters of one typed text in a list answer
EXTRA_TEXTS = 10  # texts a list answer may hold beyond four per item


def max_texts(round_: Round) -> int:
    """How many texts a player may send for a list round: four per item, and ten more."""
    return 4 * len(round_.question.answers) + EXTRA_TEXTS


def blanks(round_: Round) -> list[str]:
    """A list round's blanks as a player sees them: each item's clue, or "" (never its answer);
    no blanks for a round of another type."""
    if round_.question.type is not QuestionType.LIST:
        return []
    return [item.show or "" for item in round_.question.answers]


def list_problem(round_: Round, given: Any) -> str | None:
    """Why `given` cannot be an answer to a list round, or None: it should be a list of texts,
    at most `max_texts` of them, each at most `MAX_TEXT` characters."""
    if not isinstance(given, list) or not all(isinstance(text, str) for text in given):
        return "the answer should be the list of texts typed"
    limit = max_texts(round_)
    if len(given) > limit:
        return f"the answer should hold at most {limit} texts"
    if any(len(text) > MAX_TEXT for text in given):
        return f"each text should be at most {MAX_TEXT} characters"
    return None
