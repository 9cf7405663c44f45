"""Where things are in a pack file's text, from libyaml's event stream: quick even for big packs.

The editor (`edit`) cuts a pack file into slices (a header, one slice per question, a footer)
at the lines found here.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

from quizgame.core.packs.pieces import PieceReader
from quizgame.core.packs.yaml_reader import YamlProblem

try:  # libyaml's event parser, as the loader uses
    from yaml._yaml import CParser as _Parser
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Parser  # type: ignore[assignment]


@dataclass
class Outline:
    """Where things are (0-based lines), from libyaml's event stream: quick even for big packs."""

    keys: list[tuple[str, int]] = field(default_factory=list)  # top-level keys, in order
    root_flow: bool = False
    questions_line: int = 0
    questions_flow: bool = False
    items: list[tuple[int, int]] = field(default_factory=list)  # each question's (line, col)


def outline(text: str) -> Outline:
    """Where the top-level keys and each question of the pack `text` start.

    Raises `YamlProblem` if the text is not YAML.
    """
    found = Outline()
    parser = _Parser(PieceReader(text))
    # Each open collection: [is_mapping, children seen, is the questions list]
    stack: list[list[Any]] = []
    last_key: Any = None
    try:
        while True:
            event: Any = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return found
            starts = isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent)
            is_node = starts or isinstance(event, yaml.ScalarEvent | yaml.AliasEvent)
            if is_node and stack:
                parent = stack[-1]
                line, col = event.start_mark.line, event.start_mark.column
                if len(stack) == 1 and parent[0]:
                    if parent[1] % 2 == 0:
                        last_key = getattr(event, "value", None)
                        found.keys.append((str(last_key), line))
                    elif last_key == "questions":
                        found.questions_line = found.keys[-1][1]
                        found.questions_flow = bool(getattr(event, "flow_style", False))
                elif parent[2]:
                    found.items.append((line, col))
                parent[1] += 1
            if starts:
                if not stack:
                    found.root_flow = bool(event.flow_style)
                questions = (
                    len(stack) == 1
                    and stack[0][1] % 2 == 0
                    and last_key == "questions"
                    and isinstance(event, yaml.SequenceStartEvent)
                )
                stack.append([isinstance(event, yaml.MappingStartEvent), 0, questions])
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                stack.pop()
    except yaml.YAMLError as exc:
        raise YamlProblem(f"YAML syntax error: {exc}") from None
    finally:
        parser.dispose()
