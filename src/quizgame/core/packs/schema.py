"""A JSON Schema (draft-07, what YAML editors' language servers read) of the pack format.

Built from the validator's own tables, so the two cannot drift apart. The schema is the strict
reading of the format: where the loader only warns (an unknown field), the schema says no, so an
editor underlines the typo. A few checks need to compare values and stay with the loader: the
answer is one of the choices, question ids are unique, and no two choices (tags, items, right
sides of pairs) are the same ignoring case.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from quizgame.core.packs.check import (
    ALLOWED,
    COMMON_FIELDS,
    MAX_CHOICES,
    MIN_CHOICES,
    PACK_EXTRA_FIELDS,
    PACK_FIELDS,
    SLUG,
    TYPE_FIELDS,
)
from quizgame.core.packs.model import Difficulty, QuestionType, Spoiler
from quizgame.core.paths import CHECKOUT_DIR, PACKAGE_DIR

DRAFT = "http://json-schema.org/draft-07/schema#"
FILE_NAME = "pack.schema.json"

# Text may be written as a number (`category: 2021`); a string must not be blank where required.
_TEXT: dict[str, Any] = {"type": ["string", "number"], "pattern": r"\S"}
_OPTIONAL_TEXT: dict[str, Any] = {"type": ["string", "number", "null"]}
_ITEM: dict[str, Any] = {"type": ["string", "number"], "pattern": r"\S"}

_DESCRIPTIONS = {
    "id": "Unique within the pack.",
    "type": "The kind of question: " + ", ".join(t.value for t in QuestionType) + ".",
    "prompt": "The question as the player reads it.",
    "difficulty": "easy (100 points), medium (200, the default) or hard (300).",
    "category": "A topic; players can pick categories to play.",
    "explanation": "Shown after the answer: why it is right.",
    "source": "Where the fact comes from (a book, a URL, a scene).",
    "tags": "Free labels for searching and filtering.",
    "time_limit": "Seconds to answer in timed modes, overriding the mode's default.",
    "spoiler": "How much of a story the question gives away: none (default), mid or ending.",
    "hint": "A clue the hint lifeline shows.",
    "group": "The fact (or a list of the facts) a question asks about or shows; a session never "
    "asks two questions that share one.",
    "choices": f"multiple_choice: {MIN_CHOICES} to {MAX_CHOICES} choices, all different.",
    "answer": "The right answer: one of the choices (multiple_choice), true or false "
    "(true_false), the text to type (typed), or a number (numeric).",
    "accept": "typed: other answers that also count as right.",
    "tolerance": "numeric: how far from the answer still counts as right (default 0).",
    "unit": "numeric: shown after the number, e.g. km.",
    "items": "ordering: the items in the right order (the game shuffles them).",
    "pairs": "matching: each left side with its right side (the game shuffles the right sides).",
}


def _with_description(name: str, schema: dict[str, Any]) -> dict[str, Any]:
    description = _DESCRIPTIONS.get(name)
    return {**schema, "description": description} if description else dict(schema)


def _question_schema() -> dict[str, Any]:
    properties: dict[str, dict[str, Any]] = {
        "id": _TEXT,
        "type": {"enum": [t.value for t in QuestionType]},
        "prompt": _TEXT,
        "difficulty": {"enum": [*(d.value for d in Difficulty), None]},
        "category": _OPTIONAL_TEXT,
        "explanation": _OPTIONAL_TEXT,
        "source": _OPTIONAL_TEXT,
        "hint": _OPTIONAL_TEXT,
        "group": {"anyOf": [_OPTIONAL_TEXT, {"type": "array", "minItems": 1, "items": _ITEM}]},
        "tags": {"type": ["array", "null"], "items": _ITEM},
        "time_limit": {"type": ["number", "null"], "exclusiveMinimum": 0},
        "spoiler": {"enum": [*(s.value for s in Spoiler), None]},
        "choices": {
            "type": "array",
            "minItems": MIN_CHOICES,
            "maxItems": MAX_CHOICES,
            "items": _ITEM,
        },
        "answer": {"type": ["string", "number", "boolean"]},
        "accept": {"type": ["array", "null"], "items": _ITEM},
        "tolerance": {"type": "number", "minimum": 0},
        "unit": _OPTIONAL_TEXT,
        "items": {"type": "array", "minItems": 2, "items": _ITEM},
        "pairs": {
            "type": "object",
            "minProperties": 2,
            "additionalProperties": {"type": ["string", "number"]},
        },
    }
    assert set(properties) == COMMON_FIELDS.union(*TYPE_FIELDS.values())
    answers: dict[QuestionType, dict[str, Any]] = {
        QuestionType.MULTIPLE_CHOICE: _TEXT,
        QuestionType.TRUE_FALSE: {"type": "boolean"},
        QuestionType.TYPED: _TEXT,
        QuestionType.NUMERIC: {"type": "number"},
    }
    rules = []
    for qtype, fields in TYPE_FIELDS.items():
        then: dict[str, Any] = {
            "required": sorted(f for f in fields if f not in ("accept", "tolerance", "unit")),
            "propertyNames": {"enum": sorted(ALLOWED[qtype])},
        }
        if qtype in answers:
            then["properties"] = {"answer": answers[qtype]}
        rules.append(
            {
                "if": {"properties": {"type": {"const": qtype.value}}, "required": ["type"]},
                "then": then,
            }
        )
    return {
        "type": "object",
        "required": ["id", "type", "prompt"],
        "properties": {name: _with_description(name, s) for name, s in properties.items()},
        "allOf": rules,
    }


def pack_schema() -> dict[str, Any]:
    """The JSON Schema of a pack file."""
    extra_descriptions = {
        "license": "The licence of the questions, e.g. CC-BY-SA-4.0.",
        "attribution": "Who to credit for the questions.",
        "tags": "Free labels for the pack.",
        "url": "Where the pack comes from.",
    }
    properties: dict[str, Any] = {
        "id": {
            "anyOf": [
                {"type": "string", "pattern": SLUG.pattern},
                {"type": "number", "minimum": 0},
            ],
            "description": "The pack's id, a slug: a-z, 0-9, '-', '_', '.'; unique among packs.",
        },
        "title": {**_TEXT, "description": "The pack's name as players see it."},
        "description": {**_OPTIONAL_TEXT, "description": "What the pack is about."},
        "author": _OPTIONAL_TEXT,
        "version": {"type": ["integer", "string"], "description": "Bump it when you change it."},
        "language": {**_OPTIONAL_TEXT, "description": "A language code such as en or es."},
        "questions": {
            "type": "array",
            "minItems": 1,
            "items": {"$ref": "#/definitions/question"},
        },
    }
    for name in sorted(PACK_EXTRA_FIELDS):
        shape = {"type": ["array", "null"], "items": _ITEM} if name == "tags" else _OPTIONAL_TEXT
        properties[name] = {**shape, "description": extra_descriptions.get(name, "")}
    assert set(properties) == PACK_FIELDS | PACK_EXTRA_FIELDS
    return {
        "$schema": DRAFT,
        "title": "quizgame pack",
        "description": (
            "A question pack for quizgame. Generated by `quizgame schema`; the loader "
            "(`quizgame validate`) also checks that the answer is one of the choices, that "
            "question ids are unique and that no two choices are the same ignoring case."
        ),
        "type": "object",
        "required": ["id", "title", "questions"],
        "properties": properties,
        "additionalProperties": False,
        "definitions": {"question": _question_schema()},
    }


def schema_text() -> str:
    """The schema as JSON text, as committed in docs/pack.schema.json."""
    return json.dumps(pack_schema(), indent=2, ensure_ascii=False) + "\n"


def schema_file() -> Path | None:
    """The schema file that ships with quizgame: inside the wheel, or the checkout's docs/."""
    for candidate in (PACKAGE_DIR / FILE_NAME, CHECKOUT_DIR / "docs" / FILE_NAME):
        if candidate.is_file():
            return candidate
    return None
