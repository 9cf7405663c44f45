"""Reading each section of a facts file into the `facts` model, with cross-reference checks."""

from __future__ import annotations

from collections.abc import Mapping
from functools import partial
from typing import Any

from quizgame.core.generate.facts import (
    Facts,
    Film,
    PackInfo,
    Press,
    Rating,
)
from quizgame.core.generate.reader import FieldRead, Reader, ignored, unique_ids
from quizgame.core.generate.sections_people import (
    genders_from_roles,
    read_cast,
    read_characters,
    read_crew,
    read_people,
    read_relations,
)
from quizgame.core.generate.sections_story import (
    read_disagreements,
    read_filmography,
    read_group,
    read_statements,
)
from quizgame.core.packs.ids import id_problem
from quizgame.core.packs.issues import Code, Key, Path
from quizgame.core.packs.model import format_number
from quizgame.core.packs.pack_fields import EXTRA_FIELDS, PACK, PACK_FIELDS

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
    sources, source_names, source_dates = _sources(r, top.get("sources"))
    pack = _pack(r, top.get("pack"))
    film = _film(r, top.get("film"))
    people = read_people(r, top)
    characters = read_characters(r, top)
    cast = read_cast(r, top, people, characters)
    people = genders_from_roles(people, cast, characters)
    crew = read_crew(r, top, people)
    relations = read_relations(r, top, characters)
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
        source_names=source_names,
        source_dates=source_dates,
    )


def _sources(r: Reader, raw: Any) -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """Each seed file with what it is, the name players see, and as of when it speaks: a file
    maps to a short description, or to `{name: ..., about: ..., as_of: ...}`."""
    if raw is None:
        r.missing((), "sources", "each seed file name, with what it is")
        return {}, {}, {}
    if not isinstance(raw, dict) or not raw:
        r.error(
            ("sources",), Code.WRONG_KIND, "should map each seed file name to a short description"
        )
        return {}, {}, {}
    about: dict[str, str] = {}
    names: dict[str, str] = {}
    dates: dict[str, str] = {}
    for key, value in raw.items():
        file = str(key)
        where = ("sources", Key(file))
        if isinstance(value, dict):
            fields = r.mapping(value, where, {"name", "about", "as_of"}) or {}
            names[file] = r.text(fields, where, "name", required=True) or file
            about[file] = r.text(fields, where, "about")
            if fields.get("as_of") is not None:
                dates[file] = r.text(fields, where, "as_of")
        else:
            about[file] = str(value or "")
    r.source_names.update(about)
    return about, names, dates


def _pack(r: Reader, raw: Any) -> PackInfo | None:
    path: Path = ("pack",)
    if raw is None:
        r.missing((), "pack", "the generated pack's id, title, ...")
        return None
    # The pack's own fields as the pack checker has them: those `Pack` holds, but its questions.
    own = [f for f in PACK if f.name not in EXTRA_FIELDS and f.name != "questions"]
    fields = r.mapping(raw, path, {f.name for f in own})
    if fields is None:
        return None
    pack_id = r.text(fields, path, "id", required=True)
    problem = id_problem(pack_id) if pack_id else None
    if problem:
        r.error((*path, "id"), Code.NOT_AN_ID, problem)
    version = PACK_FIELDS["version"].kind.read(r, fields, path, "version")
    return PackInfo(
        id=pack_id,
        title=r.text(fields, path, "title", required=True),
        description=r.text(fields, path, "description"),
        author=r.text(fields, path, "author"),
        version=PACK_FIELDS["version"].default if version is None else version,
        language=r.text(fields, path, "language") or PACK_FIELDS["language"].default,
    )


def _film(r: Reader, raw: Any) -> Film | None:
    path: Path = ("film",)
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


def _rating(r: Reader, path: Path, raw: Any, inherited: tuple[str, ...]) -> Rating:
    fields: dict[str, FieldRead] = {
        "scale": partial(_scale, r),
        "value": lambda f, p, n: None if f.get(n) is None else r.to_number(f[n], (*p, n)),
        "id": r.slug,
        "site": partial(r.text, required=True),
        "measure": partial(r.text, required=True),
        "source": partial(r.sources, inherited=inherited),
        "note": ignored,
        "quote": lambda f, p, n: r.quote(f, p),
    }
    v = r.section(raw, path, fields, lenient=True) or {}
    value, scale = v["value"], v["scale"]
    if value is not None and value > scale:
        r.error(
            (*path, "value"),
            Code.BAD_VALUE,
            f"{format_number(value)} is above the scale's top, {scale}",
        )
    return Rating(v["id"], v["site"], v["measure"], value, float(scale), v["source"], v["quote"])


def _scale(r: Reader, f: Mapping[str, Any], path: Path, name: str) -> float:
    """The top of a rating's scale: 10 unless said."""
    scale = f.get(name, 10)
    if not isinstance(scale, int | float) or isinstance(scale, bool) or scale <= 0:
        message = "should be a number above 0 (the top of the scale: 10, 100, 5)"
        r.error((*path, name), Code.BAD_VALUE, message)
        return 10
    return scale


def _press(r: Reader, path: Path, raw: Any, inherited: tuple[str, ...]) -> Press:
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
