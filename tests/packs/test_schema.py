"""The JSON Schema and the loader agree on the same valid and invalid packs."""

from __future__ import annotations

import copy
import json
from typing import Any

import jsonschema
import pytest

from quizgame.core.packs.check import validate_pack_data
from quizgame.core.packs.issues import Code, Issue
from quizgame.core.packs.model import QuestionType
from quizgame.core.packs.pack_fields import PACK_FIELDS
from quizgame.core.packs.questions import ALL_QUESTION_FIELDS
from quizgame.core.packs.read import load_pack_text
from quizgame.core.packs.schema import pack_schema, schema_text
from quizgame.core.packs.starter import starter_pack
from quizgame.core.packs.yaml_reader import read_data
from tests.paths import REPO

VALIDATOR = jsonschema.Draft7Validator(pack_schema())
# Checks that compare values with each other; JSON Schema cannot say them, the loader does.
LOADER_ONLY = {Code.NOT_A_CHOICE, Code.DUPLICATE}


def schema_ok(data: Any) -> bool:
    return bool(VALIDATOR.is_valid(data))


def loader_ok(data: Any) -> tuple[bool, list[Issue]]:
    """Valid with no warnings at all: the strict reading the schema stands for."""
    pack, issues = validate_pack_data(data)
    return pack is not None and not issues, [i for i in issues if i.severity == "error"]


def starter_data() -> dict[str, Any]:
    data = read_data(starter_pack("starter", "Starter", "pack.schema.json"))
    assert isinstance(data, dict)
    return data


def test_the_schema_is_a_valid_draft_7_schema() -> None:
    jsonschema.Draft7Validator.check_schema(pack_schema())


