"""Reading each section of a facts file into the `facts` model, with cross-reference checks."""

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
    Facts,
    Film,
    PackInfo,
    Person,
    Press,
    Rating,
    Relation,
)
from quizgame.core.generate.reader import FieldRead, Path_, Reader, unique_ids
from quizgame.core.generate.sections_story import (
    read_disagreements,
    read_filmography,
    read_group,
    read_statements,
    ref,
)
from quizgame.core.generate.vocab import JOBS, RELATIONS
from quizgame.core.packs.check import PACK_FIELDS
from quizgame.core.packs.ids import ID_WORDS, is_id
from quizgame.core.packs.issues import Code
from quizgame.core.packs.model import format_number

FACTS_VERSION = 1
TOP_FIELDS = {
    "facts", "pack", "sources", "film", "people", "cast", "crew", "characters", "relations",
    "events", "trivia", "filmography", "disagreements", "notes",
}  # fmt: skip


def read_facts(r: Reader, data: Any, origin: str) -> Facts | None:
    """Everything in a facts file; None if the top level is unusable (problems say why)."""
    top = r.mapping(data, (), TOP_FIELDS)
    if top is None:
        return None
    if top.get("facts") != FACTS_VERSION:
        r.error(
            ("facts",),
            Code.BAD_VALUE,
            f"'facts: {FACTS_VERSION}' should open a facts file (the format version)",
        )
    sources = _sources(r, top.get("sources"))
    pack = _pack(r, top.get("pack"))
    film = _film(r, top.get("film"))
    people = _people(r, top)
    characters = _characters(r, top)
    cast = _cast(r, top, people, characters)
    people = _genders_from_roles(people, cast, characters)
    crew = _crew(r, top, people)
    relations = _relations(r, top, characters)
    events = read_statements(r, top, "events", "plot", people, characters, cast)
    trivia = read_statements(r, top, "trivia", "trivia", people, characters, cast)
    unique_ids(r, [((name, i), s.id) for name, group in (("events", events), ("trivia", trivia))
                   for i, s in enumerate(group)], "statement")  # fmt: skip
    filmography = read_filmography(r, top.get("filmography"), people)
    disagreements = read_disagreements(r, top)
    for path, note in r.items(top, (), "notes"):
        r.fact_at(note, path, r.to_text)
    if pack is None or film is None:
        return None
    return Facts(
        pack=pack,
        sources=sources,
        film=film,
        people=people,
        cast=cast,
        crew=crew,
        characters=characters,
        relations=relations,
        events=events,
        trivia=trivia,
        filmography=filmography,
        disagreements=disagreements,
        origin=origin,
    )


def _sources(r: Reader, raw: Any) -> dict[str, str]:
    if raw is None:
        r.missing((), "sources", "each seed file name, with what it is")
        return {}
    if not isinstance(raw, dict) or not raw:
        r.error(
            ("sources",), Code.WRONG_KIND, "should map each seed file name to a short description"
        )
        return {}
    out = {str(k): str(v or "") for k, v in raw.items()}
    r.source_names.update(out)
    return out


def _pack(r: Reader, raw: Any) -> PackInfo | None:
    path: Path_ = ("pack",)
    if raw is None:
        r.missing((), "pack", "the generated pack's id, title, ...")
        return None
    # The pack's own fields (but its questions, which are generated), as the pack checker has them.
    fields = r.mapping(raw, path, PACK_FIELDS - {"questions"})
    if fields is None:
        return None
    pack_id = r.text(fields, path, "id", required=True)
    if pack_id and not is_id(pack_id):
        r.error((*path, "id"), Code.NOT_AN_ID, f"'{pack_id}' should be a slug: {ID_WORDS}")
    version = fields.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int | str):
        r.error((*path, "version"), Code.WRONG_KIND, "should be a number or text")
        version = 1
    return PackInfo(
        id=pack_id,
        title=r.text(fields, path, "title", required=True),
        description=r.text(fields, path, "description"),
        author=r.text(fields, path, "author"),
        version=version,
        language=r.text(fields, path, "language") or "en",
    )


