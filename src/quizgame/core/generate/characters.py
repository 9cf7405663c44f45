"""Questions about the characters: names, professions, where they live, and their relations."""

from __future__ import annotations

from collections.abc import Iterator

from quizgame.core.generate.draft import Context, Draft, merge_sources, normalize
from quizgame.core.generate.english import capitalize, possessive, with_article
from quizgame.core.generate.facts import Character, Disputed, Fact, Relation
from quizgame.core.generate.make import (
    About,
    choice_or_typed,
    matching,
    only_choice,
    sibling_statement,
    true_false,
)
from quizgame.core.generate.vocab import RELATIONS
from quizgame.core.packs.model import Spoiler

CHARACTERS = "characters"


def profession_pool(ctx: Context, spoiler: Spoiler = Spoiler.NONE) -> list[tuple[str, str]]:
    """Every undisputed profession in the facts: characters' and plot keys of kind profession
    told no later than `spoiler` (a wrong choice must not spoil: with spoilers off, "What is
    Janis's profession?" never offers Ana's job later in the film)."""
    pool: dict[str, tuple[str, str]] = {}
    for character in ctx.facts.characters.values():
        if isinstance(character.profession, Fact):
            value = character.profession.value
            pool.setdefault(normalize(value), (f"character:{character.id}", value))
    for statement in (*ctx.facts.events, *ctx.facts.trivia):
        if statement.spoiler.rank > spoiler.rank:
            continue
        for key in statement.keys:
            if key.kind == "profession" and isinstance(key.value, str):
                pool.setdefault(normalize(key.value), (f"key:{statement.id}:{key.id}", key.value))
    return list(pool.values())


def character_questions(ctx: Context) -> Iterator[Draft | None]:
    """Per character: surname, profession, home, namesake and who raised them; then relations."""
    pool = profession_pool(ctx)
    for character in ctx.facts.characters.values():
        yield from _attributes(ctx, character, pool)
    professions = [
        (c, c.profession) for c in ctx.facts.characters.values() if isinstance(c.profession, Fact)
    ]
    if len(professions) >= 3:
        pairs = [(c.name, capitalize(p.value)) for c, p in professions]
        sources = merge_sources(*(p.sources for _c, p in professions))
        sentence = "; ".join(f"{c.name} is {with_article(p.value)}" for c, p in professions)
        about = About(CHARACTERS, capitalize(sentence) + ".", sources, 1, fact="professions")
        yield matching(
            ctx,
            "character-profession-match",
            "Match each character to their profession.",
            pairs,
            about,
            [f"character-profession-{c.id}" for c, _p in professions],
        )
    yield from _relations(ctx)


def _attributes(
    ctx: Context, character: Character, pool: list[tuple[str, str]]
) -> Iterator[Draft | None]:
    name = character.name
    cid = character.id
    if character.full_name and character.full_name.value != name:
        full = character.full_name.value
        surname = full[len(name) :].strip()
        about = About(
            CHARACTERS,
            f"{possessive(name)} full name is {full}.",
            character.full_name.sources,
            1,
            fact=f"character-surname-{cid}",
            quote=character.full_name.quote,
        )
        yield choice_or_typed(
            ctx,
            f"character-surname-{cid}",
            f"What is {possessive(name)} surname?",
            surname,
            about,
            accept=character.full_name.accept,
            typed=True,
        )
    profession = character.profession
    if isinstance(profession, Fact):
        value = profession.value
        fact = f"{name} is {with_article(value)}."
        qid = f"character-profession-{cid}"
        about = About(CHARACTERS, fact, profession.sources, 0, fact=qid, quote=profession.quote)
        yield choice_or_typed(
            ctx,
            qid,
            f"What is {possessive(name)} profession?",
            value,
            about,
            pool,
            accept=profession.accept,
        )
        wrong = [v for k, v in pool if normalize(v) != normalize(value)]
        swap = ctx.pick(f"{qid}-tf", [(normalize(v), v) for v in wrong], 1)
        false_text = f"{name} is {with_article(swap[0])}." if swap else None
        yield true_false(ctx, f"{qid}-tf", fact, false_text, about, also_asked=True)
    elif isinstance(profession, Disputed):
        # The one question on a disputed fact: it accepts every variant and says they differ.
        values = [v.value for v in profession.variants]
        described = ", another ".join(with_article(v) for v in values)
        counts = "Either answer counts." if len(values) == 2 else "Any of them counts."
        about = About(
            CHARACTERS,
            f"The sources disagree: one calls {name} {described}. {counts}",
            profession.sources,
            1,
            fact=f"character-profession-{cid}",
            quote=" … ".join(v.quote for v in profession.variants if v.quote) or None,
        )
        draft = choice_or_typed(
            ctx,
            f"character-profession-{cid}",
            f"What is {possessive(name)} profession?",
            " or ".join(values),
            about,
            accept=[*values, *(a for v in profession.variants for a in v.accept)],
            typed=True,
        )
        draft.disputed_ok = True
        draft.tags = ("sources-disagree",)
        yield draft
    for attribute, slug, sentence, prompt in _PLAIN_FACTS:
        fact = getattr(character, attribute)
        if not fact:
            continue
        qid = f"character-{slug}-{cid}"
        # A character's home or namesake is told early and plainly: not an obscure fact.
        about = About(
            CHARACTERS,
            sentence.format(name=name, value=fact.value),
            fact.sources,
            0,
            fact=qid,
            quote=fact.quote,
        )
        yield choice_or_typed(
            ctx,
            qid,
            prompt.format(name=name),
            fact.value,
            about,
            accept=fact.accept,
            typed=True,
        )


