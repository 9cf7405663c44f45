"""Pack groups: a question's `group` lists the facts it asks about or shows, and a session never
asks two questions sharing one, since having seen one gives the other away.

Every draft lists those facts (`Draft.facts`, its own fact first); its groups are that list without
repeats. "Who plays Janis?" is in `cast-janis`, the matching of actors to parts in `cast` and every
`cast-...` fact it shows: a session may ask several "who plays" questions, or the matching, never
both. The names are fact ids, never values, so they stay stable; facts joined by hand (`group:` in
the facts file) take that name as their fact id, so they share it.
"""

from __future__ import annotations

from collections.abc import Sequence

from quizgame.core.generate.draft import Draft


def assign(drafts: Sequence[Draft]) -> None:
    """Set `groups` on every draft from the facts it lists."""
    for draft in drafts:
        draft.groups = tuple(dict.fromkeys(draft.facts or (draft.id,)))
