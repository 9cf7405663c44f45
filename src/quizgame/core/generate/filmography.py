"""Questions about the director's (or another person's) films: years, shorts, order, matching."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence

from quizgame.core.generate.draft import (
    MAX_DISTRACTORS,
    Context,
    Draft,
    merge_sources,
    stable_hash,
)
from quizgame.core.generate.english import join_names, quote
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

FILMOGRAPHY = "filmography"
SET_SIZE = 3
# A short offered as a wrong choice is from within this many years: a late short among early
# ones would be the odd one out.
SHORT_ERA = 5


def other_films(ctx: Context) -> tuple[str, list[FilmEntry]] | None:
    """The filmography's films but the one the pack is about, by year, and how to name their
    maker ("by the director of “X”" when they directed it, since the name would answer "Who
    directed X?"); None when the facts have no filmography of a known person."""
    facts = ctx.facts
    filmography = facts.filmography
    if filmography is None or filmography.person not in facts.people:
        return None
    person = facts.people[filmography.person]
    # The film the pack is about is left out: its year and director are asked elsewhere, and an
    # ordering or matching of "films by X" holding it would give both away.
    film = facts.film
    films = sorted(
        (
            f
            for f in filmography.films
            if not (
                f.title == film.title.value and (film.year is None or f.year == film.year.value)
            )
        ),
        key=lambda f: f.year,
    )
    directed = any(c.person == person.id and c.job == "director" for c in facts.crew)
    return (f"by the director of {ctx.title}" if directed else f"by {person.name}"), films


def filmography_questions(ctx: Context) -> Iterator[Draft | None]:
    """A year question per feature, short-or-not questions, orderings and matchings."""
    found = other_films(ctx)
    if found is None or not found[1]:
        return
    by, films = found
    latest = max(f.year for f in films)
    features = [f for f in films if not f.short]
    for entry in films:
        if not entry.short:
            yield _year(ctx, by, entry, latest)
        if _stated(ctx, entry):
            yield _short(ctx, f"filmography-short-{entry.id}", by, entry)
    yield from _short_choices(ctx, by, films)
    # Films dealt into sets of about three, far apart in time; a set is ordered or matched to
    # its years, in turn. Either tells (or narrows) the years of its films, so the set's question
    # is in the group of each of its films: a session asks it or their own questions.
    by_year = _distinct_years(sorted(features, key=lambda f: f.year))
    for number, group in enumerate(_dealt(by_year, max(1, len(by_year) // SET_SIZE))):
        titles = [quote(f.title) for f in group]
        sources = merge_sources(*(f.sources for f in group))
        shown = [film_fact(f) for f in group]
        if number % 2 == 0:
            qid = f"filmography-order-{group[0].id}"
            prompt = (
                f"Put these films {by} in order of release, earliest first: "
                f"{_scrambled(ctx, qid, titles)}."
            )
            # The explanation gives the order, not the years: those are asked on their own.
            text = "In order of release: " + join_names(titles) + "."
            about = About(FILMOGRAPHY, text, sources, 1, fact=qid)
            positions = [str(f.year) for f in group]
            yield ordering(ctx, qid, prompt, titles, about, positions, shown)
        else:
            qid = f"filmography-match-{group[0].id}"
            prompt = (
                f"Match these films {by} to the years they came out: "
                f"{_scrambled(ctx, qid, titles)}."
            )
            pairs = [(quote(f.title), str(f.year)) for f in group]
            about = About(FILMOGRAPHY, _years_sentence(group), sources, 1, fact=qid)
            yield matching(ctx, qid, prompt, pairs, about, shown)


def film_fact(entry: FilmEntry) -> str:
    return f"filmography-{entry.id}"


def film_quote(entry: FilmEntry) -> str:
    """A film's entry as a filmography list writes it (`quotes` checks it is in the source)."""
    return f"{entry.title} ({'short, ' if entry.short else ''}{entry.year})"


def _scrambled(ctx: Context, qid: str, titles: list[str]) -> str:
    """The titles listed in an order that is never the answer's."""
    shuffled = list(ctx.shuffle(qid, titles))
    if shuffled == titles:
        shuffled = shuffled[1:] + shuffled[:1]
    return join_names(shuffled)


def _year(ctx: Context, by: str, entry: FilmEntry, latest: int) -> Draft:
    qid = f"filmography-year-{entry.id}"
    title = quote(entry.title)
    about = About(
        FILMOGRAPHY,
        f"{title} came out in {entry.year}.",
        entry.sources,
        1,
        fact=film_fact(entry),
        quote=film_quote(entry),
    )
    prompt = f"In which year did {title}, {by}, come out?"
    if ctx.chance(qid, 1, 2):
        # No tolerance: as a choice the neighbouring year is wrong, so typed it is wrong too.
        return numeric(ctx, qid, prompt, entry.year, about)
    # Years in order; where the right one falls among them varies by hash.
    choices = year_window(ctx, qid, entry.year, latest)
    return given_choices(ctx, qid, prompt, str(entry.year), choices, about)


def _stated(ctx: Context, entry: FilmEntry) -> bool:
    """Whether a film gets a short-or-not true/false: about a third of the shorts and a sixth of
    the features, so both answers occur; the other shorts are asked as choices."""
    return ctx.chance(f"filmography-short-{entry.id}", 1, 3 if entry.short else 6)


def _short(ctx: Context, qid: str, by: str, entry: FilmEntry) -> Draft:
    title = quote(entry.title)
    fact = (
        f"{title} ({entry.year}) is a short film {by}."
        if entry.short
        else f"{title} ({entry.year}) is a feature film, not a short."
    )
    about = About(
        FILMOGRAPHY,
        fact,
        entry.sources,
        2 if entry.short else 1,
        fact=film_fact(entry),
        quote=film_quote(entry),
    )
    return statement(ctx, qid, f"{title}, {by}, is a short film.", entry.short, about)


def _short_choices(ctx: Context, by: str, films: Sequence[FilmEntry]) -> Iterator[Draft]:
    """ "Which of these shorts was made in 1975?": one per year with several shorts, its wrong
    choices shorts of other years nearby (the same kind, era and fame: an obscure short among
    famous features would stand out). A short with a short-or-not statement of its own is offered
    in no such question."""
    stated = {f.id for f in films if _stated(ctx, f)}
    by_year: dict[int, list[FilmEntry]] = {}
    for entry in films:
        if entry.short and entry.id not in stated:
            by_year.setdefault(entry.year, []).append(entry)
    made = Counter(f.year for f in films if f.short)
    for year, shorts in sorted(by_year.items()):
        if made[year] < 2:
            continue
        qid = f"filmography-short-choice-{year}"
        # Which short is asked depends on the facts alone, like every question; the seed varies
        # only the wrong choices.
        entry = min(shorts, key=lambda f: (stable_hash(qid, f.id), f.id))
        others = [
            (f.id, quote(f.title))
            for f in films
            if f.short and f.year != year and abs(f.year - year) <= SHORT_ERA and f.id not in stated
        ]
        wrong = ctx.pick(qid, others, MAX_DISTRACTORS)
        if len(wrong) + 1 < 3:
            return
        title = quote(entry.title)
        about = About(
            FILMOGRAPHY, f"{title} ({year}) is a short film {by}.", entry.sources, 1,
            fact=film_fact(entry), quote=film_quote(entry),
        )  # fmt: skip
        prompt = f"Which of these shorts {by} was made in {year}?"
        yield given_choices(ctx, qid, prompt, title, ctx.shuffle(qid, [title, *wrong]), about)


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
