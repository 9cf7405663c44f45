"""Questions about the director's (or another person's) films: years, shorts, order, matching."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quizgame.core.generate.draft import Context, Draft, merge_sources
from quizgame.core.generate.english import join_names, possessive, quote
from quizgame.core.generate.facts import FilmEntry
from quizgame.core.generate.make import (
    About,
    given_choices,
    matching,
    numeric,
    ordering,
    statement,
    year_window,
)
from quizgame.core.model import Difficulty

FILMOGRAPHY = "filmography"
ORDER_SIZE = 4
MATCH_SETS = 3


def filmography_questions(ctx: Context) -> Iterator[Draft | None]:
    """A year question per feature, a short-or-not true/false, orderings and matchings."""
    facts = ctx.facts
    filmography = facts.filmography
    if filmography is None or filmography.person not in facts.people:
        return
    person = facts.people[filmography.person]
    films = filmography.films
    film = facts.film
    # The film the pack is about is asked about elsewhere; it is still a landmark in orderings.
    this_film = [
        f
        for f in films
        if f.title == film.title.value and (film.year is None or f.year == film.year.value)
    ]
    latest = max(f.year for f in films)
    features = [f for f in films if not f.short]
    for entry in films:
        if entry in this_film:
            continue
        if not entry.short:
            yield _year(ctx, person.name, entry, latest)
        # About half of the shorts and a third of the features, so both answers occur.
        qid = f"filmography-short-{entry.id}"
        if ctx.chance(qid, 1, 2 if entry.short else 3):
            yield _short(ctx, qid, person.name, entry)
    by_year = _distinct_years(sorted(features, key=lambda f: f.year))
    for group in _dealt(by_year, max(1, len(by_year) // ORDER_SIZE)):
        qid = f"filmography-order-{group[0].id}"
        titles = [quote(f.title) for f in group]
        prompt = (
            f"Put these films by {person.name} in order of release, earliest first: "
            f"{_scrambled(ctx, qid, titles)}."
        )
        yield ordering(ctx, qid, prompt, titles, _about_years(group))
    # Matching sets are dealt with another step than the orderings, so they mix other films.
    step = max(1, len(by_year) // ORDER_SIZE + 1)
    starts = range(0, step, max(1, step // MATCH_SETS))
    sets = [s for s in (by_year[start::step][:ORDER_SIZE] for start in starts) if len(s) >= 3]
    for group in sets[:MATCH_SETS]:
        qid = f"filmography-match-{group[0].id}"
        titles = [quote(f.title) for f in group]
        prompt = (
            f"Match these films by {person.name} to the years they came out: "
            f"{_scrambled(ctx, qid, titles)}."
        )
        pairs = [(quote(f.title), str(f.year)) for f in group]
        yield matching(ctx, qid, prompt, pairs, _about_years(group))


def _about_years(group: Sequence[FilmEntry]) -> About:
    return About(FILMOGRAPHY, _years_sentence(group), merge_sources(*(f.sources for f in group)), 1)


def _scrambled(ctx: Context, qid: str, titles: list[str]) -> str:
    """The titles listed in an order that is never the answer's."""
    shuffled = list(ctx.shuffle(qid, titles))
    if shuffled == titles:
        shuffled = shuffled[1:] + shuffled[:1]
    return join_names(shuffled)


def _year(ctx: Context, director: str, entry: FilmEntry, latest: int) -> Draft:
    qid = f"filmography-year-{entry.id}"
    title = quote(entry.title)
    about = About(
        FILMOGRAPHY, f"{possessive(director)} {title} came out in {entry.year}.", entry.sources, 1
    )
    prompt = f"In which year did {possessive(director)} {title} come out?"
    if ctx.chance(qid, 1, 2):
        draft = numeric(ctx, qid, prompt, entry.year, about)
        # A year typed from memory is forgiven by one when the question is hard.
        if draft.difficulty is Difficulty.HARD:
            draft.tolerance = 1.0
        return draft
    # Years in order; where the right one falls among them varies by hash.
    choices = year_window(ctx, qid, entry.year, latest)
    return given_choices(ctx, qid, prompt, str(entry.year), choices, about)


def _short(ctx: Context, qid: str, director: str, entry: FilmEntry) -> Draft:
    title = quote(entry.title)
    fact = (
        f"{title} ({entry.year}) is one of {possessive(director)} short films."
        if entry.short
        else f"{title} ({entry.year}) is a feature film, not a short."
    )
    about = About(FILMOGRAPHY, fact, entry.sources, 2 if entry.short else 1)
    text = f"{title} is one of {possessive(director)} short films."
    return statement(ctx, qid, text, entry.short, about)


def _distinct_years(films: Sequence[FilmEntry]) -> list[FilmEntry]:
    """One film per year, so no order or match has two right answers."""
    seen: set[int] = set()
    out = []
    for entry in films:
        if entry.year not in seen:
            seen.add(entry.year)
            out.append(entry)
    return out


def _dealt(films: list[FilmEntry], count: int) -> list[list[FilmEntry]]:
    groups = [films[start::count][:5] for start in range(count)]
    return [g for g in groups if len(g) >= 3]


def _years_sentence(films: Sequence[FilmEntry]) -> str:
    return "In order: " + ", ".join(f"{quote(f.title)} ({f.year})" for f in films) + "."
