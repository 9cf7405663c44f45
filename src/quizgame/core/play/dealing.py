"""Building a session's rounds: which questions, in what order, and how each is shown."""

from __future__ import annotations

import itertools
import math
import random
from collections.abc import Callable, Sequence
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
    question_ids: tuple[str, ...] = ()  # only these (replaying misses, practice)


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


def select_questions(pack: Pack, options: SessionOptions, rng: random.Random) -> list[Question]:
    """The questions matching the options, shuffled by `rng`, cut to `count`.

    No two questions sharing a group are asked (they are about one fact, so one would give
    another away), and a cut session takes its questions from each type and category in turn,
    so ten questions from a pack of mostly true/false, or mostly one topic, still bring the rest.
    """
    wanted_ids = set(options.question_ids)
    categories = set(options.categories)
    pool = [
        q
        for q in pack.questions
        if q.spoiler.rank <= options.spoiler.rank
        and (not categories or q.category in categories)
        and (options.difficulty is None or q.difficulty is options.difficulty)
        and (not wanted_ids or q.id in wanted_ids)
    ]
    rng.shuffle(pool)
    pool = _one_per_group(pool)
    if options.count is None or not options.mode.uses_count or options.count >= len(pool):
        return pool
    chosen = _varied(pool, max(0, options.count))
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


def _in_turn(questions: list[Question], key: Callable[[Question], object]) -> list[Question]:
    """`questions` reordered to take one from each `key` in turn (each keeps its own order)."""
    queues: dict[object, list[Question]] = {}
    for question in questions:
        queues.setdefault(key(question), []).append(question)
    return [q for row in itertools.zip_longest(*queues.values()) for q in row if q is not None]


def _varied(questions: list[Question], count: int) -> list[Question]:
    """`count` questions taking each type in turn, and within a type each category in turn;
    no category takes more than its share while others still have questions to give."""
    order = _in_turn(_in_turn(questions, lambda q: q.category), lambda q: q.type)
    share = math.ceil(count / len({q.category for q in questions}))
    taken: dict[str | None, int] = {}
    chosen: list[Question] = []
    held_back: list[Question] = []
    for question in order:
        if len(chosen) == count:
            break
        if taken.get(question.category, 0) < share:
            taken[question.category] = taken.get(question.category, 0) + 1
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
