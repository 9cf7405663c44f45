"""The starter pack `quizgame new` writes: one commented question of each type, valid as it is."""

from __future__ import annotations

import json
import os
from pathlib import Path

from quizgame.core.packs.check import SLUG
from quizgame.core.packs.schema import schema_file

SCHEMA_MODELINE = "# yaml-language-server: $schema="

_TEMPLATE = """\
{modeline}{schema}
#
# A quizgame pack, made by `quizgame new`. Replace the examples with your own questions.
#   check it:  quizgame validate {file}
#   play it:   quizgame play --pack {file}
# Every field is described in docs/pack-format.md and docs/authoring.md. With the line above,
# editors that speak YAML (VS Code's YAML extension, Neovim, Helix...) check the file as you type.

id: {pack_id}  # a slug (a-z, 0-9, '-', '_', '.'), unique among your packs
title: {title}
description: What this pack is about, in a sentence or two.
# author: Your Name
version: 1  # bump it when you change the questions
language: en

questions:
  # Multiple choice: 2 to 6 choices; `answer` is one of them, written the same way.
  # Every question may also have: difficulty (easy 100 points, medium 200 (the default), hard
  # 300), category, explanation (shown after answering), hint (for the hint lifeline), source,
  # tags, time_limit (seconds, in timed modes) and spoiler (none, mid or ending).
  - id: capital-of-spain
    type: multiple_choice
    prompt: What is the capital of Spain?
    choices: [Lisbon, Madrid, Barcelona, Seville]
    answer: Madrid
    difficulty: easy
    category: Geography
    explanation: Madrid has been the capital since 1561, when Philip II moved his court there.
    tags: [capitals, europe]

  # True or false: `answer` is true or false.
  - id: largest-ocean
    type: true_false
    prompt: The Pacific is the largest ocean on Earth.
    answer: true
    category: Geography

  # Typed: the player types the answer. Case, accents, punctuation, a leading "the" and small
  # typos are forgiven; `accept` lists other answers that count as right.
  - id: author-of-don-quixote
    type: typed
    prompt: Who wrote Don Quixote?
    answer: Miguel de Cervantes
    accept: [Cervantes]
    hint: A Spanish writer of the Golden Age.
    category: Literature

  # Numeric: a number. `tolerance` is how far off still counts (default 0); `unit` is shown.
  - id: height-of-everest
    type: numeric
    prompt: How high is Mount Everest, in metres?
    answer: 8849
    tolerance: 50
    unit: m
    difficulty: hard
    category: Geography
    source: The 2020 China-Nepal survey (8,848.86 m).

  # Ordering: `items` in the right order; the game shuffles them.
  - id: planets-from-the-sun
    type: ordering
    prompt: Put these planets in order, nearest to the Sun first.
    items: [Mercury, Venus, Earth, Mars]
    category: Science

  # Matching: each left side with its right side; the game shuffles the right sides.
  - id: paintings-and-painters
    type: matching
    prompt: Match each painting with its painter.
    pairs:
      Guernica: Picasso
      The Persistence of Memory: Dalí
      Las Meninas: Velázquez
    category: Art
"""


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
    if not SLUG.match(pack_id) or pack_id.endswith("\n"):
        raise ValueError(f"pack id '{pack_id}' should be a slug: a-z, 0-9, '-', '_', '.'")
    return _TEMPLATE.format(
        modeline=SCHEMA_MODELINE,
        schema=schema,
        file=file,
        pack_id=pack_id,
        # A JSON string is a YAML double-quoted scalar: any title stays one safe line.
        title=json.dumps(" ".join(title.split()) or pack_id, ensure_ascii=False),
    )
