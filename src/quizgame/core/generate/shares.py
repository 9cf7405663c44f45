"""Pack-wide rules the generator applies once every question is made: a cap on the share of
true/false and of year questions (filler a quiz editor cuts first).

A question over a cap is dropped, with its reason, in a stable order: first those whose fact
another kept question asks too, then by a hash of the id (never the seed), so editing one fact
never drops another's question.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence

from quizgame.core.generate.draft import Draft, stable_hash
from quizgame.core.generate.make import TYPES
from quizgame.core.generate.quality import Dropped
from quizgame.core.packs.model import QuestionType

MAX_TRUE_FALSE = 0.15
MAX_YEARS = 0.08


def _is_year(text: str) -> bool:
    return text.isdigit() and 1000 <= int(text) <= 2999


def asks_year(draft: Draft) -> bool:
    """Whether a question's answer is a year: a bare year asked as a number, choices that are
    all years, or a matching onto years (the same test as `mix.asks_year`, on a draft)."""
    if draft.type is QuestionType.NUMERIC:
        answer = draft.answer
        return (
            isinstance(answer, float)
            and answer.is_integer()
            and not draft.unit
            and _is_year(str(int(answer)))
        )
    if draft.type is QuestionType.MULTIPLE_CHOICE:
        return bool(draft.choices) and all(_is_year(c) for c in draft.choices)
    if draft.type is QuestionType.MATCHING:
        return bool(draft.pairs) and all(_is_year(b) for _a, b in draft.pairs)
    return False


def _is_statement(draft: Draft) -> bool:
    return TYPES[draft.type].statement


CAPS: tuple[tuple[str, Callable[[Draft], bool], float], ...] = (
    ("true/false", _is_statement, MAX_TRUE_FALSE),
    ("year", asks_year, MAX_YEARS),
)


def cap_shares(drafts: Sequence[Draft]) -> tuple[list[Draft], list[Dropped]]:
    """`drafts` with questions over each of `CAPS` dropped, and those dropped with the reason."""
    kept = list(drafts)
    dropped: list[Dropped] = []
    while True:  # dropping for one cap shrinks the pack, which may put another over its own
        before = len(kept)
        kept, more = _cap_each(kept)
        dropped += more
        if len(kept) == before:
            return kept, dropped


def _cap_each(drafts: Sequence[Draft]) -> tuple[list[Draft], list[Dropped]]:
    kept = list(drafts)
    dropped: list[Dropped] = []
    for name, matches, share in CAPS:
        over = [d for d in kept if matches(d)]
        # Dropping one question makes the pack smaller, so the allowance is solved for:
        # n <= share * (total - dropped)  =>  keep = floor(share * (total - over + keep)).
        others = len(kept) - len(over)
        keep = int(share * others / (1 - share))
        if len(over) <= keep:
            continue
        asked_elsewhere = Counter(d.facts[0] for d in kept if d.facts and not matches(d))
        order = sorted(
            over,
            key=lambda d: (
                not (d.facts and asked_elsewhere[d.facts[0]]),  # asked another way: first out
                stable_hash(d.id, "cap"),
            ),
        )
        out = {d.id for d in order[: len(over) - keep]}
        percent = f"{share:.0%}"
        dropped += [Dropped(i, f"{name} questions are held to {percent} of the pack") for i in out]
        kept = [d for d in kept if d.id not in out]
    return kept, dropped
