"""Building a session's rounds: which questions, in what order, and how each is shown."""

from __future__ import annotations

import math
import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from quizgame.core.packs.model import Difficulty, Pack, Question, Spoiler
from quizgame.core.play.modes import DEFAULT_COUNT, Mode

if TYPE_CHECKING:
    from quizgame.core.play.judging import Play


def _play(question: Question) -> Play:
    """`judging.PLAY`'s entry for `question`'s type, imported when a round is dealt: Home and the
    settings read this module, and the answer judge (rapidfuzz) is not needed to draw them."""
    from quizgame.core.play.judging import PLAY

    return PLAY[question.type]


@dataclass(frozen=True, slots=True)
class SessionOptions:
    """What the player chose for a session."""

    count: int | None = DEFAULT_COUNT  # None: every matching question
    categories: tuple[str, ...] = ()  # empty: all
    difficulty: Difficulty | None = None  # None: all
    spoiler: Spoiler = Spoiler.NONE  # the most a question may give away: spoiler-safe by default
    seed: int | None = None  # None: a fresh one, kept in `Session.seed`
    mode: Mode = Mode.CLASSIC
    time_limit: float | None = None  # challenge/survival: per question; blitz: whole session
    question_ids: tuple[
        str, ...
    ] = ()  # only these (replaying misses, practice, learn mode, the daily quiz)
    # Questions of this pack the player was asked before, least recently first: a session asks
    # the others first (fresh first), then these in this order. Empty: no history.
    seen: tuple[str, ...] = ()
    daily: str | None = None  # the daily quiz of this date (ISO), see play/daily.py


@dataclass(frozen=True, slots=True)
class Round:
    """A question as presented in this session: its number and the order things are shown in."""

    number: int
    question: Question
    choices: tuple[str, ...] = ()  # multiple_choice (shuffled), true_false ("True", "False")
    items: tuple[str, ...] = ()  # ordering, shuffled
    lefts: tuple[str, ...] = ()  # matching, as written
    rights: tuple[str, ...] = ()  # matching, shuffled


NO_MATCHING_QUESTIONS = "no questions in this pack match the chosen settings"


def options_problem(pack: Pack, options: SessionOptions) -> str | None:
    """Why no session can be dealt from `pack` with `options`, for the player; None if one can.

    The same check `Session` makes when it is built, without building one.
    """
    if not select_questions(pack, options, random.Random(0)):  # any shuffle deals as many
        return NO_MATCHING_QUESTIONS
    return None


def eligible_questions(pack: Pack, options: SessionOptions) -> list[Question]:
    """The pack's questions the options allow (spoiler level, categories, difficulty, ids), in
    pack order, before any is left out for sharing a group or for the count."""
    wanted_ids = set(options.question_ids)
    categories = set(options.categories)
    return [
        q
        for q in pack.questions
        if q.spoiler.rank <= options.spoiler.rank
        and (not categories or q.category in categories)
        and (options.difficulty is None or q.difficulty is options.difficulty)
        and (not wanted_ids or q.id in wanted_ids)
    ]


def select_questions(pack: Pack, options: SessionOptions, rng: random.Random) -> list[Question]:
    """The questions matching the options, shuffled by `rng`, cut to `count`.

    Every matching question is about equally likely to be dealt: the pool is shuffled whole
    and taken from the front, so a question in a small category or of a rare type is no more
    likely than any other. No two questions sharing a group are asked (they are about one fact,
    so one would give another away). A cut session still mixes: no category or type takes more
    than its `mix_cap` while others have questions to give (a cap a fair deal rarely reaches).
    Questions in `options.seen` come after all the others, least recently seen first. In learn
    mode, the `question_ids` in their order (the schedule's), neither shuffled nor cut.
    """
    pool = eligible_questions(pack, options)
    if options.mode is Mode.LEARN and options.question_ids:  # the schedule's order: due, then new
        order = {qid: i for i, qid in enumerate(options.question_ids)}
        return sorted(pool, key=lambda q: order[q.id])
    rng.shuffle(pool)
    if options.seen:
        last_seen = {qid: rank for rank, qid in enumerate(options.seen)}
        pool.sort(key=lambda q: last_seen.get(q.id, -1))  # stable: the unseen stay shuffled
    pool = _one_per_group(pool)
    if options.count is None or not options.mode.uses_count or options.count >= len(pool):
        return pool
    count = max(0, options.count)
    fresh = [q for q in pool if q.id not in options.seen] if options.seen else pool
    chosen = _mixed(fresh, count)
    if len(chosen) < count:
        stale = [q for q in pool if q.id in set(options.seen)]
        chosen += _mixed(stale, count - len(chosen))
    rng.shuffle(chosen)
    return chosen


