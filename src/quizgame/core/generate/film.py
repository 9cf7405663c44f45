"""Questions about the film itself: year, runtime, titles, language, box office, ratings, press."""

from __future__ import annotations

from collections.abc import Iterator

from quizgame.core.generate.draft import Context, Draft
from quizgame.core.generate.english import capitalize, with_article
from quizgame.core.generate.make import (
    About,
    choice_or_typed,
    numeric,
    statement_pair,
    true_false,
    wrong_number,
)
from quizgame.core.packs.model import format_number

THE_FILM = "the film"
RECEPTION = "release and reception"
CURRENCIES = {"USD": "US dollars", "EUR": "euros", "GBP": "pounds sterling"}


def film_questions(ctx: Context) -> Iterator[Draft | None]:
    """Every question on the film's own facts."""
    film = ctx.facts.film
    title = ctx.title
    # A year or title the pack's own title states would give its questions away.
    if film.year and not ctx.pack_says(str(film.year.value)):
        year = film.year.value
        about = About(
            RECEPTION,
            f"{title} was released in {year}.",
            film.year.sources,
            0,
            fact="film-year",
            quote=film.year.quote,
        )
        yield numeric(ctx, "film-year", f"In which year was {title} released?", year, about)
        wrong = int(wrong_number(ctx, "film-year-tf", year, (-3, -2, -1, 1, 2)))
        yield true_false(
            ctx,
            "film-year-tf",
            f"{title} came out in {year}.",
            f"{title} came out in {wrong}.",
            about,
            also_asked=True,
        )
    if film.runtime:
        minutes = film.runtime.value
        about = About(
            THE_FILM,
            f"{title} runs for {minutes} minutes.",
            film.runtime.sources,
            1,
            fact="film-runtime",
            quote=film.runtime.quote,
        )
        yield numeric(
            ctx, "film-runtime", f"How long is {title}, in minutes?", minutes, about, 5, "minutes"
        )
        wrong = int(wrong_number(ctx, "film-runtime-tf", minutes, (-25, -20, -15, 15, 20, 25)))
        yield true_false(
            ctx,
            "film-runtime-tf",
            f"{title} runs for {minutes} minutes.",
            f"{title} runs for {wrong} minutes.",
            about,
            also_asked=True,
        )
    original = film.original_title
    if original and original.value != film.title.value and not ctx.pack_says(original.value):
        about = About(
            THE_FILM,
            f"The original title of {title} is “{original.value}”.",
            original.sources,
            1,
            fact="film-original-title",
            quote=original.quote,
        )
        yield choice_or_typed(
            ctx, "film-original-title", f"What is the original title of {title}?", original.value,
            about, accept=original.accept, typed=True,
        )  # fmt: skip
    if film.languages:
        first, *others = film.languages.value
        spoken = " and ".join(film.languages.value)
        about = About(
            THE_FILM,
            f"The dialogue of {title} is in {spoken}.",
            film.languages.sources,
            0,
            fact="film-language",
            quote=film.languages.quote,
        )
        prompt = f"In which language is the dialogue of {title}?"
        if others:
            prompt = f"Name a language the dialogue of {title} is in."
        accept = [*others, *film.languages.accept]
        yield choice_or_typed(ctx, "film-language", prompt, first, about, accept=accept, typed=True)
    if film.end_credits_scene:
        has = film.end_credits_scene.value
        fact = f"{title} {'has an' if has else 'has no'} end-credits scene."
        about = About(
            THE_FILM,
            fact,
            film.end_credits_scene.sources,
            1,
            fact="film-end-credits-scene",
            quote=film.end_credits_scene.quote,
        )
        yield statement_pair(
            ctx,
            "film-end-credits-scene",
            f"{title} has an end-credits scene.",
            f"{title} has no end-credits scene.",
            has,
            about,
        )
    if film.box_office:
        yield _box_office(ctx)
    yield from _ratings(ctx)
    yield from _press(ctx)


def _box_office(ctx: Context) -> Draft:
    film = ctx.facts.film
    assert film.box_office is not None
    amount = film.box_office.value
    money = CURRENCIES.get(film.currency, film.currency)
    millions = round(amount / 1_000_000, 1)
    shown = format_number(millions)
    # Takings and scores move: the questions say they are the source's snapshot.
    whose = _whose(ctx, film.box_office.sources)
    about = About(
        RECEPTION,
        f"{capitalize(whose)} puts the box-office takings of {ctx.title} at about {shown} million "
        f"{money} (a snapshot: the figure may have changed since).",
        film.box_office.sources,
        2,
        fact="film-box-office",
        quote=film.box_office.quote,
    )
    return numeric(
        ctx,
        "film-box-office",
        f"According to {whose}, roughly how much had {ctx.title} taken at the box "
        f"office, in millions of {money}?",
        millions,
        about,
        tolerance=max(1.0, round(millions * 0.1)),
        unit=f"million {money}",
    )


def _whose(ctx: Context, sources: tuple[str, ...]) -> str:
    """Whose figure a moving number is, and as of when: "What's After the Movie? (as of 2024)"."""
    facts = ctx.facts
    first = sources[0] if sources else ""
    name = facts.source_names.get(first, "the source")
    as_of = facts.source_dates.get(first)
    return f"{name} (as of {as_of})" if as_of else name


def _ratings(ctx: Context) -> Iterator[Draft | None]:
    title = ctx.title
    for rating in ctx.facts.film.ratings:
        if rating.value is None:  # blank in the source: nothing to ask
            continue
        scale = format_number(rating.scale)
        value = rating.value
        shown = format_number(value)
        measure = with_article(rating.measure)
        whose = _whose(ctx, rating.sources)
        fact = f"{capitalize(whose)} lists {title} with {measure} of {shown} out of {scale} on {rating.site}."
        about = About(
            RECEPTION,
            f"{fact[:-1]} (a snapshot: scores change over time).",
            rating.sources,
            2,
            fact=f"rating-{rating.id}",
            quote=rating.quote,
        )
        tolerance = round(rating.scale * 0.03, 1)
        qid = f"rating-{rating.id}"
        yield numeric(
            ctx,
            qid,
            f"According to {whose}, what {rating.measure} does {title} have on "
            f"{rating.site}, out of {scale}?",
            value,
            about,
            tolerance=tolerance,
        )
        step = rating.scale * 0.06
        wrong = wrong_number(ctx, f"{qid}-tf", value, (-2 * step, -step, step, 2 * step))
        wrong = min(wrong, rating.scale) if wrong != value else value
        wrong_shown = format_number(round(wrong) if rating.scale >= 100 else wrong)
        false_text = None
        if wrong_shown != shown and wrong <= rating.scale:
            false_text = (
                f"{capitalize(whose)} lists {title} with {measure} of {wrong_shown} out of "
                f"{scale} on {rating.site}."
            )
        yield true_false(ctx, f"{qid}-tf", fact, false_text, about, also_asked=True)


def _press(ctx: Context) -> Iterator[Draft | None]:
    for press in ctx.facts.film.press:
        words = press.excerpt or press.quote
        about = About(
            RECEPTION,
            f"{press.outlet} wrote: “{press.quote}”",
            press.sources,
            2,
            fact=press.group or f"press-{press.id}",
        )
        yield choice_or_typed(
            ctx,
            f"press-{press.id}",
            f"Which publication called {ctx.title} “{words}”?",
            press.outlet,
            about,
            accept=press.aka,
            typed=True,
        )
