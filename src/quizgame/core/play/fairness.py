"""How fairly a pack is dealt, measured: over many seeded sessions, how often each eligible
question comes up against its fair share (`bench/pack_mix.py` prints it; a test holds it)."""

from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass

from quizgame.core.packs.model import Pack
from quizgame.core.play.dealing import SessionOptions, eligible_questions, select_questions


@dataclass(frozen=True, slots=True)
class DealingShare:
    """`sessions` seeded deals of `count` questions from `eligible` questions: `fair` is the
    share of sessions each question would be in if all were alike (count / eligible), `worst`
    the highest share any question had (and `worst_id` which), `ratio` worst / fair."""

    sessions: int
    count: int
    eligible: int
    fair: float
    worst: float
    worst_id: str
    categories_per_session: float  # mean number of categories in a session
    types_per_session: float

    @property
    def ratio(self) -> float:
        return self.worst / self.fair if self.fair else 0.0


def dealing_share(pack: Pack, options: SessionOptions, sessions: int = 1000) -> DealingShare:
    """Deal `sessions` sessions with seeds 0, 1, ... and count how often each question comes."""
    eligible = len(eligible_questions(pack, options))
    seen: Counter[str] = Counter()
    categories = types = 0
    for seed in range(sessions):
        dealt = select_questions(pack, options, random.Random(seed))
        seen.update(q.id for q in dealt)
        categories += len({q.category for q in dealt})
        types += len({q.type for q in dealt})
    count = min(options.count or eligible, eligible)
    worst_id, worst = seen.most_common(1)[0] if seen else ("", 0)
    return DealingShare(
        sessions=sessions,
        count=count,
        eligible=eligible,
        fair=count / eligible if eligible else 0.0,
        worst=worst / sessions,
        worst_id=worst_id,
        categories_per_session=categories / sessions,
        types_per_session=types / sessions,
    )
