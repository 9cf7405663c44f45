"""The words the generator knows for crew jobs and relations between characters.

A facts file names jobs and relations by these keys; adding a key here is all it takes to support
a new one, since every template is written in terms of these phrases.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Job:
    """A crew job: `verb` completes "Who ... {film}?" and "{person} ... {film}."."""

    title: str
    verb: str
    base: int  # difficulty before adjustments: 0 easy, 1 medium, 2 hard


JOBS: dict[str, Job] = {
    "director": Job("director", "directed {film}", 0),
    "screenplay": Job("screenwriter", "wrote the screenplay for {film}", 1),
    "composer": Job("composer", "composed the music for {film}", 1),
    "cinematographer": Job(
        "director of photography", "was the director of photography on {film}", 2
    ),
    "editor": Job("editor", "edited {film}", 2),
    "producer": Job("producer", "produced {film}", 2),
    "production_company": Job("production company", "produced {film}", 2),
}


@dataclass(frozen=True, slots=True)
class RelationKind:
    """A relation "{who} is {of}'s {noun}"; `gender` is what `who` must be, if anything."""

    noun: str
    gender: str | None = None


RELATIONS: dict[str, RelationKind] = {
    "mother": RelationKind("mother", "female"),
    "father": RelationKind("father", "male"),
    "biological_mother": RelationKind("biological mother", "female"),
    "biological_father": RelationKind("biological father", "male"),
    "daughter": RelationKind("daughter", "female"),
    "son": RelationKind("son", "male"),
    "sister": RelationKind("sister", "female"),
    "brother": RelationKind("brother", "male"),
    "wife": RelationKind("wife", "female"),
    "husband": RelationKind("husband", "male"),
    "grandmother": RelationKind("grandmother", "female"),
    "grandfather": RelationKind("grandfather", "male"),
    "best_friend": RelationKind("best friend"),
    "friend": RelationKind("friend"),
    "lover": RelationKind("lover"),
    "partner": RelationKind("partner"),
    "colleague": RelationKind("colleague"),
}
