"""Reading who is in a facts file: people, characters, cast, crew and relations, each section's
fields described once (see `Reader.section`), with their cross-references checked."""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from typing import Any

from quizgame.core.generate.facts import (
    CHARACTER_GROUP_DEFAULT,
    GENDERS,
    CastCredit,
    Character,
    CrewCredit,
    Disputed,
    Fact,
    Person,
    Relation,
)
from quizgame.core.generate.reader import FieldRead, Reader
from quizgame.core.generate.sections_story import read_group, ref
from quizgame.core.generate.vocab import JOBS, RELATIONS
from quizgame.core.packs.issues import Code, Path


def read_people(r: Reader, top: dict[str, Any]) -> dict[str, Person]:
    """The `people` section: each person by id (problems go to `r`)."""
    people: dict[str, Person] = {}
    fields: dict[str, FieldRead] = {
        "name": partial(r.text, required=True),
        "surname": r.text,
        "gender": partial(r.choice, options=GENDERS),
        "id": r.slug,
        "aka": r.texts,
    }
    for path, raw in r.items(top, (), "people"):
        v = r.section(raw, path, fields)
        if v is None:
            continue
        name = v["name"]
        surname = v["surname"] or (name.split()[-1] if name else "")
        if surname and surname not in name:
            r.error(
                (*path, "surname"),
                Code.BAD_VALUE,
                f"'{surname}' should be part of the name '{name}'",
            )
        person = Person(v["id"], name, surname, v["aka"], v["gender"])
        if person.id in people:
            r.error((*path, "id"), Code.DUPLICATE, f"person id '{person.id}' is used twice")
        people[person.id] = person
    return people


def genders_from_roles(
    people: dict[str, Person], cast: tuple[CastCredit, ...], characters: dict[str, Character]
) -> dict[str, Person]:
    """A person with no stated gender takes that of the one character they play, if known, so
    that "Who plays Ana?" never offers an actor cast as a man."""
    roles: dict[str, list[str]] = {}
    for credit in cast:
        roles.setdefault(credit.person, []).append(credit.character)
    out = dict(people)
    for pid, person in people.items():
        played = [characters[c].gender for c in roles.get(pid, ()) if c in characters]
        if person.gender is None and len(played) == 1 and played[0] is not None:
            out[pid] = replace(person, gender=played[0])
    return out


def read_characters(r: Reader, top: dict[str, Any]) -> dict[str, Character]:
    """The `characters` section: each character by id (problems go to `r`)."""
    text_fact = partial(r.fact, convert=r.to_text)
    fields: dict[str, FieldRead] = {
        "name": partial(r.text, required=True),
        "full_name": text_fact,
        "notes": r.items,
        "id": r.slug,
        "group": r.text,
        "gender": partial(r.choice, options=GENDERS),
        "aka": r.texts,
        "profession": partial(_maybe_disputed, r),
        "home": text_fact,
        "named_after": text_fact,
        "raised_by": text_fact,
    }
    out: dict[str, Character] = {}
    for path, raw in r.items(top, (), "characters"):
        v = r.section(raw, path, fields)
        if v is None:
            continue
        name, full_name = v["name"], v["full_name"]
        if full_name and name and not full_name.value.startswith(name):
            r.error(
                (*path, "full_name"),
                Code.BAD_VALUE,
                f"should start with the character's name, '{name}'",
            )
        notes = tuple(
            fact for p, x in v["notes"] if (fact := r.fact_at(x, p, r.to_text)) is not None
        )
        character = Character(
            id=v["id"],
            name=name,
            group=v["group"] or CHARACTER_GROUP_DEFAULT,
            gender=v["gender"],
            aka=v["aka"],
            full_name=full_name,
            profession=v["profession"],
            home=v["home"],
            named_after=v["named_after"],
            raised_by=v["raised_by"],
            notes=notes,
        )
        if character.id in out:
            r.error((*path, "id"), Code.DUPLICATE, f"character id '{character.id}' is used twice")
        out[character.id] = character
    return out