def test_the_committed_schema_is_up_to_date() -> None:
    committed = (REPO / "docs" / "pack.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(), "run: quizgame schema -o docs/pack.schema.json --force"


VALID = {
    "minimal": "id: p\ntitle: P\nquestions:\n- {id: a, type: true_false, prompt: Yes?, answer: true}\n",
    "numbers as text": (
        "id: 2021\ntitle: 1999\nversion: '2'\nquestions:\n"
        "- {id: 1, type: typed, prompt: 42, answer: 7, category: 2021, tags: [1, two]}\n"
    ),
    "nulls where optional": (
        "id: p\ntitle: P\ndescription: ~\nquestions:\n- id: a\n  type: numeric\n  prompt: N?\n"
        "  answer: 3.5\n  unit: ~\n  hint: ~\n  difficulty: ~\n  time_limit: ~\n  tags: ~\n"
    ),
    "extra pack fields": (
        "id: p\ntitle: P\nlicense: CC0\nattribution: me\nurl: x\ntags: [a]\nquestions:\n"
        "- {id: a, type: ordering, prompt: Order, items: [x, y]}\n"
    ),
}
INVALID = {
    "not a mapping": "- just\n- a list\n",
    "no questions": "id: p\ntitle: P\nquestions: []\n",
    "bad id": "id: Not A Slug\ntitle: P\nquestions:\n- {id: a, type: true_false, prompt: Y?, answer: true}\n",
    "blank title": "id: p\ntitle: ' '\nquestions:\n- {id: a, type: true_false, prompt: Y?, answer: true}\n",
    "unknown type": "id: p\ntitle: P\nquestions:\n- {id: a, type: essay, prompt: Y?}\n",
    "typo in a field": "id: p\ntitle: P\nquestions:\n- {id: a, type: true_false, promt: Y?, answer: true}\n",
    "unknown pack field": "id: p\ntitle: P\nauthors: me\nquestions:\n- {id: a, type: true_false, prompt: Y?, answer: true}\n",
    "field of another type": (
        "id: p\ntitle: P\nquestions:\n- {id: a, type: true_false, prompt: Y?, answer: true, choices: [a, b]}\n"
    ),
    "seven choices": (
        "id: p\ntitle: P\nquestions:\n- {id: a, type: multiple_choice, prompt: Y?, "
        "choices: [a, b, c, d, e, f, g], answer: a}\n"
    ),
    "true/false as text": "id: p\ntitle: P\nquestions:\n- {id: a, type: true_false, prompt: Y?, answer: 'yes'}\n",
    "negative tolerance": (
        "id: p\ntitle: P\nquestions:\n- {id: a, type: numeric, prompt: N?, answer: 1, tolerance: -1}\n"
    ),
    "one pair": "id: p\ntitle: P\nquestions:\n- {id: a, type: matching, prompt: M, pairs: {a: b}}\n",
    "zero time limit": (
        "id: p\ntitle: P\nquestions:\n- {id: a, type: true_false, prompt: Y?, answer: true, time_limit: 0}\n"
    ),
}


@pytest.mark.parametrize(
    ("name", "text", "valid"),
    [(name, text, True) for name, text in VALID.items()]
    + [("starter", starter_pack("starter", "Starter", "pack.schema.json"), True)]
    + [(name, text, False) for name, text in INVALID.items()],
)
def test_schema_and_loader_agree_on_written_packs(name: str, text: str, valid: bool) -> None:
    result = load_pack_text(text)
    assert (result.ok and not result.warnings) is valid, [str(p) for p in result.problems]
    assert schema_ok(read_data(text)) is valid


@pytest.mark.parametrize(
    "text",
    [
        "id: p\ntitle: P\nquestions:\n- {id: a, type: multiple_choice, prompt: Y?, choices: [a, b], answer: c}\n",
        "id: p\ntitle: P\nquestions:\n- {id: a, type: true_false, prompt: Y?, answer: true}\n"
        "- {id: a, type: true_false, prompt: Z?, answer: false}\n",
        "id: p\ntitle: P\nquestions:\n- {id: a, type: ordering, prompt: O, items: [x, X]}\n",
    ],
)
def test_what_only_the_loader_checks(text: str) -> None:
    assert schema_ok(read_data(text))
    assert not load_pack_text(text).ok


SAMPLES: list[Any] = [
    None, True, False, 0, -1, 2.5, "", " ", "x", "easy", "ending",
    [], ["a"], ["a", "b"], ["a", ""], [1, 2], ["a", True], list("abcdefg"),
    {"a": "b"}, {"a": "b", "c": "d"}, {"a": True, "c": "d"}, {"a": "b", "c": None},
    *(t.value for t in QuestionType),
]  # fmt: skip
MISSING = object()


def mutations() -> list[tuple[str, dict[str, Any]]]:
    """The starter pack with one field removed or changed, anywhere, in every way sampled."""
    base = starter_data()
    out: list[tuple[str, dict[str, Any]]] = []
    for field in sorted({*PACK_FIELDS, "bogus"}):
        for value in [MISSING, *SAMPLES]:
            data = copy.deepcopy(base)
            if value is MISSING:
                data.pop(field, None)
            else:
                data[field] = copy.deepcopy(value)
            out.append((f"pack.{field}={value!r}", data))
    for question in base["questions"]:
        for field in sorted(ALL_QUESTION_FIELDS | {"bogus"}):
            for value in [MISSING, *SAMPLES]:
                # Questions are judged one by one, so a pack of the changed one alone will do.
                data = {"id": "p", "title": "P", "questions": [copy.deepcopy(question)]}
                target = data["questions"][0]
                if value is MISSING:
                    target.pop(field, None)
                else:
                    target[field] = copy.deepcopy(value)
                out.append((f"{question['type']}.{field}={value!r}", data))
    return out


def test_schema_and_loader_agree_on_every_mutation() -> None:
    cases = mutations()
    assert len(cases) > 2000
    disagreements = []
    for name, data in cases:
        by_loader, errors = loader_ok(data)
        by_schema = schema_ok(data)
        if by_loader == by_schema:
            continue
        if by_schema and errors and all(e.code in LOADER_ONLY for e in errors):
            continue  # a value comparison only the loader makes
        messages = [e.message for e in errors]
        disagreements.append(f"{name}: loader {by_loader} {messages}, schema {by_schema}")
    assert not disagreements, "\n".join(disagreements[:20])


def test_schema_command_output_is_json() -> None:
    assert json.loads(schema_text()) == pack_schema()
