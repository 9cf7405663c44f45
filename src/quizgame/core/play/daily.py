"""The daily quiz: ten questions chosen from the date and the pack's content hash, so every
player of the same pack gets the same quiz that day; the share line; the day streak.

Spoiler-safe (no question that gives away any of a story), classic and untimed. The first try
of a day counts (the score history keeps it as kind 'daily'); a second is practice.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Iterable, Sequence
from datetime import date, timedelta

from quizgame.core.packs.content import content_hash
from quizgame.core.packs.model import Pack, Spoiler
from quizgame.core.play.dealing import SessionOptions, select_questions
from quizgame.core.play.modes import Mode

DAILY_COUNT = 10
EPOCH = date(2026, 1, 1)  # day 1 of the daily quiz, for the share line's day number

RIGHT, PARTLY, WRONG, UNANSWERED = "🟩", "🟨", "🟥", "⬜"


def daily_seed(pack: Pack, day: date) -> int:
    """The seed of `pack`'s quiz on `day`: the same for everyone with the same pack."""
    text = f"{content_hash(pack)}:{day.isoformat()}"
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big") >> 33


def daily_options(pack: Pack, day: date) -> SessionOptions:
    """The options of `pack`'s daily quiz on `day` (`daily` names the day for the history).

    The ten questions are chosen here and named in `question_ids`, so that nothing a session
    does with the player's own history (which questions are fresh to them) can change them.
    """
    seed = daily_seed(pack, day)
    chosen = select_questions(
        pack, SessionOptions(count=DAILY_COUNT, spoiler=Spoiler.NONE), random.Random(seed)
    )
    return SessionOptions(
        count=None,
        spoiler=Spoiler.NONE,
        seed=seed,
        mode=Mode.CLASSIC,
        question_ids=tuple(q.id for q in chosen),
        daily=day.isoformat(),
    )


def day_number(day: date) -> int:
    """The daily quiz's number of `day` (1 on `EPOCH`)."""
    return (day - EPOCH).days + 1


def squares(verdicts: Iterable[str]) -> str:
    """One square per question, from the stored verdict words (`store.verdict_word`): right,
    partly right, and wrong for the rest (wrong, timed out, skipped)."""
    marks = {"correct": RIGHT, "partial": PARTLY}
    return "".join(marks.get(verdict, WRONG) for verdict in verdicts)


def share_line(
    pack_title: str, day: date, verdicts: Sequence[str], streak: int = 0, total: int | None = None
) -> str:
    """The line to paste for friends: day number, pack, date, score out of the `total`
    questions the day's quiz asks (default: those answered), squares, streak. A try left
    before its end shows its unanswered questions as white squares and says "unfinished"."""
    right = sum(1 for v in verdicts if v == "correct")
    total = max(total or 0, len(verdicts))
    missing = total - len(verdicts)
    line = (
        f"quizgame daily #{day_number(day)} · {pack_title} · {day.isoformat()} · "
        f"{right}/{total} {squares(verdicts)}{UNANSWERED * missing}"
    )
    if missing:
        line += " · unfinished"
    if streak > 1:
        line += f" · {streak} days in a row"
    return line


def streak(days: Iterable[date], today: date) -> int:
    """Days played in a row, ending today (or yesterday, when today is not played yet)."""
    played = set(days)
    day = today if today in played else today - timedelta(days=1)
    count = 0
    while day in played:
        count += 1
        day -= timedelta(days=1)
    return count
