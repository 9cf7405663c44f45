"""Generating a question pack from a file of facts about a film.

    facts = load_facts("questions/facts/parallel-mothers.facts.yaml")  # from generate.parse
    pack = generate_pack(facts)            # a plain dict in the pack format
    text = dump_pack(pack)                 # quizgame.core.packs.write: the YAML that is committed

Templates per kind of fact (film, cast, crew, characters, plot and trivia, filmography) make all
seven question types; `quality.enforce` then drops any question that breaks a rule, and
`groups.assign` puts each question in the group of every fact it asks about or shows. Nothing
here knows a particular film. The facts-file layout is documented in docs/authoring.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from quizgame.core.generate.characters import character_questions
from quizgame.core.generate.draft import Context
from quizgame.core.generate.facts import Facts
from quizgame.core.generate.film import film_questions
from quizgame.core.generate.filmography import filmography_questions
from quizgame.core.generate.groups import assign as assign_groups
from quizgame.core.generate.lists import list_questions
from quizgame.core.generate.make import balance_true_false
from quizgame.core.generate.parse import parse_facts
from quizgame.core.generate.people import cast_questions, crew_questions
from quizgame.core.generate.quality import Dropped, enforce, true_false_balance
from quizgame.core.generate.shares import cap_shares
from quizgame.core.generate.statements import statement_questions

TEMPLATES = (
    film_questions,
    cast_questions,
    crew_questions,
    character_questions,
    statement_questions,
    filmography_questions,
    list_questions,
)


@dataclass(frozen=True)
class Generated:
    """A generated pack (pack-format dict), the questions the quality rules dropped, those
    held back by the share limits (`shares.CAPS`), and T/F counts."""

    pack: dict[str, Any]
    dropped: tuple[Dropped, ...]
    true_count: int
    false_count: int
    held_back: tuple[Dropped, ...] = ()

    @property
    def questions(self) -> list[dict[str, Any]]:
        questions: list[dict[str, Any]] = self.pack["questions"]
        return questions


def generate(facts: Facts | Mapping[str, Any], seed: int = 0) -> Generated:
    """Generate a pack from `facts` (parsed, or raw data to validate first).

    The same facts and seed always give the same pack. Raises `FactsError` for invalid raw facts.
    """
    if not isinstance(facts, Facts):
        facts = parse_facts(facts)
    ctx = Context(facts, seed)
    drafts = [draft for template in TEMPLATES for draft in template(ctx) if draft is not None]
    kept, dropped = enforce(drafts, ctx)
    kept, held_back = cap_shares(kept)
    # Which statements are put falsely is chosen among those kept, so about half are true.
    balance_true_false(kept, seed)
    assign_groups(kept)
    for draft in kept:  # players see a source's name, never its file name
        draft.sources = tuple(dict.fromkeys(facts.source_name(s) for s in draft.sources))
    true_count, false_count = true_false_balance(kept)
    info = facts.pack
    pack: dict[str, Any] = {
        "id": info.id,
        "title": info.title,
        "description": info.description,
        "author": info.author,
        "version": info.version,
        "language": info.language,
        "questions": [draft.to_dict() for draft in kept],
    }
    if not info.description:
        del pack["description"]
    if not info.author:
        del pack["author"]
    return Generated(pack, tuple(dropped), true_count, false_count, tuple(held_back))


def generate_pack(facts: Facts | Mapping[str, Any], seed: int = 0) -> dict[str, Any]:
    """The pack-format dict generated from `facts` (see `generate`)."""
    return generate(facts, seed).pack


__all__ = ["Generated", "generate", "generate_pack"]
