"""Learn mode in the game: the due and new cards per pack that Home shows."""

from __future__ import annotations

from collections.abc import Iterable

from quizgame.core.learn import cards
from quizgame.core.packs.model import Pack
from quizgame.core.scores.database import StoreError
from quizgame.core.scores.store import ScoreStore


def count_learning(
    store: ScoreStore | None, packs: Iterable[Pack], new_per_day: int | None = None
) -> dict[str, tuple[int, int, int]]:
    """Per pack id: cards due today, new questions today's session may bring (`new_per_day`
    a day, the default without one), cards studied. Empty if the history cannot be read (Home then shows no counts; nothing else depends on
    them). Without a store (no history yet) nothing is due and everything is new."""
    new_per_day = new_per_day or cards.DEFAULT_NEW_PER_DAY
    if store is None:
        return {p.id: (0, min(new_per_day, len(cards.eligible(p))), 0) for p in packs}
    out = {}
    try:
        now = store.now()
        for pack in packs:
            today = store.read(cards.deal, pack, now, new_per_day=new_per_day)
            out[pack.id] = (len(today.due), len(today.new), today.studied)
    except StoreError:
        return {}
    return out
