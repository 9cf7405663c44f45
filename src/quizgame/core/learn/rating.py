"""An answer in learn mode, as an FSRS review rating.

| the answer | rating |
| --- | --- |
| wrong, partly right, skipped or timed out | Again |
| right after the hint lifeline, or slower than `SLOW_SECONDS` | Hard |
| right | Good |
| right within `FAST_SECONDS` | Easy |

Partly right counts as Again: the score history counts it as a miss too, and a card that was
half remembered is better seen again soon.
"""

from __future__ import annotations

from fsrs import Rating

from quizgame.core.play.results import AnswerRecord

FAST_SECONDS = 5.0  # right at or under this: Easy
SLOW_SECONDS = 20.0  # right over this: Hard


def rating_for(record: AnswerRecord, *, hinted: bool = False) -> Rating:
    """The review rating of one answer (see the table above); `hinted`: the hint was shown
    before the answer. `record.time_taken` is in seconds."""
    if record.skipped or record.timed_out or not record.correct:
        return Rating.Again
    if hinted or record.time_taken > SLOW_SECONDS:
        return Rating.Hard
    if record.time_taken <= FAST_SECONDS:
        return Rating.Easy
    return Rating.Good