def _film(r: Reader, raw: Any) -> Film | None:
    path: Path_ = ("film",)
    if raw is None:
        r.missing((), "film", "at least its title")
        return None
    allowed = {
        "title", "original_title", "year", "runtime", "languages", "genres", "box_office",
        "end_credits_scene", "ratings", "press", "source",
    }  # fmt: skip
    f = r.mapping(raw, path, allowed)
    if f is None:
        return None
    inherited = r.texts(f, path, "source")
    title = r.fact(f, path, "title", r.to_text, inherited)
    if title is None:
        if "title" not in f:
            r.missing(path, "title")
        return None
    box_raw = f.get("box_office")
    currency = box_raw.get("currency", "USD") if isinstance(box_raw, dict) else "USD"
    if not isinstance(currency, str) or len(currency) != 3:
        r.error(
            (*path, "box_office", "currency"),
            Code.BAD_VALUE,
            "should be a three-letter currency code",
        )
        currency = "USD"
    return Film(
        title=title,
        original_title=r.fact(f, path, "original_title", r.to_text, inherited),
        year=r.fact(f, path, "year", r.to_int, inherited),
        runtime=r.fact(f, path, "runtime", r.to_int, inherited),
        languages=r.fact(f, path, "languages", r.to_texts, inherited),
        genres=r.fact(f, path, "genres", r.to_texts, inherited),
        box_office=r.fact(f, path, "box_office", r.to_number, inherited, {"currency"}),
        currency=currency,
        end_credits_scene=r.fact(f, path, "end_credits_scene", r.to_bool, inherited),
        ratings=tuple(_rating(r, p, x, inherited) for p, x in r.items(f, path, "ratings")),
        press=tuple(_press(r, p, x, inherited) for p, x in r.items(f, path, "press")),
    )


def _rating(r: Reader, path: Path_, raw: Any, inherited: tuple[str, ...]) -> Rating:
    f = r.mapping(raw, path, {"id", "site", "measure", "value", "scale", "source", "note"}) or {}
    scale = f.get("scale", 10)
    if not isinstance(scale, int | float) or isinstance(scale, bool) or scale <= 0:
        r.error(
            (*path, "scale"),
            Code.BAD_VALUE,
            "should be a number above 0 (the top of the scale: 10, 100, 5)",
        )
        scale = 10
    value = f.get("value")
    if value is not None:
        value = r.to_number(value, (*path, "value"))
        if value is not None and value > scale:
            r.error(
                (*path, "value"),
                Code.BAD_VALUE,
                f"{format_number(value)} is above the scale's top, {scale}",
            )
    return Rating(
        id=r.slug(f, path),
        site=r.text(f, path, "site", required=True),
        measure=r.text(f, path, "measure", required=True),
        value=value,
        scale=float(scale),
        sources=r.sources(f, path, inherited=inherited),
    )


def _press(r: Reader, path: Path_, raw: Any, inherited: tuple[str, ...]) -> Press:
    fields: dict[str, FieldRead] = {
        "quote": partial(r.text, required=True),
        "excerpt": r.text,
        "id": r.slug,
        "outlet": partial(r.text, required=True),
        "aka": r.texts,
        "source": partial(r.sources, inherited=inherited),
        "group": partial(read_group, r),
    }
    v = r.section(raw, path, fields, lenient=True) or {}
    quote, excerpt = v["quote"], v["excerpt"] or None
    if excerpt and excerpt not in quote:
        r.error((*path, "excerpt"), Code.BAD_VALUE, "should be a part of the quote, word for word")
    return Press(v["id"], v["outlet"], quote, excerpt, v["aka"], v["source"], v["group"])


def _people(r: Reader, top: dict[str, Any]) -> dict[str, Person]:
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


def _genders_from_roles(
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


def _characters(r: Reader, top: dict[str, Any]) -> dict[str, Character]:
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
    r: Reader, f: dict[str, Any], path: Path_, name: str
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


def _cast(
    r: Reader, top: dict[str, Any], people: dict[str, Person], characters: dict[str, Character]
) -> tuple[CastCredit, ...]:
    out = []
    fields: dict[str, FieldRead] = {
        "person": partial(ref, r, known=people, section="people"),
        "character": partial(ref, r, known=characters, section="characters"),
        "source": r.sources,
        "difficulty": r.difficulty,
    }
    for path, raw in r.items(top, (), "cast"):
        v = r.section(raw, path, fields)
        if v is not None:
            out.append(CastCredit(v["person"], v["character"], v["source"], v["difficulty"]))
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


def _crew(r: Reader, top: dict[str, Any], people: dict[str, Person]) -> tuple[CrewCredit, ...]:
    out = []
    fields: dict[str, FieldRead] = {
        "job": partial(r.text, required=True),
        "person": partial(ref, r, known=people, section="people"),
        "inferred": r.text,
        "source": r.sources,
        "difficulty": r.difficulty,
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
        out.append(CrewCredit(v["person"], job, v["source"], inferred, v["difficulty"]))
    return tuple(out)


def _relations(
    r: Reader, top: dict[str, Any], characters: dict[str, Character]
) -> tuple[Relation, ...]:
    out = []
    character = partial(ref, r, known=characters, section="characters")
    fields: dict[str, FieldRead] = {
        "is": partial(r.text, required=True),
        "who": character,
        "of": character,
        "group": partial(read_group, r),
        "source": r.sources,
        "spoiler": r.spoiler,
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
        out.append(Relation(who, kind, of, v["source"], v["spoiler"], v["group"]))
    return tuple(out)
