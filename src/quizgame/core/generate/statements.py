"""Questions from statements: plot events (ordered, with spoiler levels) and trivia.

A statement is one sentence; each of its keys is a part of that sentence a question asks about,
either with the key's own `ask` wording or as a fill-in-the-blank. A false true/false statement is
the sentence with the key swapped for another value of the same kind.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import replace

from quizgame.core.generate.characters import profession_pool
from quizgame.core.generate.draft import (
    Context,
    Draft,
    distractors,
    max_spoiler,
    merge_sources,
    names,
)
from quizgame.core.generate.english import mid_sentence
from quizgame.core.generate.facts import CHARACTER_GROUP_DEFAULT, AnswerKey, Statement
from quizgame.core.generate.make import (
    MAX_ITEMS,
    About,
    choice_or_typed,
    numeric,
    ordering,
    true_false,
    wrong_number,
)
from quizgame.core.packs.model import Spoiler, format_number

PLOT = "plot"
_ORDER_WORDS = (
    "put these events in the order they happen.",
    "in what order do these events take place?",
    "arrange these events from first to last.",
    "which comes first? Put these events in story order.",
)
ITEMS_PER_ORDERING = 4
_WHEN = {
    Spoiler.NONE: "Early in the film",
    Spoiler.MID: "In the middle of the film",
    Spoiler.ENDING: "Near the end of the film",
}


def statement_questions(ctx: Context) -> Iterator[Draft | None]:
    """Keyed questions for every event and piece of trivia, then the plot orderings."""
    for prefix, statements in (("plot", ctx.facts.events), ("trivia", ctx.facts.trivia)):
        for statement in statements:
            if not statement.sensitive:  # kept as a fact, never made into a question
                yield from _keyed(ctx, statement, prefix)
    yield from _orderings(ctx)


def _shown(key: AnswerKey) -> str:
    return format_number(key.value) if isinstance(key.value, float) else key.value


def _replace(text: str, old: str, new: str) -> str:
    """`old` swapped for `new` once, as a whole word (so "80" never matches inside "1980")."""
    return re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", lambda _m: new, text, count=1)


def _replace_all(text: str, old: str, new: str) -> str:
    """`old` swapped for `new` wherever it stands as a whole word: a false statement that
    swapped one "Ana" of two would contradict itself ("swabs from Teresa ... Ana is the
    mother"), which gives it away."""
    return re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", lambda _m: new, text)


def statement_fact(prefix: str, statement: Statement) -> str:
    """The fact id of a plot event or piece of trivia: its own, or the group it declares."""
    return statement.group or f"{prefix}-{statement.id}"


def _candidates(
    ctx: Context, key: AnswerKey, strict: bool = False, spoiler: Spoiler = Spoiler.ENDING
) -> list[tuple[str, str]]:
    """Same-kind values for `key`, none told later than `spoiler`. Characters: of the answer's
    group and gender, so no choice is the odd one out ("he" in a prompt, the only man among
    the choices). For an answer of unknown gender, those of unknown gender and of the
    commonest known one; with `strict` (for a false statement) unknown only."""
    facts = ctx.facts
    if key.kind == "character":
        answer = next((c for c in facts.characters.values() if c.name == key.value), None)
        if answer is None:
            return [(c.id, c.name) for c in facts.characters.values()]
        group = [c for c in facts.characters.values() if c.group == answer.group]
        genders = [answer.gender]
        if answer.gender is None and not strict:
            known = Counter(c.gender for c in group if c.gender is not None)
            genders += [known.most_common(1)[0][0]] if known else []
        return [(c.id, c.name) for c in group if c.gender in genders]
    if key.kind == "cast":
        return [
            (c.person, facts.people[c.person].name) for c in facts.cast if c.person in facts.people
        ]
    if key.kind == "person":
        return [(p.id, p.name) for p in facts.people.values()]
    if key.kind == "profession":
        return profession_pool(ctx, spoiler)
    return []


def _is_main(ctx: Context, key: AnswerKey) -> bool:
    return any(
        c.name == key.value and c.group == CHARACTER_GROUP_DEFAULT
        for c in ctx.facts.characters.values()
    )


def _name_forms(ctx: Context, key: AnswerKey) -> tuple[str, ...]:
    """Other names a typed answer naming someone may use: a character's full name and aliases,
    a person's surname when no one else in the cast (or among the people) has it."""
    facts = ctx.facts
    if key.kind == "character":
        for character in facts.characters.values():
            if character.name == key.value:
                full = (character.full_name.value,) if character.full_name else ()
                return (*full, *character.aka)
    elif key.kind in ("cast", "person"):
        among = [c.person for c in facts.cast] if key.kind == "cast" else list(facts.people)
        for person in facts.people.values():
            if person.name == key.value:
                return (*ctx.surname_accept(person.id, among), *person.aka)
    return ()


def _keyed(ctx: Context, statement: Statement, prefix: str) -> Iterator[Draft | None]:
    base = 0 if statement.spoiler is Spoiler.NONE else 1
    about = About(
        statement.category,
        statement.text,
        statement.sources,
        base,
        statement.spoiler,
        statement.difficulty,
        fact=statement_fact(prefix, statement),
        quote=statement.quote,
    )
    for index, key in enumerate(statement.keys):
        qid = f"{prefix}-{statement.id}" if index == 0 else f"{prefix}-{statement.id}-{key.id}"
        shown = _shown(key)
        prompt = key.ask or "Fill in the blank: " + _replace(statement.text, shown, "___")
        if isinstance(key.value, float):
            yield numeric(ctx, qid, prompt, key.value, about, key.tolerance or 0.0, key.unit)
        else:
            # A main character's name is no obscure answer, even typed and mid-film: "Arturo"
            # as the father at the end is not hard.
            known = key.kind == "character" and _is_main(ctx, key)
            yield choice_or_typed(
                ctx,
                qid,
                prompt,
                key.value,
                replace(about, base=about.base - 1) if known else about,
                [(w, w) for w in key.wrong] or _candidates(ctx, key, spoiler=statement.spoiler),
                accept=(*key.accept, *_name_forms(ctx, key)),
                typed=key.kind == "text" and not key.wrong,
            )
    # One true/false per statement, on its first key that has a same-kind wrong value. Only for
    # keys asked in their own words: a fill-in-the-blank reads almost like the statement itself.
    qid = f"{prefix}-tf-{statement.id}"
    for key in statement.keys:
        if key.ask is None:
            continue
        wrong = _wrong_value(ctx, qid, statement, key)
        if wrong is not None:
            yield true_false(
                ctx, qid, statement.text, _replace_all(statement.text, _shown(key), wrong), about
            )
            return


def _wrong_value(ctx: Context, qid: str, statement: Statement, key: AnswerKey) -> str | None:
    if isinstance(key.value, float):
        step = key.tolerance or max(1.0, abs(key.value) * 0.1)
        value = wrong_number(ctx, qid, key.value, (-4 * step, -2 * step, 2 * step, 4 * step))
        return format_number(value) if value != key.value else None
    if key.wrong:  # the author's near misses make the most plausible false statements
        return ctx.pick(qid, [(w, w) for w in key.wrong], 1)[0]
    candidates = _candidates(ctx, key, strict=True, spoiler=statement.spoiler)
    found = distractors(ctx, qid, statement.text, key.value, candidates, count=1)
    return found[0] if found else None


def _orderings(ctx: Context) -> Iterator[Draft]:
    events = [e for e in ctx.facts.events if e.label and not e.flashback and not e.sensitive]
    for spoiler in Spoiler:
        band = [e for e in events if e.spoiler is spoiler]
        groups = spread_groups(band, ITEMS_PER_ORDERING)
        for number, group in enumerate(groups):
            yield _ordering(ctx, f"plot-order-{group[0].id}", _order_prompt(spoiler, number), group)
    if len(events) >= 8:
        last = len(events) - 1
        picks: list[Statement] = []
        for i in range(MAX_ITEMS):
            # The event at an even step through the film, or the next one at another moment.
            for event in events[round(i * last / (MAX_ITEMS - 1)) :]:
                if event not in picks and not any(_together(event, p) for p in picks):
                    picks.append(event)
                    break
        yield _ordering(
            ctx,
            "plot-order-whole-film",
            "Put these moments from the whole film in story order.",
            picks,
        )


def _order_prompt(spoiler: Spoiler, number: int) -> str:
    """Each ordering in a stretch of the story gets its own wording."""
    when = _WHEN[spoiler]
    if number < len(_ORDER_WORDS):
        return f"{when}: {_ORDER_WORDS[number]}"
    return f"{when}: {_ORDER_WORDS[0][:-1]} (set {number + 1})."


def _ordering(ctx: Context, qid: str, prompt: str, group: Sequence[Statement]) -> Draft:
    labels = [e.label or e.id for e in group]
    about = About(
        PLOT,
        "In story order: " + "; then ".join(mid_sentence(label) for label in labels) + ".",
        merge_sources(*(e.sources for e in group)),
        1,
        max_spoiler(e.spoiler for e in group),
    )
    # A label naming the answer of a question on its event ("Arturo's foundation gets permission
    # to dig" for "Whose foundation...?") puts that question in the ordering's group.
    shown = [
        statement_fact(PLOT, e)
        for e in group
        if any(
            names(e.label or "", answer) for key in e.keys for answer in (_shown(key), *key.accept)
        )
    ]
    positions = [e.moment or e.id for e in group]
    return ordering(ctx, qid, prompt, labels, about, positions, shown)


def _together(a: Statement, b: Statement) -> bool:
    """Whether two events happen at the same moment, so neither comes first."""
    return a.moment is not None and a.moment == b.moment


def spread_groups(items: Sequence[Statement], size: int) -> list[list[Statement]]:
    """Items dealt into groups of about `size` (3 to 5), every n-th item to the same group, so
    the events in one question are far apart in the story and their order is clear. An event is
    never dealt to a group holding one at the same moment; it goes to the next group instead."""
    if len(items) < 3:
        return []
    count = max(1, round(len(items) / size))
    while count > 1 and len(items) // count < 3:
        count -= 1
    groups: list[list[Statement]] = [[] for _ in range(count)]
    for index, item in enumerate(items):
        for step in range(count):
            group = groups[(index + step) % count]
            if not any(_together(item, other) for other in group):
                group.append(item)
                break
    return [g[:MAX_ITEMS] for g in groups if len(g) >= 3]
