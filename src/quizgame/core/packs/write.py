"""Writing packs as YAML: for generated, imported and exported packs."""

from __future__ import annotations

from typing import Any

import yaml

from quizgame.core.packs.model import Difficulty, Pack, Question, QuestionType, Spoiler

# The order fields are written in, so generated and exported packs read the same way.
PACK_KEY_ORDER = ("id", "title", "description", "author", "version", "language")
QUESTION_KEY_ORDER = (
    "id",
    "type",
    "prompt",
    "choices",
    "items",
    "pairs",
    "answer",
    "accept",
    "tolerance",
    "unit",
    "hint",
    "group",
    "difficulty",
    "category",
    "tags",
    "spoiler",
    "explanation",
    "source",
    "time_limit",
)


def question_to_dict(question: Question) -> dict[str, Any]:
    """A question as pack-format data, leaving out fields at their defaults."""
    out: dict[str, Any] = {
        "id": question.id,
        "type": question.type.value,
        "prompt": question.prompt,
    }
    qtype = question.type
    if qtype is QuestionType.MULTIPLE_CHOICE:
        out["choices"] = list(question.choices)
        out["answer"] = question.answer
    elif qtype is QuestionType.TRUE_FALSE:
        out["answer"] = bool(question.answer)
    elif qtype is QuestionType.TYPED:
        out["answer"] = question.answer
        if question.accept:
            out["accept"] = list(question.accept)
    elif qtype is QuestionType.NUMERIC:
        assert isinstance(question.answer, float)
        out["answer"] = _plain_number(question.answer)
        if question.tolerance:
            out["tolerance"] = _plain_number(question.tolerance)
        if question.unit:
            out["unit"] = question.unit
    elif qtype is QuestionType.ORDERING:
        out["items"] = list(question.items)
    elif qtype is QuestionType.MATCHING:
        out["pairs"] = dict(question.pairs)
    if question.hint:
        out["hint"] = question.hint
    if question.groups:
        out["group"] = question.groups[0] if len(question.groups) == 1 else list(question.groups)
    if question.difficulty is not Difficulty.MEDIUM:
        out["difficulty"] = question.difficulty.value
    for name in ("category", "explanation", "source"):
        value = getattr(question, name)
        if value:
            out[name] = value
    if question.tags:
        out["tags"] = list(question.tags)
    if question.spoiler is not Spoiler.NONE:
        out["spoiler"] = question.spoiler.value
    if question.time_limit is not None:
        out["time_limit"] = _plain_number(question.time_limit)
    return out


def pack_to_dict(pack: Pack) -> dict[str, Any]:
    """A pack as pack-format data."""
    out: dict[str, Any] = {"id": pack.id, "title": pack.title}
    if pack.description:
        out["description"] = pack.description
    if pack.author:
        out["author"] = pack.author
    out["version"] = pack.version
    out["language"] = pack.language
    out.update(pack.extra)
    out["questions"] = [question_to_dict(q) for q in pack.questions]
    return out


def _plain_number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _ordered(data: dict[str, Any], order: tuple[str, ...]) -> dict[str, Any]:
    ranked = {key: i for i, key in enumerate(order)}
    return dict(sorted(data.items(), key=lambda kv: ranked.get(kv[0], len(order))))


# libyaml's emitter: about 4x faster than PyYAML's pure-Python one (an import of 5,000 questions
# is mostly writing), and it keeps characters such as U+0085 in multi-line text intact, which
# the pure-Python emitter turns into line breaks.
_BaseDumper: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)


class _PackDumper(_BaseDumper):  # type: ignore[misc,valid-type]
    """Block style for structure, flow style for short lists of short text."""


def _represent_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    short = (
        all(isinstance(x, str) and len(x) <= 40 for x in data)
        and sum(map(len, map(str, data))) <= 70
    )
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=short and bool(data))


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.Node:
    style = "|" if "\n" in data else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_PackDumper.add_representer(list, _represent_list)
_PackDumper.add_representer(str, _represent_str)


def dump_pack(data: dict[str, Any]) -> str:
    """YAML text for pack-format `data`, keys in the documented order, Unicode kept."""
    top = _ordered({k: v for k, v in data.items() if k != "questions"}, PACK_KEY_ORDER)
    questions = [
        _ordered(q, QUESTION_KEY_ORDER) if isinstance(q, dict) else q
        for q in data.get("questions", [])
    ]
    head = yaml.dump(top, Dumper=_PackDumper, sort_keys=False, allow_unicode=True, width=100)
    body = yaml.dump(
        {"questions": questions}, Dumper=_PackDumper, sort_keys=False, allow_unicode=True, width=100
    )
    return head + body
