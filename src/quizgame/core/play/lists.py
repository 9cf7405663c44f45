"""A list question ("name the five leading actresses") answer by answer.

The player types one answer at a time, in any order. Each is judged against every item of the
list with the typed-answer checker (`judging.check_typed`: case, accents, punctuation, articles,
typos, the item's `accept` forms), so whatever that checker forgives, a list forgives too. An
answer finds the item it matches best (written exactly, then equal once folded, then within the
typo allowance); one matching two unfound items equally well finds neither (type more of it).
A repeated or wrong answer costs nothing. The answer the session judges is the sequence of texts
typed, and its credit is the share of items they found.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from quizgame.core.packs.model import ListItem, Question
from quizgame.core.play.judging import WRONG, Verdict, check_typed, normalize

# How closely an answer matches an item, closest first.
_EXACT, _FOLDED, _TYPO = 0, 1, 2


class Outcome(StrEnum):
    """What one typed answer did."""

    FOUND = "found"  # it fills the blank of `Attempt.index`
    REPEATED = "repeated"  # that item was found already
    AMBIGUOUS = "ambiguous"  # it matches two or more unfound items equally well
    WRONG = "wrong"  # it matches no item
    EMPTY = "empty"  # nothing was typed


@dataclass(frozen=True, slots=True)
class Attempt:
    """The outcome of one typed answer against a list: `index` is the item found or repeated
    (None otherwise), `verdict` says why a found answer was accepted (its `reason`), and
    `candidates` are the items an ambiguous answer matches."""

    outcome: Outcome
    index: int | None = None
    verdict: Verdict = WRONG
    candidates: tuple[int, ...] = ()

    @property
    def found(self) -> bool:
        return self.outcome is Outcome.FOUND


def _closeness(given: str, item: ListItem) -> tuple[int, Verdict] | None:
    """How closely `given` matches `item` (None: not at all), and the checker's verdict."""
    verdict = check_typed(given, item.answer, item.accept)
    if not verdict.correct:
        return None
    clean = " ".join(given.split())
    forms = [" ".join(form.split()) for form in item.forms]
    if clean in forms:
        return _EXACT, verdict
    folded = normalize(clean)
    if any(folded == normalize(form) for form in forms):
        return _FOLDED, verdict
    compact = folded.replace(" ", "")
    if any(compact == normalize(form).replace(" ", "") for form in forms):
        return _FOLDED, verdict
    return _TYPO, verdict


def find_item(items: Sequence[ListItem], given: str, found: Collection[int] = ()) -> Attempt:
    """Which of `items` the typed answer `given` finds, `found` being the indexes found already.

    The closest matches win; of several equally close, an unfound one is found, and two or more
    unfound ones make the answer ambiguous (it finds nothing).
    """
    if not given.strip():
        return Attempt(Outcome.EMPTY)
    matches: dict[int, tuple[int, Verdict]] = {}
    for index, item in enumerate(items):
        match = _closeness(given, item)
        if match is not None:
            matches[index] = match
    if not matches:
        return Attempt(Outcome.WRONG)
    best = min(closeness for closeness, _verdict in matches.values())
    closest = [index for index, (closeness, _v) in matches.items() if closeness == best]
    unfound = [index for index in closest if index not in found]
    if not unfound:
        return Attempt(Outcome.REPEATED, closest[0])
    if len(unfound) > 1:
        return Attempt(Outcome.AMBIGUOUS, candidates=tuple(unfound))
    return Attempt(Outcome.FOUND, unfound[0], matches[unfound[0]][1])


def answers_given(given: Any) -> tuple[str, ...]:
    """A list answer as the texts typed: one text is one answer; None (no answer) is none."""
    if given is None:
        return ()
    if isinstance(given, str):
        return (given,)
    if isinstance(given, list | tuple):
        return tuple(str(text) for text in given)
    return (str(given),)


def found_items(items: Sequence[ListItem], given: Any) -> dict[int, str]:
    """Each item the answers `given` found (its index), with the text that found it, in the
    order they were typed."""
    found: dict[int, str] = {}
    for text in answers_given(given):
        attempt = find_item(items, text, found)
        if attempt.found and attempt.index is not None:
            found[attempt.index] = text
    return found


def check_list(given: Any, items: Sequence[ListItem]) -> Verdict:
    """Credit per item found by the answers `given` (a text, or the texts typed in order)."""
    total = len(items)
    right = len(found_items(items, given))
    return Verdict(right / total if total else 0.0, None, right, total)


@dataclass(frozen=True, slots=True)
class ItemResult:
    """One item of a list after the question: the text that found it, or None if missed."""

    item: ListItem
    given: str | None

    @property
    def found(self) -> bool:
        return self.given is not None


def list_results(question: Question, given: Any) -> tuple[ItemResult, ...]:
    """Every item of `question`'s list, found (with what found it) or missed, in list order."""
    found = found_items(question.answers, given)
    return tuple(ItemResult(item, found.get(i)) for i, item in enumerate(question.answers))


def describe_list(given: Any) -> str:
    """The answers that found items, in words, as the player typed them."""
    texts = answers_given(given)
    return ", ".join(texts) if texts else "(none found)"


def item_text(item: ListItem) -> str:
    """An item written out for a player: `Penélope Cruz (Janis)`."""
    return f"{item.answer} ({item.show})" if item.show else item.answer


def list_answer_text(question: Question) -> str:
    """Every item of a list question, in list order, for the right answer."""
    return "; ".join(item_text(item) for item in question.answers)
