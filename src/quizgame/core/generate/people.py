"""Questions about the cast (who plays whom) and the crew (who did which job)."""

from __future__ import annotations

from collections.abc import Iterator

from quizgame.core.generate.draft import Context, Draft, merge_sources
from quizgame.core.generate.english import capitalize, join_names
from quizgame.core.generate.facts import CastCredit, CrewCredit
from quizgame.core.generate.make import (
    MAX_PAIRS,
    About,
    choice_or_typed,
    matching,
    pairs_sentence,
    sibling_statement,
    true_false,
)
from quizgame.core.generate.vocab import JOBS

CAST = "cast"
CREW = "crew"
LEADS = 2  # the first cast credits, the film's leads


def cast_questions(ctx: Context) -> Iterator[Draft | None]:
    """Who plays each character, whom each actor plays, true/false pairings, one matching."""
    facts = ctx.facts
    credits = [
        c for c in facts.cast if c.person in facts.people and c.character in facts.characters
    ]
    actors = [(c.person, facts.people[c.person].name) for c in credits]
    roles = [(c.character, facts.characters[c.character].name) for c in credits]
    for billing, credit in enumerate(credits):
        person = facts.people[credit.person]
        character = facts.characters[credit.character]
        fact = f"{person.name} plays {character.name} in {ctx.title}."
        # The two leads (billed first) are known to anyone who saw the film; the rest less so.
        about = About(
            CAST,
            fact,
            credit.sources,
            0 if billing < LEADS else 1,
            difficulty=credit.difficulty,
            fact=cast_fact(credit),
            quote=credit.quote,
        )
        # No actor cast as a man is offered for a woman's part, nor the reverse.
        fitting = [
            (pid, name)
            for pid, name in actors
            if facts.people[pid].gender in (None, character.gender) or character.gender is None
        ]
        yield choice_or_typed(
            ctx,
            f"cast-who-plays-{character.id}",
            f"Who plays {character.name} in {ctx.title}?",
            person.name,
            about,
            fitting,
            accept=ctx.surname_accept(person.id, (c.person for c in credits)) + person.aka,
        )
        full = (character.full_name.value,) if character.full_name else ()
        yield choice_or_typed(
            ctx,
            f"cast-role-of-{person.id}",
            f"Which character does {person.name} play in {ctx.title}?",
            character.name,
            about,
            typed=True,
            accept=full + character.aka,
        )
        qid = f"cast-tf-{character.id}"
        # A false statement swaps in a part of the same gender ("Israel Elejalde plays Ana" is
        # false at a glance); a part of unknown gender only for another of unknown gender.
        others = [
            (c, n)
            for c, n in roles
            if c != character.id and facts.characters[c].gender == character.gender
        ]
        wrong = ctx.pick(qid, others, 1)
        yield true_false(
            ctx,
            qid,
            f"{person.name} plays {character.name}.",
            f"{person.name} plays {wrong[0]}." if wrong else None,
            about,
            also_asked=True,
        )
    if len(credits) >= 3:
        pairs = tuple((name, role) for (_p, name), (_c, role) in zip(actors, roles, strict=True))
        sources = merge_sources(*(c.sources for c in credits[:MAX_PAIRS]))
        about = About(CAST, pairs_sentence(pairs[:MAX_PAIRS], "plays"), sources, 0, fact=CAST)
        yield matching(
            ctx,
            "cast-match",
            "Match each actor to the character they play.",
            pairs,
            about,
            [cast_fact(c) for c in credits],
        )


def cast_fact(credit: CastCredit) -> str:
    return f"cast-{credit.character}"


def crew_fact(credit: CrewCredit) -> str:
    return f"crew-{credit.job.replace('_', '-')}-{credit.person}"


def crew_questions(ctx: Context) -> Iterator[Draft | None]:
    """Who did each job, true/false credits, and one matching of people to jobs."""
    facts = ctx.facts
    credits = [c for c in facts.crew if c.person in facts.people and c.job in JOBS]
    crew_people = list(dict.fromkeys((c.person, facts.people[c.person].name) for c in credits))
    for credit in credits:
        person = facts.people[credit.person]
        job = JOBS[credit.job]
        holders = [c.person for c in credits if c.job == credit.job]
        others = [facts.people[p].name for p in holders if p != credit.person]
        verb = job.verb.format(film=ctx.title)
        fact = f"{person.name} {verb}."
        # A credit read from its place on the sheet says so wherever the fact is shown.
        told = f"{fact} The source does not label this credit: {credit.inferred}."
        about = About(
            CREW,
            told if credit.inferred else fact,
            credit.sources,
            job.base,
            difficulty=credit.difficulty,
            fact=crew_fact(credit),
            quote=credit.quote,
        )
        slug = credit.job.replace("_", "-")
        prompt = f"Who {verb}?" if not others else f"Who {verb} together with {join_names(others)}?"
        candidates = [(p, n) for p, n in crew_people if p not in holders]
        also = [facts.people[p].name for p in holders]
        draft = choice_or_typed(
            ctx,
            f"crew-{slug}-{person.id}",
            prompt,
            person.name,
            about,
            candidates,
            also,
            accept=ctx.surname_accept(person.id, holders) + person.aka,
            typed=ctx.chance(f"crew-{slug}-{person.id}", 1, 3),
        )
        # "Who produced it together with Esther García?" tells who the other producer is.
        draft.facts += tuple(crew_fact(c) for c in credits if c.job == credit.job and c != credit)
        yield draft
        yield sibling_statement(
            ctx,
            f"crew-tf-{slug}-{person.id}",
            f"crew-tf-{slug}",
            holders.index(credit.person),
            fact,
            [(key, f"{name} {verb}.") for key, name in candidates],
            about,
            also_asked=True,
        )
    # One job per person and one person per job, so every pair has a single right match.
    pairs: list[tuple[str, str]] = []
    used_people: set[str] = set()
    used_jobs: set[str] = set()
    chosen = []
    for credit in credits:
        if credit.person in used_people or credit.job in used_jobs or len(pairs) == MAX_PAIRS:
            continue
        used_people.add(credit.person)
        used_jobs.add(credit.job)
        chosen.append(credit)
        pairs.append((facts.people[credit.person].name, capitalize(JOBS[credit.job].title)))
    if len(pairs) >= 3:
        sources = merge_sources(*(c.sources for c in chosen))
        roles = join_names([f"{name} ({job.lower()})" for name, job in pairs])
        about = About(CREW, f"The crew of {ctx.title} includes {roles}.", sources, 1, fact=CREW)
        yield matching(
            ctx,
            "crew-match",
            f"Match each person to their job on {ctx.title}.",
            tuple(pairs),
            about,
            [crew_fact(c) for c in chosen],
        )
