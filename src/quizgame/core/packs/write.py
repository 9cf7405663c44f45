"""Writing packs as YAML: for generated, imported and exported packs."""

from __future__ import annotations

from typing import Any

import yaml

from quizgame.core.packs.model import Pack, Question
from quizgame.core.packs.pack_fields import EXTRA_FIELDS, PACK
from quizgame.core.packs.questions import KINDS, QUESTION_KEY_ORDER

PACK_KEY_ORDER = tuple(f.name for f in PACK)


def question_to_dict(question: Question) -> dict[str, Any]:
    """A question as pack-format data, leaving out fields at their defaults (each field's kind
    says when it is), in the order its type's description gives."""
    out: dict[str, Any] = {}
    for field in KINDS[question.type].all_fields:
        value = field.kind.write(getattr(question, field.attribute))
        if value is not None:
            out[field.name] = value
    return out


def pack_to_dict(pack: Pack) -> dict[str, Any]:
    """A pack as pack-format data, in the described order: each field the model holds as its
    kind writes it (left out at its default), `extra` fields as kept, then the questions."""
    out: dict[str, Any] = {}
    for field in PACK:
        if field.name == "questions":
            out.update((k, v) for k, v in pack.extra.items() if k not in out)  # any not described
            out["questions"] = [question_to_dict(q) for q in pack.questions]
        elif field.name in EXTRA_FIELDS:
            if field.name in pack.extra:
                out[field.name] = pack.extra[field.name]
        else:
            value = field.kind.write(getattr(pack, field.attribute))
            if value is not None:
                out[field.name] = value
    return out


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


def ordered_question(data: dict[str, Any]) -> dict[str, Any]:
    """A question's pack data with its fields in the documented order (unknown ones last)."""
    return _ordered(data, QUESTION_KEY_ORDER)


def dump_yaml(data: Any) -> str:
    """YAML text for pack-format `data`, as packs are written: Unicode kept, short lists inline."""
    return str(yaml.dump(data, Dumper=_PackDumper, sort_keys=False, allow_unicode=True, width=100))


def dump_pack(data: dict[str, Any]) -> str:
    """YAML text for pack-format `data`, keys in the documented order, Unicode kept."""
    top = _ordered({k: v for k, v in data.items() if k != "questions"}, PACK_KEY_ORDER)
    questions = [
        _ordered(q, QUESTION_KEY_ORDER) if isinstance(q, dict) else q
        for q in data.get("questions", [])
    ]
    return dump_yaml(top) + dump_yaml({"questions": questions})
