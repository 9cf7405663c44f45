"""What the generator can know of a question type (`TypeRules`): how hard it is, what makes a
draft of it malformed, its own quality rules, and how two of them are compared; and those rules.

Each type's entry is in `make.TYPES`; the quality rules (`quality`) apply them without asking
which type a draft is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from quizgame.core.generate.draft import Draft, names, normalize
from quizgame.core.packs.model import format_number

MAX_CHOICES = 6
# A prompt with one of these words asks for a year: no tolerance may be given.
YEAR_WORDS = ("year", "years")


def _answer_value(draft: Draft) -> str:
    if isinstance(draft.answer, float):
        return format_number(draft.answer)
    return str(draft.answer)


def choices_shape(draft: Draft) -> list[str]:
    """What makes a multiple choice malformed: 3 to MAX_CHOICES distinct choices holding the
    answer, and no wrong choice that is also right."""
    normalized = [normalize(c) for c in draft.choices]
    out = []
    if not 3 <= len(draft.choices) <= MAX_CHOICES:
        out.append(f"it has {len(draft.choices)} choices (3 to {MAX_CHOICES} wanted)")
    if len(set(normalized)) != len(normalized):
        out.append("two choices are the same")
    if draft.answer not in draft.choices:
        out.append("the answer is not among the choices")
    right = normalize(str(draft.answer))
    for choice, norm in zip(draft.choices, normalized, strict=True):
        if norm != right and norm in draft.also_correct:
            out.append(f"the wrong choice '{choice}' is also right")
    return out


def items_shape(draft: Draft) -> list[str]:
    """An ordering needs 3+ distinct items."""
    items = [normalize(i) for i in draft.items]
    return [] if len(items) >= 3 and len(set(items)) == len(items) else ["needs 3+ distinct items"]


def pairs_shape(draft: Draft) -> list[str]:
    """A matching needs 3+ pairs, each side distinct."""
    lefts = [normalize(a) for a, _b in draft.pairs]
    rights = [normalize(b) for _a, b in draft.pairs]
    if len(lefts) < 3 or len(set(lefts)) != len(lefts) or len(set(rights)) != len(rights):
        return ["needs 3+ pairs, each side distinct"]
    return []


def list_shape(draft: Draft) -> list[str]:
    """A list needs 3+ items, and no text that finds two of them."""
    owners: dict[str, int] = {}
    for index, item in enumerate(draft.answers):
        for form in item.forms:
            if owners.setdefault(normalize(form).replace(" ", ""), index) != index:
                return [f"two items accept '{form}'"]
    return [] if len(draft.answers) >= 3 else ["needs 3+ items"]


def list_named(draft: Draft) -> list[str]:
    """No item that the prompt itself names (it would fill its own blank)."""
    return [
        f"the prompt gives away the item '{item.answer}'"
        for item in draft.answers
        if any(names(draft.prompt, form) for form in item.forms)
    ]


def _no_checks(draft: Draft) -> list[str]:
    """A type with no quality rules of its own."""
    return []


def choices_named(draft: Draft) -> list[str]:
    """No wrong choice that the prompt itself names."""
    right = normalize(str(draft.answer))
    return [
        f"the wrong choice '{choice}' is named in the prompt"
        for choice in draft.choices
        if normalize(choice) != right and names(draft.prompt, choice)
    ]


def tolerance_rule(draft: Draft) -> list[str]:
    """A numeric tolerance must not accept a number that is plainly another answer."""
    answer, tolerance = draft.answer, draft.tolerance or 0.0
    if not isinstance(answer, float) or not tolerance:
        return []
    if answer == int(answer) and 1000 <= answer <= 2999 and not draft.unit:
        asked = set(normalize(draft.prompt).split())
        if asked & set(YEAR_WORDS):
            return [f"a year is asked with a tolerance of {format_number(tolerance)}"]
    if draft.unit == "%" and (
        answer < 100 <= answer + tolerance + 1e-9 or answer > 0 >= answer - tolerance - 1e-9
    ):
        return [f"its tolerance makes {format_number(answer)}% and 100% (or 0%) both right"]
    return []


def same_time(draft: Draft) -> list[str]:
    """No two items of an ordering that happen at the same time."""
    if len(set(draft.positions)) != len(draft.positions):
        return ["two of its items happen at the same time"]
    return []


@dataclass(frozen=True, slots=True)
class TypeRules:
    """What the generator knows of a question type.

    `step`: how much harder than recognising it is (recall is, true/false is easier);
    `shape`: what makes a draft of it malformed, in words (the quality rules drop it);
    `answer_text`: its right answer as text, for comparing questions; `gives_away`: its answer
    must not be named in its prompt or the pack's title; `checks`: its own quality rules;
    `by_parts`: two of them with the same parts are the same question, however worded;
    `statement`: a statement judged true or false (two this alike differ in a detail that gives
    one away).
    """

    step: int
    shape: Callable[[Draft], list[str]]
    answer_text: Callable[[Draft], str] = _answer_value
    gives_away: bool = False
    checks: Callable[[Draft], list[str]] = _no_checks
    by_parts: bool = False
    statement: bool = False
