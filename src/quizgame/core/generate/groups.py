"""Pack groups: the questions about one fact share a `group`, and a session asks one of them.

Every draft lists the facts it asks about or shows (`Draft.facts`, its own fact first). A
question that shows several facts at once (a matching's pairs, an ordering item naming the
answer of a question on its event) joins them, since having seen it gives the others away. Each
set of joined facts is named after the fact of the question that shows the most of them (the
matching), else after its one fact, so the names depend on fact ids only, never on values.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizgame.core.generate.draft import Draft


def assign(drafts: Sequence[Draft]) -> None:
    """Set `group` on every draft from the facts it lists."""
    parent: dict[str, str] = {}

    def root(fact: str) -> str:
        parent.setdefault(fact, fact)
        while parent[fact] != fact:
            parent[fact] = parent[parent[fact]]
            fact = parent[fact]
        return fact

    for draft in drafts:
        first, *others = draft.facts or (draft.id,)
        for other in others:
            parent[root(other)] = root(first)
    # The widest question of each set names it; ties go to the first in the pack.
    names: dict[str, tuple[int, int, str]] = {}
    for index, draft in enumerate(drafts):
        fact = (draft.facts or (draft.id,))[0]
        key = root(fact)
        rank = (-len(set(draft.facts)), index, fact)
        if key not in names or rank < names[key]:
            names[key] = rank
    for draft in drafts:
        draft.group = names[root((draft.facts or (draft.id,))[0])][2]
