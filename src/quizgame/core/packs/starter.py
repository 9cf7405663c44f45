"""The starter pack `quizgame new` writes: one commented question of each type, valid as it is.

The examples and their comments come from each type's description (`questions`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from quizgame.core.packs.ids import id_problem, id_words
from quizgame.core.packs.questions import KINDS
from quizgame.core.packs.schema import schema_file
from quizgame.core.packs.write import dump_yaml, ordered_question

SCHEMA_MODELINE = "# yaml-language-server: $schema="

_TEMPLATE = """\
{modeline}{schema}
#
# A quizgame pack, made by `quizgame new`. Replace the examples with your own questions.
#   check it:  quizgame validate {file}
#   play it:   quizgame play --pack {file}
# Every field is described in docs/pack-format.md and docs/authoring.md. With the line above,
# editors that speak YAML (VS Code's YAML extension, Neovim, Helix...) check the file as you type.

id: {pack_id}  # a slug ({id_words}), unique among your packs
title: {title}
description: What this pack is about, in a sentence or two.
# author: Your Name
version: 1  # bump it when you change the questions
language: en

questions:
{questions}"""


def schema_reference(target: Path) -> str:
    """How the pack at `target` should name the schema file for the YAML language server.

    A relative path when the pack sits in the same project as the schema (a checkout's
    questions/ folder), else the absolute path of the schema that ships with quizgame.
    """
    found = schema_file()
    if found is None:
        return "pack.schema.json"  # `quizgame schema -o pack.schema.json` writes it
    folder = target.resolve().parent
    root = found.parent.parent
    if folder == root or root in folder.parents:
        return Path(os.path.relpath(found, folder)).as_posix()
    return found.as_posix()


def starter_pack(pack_id: str, title: str, schema: str, file: str = "PACK.yaml") -> str:
    """The text of a new pack. Raises ValueError for an id that is not a slug."""
    problem = id_problem(pack_id, "pack id")
    if problem:
        raise ValueError(problem)
    return _TEMPLATE.format(
        modeline=SCHEMA_MODELINE,
        id_words=id_words(),
        questions=_examples(),
        schema=schema,
        file=file,
        pack_id=pack_id,
        # A JSON string is a YAML double-quoted scalar: any title stays one safe line.
        title=json.dumps(" ".join(title.split()) or pack_id, ensure_ascii=False),
    )


# Said once, under the first example's own comment.
_EVERY_QUESTION = (
    "Every question may also have: difficulty (easy 100 points, medium 200 (the default), hard\n"
    "300), category, explanation (shown after answering), hint (for the hint lifeline), source,\n"
    "tags, time_limit (seconds, in timed modes) and spoiler (none, mid or ending)."
)


def _examples() -> str:
    """Each type's example question, under its comment, as items of the `questions` list."""
    blocks = []
    for number, kind in enumerate(KINDS.values()):
        note = kind.note + ("\n" + _EVERY_QUESTION if number == 0 else "")
        lines = [f"  # {line}\n" for line in note.splitlines()]
        body = dump_yaml([ordered_question(kind.example)])
        lines += [f"  {line}\n" for line in body.splitlines()]
        blocks.append("".join(lines))
    return "\n".join(blocks)
