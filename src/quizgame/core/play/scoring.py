"""Scoring: what an answer earns, in points, from its credit, its speed and the streak it extends.

The rules are the README's "Scoring" section: a question is worth its difficulty's points
(100, 200, 300); partial credit scales them; with a per-question clock a right answer scores by
speed; each right answer in a row after the first adds a streak bonus.
"""

from __future__ import annotations

INSTANT = 0.5  # seconds: answers faster than this earn full speed points
STREAK_STEP = 0.1  # a tenth of the question's points per extra correct answer in a row
STREAK_CAP = 0.5  # at most half of the question's points


def answer_points(
    points: int, credit: float, taken: float, limit: float | None, *, timed_out: bool = False
) -> int:
    """Points (before any streak bonus) for an answer worth `credit` (0.0-1.0) of `points`.

    `taken` and `limit` are seconds; `limit` is the question's clock, None when it has none
    (then speed does not count). An answer given after the buzzer (`timed_out`) earns nothing.
    """
    if timed_out:
        return 0
    if limit is not None:
        return speed_points(points, credit, taken, limit)
    return round(points * credit)


def streak_bonus(points: int, streak: int) -> int:
    """Bonus points for the `streak`-th correct answer in a row (the first earns none).

    A tenth of the question's `points` per answer after the first, at most half of them.
    """
    return round(min(points * STREAK_STEP * (streak - 1), points * STREAK_CAP))


def speed_points(points: int, credit: float, taken: float, limit: float) -> int:
    """`round(P * credit * (1 - (t / T) / 2))`: full points under half a second, half at the buzzer.

    `taken` (t) and `limit` (T) are seconds; an answer past the limit earns 0.
    """
    if taken > limit:
        return 0
    t = 0.0 if taken < INSTANT else taken
    return round(points * credit * (1 - (t / limit) / 2))
