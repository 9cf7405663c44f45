"""Cards and reviews in the score database: what is due, what is new, and each review.

Plain functions of a connection, like `scores/queries.py`: read them with `ScoreStore.read`,
write with `ScoreStore.write`. A card is keyed by pack id and question id, so a pack that
changes keeps the cards of the questions that stayed; a removed question's card is kept but
never dealt (every query starts from the questions the pack has now).

Times are aware datetimes; `tz` is the player's time zone (None: the machine's), which decides
where a day ends: a card due before the end of today is due today.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta, tzinfo

from fsrs import Card, Rating, State

from quizgame.core.learn.schedule import day_end, local_day, retention, review
from quizgame.core.packs.model import Pack, Question
from quizgame.core.play.dealing import SessionOptions, eligible_questions

DEFAULT_NEW_PER_DAY = 10  # new cards a learn session may bring in a day
LEARNED_DAYS = 21.0  # a card whose FSRS stability reached this many days counts as learned


def stamp(moment: datetime) -> str:
    """How learn mode stores a time: ISO 8601 in UTC, to the millisecond (sorts as text)."""
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def eligible(pack: Pack, options: SessionOptions | None = None) -> list[Question]:
    """The pack's questions a learn session may deal under the player's settings (spoilers,
    categories, difficulty), in the pack's order: as any session's, whatever ids it names."""
    return eligible_questions(pack, replace(options or SessionOptions(), question_ids=()))


def due_ids(conn: sqlite3.Connection, pack_id: str, before: datetime) -> list[str]:
    """Question ids of the pack's cards due before `before`, oldest due first (the learn
    mode's hot query: an index range, see bench/bench_learn.py)."""
    rows = conn.execute(
        "SELECT question_id FROM cards WHERE pack_id = ? AND due < ? ORDER BY due, question_id",
        (pack_id, stamp(before)),
    )
    return [qid for (qid,) in rows]


def card_ids(conn: sqlite3.Connection, pack_id: str) -> set[str]:
    """Question ids that have a card in the pack (seen at least once)."""
    return {
        qid
        for (qid,) in conn.execute("SELECT question_id FROM cards WHERE pack_id = ?", (pack_id,))
    }


def new_today(
    conn: sqlite3.Connection, pack_id: str, now: datetime, tz: tzinfo | None = None
) -> int:
    """How many of the pack's cards were new today (their first review was today)."""
    day = local_day(now, tz).isoformat()
    row = conn.execute(
        "SELECT count(*) FROM cards WHERE pack_id = ? AND first_day = ?", (pack_id, day)
    ).fetchone()
    return int(row[0])


@dataclass(frozen=True, slots=True)
class Deal:
    """What a learn session deals now: due cards, oldest first, then new ones."""

    due: tuple[str, ...]
    new: tuple[str, ...]
    studied: int = 0  # the pack's questions (under the settings) that have a card

    @property
    def question_ids(self) -> tuple[str, ...]:
        return self.due + self.new


def deal(
    conn: sqlite3.Connection,
    pack: Pack,
    now: datetime,
    *,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
    options: SessionOptions | None = None,
    tz: tzinfo | None = None,
) -> Deal:
    """The questions due today (before the end of the player's day), oldest due first, then up
    to `new_per_day` new ones less those already begun today, in the pack's order."""
    questions = eligible(pack, options)
    wanted = {q.id for q in questions}
    due = tuple(qid for qid in due_ids(conn, pack.id, day_end(now, tz)) if qid in wanted)
    seen = card_ids(conn, pack.id)
    allowance = max(0, new_per_day - new_today(conn, pack.id, now, tz))
    unseen = tuple(q.id for q in questions if q.id not in seen)
    return Deal(due, unseen[:allowance], len(questions) - len(unseen))


def load_card(conn: sqlite3.Connection, pack_id: str, question_id: str) -> Card | None:
    """The FSRS card of a question, or None if it has never been reviewed."""
    row = conn.execute(
        "SELECT state, step, stability, difficulty, due, last_review FROM cards "
        "WHERE pack_id = ? AND question_id = ?",
        (pack_id, question_id),
    ).fetchone()
    return None if row is None else _card(row)


