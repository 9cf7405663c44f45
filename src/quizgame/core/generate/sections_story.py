"""Reading the story sections of a facts file: plot events and trivia with their answer keys,
the filmography, and the sources' disagreements."""

from __future__ import annotations

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
from quizgame.core.generate.reader import Path_, Reader, slugify, unique_ids
from quizgame.core.packs.issues import Code
from quizgame.core.packs.model import format_number


def ref(
    r: Reader, f: dict[str, Any], path: Path_, name: str, known: dict[str, Any], section: str
) -> str:
    """The id in field `name`, checked against the ids under `section`."""
    ident = r.text(f, path, name, required=True)
    if ident and ident not in known:
        r.error((*path, name), Code.UNKNOWN_REFERENCE, f"'{ident}' is not an id under '{section}'")
    return ident


def read_group(r: Reader, f: dict[str, Any], path: Path_, name: str = "group") -> str | None:
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
    ordered = section == "events"
    allowed = {
        "id",
        "text",
        "label",
        "source",
        "spoiler",
        "keys",
        "flashback",
        "sensitive",
        "difficulty",
        "category",
        "group",
        "moment",
    }
    if ordered:
        allowed.discard("category")
    else:
        allowed.discard("moment")
    out = []
    for path, raw in r.items(top, (), section):
        f = r.mapping(raw, path, allowed)
        if f is None:
            continue
        text = r.text(f, path, "text", required=True)
        keys = tuple(
            _key(r, p, x, i, text, people, characters, cast)
            for i, (p, x) in enumerate(r.items(f, path, "keys"))
        )
        key_ids = [k.id for k in keys]
        if len(set(key_ids)) != len(key_ids):
            r.error((*path, "keys"), Code.DUPLICATE, "two keys have the same id; give each an 'id'")
        out.append(
            Statement(
                id=r.slug(f, path),
                text=text,
                sources=r.sources(f, path),
                category=default_category
                if ordered
                else (r.text(f, path, "category") or default_category),
                label=r.text(f, path, "label", required=ordered) or None,
                spoiler=r.spoiler(f, path),
                keys=keys,
                flashback=r.flag(f, path, "flashback"),
                sensitive=r.flag(f, path, "sensitive"),
                difficulty=r.difficulty(f, path),
                group=read_group(r, f, path),
                moment=read_group(r, f, path, "moment"),
            )
        )
    return tuple(out)


def _key(
    r: Reader,
    path: Path_,
    raw: Any,
    index: int,
    text: str,
    people: dict[str, Person],
    characters: dict[str, Character],
    cast: tuple[CastCredit, ...],
) -> AnswerKey:
    f = r.mapping(raw, path, {"id", "value", "kind", "ask", "accept", "unit", "tolerance"}) or {}
    kind = r.choice(f, path, "kind", KEY_KINDS) or "text"
    raw_value = f.get("value")
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
    tolerance = f.get("tolerance")
    if tolerance is not None and (r.to_number(tolerance, (*path, "tolerance")) is None):
        tolerance = None
    ask = r.text(f, path, "ask") or None
    if ask and not ask.endswith("?"):
        r.error((*path, "ask"), Code.BAD_VALUE, "should be a question, ending with '?'")
    return AnswerKey(
        id=(r.slug(f, path) if "id" in f else str(index + 1)),
        value=value,
        kind=kind,
        ask=ask,
        accept=r.texts(f, path, "accept"),
        unit=r.text(f, path, "unit") or None,
        tolerance=float(tolerance) if tolerance is not None else None,
    )


def read_filmography(r: Reader, raw: Any, people: dict[str, Person]) -> Filmography | None:
    if raw is None:
        return None
    path: Path_ = ("filmography",)
    f = r.mapping(raw, path, {"person", "source", "films"})
    if f is None:
        return None
    person = ref(r, f, path, "person", people, "people")
    inherited = r.texts(f, path, "source")
    films = []
    for p, x in r.items(f, path, "films"):
        e = r.mapping(x, p, {"id", "title", "year", "short", "source"})
        if e is None:
            continue
        title = r.text(e, p, "title", required=True)
        year = r.to_int(e.get("year"), (*p, "year")) if "year" in e else None
        if year is None and "year" not in e:
            r.missing(p, "year")
        ident = r.slug(e, p) if "id" in e else slugify(title)
        films.append(
            FilmEntry(ident, title, year or 0, r.flag(e, p, "short"), r.sources(e, p, inherited))
        )
    unique_ids(r, [((*path, "films", i), film.id) for i, film in enumerate(films)], "film")
    return Filmography(person, tuple(films))


def read_disagreements(r: Reader, top: dict[str, Any]) -> tuple[Disagreement, ...]:
    out = []
    for path, raw in r.items(top, (), "disagreements"):
        f = r.mapping(raw, path, {"id", "about", "note", "terms", "source"})
        if f is None:
            continue
        out.append(
            Disagreement(
                id=r.slug(f, path),
                note=r.text(f, path, "note", required=True),
                terms=r.texts(f, path, "terms"),
                sources=r.sources(f, path),
            )
        )
    return tuple(out)
