"""The facts a pack is generated from: plain, validated, immutable data about one film.

Nothing here knows a particular film. `parse.py` builds these from a facts file and reports
every problem with its position; the templates read them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

from quizgame.core.packs.model import Difficulty, Spoiler

T = TypeVar("T")

CHARACTER_GROUP_DEFAULT = "main"
KEY_KINDS = ("character", "cast", "person", "profession", "number", "text")
GENDERS = ("female", "male")


@dataclass(frozen=True, slots=True)
class Fact(Generic[T]):
    """One value with the seed files that state it."""

    value: T
    sources: tuple[str, ...]
    note: str | None = None
    accept: tuple[str, ...] = ()  # other wordings a typed answer may use
    quote: str | None = None  # the source's exact words (`facts check` verifies them)


@dataclass(frozen=True, slots=True)
class Disputed(Generic[T]):
    """A fact the sources disagree on: each variant with its own sources."""

    variants: tuple[Fact[T], ...]
    note: str

    @property
    def sources(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s for v in self.variants for s in v.sources))


@dataclass(frozen=True, slots=True)
class Rating:
    """A score from a review site; `value` None means the source leaves it blank."""

    id: str
    site: str
    measure: str
    value: float | None
    scale: float
    sources: tuple[str, ...]
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Press:
    """A quoted review; `excerpt` is a short part of the quote a question may cite."""

    id: str
    outlet: str
    quote: str
    excerpt: str | None
    aka: tuple[str, ...]
    sources: tuple[str, ...]
    group: str | None = None


@dataclass(frozen=True, slots=True)
class Film:
    """The film the pack is about."""

    title: Fact[str]
    original_title: Fact[str] | None = None
    year: Fact[int] | None = None
    runtime: Fact[int] | None = None  # minutes
    languages: Fact[tuple[str, ...]] | None = None
    genres: Fact[tuple[str, ...]] | None = None
    box_office: Fact[float] | None = None
    currency: str = "USD"
    end_credits_scene: Fact[bool] | None = None
    ratings: tuple[Rating, ...] = ()
    press: tuple[Press, ...] = ()


@dataclass(frozen=True, slots=True)
class Person:
    """A real person: cast, crew or the filmography's director."""

    id: str
    name: str
    surname: str
    aka: tuple[str, ...] = ()
    gender: str | None = None  # as given, or that of the one character they play


@dataclass(frozen=True, slots=True)
class CastCredit:
    person: str
    character: str
    sources: tuple[str, ...]
    difficulty: Difficulty | None = None
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class CrewCredit:
    person: str
    job: str
    sources: tuple[str, ...]
    inferred: str | None = None  # why the job was read from the source rather than stated
    difficulty: Difficulty | None = None
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Character:
    """A character of the story. `group` keeps babies from being offered as adults."""

    id: str
    name: str
    group: str = CHARACTER_GROUP_DEFAULT
    gender: str | None = None
    aka: tuple[str, ...] = ()
    full_name: Fact[str] | None = None
    profession: Fact[str] | Disputed[str] | None = None
    home: Fact[str] | None = None
    named_after: Fact[str] | None = None
    raised_by: Fact[str] | None = None
    notes: tuple[Fact[str], ...] = ()


@dataclass(frozen=True, slots=True)
class Relation:
    """`who` is `kind` of `of`: Teresa is the mother of Ana."""

    who: str
    kind: str
    of: str
    sources: tuple[str, ...]
    spoiler: Spoiler = Spoiler.NONE
    group: str | None = None
    quote: str | None = None

    @property
    def id(self) -> str:
        return f"{self.who}-{self.kind.replace('_', '-')}-{self.of}"


@dataclass(frozen=True, slots=True)
class AnswerKey:
    """The part of a statement a question asks about; `value` appears word for word in its text."""

    id: str
    value: str | float
    kind: str
    ask: str | None = None
    accept: tuple[str, ...] = ()
    unit: str | None = None
    tolerance: float | None = None
    # Wrong choices written for it: asked as multiple choice with these (same kind and standing
    # as the answer, so none is the odd one out), never typed.
    wrong: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Statement:
    """A plot event (ordered) or a piece of trivia (unordered), in one sentence."""

    id: str
    text: str
    sources: tuple[str, ...]
    category: str
    label: str | None = None
    spoiler: Spoiler = Spoiler.NONE
    keys: tuple[AnswerKey, ...] = ()
    flashback: bool = False
    sensitive: bool = False
    difficulty: Difficulty | None = None
    group: str | None = None  # shared with other facts that give this one away
    moment: str | None = None  # events sharing a moment happen together: never ordered
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class FilmEntry:
    id: str
    title: str
    year: int
    short: bool
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Filmography:
    person: str
    films: tuple[FilmEntry, ...]


@dataclass(frozen=True, slots=True)
class Disagreement:
    """Where sources disagree; no question may contain one of `terms`."""

    id: str
    note: str
    terms: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class PackInfo:
    id: str
    title: str
    description: str = ""
    author: str = ""
    version: int | str = 1
    language: str = "en"


@dataclass(frozen=True, slots=True)
class Facts:
    """A whole facts file, validated."""

    pack: PackInfo
    sources: dict[str, str]  # seed file -> what it is
    film: Film
    people: dict[str, Person] = field(default_factory=dict)
    cast: tuple[CastCredit, ...] = ()
    crew: tuple[CrewCredit, ...] = ()
    characters: dict[str, Character] = field(default_factory=dict)
    relations: tuple[Relation, ...] = ()
    events: tuple[Statement, ...] = ()
    trivia: tuple[Statement, ...] = ()
    filmography: Filmography | None = None
    disagreements: tuple[Disagreement, ...] = ()
    origin: str = "<facts>"
    # seed file -> the name players see ("Director's statement"); the file's name if none
    source_names: dict[str, str] = field(default_factory=dict)
    source_dates: dict[str, str] = field(default_factory=dict)  # seed file -> "2024"

    def source_name(self, file: str) -> str:
        return self.source_names.get(file, file)