def _card(row: Sequence[object]) -> Card:
    state, step, stability, difficulty, due, last_review = row
    return Card(
        card_id=0,
        state=State(int(str(state))),
        step=None if step is None else int(str(step)),
        stability=None if stability is None else float(str(stability)),
        difficulty=None if difficulty is None else float(str(difficulty)),
        due=datetime.fromisoformat(str(due)),
        last_review=None if last_review is None else datetime.fromisoformat(str(last_review)),
    )


def record_review(
    conn: sqlite3.Connection,
    pack_id: str,
    question_id: str,
    rating: Rating,
    now: datetime,
    *,
    verdict: str,
    time_taken: float,
    session_id: int | None = None,
    tz: tzinfo | None = None,
) -> Card:
    """Review the question's card at `now` with `rating`: update (or make) its card and add
    the review. Run it in one transaction (`ScoreStore.write`). Returns the card after."""
    card = review(load_card(conn, pack_id, question_id), rating, now)
    lapse = int(rating is Rating.Again)
    conn.execute(
        """
        INSERT INTO cards (pack_id, question_id, state, step, stability, difficulty, due,
                           last_review, first_day, reviews, lapses)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
        ON CONFLICT (pack_id, question_id) DO UPDATE SET
            state = excluded.state, step = excluded.step, stability = excluded.stability,
            difficulty = excluded.difficulty, due = excluded.due,
            last_review = excluded.last_review, reviews = reviews + 1,
            lapses = lapses + excluded.lapses
        """,
        (
            pack_id,
            question_id,
            card.state.value,
            card.step,
            card.stability,
            card.difficulty,
            stamp(card.due),
            stamp(now),
            local_day(now, tz).isoformat(),
            lapse,
        ),
    )
    conn.execute(
        """
        INSERT INTO reviews (session_id, pack_id, question_id, rating, verdict, time_taken,
                             reviewed_at, due)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
        """,
        (
            session_id,
            pack_id,
            question_id,
            rating.value,
            verdict,
            time_taken,
            stamp(now),
            stamp(card.due),
        ),
    )
    return card


@dataclass(frozen=True, slots=True)
class LearnStatus:
    """Where the player stands with a pack (`quizgame learn-status`)."""

    pack_id: str
    due: int  # cards due today
    new: int  # questions never reviewed that today's session may still bring in
    unseen: int  # questions never reviewed, all told
    learned: int  # cards whose stability reached LEARNED_DAYS (recall stays above 90% that long)
    cards: int  # questions of the pack with a card
    retention: float | None  # the mean recall FSRS predicts now, 0..1; None without cards


def status(
    conn: sqlite3.Connection,
    pack: Pack,
    now: datetime,
    *,
    new_per_day: int = DEFAULT_NEW_PER_DAY,
    tz: tzinfo | None = None,
) -> LearnStatus:
    """Due, new, learned and predicted retention for the pack's current questions."""
    ids = {q.id for q in pack.questions}
    rows = conn.execute(
        "SELECT question_id, state, step, stability, difficulty, due, last_review FROM cards "
        "WHERE pack_id = ?",
        (pack.id,),
    ).fetchall()
    cards = [_card(row[1:]) for row in rows if row[0] in ids]
    today = deal(conn, pack, now, new_per_day=new_per_day, tz=tz)
    recall = [retention(card, now) for card in cards]
    return LearnStatus(
        pack_id=pack.id,
        due=len(today.due),
        new=len(today.new),
        unseen=len(ids) - len(cards),
        learned=sum(1 for card in cards if (card.stability or 0.0) >= LEARNED_DAYS),
        cards=len(cards),
        retention=sum(recall) / len(recall) if recall else None,
    )


def forecast(
    conn: sqlite3.Connection,
    pack: Pack,
    now: datetime,
    days: int = 30,
    tz: tzinfo | None = None,
) -> list[int]:
    """Reviews due on each of the next `days` days, today first (today counts the overdue)."""
    ids = {q.id for q in pack.questions}
    ends = [day_end(now + timedelta(days=i), tz) for i in range(days)]
    counts = [0] * days
    rows = conn.execute(
        "SELECT question_id, due FROM cards WHERE pack_id = ? AND due < ?",
        (pack.id, stamp(ends[-1])),
    )
    for qid, due in rows:
        if qid not in ids:
            continue
        moment = datetime.fromisoformat(due)
        index = next(i for i, end in enumerate(ends) if moment < end)
        counts[index] += 1
    return counts
