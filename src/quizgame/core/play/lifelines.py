"""The lifelines: which apply to a round in a mode, and what 50:50 and Hint do to it.

`session.Session` keeps which were used and applies them; this module holds the rules.
"""

from __future__ import annotations

import random
from collections.abc import Collection

from quizgame.core.packs.model import Question, QuestionType
from quizgame.core.play.dealing import Round
from quizgame.core.play.judging import hint_letter
from quizgame.core.play.modes import Lifeline, Mode


def applicable(round_: Round, mode: Mode, used: Collection[Lifeline]) -> list[Lifeline]:
    """Lifelines not in `used` that apply to `round_` in `mode`."""
    out = []
    for lifeline in Lifeline:
        if lifeline in used:
            continue
        if lifeline is Lifeline.FIFTY_FIFTY and (
            round_.question.type is not QuestionType.MULTIPLE_CHOICE or len(round_.choices) < 3
        ):
            continue
        if lifeline is Lifeline.HINT and (
            mode not in (Mode.CLASSIC, Mode.LEARN)  # the untimed modes
            or round_.question.type is not QuestionType.TYPED
        ):
            continue
        out.append(lifeline)
    return out


def fifty_fifty(round_: Round, rng: random.Random) -> frozenset[str]:
    """The choices 50:50 hides: half the wrong ones, rounded up (of four choices two remain,
    as the name says)."""
    wrong = [c for c in round_.choices if c != round_.question.answer]
    return frozenset(rng.sample(wrong, (len(wrong) + 1) // 2))


def hint_text(question: Question) -> str:
    """What Hint shows: the answer's first letter, then the question's own hint if it has one."""
    first = hint_letter(str(question.answer))
    return f"It starts with “{first}”." + (f" {question.hint}" if question.hint else "")
