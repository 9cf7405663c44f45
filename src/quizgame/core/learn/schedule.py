"""The FSRS scheduler as learn mode uses it, and the player's days.

A quiz session is played once a day, not every few minutes, so the scheduler has no
learning steps: every review sets a due date whole days ahead (a card answered wrong comes
back the next day). Fuzzing is off, so the same reviews always give the same dates.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, tzinfo

from fsrs import Card, Rating, Scheduler, State

DESIRED_RETENTION = 0.9  # FSRS's default: due when recall is predicted to fall to 90%


def scheduler() -> Scheduler:
    """The scheduler learn mode uses (FSRS's default weights, no learning steps, no fuzz)."""
    return Scheduler(
        desired_retention=DESIRED_RETENTION,
        learning_steps=(),
        relearning_steps=(),
        enable_fuzzing=False,
    )


SCHEDULER = scheduler()


def review(card: Card | None, rating: Rating, now: datetime) -> Card:
    """The card after a review at `now` (aware); None: a new card, first seen now."""
    now = now.astimezone(UTC)
    if card is None:
        card = Card(card_id=0, state=State.Learning, due=now)
    reviewed, _log = SCHEDULER.review_card(card, rating, review_datetime=now)
    return reviewed


def retention(card: Card, now: datetime) -> float:
    """The probability (0..1) FSRS predicts that the card is recalled at `now`."""
    return float(SCHEDULER.get_card_retrievability(card, now.astimezone(UTC)))


def local_day(now: datetime, tz: tzinfo | None = None) -> date:
    """The player's date at `now` (`tz`: None for the machine's own time zone)."""
    return now.astimezone(tz).date()


def day_end(now: datetime, tz: tzinfo | None = None) -> datetime:
    """The end of the player's day at `now`, in UTC: a card due before it is due today."""
    local = now.astimezone(tz)
    midnight = datetime.combine(local.date() + timedelta(days=1), time(), tzinfo=local.tzinfo)
    if tz is None:  # the machine's zone: its offset at midnight may differ (summer time)
        midnight = midnight.replace(tzinfo=None).astimezone()
    return midnight.astimezone(UTC)