def _maybe_disputed(
    r: Reader, f: dict[str, Any], path: Path, name: str
) -> Fact[str] | Disputed[str] | None:
    raw = f.get(name)
    if not (isinstance(raw, dict) and "disputed" in raw):
        return r.fact(f, path, name, r.to_text)
    where = (*path, name)
    fields = r.mapping(raw, where, {"disputed", "note"}) or {}
    variants = [
        fact
        for p, x in r.items(fields, where, "disputed")
        if (fact := r.fact_at(x, p, r.to_text)) is not None
    ]
    if len(variants) < 2:
        r.error(
            (*where, "disputed"),
            Code.BAD_VALUE,
            "should list 2+ variants, each {value: ..., source: ...}",
        )
        return None
    return Disputed(tuple(variants), r.text(fields, where, "note", required=True))


def read_cast(
    r: Reader, top: dict[str, Any], people: dict[str, Person], characters: dict[str, Character]
) -> tuple[CastCredit, ...]:
    """The `cast` section, each credit checked against `people` and `characters`."""
    out = []
    fields: dict[str, FieldRead] = {
        "person": partial(ref, r, known=people, section="people"),
        "character": partial(ref, r, known=characters, section="characters"),
        "source": r.sources,
        "difficulty": r.difficulty,
        "quote": lambda f, p, n: r.quote(f, p),
    }
    for path, raw in r.items(top, (), "cast"):
        v = r.section(raw, path, fields)
        if v is not None:
            out.append(
                CastCredit(v["person"], v["character"], v["source"], v["difficulty"], v["quote"])
            )
    seen: dict[str, int] = {}
    for i, credit in enumerate(out):
        if credit.character in seen:
            r.error(
                ("cast", i, "character"),
                Code.BAD_VALUE,
                f"'{credit.character}' is already played (cast[{seen[credit.character]}])",
            )
        seen[credit.character] = i
    return tuple(out)


def read_crew(r: Reader, top: dict[str, Any], people: dict[str, Person]) -> tuple[CrewCredit, ...]:
    """The `crew` section, each credit checked against `people` and the known jobs."""
    out = []
    fields: dict[str, FieldRead] = {
        "job": partial(r.text, required=True),
        "person": partial(ref, r, known=people, section="people"),
        "inferred": r.text,
        "source": r.sources,
        "difficulty": r.difficulty,
        "quote": lambda f, p, n: r.quote(f, p),
    }
    for path, raw in r.items(top, (), "crew"):
        v = r.section(raw, path, fields)
        if v is None:
            continue
        job = v["job"]
        if job and job not in JOBS:
            r.error(
                (*path, "job"), Code.BAD_VALUE, f"unknown job '{job}' (known: {', '.join(JOBS)})"
            )
        inferred = v["inferred"] or None
        crew = CrewCredit(v["person"], job, v["source"], inferred, v["difficulty"], v["quote"])
        out.append(crew)
    return tuple(out)


def read_relations(
    r: Reader, top: dict[str, Any], characters: dict[str, Character]
) -> tuple[Relation, ...]:
    """The `relations` section, each checked against `characters` and the known relations."""
    out = []
    character = partial(ref, r, known=characters, section="characters")
    fields: dict[str, FieldRead] = {
        "is": partial(r.text, required=True),
        "who": character,
        "of": character,
        "group": partial(read_group, r),
        "source": r.sources,
        "spoiler": r.spoiler,
        "quote": lambda f, p, n: r.quote(f, p),
    }
    for path, raw in r.items(top, (), "relations"):
        v = r.section(raw, path, fields)
        if v is None:
            continue
        kind, who, of = v["is"], v["who"], v["of"]
        if kind and kind not in RELATIONS:
            r.error(
                (*path, "is"),
                Code.BAD_VALUE,
                f"unknown relation '{kind}' (known: {', '.join(RELATIONS)})",
            )
        elif kind and who in characters:
            wanted, gender = RELATIONS[kind].gender, characters[who].gender
            if wanted and gender and gender != wanted:
                r.error(
                    (*path, "is"),
                    Code.BAD_VALUE,
                    f"a {RELATIONS[kind].noun} should be {wanted}, and {who} is {gender}",
                )
        if who and who == of:
            r.error((*path, "of"), Code.BAD_VALUE, "a character cannot be related to themselves")
        out.append(Relation(who, kind, of, v["source"], v["spoiler"], v["group"], v["quote"]))
    return tuple(out)
