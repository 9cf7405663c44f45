"""Round-trip data (ruamel.yaml's, which keeps comments and quoting) and plain data, both ways:
what `edit.PackDocument` needs to change one question in its own lines."""

from __future__ import annotations

from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString


def plain(value: Any) -> Any:
    """Round-trip data as plain dicts, lists, str, int, float, bool and None."""
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    if isinstance(value, bool) or value is None:
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return float(value)
    return str(value)


def as_node(value: Any) -> Any:
    """Plain data as round-trip data written the way packfile writes it."""
    if isinstance(value, str):
        return LiteralScalarString(value) if "\n" in value else value
    if isinstance(value, dict):
        mapping = CommentedMap()
        for key, item in value.items():
            mapping[key] = as_node(item)
        return mapping
    if isinstance(value, list | tuple):
        seq = CommentedSeq([as_node(v) for v in value])
        short = all(isinstance(v, str) and len(v) <= 40 and "\n" not in v for v in value)
        if value and short and sum(len(str(v)) for v in value) <= 70:
            seq.fa.set_flow_style()
        return seq
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return int(value)
    return value


def _eol_only(token: Any) -> Any:
    """A comment token cut to its end-of-line comment (None if it only held later lines)."""
    value = token.value
    if value.startswith("#"):
        token.value = value.split("\n", 1)[0] + "\n"
        return token
    return None


def drop_trailing_comments(node: Any) -> None:
    """Comment lines ruamel hangs on a question's last value sit above the next question; they
    are kept in the text there, so the question itself must not write them again."""
    if isinstance(node, CommentedMap) and node:
        last = list(node.keys())[-1]
        slot = node.ca.items.get(last)
        if slot is not None and len(slot) > 2 and slot[2] is not None:
            slot[2] = _eol_only(slot[2])
        drop_trailing_comments(node[last])
    elif isinstance(node, CommentedSeq) and node:
        slot = node.ca.items.get(len(node) - 1)
        if slot is not None and slot[0] is not None:
            slot[0] = _eol_only(slot[0])
        drop_trailing_comments(node[-1])
