"""List questions ("name them all") from the facts: the leading cast, the characters who are
mothers, the crew's heads of department, the director's features of each decade and the shorts
before the first feature.

A list shows every item once named, and each item's clue (a role, a job, a year) from the start,
so it is in the group of every fact it lists: a session that asks it never asks "Who plays
Janis?" or "In which year did “Volver” come out?" too.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from quizgame.core.generate.characters import CHARACTERS
from quizgame.core.generate.draft import Context, Draft, max_spoiler, merge_sources
from quizgame.core.generate.english import join_names, quote
from quizgame.core.generate.facts import FilmEntry
from quizgame.core.generate.filmography import FILMOGRAPHY, film_fact, other_films
from quizgame.core.generate.make import About, draft_of
from quizgame.core.generate.people import CAST, CREW, cast_fact, crew_fact
from quizgame.core.generate.vocab import JOBS
from quizgame.core.packs.list_items import MAX_LIST_ITEMS
from quizgame.core.packs.model import ListItem, QuestionType

MIN_ITEMS = 3
# Seconds to name them in timed modes: a start, then some for each item.
SECONDS_FIRST, SECONDS_EACH = 15, 8
# The jobs that head a department of a film crew (producers run the production instead).
HEADS = ("director", "screenplay", "composer", "cinematographer", "editor")
MOTHERS = ("mother", "biological_mother")
_PRONOUNS = {"female": "her", "male": "his"}


def name_all(
    ctx: Context,
    qid: str,
    prompt: str,
    items: Sequence[ListItem],
    about: About,
    facts: Sequence[str] = (),
) -> Draft | None:
    """A list question naming `items` (None if there are too few); it shows each of `facts`."""
    if len(items) < MIN_ITEMS:
        return None
    draft = draft_of(ctx, qid, QuestionType.LIST, prompt, about)
    draft.answers = tuple(items)[:MAX_LIST_ITEMS]
    draft.facts += tuple(facts)
    seconds = SECONDS_FIRST + SECONDS_EACH * len(draft.answers)
    draft.time_limit = float(5 * round(seconds / 5))
    return draft


def list_questions(ctx: Context) -> Iterator[Draft | None]:
    """Every list question the facts allow."""
    yield _leading_cast(ctx)
    yield _mothers(ctx)
    yield _heads_of_department(ctx)
    yield from _filmography(ctx)


MAX_DECADE_LISTS = 2  # filmography lists by decade, the fullest decades


def _leading_cast(ctx: Context) -> Draft | None:
    facts = ctx.facts
    credits = [
        c for c in facts.cast if c.person in facts.people and c.character in facts.characters
    ]
    items = []
    for credit in credits:
        person = facts.people[credit.person]
        # A surname names the actor when no one else in the list has it.
        accept = ctx.surname_accept(credit.person, (c.person for c in credits)) + person.aka
        items.append(ListItem(person.name, accept, facts.characters[credit.character].name))
    said = join_names([f"{i.answer} ({i.show})" for i in items])
    sources = merge_sources(*(c.sources for c in credits))
    about = About(CAST, f"The cast of {ctx.title}: {said}.", sources, 0, fact="cast-list")
    prompt = f"Name the actors who play the leading parts in {ctx.title}."
    return name_all(ctx, "cast-list", prompt, items, about, [cast_fact(c) for c in credits])


def _mothers(ctx: Context) -> Draft | None:
    facts = ctx.facts
    relations = [
        r
        for r in facts.relations
        if r.kind in MOTHERS and r.who in facts.characters and r.of in facts.characters
    ]
    mothers = list(dict.fromkeys(r.who for r in relations))
    items = [ListItem(facts.characters[m].name, facts.characters[m].aka) for m in mothers]
    told = [
        f"{facts.characters[r.who].name} is the mother of {facts.characters[r.of].name}"
        for r in relations
    ]
    about = About(
        CHARACTERS,
        f"In {ctx.title}, {join_names(told)}.",
        merge_sources(*(r.sources for r in relations)),
        1,
        max_spoiler(r.spoiler for r in relations),
        fact="mothers-list",
    )
    prompt = f"Name the characters of {ctx.title} who are mothers."
    shown = [r.group or f"relation-{r.id}" for r in relations]
    return name_all(ctx, "character-mothers-list", prompt, items, about, shown)


def _heads_of_department(ctx: Context) -> Draft | None:
    facts = ctx.facts
    credits = [c for c in facts.crew if c.person in facts.people and c.job in HEADS]
    jobs: dict[str, list[str]] = {}
    for credit in credits:
        jobs.setdefault(credit.person, []).append(JOBS[credit.job].title)
    items = []
    for pid, titles in jobs.items():
        person = facts.people[pid]
        accept = ctx.surname_accept(pid, jobs) + person.aka
        items.append(ListItem(person.name, accept, join_names(titles)))
    said = join_names([f"{i.answer} ({i.show})" for i in items])
    sources = merge_sources(*(c.sources for c in credits))
    about = About(CREW, f"The heads of department on {ctx.title}: {said}.", sources, 1,
                  fact="crew-list")  # fmt: skip
    prompt = f"Name the heads of department of the crew of {ctx.title}."
    return name_all(ctx, "crew-list", prompt, items, about, [crew_fact(c) for c in credits])


def _filmography(ctx: Context) -> Iterator[Draft | None]:
    found = other_films(ctx)
    if found is None:
        return
    by, films = found
    filmography = ctx.facts.filmography
    assert filmography is not None  # other_films found it
    person = ctx.facts.people[filmography.person]
    features = [f for f in films if not f.short]
    decades: dict[int, list[FilmEntry]] = {}
    for entry in features:
        decades.setdefault(entry.year // 10 * 10, []).append(entry)
    # Two decades at most, the fullest: a list a decade would make filmography the pack's filler
    # again (issue 11 holds it under a fifth of the pack).
    fullest = sorted(decades, key=lambda d: (-len(decades[d]), d))[:MAX_DECADE_LISTS]
    for decade in sorted(fullest):
        entries = decades[decade]
        prompt = f"Name the feature films {by} that came out in the {decade}s."
        lead = f"The feature films {by} of the {decade}s"
        yield _films(ctx, f"filmography-list-{decade}s", prompt, lead, entries, 1)
    if features:
        first = features[0]
        # The shorts listed before it: Salomé (short, 1978) came before the 1978 feature.
        shorts = [f for f in films[: films.index(first)] if f.short]
        pronoun = _PRONOUNS.get(person.gender or "", "their")
        prompt = (
            f"Name the short films {by} that came out before {pronoun} first feature, "
            f"{quote(first.title)} ({first.year})."
        )
        lead = f"The short films {by} before {quote(first.title)}"
        draft = _films(ctx, "filmography-list-shorts", prompt, lead, shorts, 2)
        if draft is not None:
            draft.facts += (film_fact(first),)  # the prompt tells its year
        yield draft


def _films(
    ctx: Context, qid: str, prompt: str, lead: str, entries: Sequence[FilmEntry], base: int
) -> Draft | None:
    """A list of films, each shown with its year; `lead` starts the explanation."""
    items = [ListItem(entry.title, (), str(entry.year)) for entry in entries]
    said = join_names([f"{quote(e.title)} ({e.year})" for e in entries])
    sources = merge_sources(*(e.sources for e in entries))
    about = About(FILMOGRAPHY, f"{lead}: {said}.", sources, base, fact=qid)
    return name_all(ctx, qid, prompt, items, about, [film_fact(e) for e in entries])
