"""A question being generated, and the context templates share: stable randomness, distractor
picking, difficulty, and the film's names.

All randomness is a hash of the seed, the question id and what is being chosen, so a question
depends only on its own fact (and the same-kind values offered as its wrong answers): editing one
fact changes only the questions made from it, and generating twice gives the same pack.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

from quizgame.core.generate.english import capitalize, quote
from quizgame.core.generate.facts import Disputed, Facts
from quizgame.core.packs.list_items import write_item
from quizgame.core.packs.model import Difficulty, ListItem, QuestionType, Spoiler
from quizgame.core.packs.questions import KINDS
from quizgame.core.play.judging import normalize as _normalize

T = TypeVar("T")

# The same names and phrases are compared many times over; folding each once is enough.
normalize = functools.lru_cache(maxsize=8192)(_normalize)
_LEVELS = (Difficulty.EASY, Difficulty.MEDIUM, Difficulty.HARD)
MIN_CHOICES = 3  # fewer makes a multiple-choice question a coin toss; it becomes typed instead
MAX_DISTRACTORS = 3
_POSSESSIVE_S = re.compile(r"(?<=\w)['’]s\b")


def words(text: str) -> str:
    """`text` folded for finding names in it, padded with spaces: possessives are dropped first,
    so "Ana's life" names Ana (folding alone would make it "anas life")."""
    return f" {normalize(_POSSESSIVE_S.sub('', text))} "


def names(text: str, value: str) -> bool:
    """Whether `text` mentions `value` as whole words (possessives and accents aside)."""
    needle = normalize(value)
    return bool(needle) and f" {needle} " in words(text)


@dataclass
class Draft:
    """A generated question, in pack terms, plus what the quality rules need to know."""

    id: str
    type: QuestionType
    prompt: str
    category: str
    explanation: str
    sources: tuple[str, ...]
    difficulty: Difficulty
    spoiler: Spoiler = Spoiler.NONE
    answer: str | bool | float | None = None
    choices: tuple[str, ...] = ()
    accept: tuple[str, ...] = ()
    tolerance: float | None = None
    unit: str | None = None
    items: tuple[str, ...] = ()
    pairs: tuple[tuple[str, str], ...] = ()
    tags: tuple[str, ...] = ()
    # Normalised values that would also be right: none of them may be offered as a wrong choice.
    also_correct: frozenset[str] = field(default_factory=frozenset)
    # True for the one question made from a disputed fact, which accepts every variant.
    disputed_ok: bool = False
    # A true/false that can be put either way: its two wordings (see `balance_true_false`).
    true_prompt: str | None = None
    false_prompt: str | None = None
    # The facts the question asks about or shows, its own first: they are its pack `group`s
    # (`groups.assign`), so a session never asks two questions sharing one.
    facts: tuple[str, ...] = ()
    groups: tuple[str, ...] = ()
    # Ordering: when each item happens (a moment, a year); no two may be the same.
    positions: tuple[str, ...] = ()
    quote: str | None = None  # the source's own words for the fact (the facts' `quote:`)
    # List: the items to name, and the seconds a timed mode gives to name them.
    answers: tuple[ListItem, ...] = ()
    time_limit: float | None = None

    def texts(self) -> list[str]:
        """Every piece of text a player sees."""
        out = [self.prompt, self.explanation, *self.choices, *self.accept, *self.items]
        out += [side for pair in self.pairs for side in pair]
        out += [text for item in self.answers for text in (*item.forms, item.show or "")]
        if isinstance(self.answer, str):
            out.append(self.answer)
        return out

    def to_dict(self) -> dict[str, Any]:
        """The question in the pack format."""
        out: dict[str, Any] = {"id": self.id, "type": self.type.value, "prompt": self.prompt}
        own = {f.name for f in KINDS[self.type].fields}  # the fields its type has
        if "choices" in own:
            out["choices"] = list(self.choices)
        if "items" in own:
            out["items"] = list(self.items)
        if "pairs" in own:
            out["pairs"] = dict(self.pairs)
        if "answers" in own:
            out["answers"] = [write_item(item) for item in self.answers]
        if self.answer is not None:
            out["answer"] = _plain(self.answer)
        if self.accept:
            out["accept"] = list(self.accept)
        if self.tolerance:
            out["tolerance"] = _plain(self.tolerance)
        if self.unit:
            out["unit"] = self.unit
        if self.groups:
            # Text for one group (most questions), a list for a question showing several facts.
            out["group"] = self.groups[0] if len(self.groups) == 1 else list(self.groups)
        # Written even at their defaults: every generated question states both.
        out["difficulty"] = self.difficulty.value
        out["category"] = self.category
        if self.tags:
            out["tags"] = list(self.tags)
        out["spoiler"] = self.spoiler.value
        out["explanation"] = self.explanation
        out["source"] = ", ".join(self.sources)
        if self.quote:
            out["quote"] = self.quote
        if self.time_limit:
            out["time_limit"] = _plain(self.time_limit)
        return out


def _plain(value: Any) -> Any:
    if isinstance(value, float) and value == int(value):
        return int(value)
    return value


def stable_hash(*parts: object) -> int:
    """A hash that is the same in every run and on every machine (unlike `hash`)."""
    text = "\x1f".join(str(p) for p in parts)
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")


def merge_sources(*groups: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(s for group in groups for s in group))


def max_spoiler(spoilers: Iterable[Spoiler]) -> Spoiler:
    return max(spoilers, key=lambda s: s.rank, default=Spoiler.NONE)


class Context:
    """What every template needs: the facts, the seed, and choices made the same way each time."""

    def __init__(self, facts: Facts, seed: int = 0) -> None:
        self.facts = facts
        self.seed = seed
        self.title = quote(facts.film.title.value)
        # Values some seed disputes: never offered as a wrong choice (that would take a side).
        self.disputed_values: set[str] = {
            normalize(variant.value)
            for character in facts.characters.values()
            if isinstance(character.profession, Disputed)
            for variant in character.profession.variants
        }

    def pack_says(self, value: str) -> bool:
        """Whether the pack's title or description states `value`: a player sees them before
        any question, so a question with that answer would be given away."""
        info = self.facts.pack
        return names(f"{info.title}. {info.description}", value)

    def chance(self, qid: str, numerator: int, denominator: int) -> bool:
        """A stable yes with probability numerator/denominator, for spreading question types.

        Independent of the seed: the facts alone decide which questions a pack holds and of
        which type; the seed only varies wrong choices, their order and true/false wording.
        """
        return stable_hash(qid, "chance") % denominator < numerator

    def pick(self, qid: str, candidates: Sequence[tuple[str, T]], count: int) -> list[T]:
        """`count` of the candidates, each a (stable key, value), chosen by hash of key."""
        ranked = sorted(candidates, key=lambda kv: (stable_hash(self.seed, qid, kv[0]), kv[0]))
        return [value for _key, value in ranked[:count]]

    def shuffle(self, qid: str, values: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(values, key=lambda v: (stable_hash(self.seed, qid, "order", v), v)))

    def difficulty(
        self,
        base: int,
        step: int,
        sources: Sequence[str],
        override: Difficulty | None = None,
    ) -> Difficulty:
        """How obscure the fact is (`base`, one step easier when several seeds state it), plus
        `step` for the question type (recall is harder than recognition); a fact's own
        `difficulty` wins."""
        if override is not None:
            return override
        level = base + step - (1 if len(set(sources)) >= 2 else 0)
        return _LEVELS[max(0, min(2, level))]

    def surname_accept(self, person: str, among: Iterable[str]) -> tuple[str, ...]:
        """The surname alone of person id `person` as an accepted answer, if no one else among
        the people the question is about (`among`, person ids: those of the job asked) has it.
        "Almodóvar" names the director, though a producer shares it."""
        people = self.facts.people
        surname, name = people[person].surname, people[person].name
        others = {normalize(people[p].surname) for p in among if p in people and p != person}
        if surname == name or normalize(surname) in others:
            return ()
        return (surname,)


def choice_text(value: str) -> str:
    """A choice as shown: names as written, common nouns with a capital ("Live-in maid")."""
    return capitalize(value)


def distractors(
    ctx: Context,
    qid: str,
    prompt: str,
    answer: str,
    candidates: Sequence[tuple[str, str]],
    also_correct: Iterable[str] = (),
    count: int = MAX_DISTRACTORS,
) -> list[str]:
    """Wrong choices of the answer's kind: never a right answer, never named in the prompt,
    never a value some seed disputes, and no two the same once normalised."""
    banned = {normalize(answer), *(normalize(v) for v in also_correct)}
    banned |= ctx.disputed_values
    # Whoever the prompt names ("Who comes back into Ana's life?") is never a wrong answer.
    said = words(prompt)
    usable: dict[str, tuple[str, str]] = {}
    for key, value in candidates:
        norm = normalize(value)
        if not norm or norm in banned or f" {norm} " in said or norm in usable:
            continue
        usable[norm] = (key, value)
    return ctx.pick(qid, list(usable.values()), count)
