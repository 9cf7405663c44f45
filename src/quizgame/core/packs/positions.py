"""Where data paths are in a pack file: line and column, for problem reports only.

One pass over the file's YAML events, keeping nothing but the open collections and the
positions asked for: memory stays flat however large the file, and the time is linear in the
file and the number of paths (a node graph of the whole file, as the composer builds, costs many
times the file's size). Only called for files `yaml_reader.read_data` has read.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import yaml

from quizgame.core.packs.issues import Key, Missing
from quizgame.core.packs.yaml_reader import event_parser, mark_position, scalar_value


class _KeyOf:
    """A path step meaning the key itself (an `issues.Key`), hashable for lookups."""

    __slots__ = ("name",)

    def __init__(self, name: Any) -> None:
        self.name = name

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _KeyOf) and other.name == self.name

    def __hash__(self) -> int:
        return hash(("key", self.name))


def _steps(path: Sequence[Any]) -> tuple[Any, ...]:
    """`path` as hashable steps, up to the mapping a `Missing` field belongs in."""
    steps: list[Any] = []
    for step in path:
        if isinstance(step, Missing):
            break
        if isinstance(step, Key):
            steps.append(_KeyOf(step.name))
            break
        steps.append(step)
    return tuple(steps)


def locate_all(text: str, paths: Sequence[Sequence[Any]]) -> list[tuple[int, int]]:
    """1-based line and column of each data path in `text`: of its node, or of the nearest
    parent there is (a missing field is found at its mapping). A key given twice is found
    where it was given last, as the data holds its last value."""
    wanted = [_steps(path) for path in paths]
    prefixes = {steps[:end] for steps in wanted for end in range(len(steps) + 1)}
    found = _positions(text, prefixes)
    out = []
    for steps in wanted:
        for end in range(len(steps), -1, -1):
            where = found.get(steps[:end])
            if where is not None:
                out.append(where)
                break
        else:
            out.append((1, 1))
    return out


def _positions(text: str, prefixes: set[tuple[Any, ...]]) -> dict[tuple[Any, ...], tuple[int, int]]:
    found: dict[tuple[Any, ...], tuple[int, int]] = {}
    # Each open collection: [path (None: not wanted, nor anything inside), is_mapping,
    # next index or pending key, a mapping's state (_KEY, _IN_KEY, _VALUE, _IN_VALUE)]
    stack: list[list[Any]] = []
    parser = event_parser(text)
    try:
        while True:
            event: Any = parser.get_event()
            cls = event.__class__
            if cls is yaml.StreamEndEvent:
                return found
            if cls is yaml.MappingEndEvent or cls is yaml.SequenceEndEvent:
                stack.pop()
                _value_done(stack)
                continue
            if cls not in _NODES:
                continue
            path = _next_path(stack, event, found, prefixes)
            if path is not None and path in prefixes:
                found[path] = mark_position(event.start_mark)
            else:
                path = None
            if cls is yaml.MappingStartEvent or cls is yaml.SequenceStartEvent:
                is_map = cls is yaml.MappingStartEvent
                stack.append([path, is_map, None if is_map else 0, _KEY])
            else:
                _value_done(stack)
    finally:
        parser.dispose()


_NODES = {yaml.ScalarEvent, yaml.AliasEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent}
_KEY_NODE = object()  # a key that is no scalar (read_data refuses them)
_KEY, _IN_KEY, _VALUE, _IN_VALUE = range(4)


def _next_path(
    stack: list[list[Any]],
    event: Any,
    found: dict[tuple[Any, ...], tuple[int, int]],
    prefixes: set[tuple[Any, ...]],
) -> tuple[Any, ...] | None:
    """The data path of the node `event` starts; None when nothing there is wanted. A key is
    recorded (as `_KeyOf`) here and gives None."""
    if not stack:
        return ()
    top = stack[-1]
    parent = top[0]
    if not top[1]:
        index = top[2]
        top[2] = index + 1
        return None if parent is None else (*parent, index)
    if top[3] == _KEY:
        top[3] = _IN_KEY
        key: Any = _KEY_NODE
        if event.__class__ is yaml.ScalarEvent:
            try:
                key = scalar_value(event)
            except Exception:  # read_data read it; a position is never worth a crash
                key = event.value
        top[2] = key
        if parent is not None and key is not _KEY_NODE:
            where = (*parent, _KeyOf(key))
            if where in prefixes:
                found[where] = mark_position(event.start_mark)
        return None
    top[3] = _IN_VALUE
    return None if parent is None or top[2] is _KEY_NODE else (*parent, top[2])


def _value_done(stack: list[list[Any]]) -> None:
    """A node ended: in a mapping, a key is followed by its value, a value by the next key."""
    if stack and stack[-1][1]:
        top = stack[-1]
        top[3] = _VALUE if top[3] == _IN_KEY else _KEY