def _one_per_group(questions: list[Question]) -> list[Question]:
    """Each question whose groups are all still unasked, in order."""
    seen: set[str] = set()
    out = []
    for question in questions:
        if seen.intersection(question.groups):
            continue
        seen.update(question.groups)
        out.append(question)
    return out


# A cut session still mixes: no category or type takes more than MAX_SHARE of it, or one more
# question than its share of the pool would bring, whichever is more, while others still have
# questions to give. A fair deal rarely reaches either, so the cap barely favours small groups.
MAX_SHARE = 0.4


def mix_cap(count: int, share: float) -> int:
    """The most questions of one category (or type) a cut session of `count` takes, for one
    that is `share` (0.0 to 1.0) of the questions it is dealt from."""
    return max(math.ceil(count * MAX_SHARE), math.ceil(count * share) + 1)


def _mixed(questions: list[Question], count: int) -> list[Question]:
    """The first `count` of `questions`, passing over a question whose category or type has
    reached its `mix_cap`; those passed over fill any places left, in order."""
    total = len(questions) or 1
    categories = Counter(q.category for q in questions)
    types = Counter(q.type for q in questions)
    category_cap = {c: mix_cap(count, n / total) for c, n in categories.items()}
    type_cap = {t: mix_cap(count, n / total) for t, n in types.items()}
    by_category: Counter[str | None] = Counter()
    by_type: Counter[str] = Counter()
    chosen: list[Question] = []
    held_back: list[Question] = []
    for question in questions:
        if len(chosen) == count:
            break
        category, qtype = question.category, question.type
        if by_category[category] < category_cap[category] and by_type[qtype] < type_cap[qtype]:
            by_category[category] += 1
            by_type[qtype] += 1
            chosen.append(question)
        else:
            held_back.append(question)
    return chosen + held_back[: count - len(chosen)]


def _shuffled(values: Sequence[str], rng: random.Random, avoid_same: bool) -> tuple[str, ...]:
    out = list(values)
    for _ in range(10):  # a shuffle that leaves ordering items in order would give it away
        rng.shuffle(out)
        if not avoid_same or len(out) < 2 or out != list(values):
            break
    else:
        # Two items stay in order 1 time in 1,024 after ten tries; the items are distinct, so
        # turning them round by one is never the answer.
        out = out[1:] + out[:1]
    return tuple(out)


def make_round(number: int, question: Question, rng: random.Random) -> Round:
    """Round `number` of a session, showing `question` as its type deals it (`judging.PLAY`)."""

    def shuffle(values: Sequence[str], avoid_same: bool) -> tuple[str, ...]:
        return _shuffled(values, rng, avoid_same)

    return Round(number, question, **_play(question).deal(question, shuffle))


def given_for_choice(round_: Round, choice: str) -> Any:
    """The answer a chosen choice gives, as its type reads it (`judging.PLAY`): a bool for a
    true/false question, else the choice's text."""
    return _play(round_.question).from_choice(choice)


def describe_given(question: Question, given: Any) -> str:
    """An answer as the player gave it, in words."""
    if given is None:
        return "(no answer)"
    return _play(question).describe(given)


def recorded_given(question: Question, given: Any, *, timed_out: bool, skipped: bool) -> str:
    """An answer in words as its record keeps it: what was given, or that time ran out or the
    question was skipped."""
    if timed_out and given is not None:
        return describe_given(question, given) + " (time ran out)"
    if timed_out:
        return "(no answer: time ran out)"
    if skipped:
        return "(skipped)"
    return describe_given(question, given)