# One-value facts about a character, asked the same way: (attribute, id slug, the fact in a
# sentence, the question).
_PLAIN_FACTS = (
    ("home", "home", "{name} is based in {value}.", "In which city is {name} based?"),
    ("named_after", "named-after", "{name} is named after {value}.", "Who is {name} named after?"),
    ("raised_by", "raised-by", "{name} was raised by {value}.", "Who raised {name}?"),
)


def _relations(ctx: Context) -> Iterator[Draft | None]:
    facts = ctx.facts
    chars = facts.characters
    relations = [
        r for r in facts.relations if r.who in chars and r.of in chars and r.kind in RELATIONS
    ]
    for relation in relations:
        kind = RELATIONS[relation.kind]
        who, of = chars[relation.who], chars[relation.of]
        same = [r for r in relations if r.kind == relation.kind and r.of == relation.of]
        correct = {r.who for r in same}
        # Anyone else tied to `of` is left out of the wrong answers: a lover offered as a wrong
        # "best friend" could be argued right.
        tied = {r.who for r in relations if r.of == relation.of} | {
            r.of for r in relations if r.who == relation.of
        }
        candidates = [
            (c.id, c.name)
            for c in chars.values()
            if c.id not in correct | tied | {of.id}
            and c.group == who.group
            and _gender_fits(c, kind.gender)
        ]
        noun = f"{possessive(of.name)} {kind.noun}"
        fact = f"{who.name} is {noun}."
        qid = f"relation-{relation.id}"
        about = About(
            CHARACTERS,
            fact,
            relation.sources,
            1,
            relation.spoiler,
            fact=relation.group or qid,
            quote=relation.quote,
        )
        also = [chars[c].name for c in correct]
        asked: Draft | None = None
        if len(same) == 1:
            asked = choice_or_typed(ctx, qid, f"Who is {noun}?", who.name, about, candidates, also)
        elif relation is _first_told(same):
            asked = only_choice(
                ctx, qid, f"Which of these characters is {noun}?", who.name, about, candidates, also
            )
        yield asked
        # A false statement names someone tied to `of` another way ("Janis is Ana's mother"),
        # a near miss; a stranger to them ("Teresa is Janis's lover") is false at a glance.
        # Between two social bonds (lover, best friend) a near miss could be argued true: none.
        ties = _ties(relations, relation.of)
        near = [
            (c.id, c.name)
            for c in chars.values()
            if c.id in ties
            and c.id not in correct | {of.id}
            and c.group == who.group
            and _gender_fits(c, kind.gender)
            and not (relation.kind in _BONDS and ties[c.id] & _BONDS)
        ]
        yield sibling_statement(
            ctx,
            f"{qid}-tf",
            f"relation-tf-{relation.kind}-{relation.of}",
            same.index(relation),
            fact,
            [(key, f"{name} is {noun}.") for key, name in near],
            about,
            also_asked=asked is not None,
        )


_BONDS = frozenset({"lover", "partner", "best_friend", "friend"})


def _ties(relations: list[Relation], person: str) -> dict[str, set[str]]:
    """Everyone related to `person` either way, with the kinds of relation that tie them."""
    out: dict[str, set[str]] = {}
    for r in relations:
        if r.of == person:
            out.setdefault(r.who, set()).add(r.kind)
        if r.who == person:
            out.setdefault(r.of, set()).add(r.kind)
    return out


def _first_told(relations: list[Relation]) -> Relation:
    return min(relations, key=lambda r: (r.spoiler.rank, relations.index(r)))


def _gender_fits(character: Character, wanted: str | None) -> bool:
    return wanted is None or character.gender in (None, wanted)
