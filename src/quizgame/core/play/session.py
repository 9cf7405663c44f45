"""The quiz session: which questions, in what order, answers, scoring, time, lives and lifelines.

Plain Python. Time comes from an injected clock (any `() -> float` in seconds, e.g.
`time.monotonic`, or a fake clock in tests), so timed modes are tested without sleeping. The UI asks
the session what to show and tells it what the player did; it holds no rules of its own.

A round runs: `current` is shown, the player answers (`answer`, `skip`) or the clock runs out
(`expire`, or any call that notices it), the record is shown as feedback, then `advance` starts the
next round. Round time counts only while a round is open and not paused.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from quizgame.core.packs.model import Pack
from quizgame.core.play import lifelines
from quizgame.core.play.dealing import (
    NO_MATCHING_QUESTIONS,
    Round,
    SessionOptions,
    make_round,
    select_questions,
)
from quizgame.core.play.judging import Verdict, check_answer
from quizgame.core.play.modes import (
    BLITZ_SECONDS,
    DEFAULT_TIME_LIMIT,
    SURVIVAL_LIVES,
    EndReason,
    Lifeline,
    Mode,
)
from quizgame.core.play.results import AnswerRecord, Results, category_results
from quizgame.core.play.scoring import answer_points, streak_bonus

Clock = Callable[[], float]


class SessionError(Exception):
    """The session cannot be built or the action is not allowed now (a message for the player)."""


class Session:
    """One play of a pack."""

    def __init__(
        self,
        pack: Pack,
        options: SessionOptions | None = None,
        clock: Clock = time.monotonic,
        on_record: Callable[[AnswerRecord], None] | None = None,
    ) -> None:
        self.pack = pack
        self.options = options or SessionOptions()
        self.mode = self.options.mode
        self.seed = self.options.seed if self.options.seed is not None else random.randrange(2**31)
        self._rng = random.Random(self.seed)
        questions = select_questions(pack, self.options, self._rng)
        if not questions:
            raise SessionError(NO_MATCHING_QUESTIONS)
        self.rounds: tuple[Round, ...] = tuple(
            make_round(i + 1, q, self._rng) for i, q in enumerate(questions)
        )
        self._clock = clock
        self._on_record = on_record
        self.records: list[AnswerRecord] = []
        self.score = 0
        self.streak = 0
        self.best_streak = 0
        self.lives = SURVIVAL_LIVES if self.mode is Mode.SURVIVAL else None
        self.lifelines_used: list[Lifeline] = []
        self.hidden_choices: frozenset[str] = frozenset()  # removed by 50:50 this round
        self.hint: str | None = None  # shown by the hint lifeline this round
        self._kept: Any = None  # an answer in progress that counts if time runs out (`keep`)
        self.end_reason: EndReason | None = None
        self._index = 0
        self._answered = False  # the current round has its record; waiting for `advance`
        self.started_at = clock()
        self.finished_at: float | None = None
        self._round_started = self.started_at
        self._paused_at: float | None = None
        self._paused_total = 0.0  # within the current round
        self._paused_session = 0.0  # over the whole session, for `Results.duration`
        self._blitz_used = 0.0  # round time of finished rounds, for blitz

    # --- state -------------------------------------------------------------------------------

    @property
    def current(self) -> Round | None:
        """The round being played or shown as feedback; None once finished."""
        if self.finished:
            return None
        return self.rounds[self._index]

    @property
    def finished(self) -> bool:
        return self.end_reason is not None

    @property
    def awaiting_answer(self) -> bool:
        return not self.finished and not self._answered

    @property
    def last_record(self) -> AnswerRecord | None:
        return self.records[-1] if self.records else None

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    @property
    def total(self) -> int:
        return len(self.rounds)

    @property
    def position(self) -> int:
        """1-based number of the current round (or of the last, once finished)."""
        return min(self._index + 1, self.total)

    def visible_choices(self) -> tuple[str, ...]:
        """The current round's choices, less any removed by 50:50."""
        round_ = self.current
        if round_ is None:
            return ()
        return tuple(c for c in round_.choices if c not in self.hidden_choices)

    # --- time --------------------------------------------------------------------------------

    def round_elapsed(self) -> float:
        """Seconds the current round has been open, pauses excluded."""
        if self._answered or self.finished:
            return self.records[-1].time_taken if self.records else 0.0
        now = self._paused_at if self._paused_at is not None else self._clock()
        return max(0.0, now - self._round_started - self._paused_total)

    def time_limit(self) -> float | None:
        """The current question's limit in seconds, in modes with a per-question clock."""
        round_ = self.current
        if round_ is None or not self.mode.per_question_clock:
            return None
        if self.options.time_limit is not None:
            return self.options.time_limit
        return round_.question.time_limit or DEFAULT_TIME_LIMIT

    def blitz_limit(self) -> float:
        return self.options.time_limit or BLITZ_SECONDS

    def time_left(self) -> float | None:
        """Seconds left on the clock that matters now, or None in untimed play."""
        if self.mode.session_clock:
            running = not self._answered and not self.finished
            used = self._blitz_used + (self.round_elapsed() if running else 0.0)
            return max(0.0, self.blitz_limit() - used)
        limit = self.time_limit()
        if limit is None:
            return None
        return max(0.0, limit - self.round_elapsed())

    def time_fraction_left(self) -> float | None:
        """0..1 of the current clock left, for a draining bar."""
        left = self.time_left()
        if left is None:
            return None
        full = self.blitz_limit() if self.mode.session_clock else self.time_limit()
        return left / full if full else 0.0

    def tick(self) -> AnswerRecord | None:
        """Notice a clock that has run out (the UI calls this on its timer).

        Returns the time-out record when a question's clock ran out; ends a blitz session whose
        clock ran out (returns None then; check `finished`).
        """
        if not self.awaiting_answer or self.paused:
            return None
        if self.mode.session_clock:
            if self.time_left() == 0.0:
                self._blitz_used = self.blitz_limit()
                self._finish(EndReason.TIME_UP)
            return None
        limit = self.time_limit()
        if limit is not None and self.round_elapsed() >= limit + 1e-9:
            return self.expire()
        return None

    def expire(self) -> AnswerRecord:
        """The current question's time ran out: it counts as wrong, or as far as the answer
        kept so far goes (`keep`: a list's items found earn their share of the points)."""
        round_ = self._require_open()
        taken = self.time_limit() or self.round_elapsed()
        if self._kept is not None:
            verdict = check_answer(round_.question, self._kept)
            return self._record(round_, self._kept, verdict, taken, timed_out=True)
        return self._record(round_, None, Verdict(0.0), taken, timed_out=True)

    def keep(self, given: Any) -> None:
        """Hold `given` as the current answer so far (a list question's answers that found
        items), judged as the answer if the question's time runs out; None holds nothing."""
        self._require_open()
        self._kept = given

    def pause(self) -> None:
        """Stop the clock; the UI hides the question until `resume`."""
        if self._paused_at is None and not self.finished:
            self._paused_at = self._clock()

    def resume(self) -> None:
        if self._paused_at is not None:
            paused_for = self._clock() - self._paused_at
            self._paused_total += paused_for
            self._paused_session += paused_for
            self._paused_at = None

    # --- playing -----------------------------------------------------------------------------

    def _require_open(self) -> Round:
        if self.finished:
            raise SessionError("the session is over")
        if self._answered:
            raise SessionError("this question has been answered; go on to the next")
        if self.paused:
            raise SessionError("the game is paused")
        assert self.current is not None
        return self.current

    def answer(self, given: Any) -> AnswerRecord:
        """Check the player's answer to the current question, score it and record it."""
        round_ = self._require_open()
        taken = self.round_elapsed()
        if self.mode.session_clock and self.time_left() == 0.0:
            self._blitz_used = self.blitz_limit()
            self._finish(EndReason.TIME_UP)
            raise SessionError("time is up")
        limit = self.time_limit()
        if limit is not None and taken > limit:
            # Too late (the UI's timer had not fired yet): the same record as the buzzer's.
            return self.expire()
        verdict = check_answer(round_.question, given)
        return self._record(round_, given, verdict, taken)

    def _record(
        self,
        round_: Round,
        given: Any,
        verdict: Verdict,
        taken: float,
        *,
        timed_out: bool = False,
        skipped: bool = False,
    ) -> AnswerRecord:
        question = round_.question
        points = bonus = 0
        if not skipped:
            full = question.points
            # A kept answer earns what it found even at the buzzer; nothing else does.
            points = answer_points(
                full,
                verdict.credit,
                taken,
                self.time_limit(),
                timed_out=timed_out and given is None,
            )
            if verdict.correct and not timed_out:
                self.streak += 1
                self.best_streak = max(self.best_streak, self.streak)
                bonus = streak_bonus(full, self.streak)
            else:
                self.streak = 0
                if self.lives is not None:
                    self.lives -= 1
        self.score += points + bonus
        record = AnswerRecord.of(
            round_,
            given,
            verdict,
            points=points + bonus,
            streak_bonus=bonus,
            time_taken=round(taken, 3),
            timed_out=timed_out,
            skipped=skipped,
        )
        self.records.append(record)
        self._answered = True
        self._blitz_used += taken
        if self.lives is not None and self.lives <= 0:
            self._finish(EndReason.OUT_OF_LIVES)
        # Last, so that the session is whole even if the listener (the score store) fails.
        if self._on_record is not None:
            self._on_record(record)
        return record

    def advance(self) -> Round | None:
        """Go on to the next round after feedback; None when the session is over."""
        if self.finished:
            return None
        if not self._answered:
            raise SessionError("answer or skip this question first")
        if self.mode.session_clock and self.time_left() == 0.0:
            self._finish(EndReason.TIME_UP)
            return None
        if self._index + 1 >= len(self.rounds):
            self._finish(EndReason.COMPLETED)
            return None
        was_paused = self.paused
        self.resume()
        self._index += 1
        self._answered = False
        self.hidden_choices = frozenset()
        self.hint = None
        self._kept = None
        self._round_started = self._clock()
        self._paused_total = 0.0
        if was_paused:  # the next question opens paused too, its clock not yet running
            self._paused_at = self._round_started
        return self.current

    def abandon(self) -> None:
        """The player quit before the end."""
        if not self.finished:
            self._finish(EndReason.ABANDONED)

    def _finish(self, reason: EndReason) -> None:
        self.resume()
        self.end_reason = reason
        self.finished_at = self._clock()

    # --- lifelines ---------------------------------------------------------------------------

    def available_lifelines(self) -> list[Lifeline]:
        """Lifelines not yet used that apply to the current question."""
        round_ = self.current
        if round_ is None or not self.awaiting_answer:
            return []
        return lifelines.applicable(round_, self.mode, self.lifelines_used)

    def use_lifeline(self, lifeline: Lifeline) -> AnswerRecord | None:
        """Use a lifeline on the current question; returns the record for a skip."""
        round_ = self._require_open()
        if lifeline not in self.available_lifelines():
            if lifeline in self.lifelines_used:
                raise SessionError(f"{lifeline.label} has been used already")
            raise SessionError(f"{lifeline.label} cannot be used on this question")
        self.lifelines_used.append(lifeline)
        if lifeline is Lifeline.FIFTY_FIFTY:
            self.hidden_choices = lifelines.fifty_fifty(round_, self._rng)
            return None
        if lifeline is Lifeline.HINT:
            self.hint = lifelines.hint_text(round_.question)
            return None
        return self._record(round_, None, Verdict(0.0), self.round_elapsed(), skipped=True)

    # --- results -----------------------------------------------------------------------------

    def results(self) -> Results:
        """The summary so far (final once `finished`)."""
        played = [r for r in self.records if not r.skipped]
        correct = sum(1 for r in played if r.correct)
        end = self.finished_at if self.finished_at is not None else self._clock()
        paused = self._paused_session
        if self._paused_at is not None:
            paused += end - self._paused_at
        return Results(
            score=self.score,
            correct=correct,
            answered=len(played),
            asked=len(self.records),
            total=len(self.rounds),
            accuracy=correct / len(played) if played else 0.0,
            best_streak=self.best_streak,
            duration=round(end - self.started_at - paused, 3),  # play time, pauses excluded
            by_category=category_results(self.records),
            lifelines_used=tuple(self.lifelines_used),
            end_reason=self.end_reason or EndReason.ABANDONED,
            records=tuple(self.records),
            clock_time=self._clock_time(),
        )

    def _clock_time(self) -> float | None:
        """Seconds run off the mode's clocks so far (see `Results.clock_time`)."""
        if self.mode.session_clock:
            running = not self._answered and not self.finished
            used = self._blitz_used + (self.round_elapsed() if running else 0.0)
            return round(min(used, self.blitz_limit()), 3)
        if self.mode.per_question_clock:
            return round(sum(r.time_taken for r in self.records), 3)
        return None

    def missed_ids(self) -> tuple[str, ...]:
        """Questions answered wrong or partly, timed out or skipped, for 'replay my misses'."""
        return tuple(r.question.id for r in self.results().to_replay)
