"""Reading the story sections of a facts file: plot events and trivia with their answer keys,
the filmography, and the sources' disagreements."""

from __future__ import annotations

from functools import partial
from typing import Any

from quizgame.core.generate.facts import (
    KEY_KINDS,
    AnswerKey,
    CastCredit,
    Character,
    Disagreement,
    FilmEntry,
    Filmography,
    Person,
    Statement,
)
from quizgame.core.generate.reader import FieldRead, Reader, ignored, unique_ids
from quizgame.core.packs.ids import FACTS_ID_PUNCTUATION, make_id
from quizgame.core.packs.issues import Code, Path
from quizgame.core.packs.model import format_number


def ref(
    r: Reader, f: dict[str, Any], path: Path, name: str, known: dict[str, Any], section: str
) -> str:
    """The id in field `name`, checked against the ids under `section`."""
    ident = r.text(f, path, name, required=True)
    if ident and ident not in known:
        r.error((*path, name), Code.UNKNOWN_REFERENCE, f"'{ident}' is not an id under '{section}'")
    return ident


def read_group(r: Reader, f: dict[str, Any], path: Path, name: str = "group") -> str | None:
    """An optional slug naming facts that give one another away (asked once per session)."""
    if name not in f:
        return None
    return r.slug(f, path, name) or None


def read_statements(
    r: Reader,
    top: dict[str, Any],
    section: str,
    default_category: str,
    people: dict[str, Person],
    characters: dict[str, Character],
    cast: tuple[CastCredit, ...],
) -> tuple[Statement, ...]:
    ordered = section == "events"  # events have a moment; trivia a category of its own
    fields: dict[str, FieldRead] = {
        "text": partial(r.text, required=True),
        "keys": r.items,
        "id": r.slug,
        "source": r.sources,
        **({} if ordered else {"category": r.text}),
        "label": partial(r.text, required=ordered),
        "spoiler": r.spoiler,
        "flashback": r.flag,
        "sensitive": r.flag,
        "difficulty": r.difficulty,
        "group": partial(read_group, r),
        **({"moment": partial(read_group, r)} if ordered else {}),
        "quote": lambda f, p, n: r.quote(f, p),
    }
    out = []
    for path, raw in r.items(top, (), section):
        v = r.section(raw, path, fields)
        if v is None:
            continue
        text = v["text"]
        keys = tuple(
            _key(r, p, x, i, text, people, characters, cast) for i, (p, x) in enumerate(v["keys"])
        )
        key_ids = [k.id for k in keys]
        if len(set(key_ids)) != len(key_ids):
            r.error((*path, "keys"), Code.DUPLICATE, "two keys have the same id; give each an 'id'")
        out.append(
            Statement(
                id=v["id"],
                text=text,
                sources=v["source"],
                category=v.get("category") or default_category,
                label=v["label"] or None,
                spoiler=v["spoiler"],
                keys=keys,
                flashback=v["flashback"],
                sensitive=v["sensitive"],
                difficulty=v["difficulty"],
                group=v["group"],
                moment=v.get("moment"),
                quote=v["quote"],
            )
        )
    return tuple(out)


def _key(
    r: Reader,
    path: Path,
    raw: Any,
    index: int,
    text: str,
    people: dict[str, Person],
    characters: dict[str, Character],
    cast: tuple[CastCredit, ...],
) -> AnswerKey:
    fields: dict[str, FieldRead] = {
        "kind": partial(r.choice, options=KEY_KINDS),
        "value": lambda f, p, n: f.get(n),  # read below, as its kind says
        "tolerance": lambda f, p, n: None if f.get(n) is None else r.to_number(f[n], (*p, n)),
        "ask": r.text,
        "id": lambda f, p, n: r.slug(f, p, n) if n in f else None,  # else its place in the list
        "accept": r.texts,
        "wrong": r.texts,
        "unit": r.text,
    }
    v = r.section(raw, path, fields, lenient=True) or {}
    kind = v["kind"] or "text"
    raw_value = v["value"]
    value: str | float
    if kind == "number":
        number = r.to_number(raw_value, (*path, "value")) if raw_value is not None else None
        value = number if number is not None else 0.0
        shown = format_number(value)
    else:
        value = r.to_text(raw_value, (*path, "value")) or "" if raw_value is not None else ""
        shown = value
    if raw_value is None:
        r.missing(path, "value", "the words of the text a question asks about")
    elif shown and shown not in text:
        r.error(
            (*path, "value"),
            Code.BAD_VALUE,
            f"'{shown}' should appear word for word in the statement's text",
        )
    names = {
        "character": {c.name for c in characters.values()},
        "cast": {people[c.person].name for c in cast if c.person in people},
        "person": {p.name for p in people.values()},
    }.get(kind)
    if names is not None and shown and shown not in names:
        r.error(
            (*path, "value"),
            Code.UNKNOWN_REFERENCE,
            f"'{shown}' is not the name of one of the film's {kind} entries",
        )
    ask = v["ask"] or None
    if ask and not ask.endswith("?"):
        r.error((*path, "ask"), Code.BAD_VALUE, "should be a question, ending with '?'")
    return AnswerKey(
        id=str(index + 1) if v["id"] is None else v["id"],
        value=value,
        kind=kind,
        ask=ask,
        accept=v["accept"],
        unit=v["unit"] or None,
        tolerance=v["tolerance"],
        wrong=v["wrong"],
    )


def film_id(title: str) -> str:
    """The id of a filmography entry that gives none, made from its title."""
    return make_id(title, "x", FACTS_ID_PUNCTUATION, limit=48)


def read_filmography(r: Reader, raw: Any, people: dict[str, Person]) -> Filmography | None:
    if raw is None:
        return None
    path: Path = ("filmography",)
    fields: dict[str, FieldRead] = {
        "person": partial(ref, r, known=people, section="people"),
        "source": r.texts,
        "films": r.items,
    }
    v = r.section(raw, path, fields)
    if v is None:
        return None
    person, inherited = v["person"], v["source"]
    entry: dict[str, FieldRead] = {
        "title": partial(r.text, required=True),
        # A film needs its year; its id is made from the title when not given.
        "year": lambda e, p, n: r.to_int(e[n], (*p, n)) if n in e else r.missing(p, n),
        "id": lambda e, p, n: r.slug(e, p, n) if n in e else None,
        "short": r.flag,
        "source": partial(r.sources, inherited=inherited),
    }
    films = []
    for p, x in v["films"]:
        e = r.section(x, p, entry)
        if e is None:
            continue
        ident = film_id(e["title"]) if e["id"] is None else e["id"]
        films.append(FilmEntry(ident, e["title"], e["year"] or 0, e["short"], e["source"]))
    unique_ids(r, [((*path, "films", i), film.id) for i, film in enumerate(films)], "film")
    return Filmography(person, tuple(films))


def read_disagreements(r: Reader, top: dict[str, Any]) -> tuple[Disagreement, ...]:
    fields: dict[str, FieldRead] = {
        "id": r.slug,
        "about": ignored,
        "note": partial(r.text, required=True),
        "terms": r.texts,
        "source": r.sources,
    }
    out = []
    for path, raw in r.items(top, (), "disagreements"):
        v = r.section(raw, path, fields)
        if v is not None:
            out.append(Disagreement(v["id"], v["note"], v["terms"], v["source"]))
    return tuple(out)
