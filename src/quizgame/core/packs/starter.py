"""The starter pack `quizgame new` writes: one commented question of each type, valid as it is.

The examples and their comments come from each type's description (`questions`).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from textwrap import wrap

from quizgame.core.packs.fields import TAIL
from quizgame.core.packs.ids import id_problem
from quizgame.core.packs.pack_fields import PACK, PACK_EXAMPLE
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

{fields}
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
    # A JSON string is a YAML double-quoted scalar: any title stays one safe line.
    given = {
        "id": pack_id,
        "title": json.dumps(" ".join(title.split()) or pack_id, ensure_ascii=False),
    }
    return _TEMPLATE.format(
        modeline=SCHEMA_MODELINE,
        fields=_pack_fields(given),
        questions=_examples(),
        schema=schema,
        file=file,
    )


def _pack_fields(given: dict[str, str]) -> str:
    """The pack's own fields (but its questions), in pack order: those `given` and those with a
    default, each with its help; the ones an author fills in, commented out with an example."""
    lines = []
    for field in PACK:
        if field.name in given or field.default not in (None, "", ()):
            value = given.get(field.name, field.default)
            lines.append(f"{field.name}: {value}  # {field.help}\n")
        elif field.name in PACK_EXAMPLE:
            lines.append(f"# {field.name}: {PACK_EXAMPLE[field.name]}\n")
    return "".join(lines)


def _every_question() -> str:
    """The optional fields every question has, each with its help: said once, under the first
    example's own comment."""
    lines = ["Every question may also have:"]
    for field in TAIL:
        lines += wrap(
            f"{field.name}: {field.help}", 94, initial_indent="  ", subsequent_indent="    "
        )
    return "\n".join(lines)


def _examples() -> str:
    """Each type's example question, under its comment, as items of the `questions` list."""
    blocks = []
    for number, kind in enumerate(KINDS.values()):
        note = kind.note + ("\n" + _every_question() if number == 0 else "")
        lines = [f"  # {line}\n" for line in note.splitlines()]
        body = dump_yaml([ordered_question(kind.example)])
        lines += [f"  {line}\n" for line in body.splitlines()]
        blocks.append("".join(lines))
    return "\n".join(blocks)
