"""A quiz master's sheet: the questions a session with given settings would deal, in the order
and with the choices it would show, then the answer key (`quizgame sheet`).

The sheet is dealt by `Session` itself, so the same seed and settings give the same questions
as `quizgame play --seed`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from quizgame.core.packs.model import Pack
from quizgame.core.play.dealing import Round, SessionOptions
from quizgame.core.play.session import Session


@dataclass(frozen=True, slots=True)
class SheetRow:
    """One numbered question as dealt: what the players see (`shown`: its choices, items to
    order, or the left and right sides to match) and the key (answer, explanation)."""

    number: int
    id: str
    type: str
    prompt: str
    shown: tuple[str, ...]
    match_with: tuple[str, ...]
    answer: str
    explanation: str
    points: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "number": self.number,
            "id": self.id,
            "type": self.type,
            "prompt": self.prompt,
            "shown": list(self.shown),
            "match_with": list(self.match_with),
            "answer": self.answer,
            "explanation": self.explanation,
            "points": self.points,
        }


@dataclass(frozen=True, slots=True)
class Sheet:
    """The questions of one deal of `pack_id`, with the seed that deals them again."""

    pack_id: str
    title: str
    seed: int
    rows: tuple[SheetRow, ...]


def _row(round_: Round) -> SheetRow:
    question = round_.question
    return SheetRow(
        number=round_.number,
        id=question.id,
        type=question.type.value,
        prompt=question.prompt,
        shown=round_.choices or round_.items or round_.lefts,
        match_with=round_.rights,
        answer=question.answer_text(),
        explanation=question.explanation or "",
        points=question.points,
    )


def deal_sheet(pack: Pack, options: SessionOptions) -> Sheet:
    """The sheet for one session of `pack` with `options` (a fresh seed when none is given,
    kept in `Sheet.seed`). Raises `SessionError` when no question matches."""
    session = Session(pack, options, clock=lambda: 0.0)
    return Sheet(pack.id, pack.title, session.seed, tuple(_row(r) for r in session.rounds))
