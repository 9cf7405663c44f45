"""Where things are in a pack file's text: quick even for big packs, as `read_data` notes them
while it reads the file's data (one pass over libyaml's events for both).

The editor (`edit`) cuts a pack file into slices (a header, one slice per question, a footer)
at the lines found here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from quizgame.core.packs.yaml_reader import Node, read_data


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

    Raises `YamlProblem` if the text is not YAML (or not one a pack may be).
    """
    nodes: list[Node] = []
    read_data(text, nodes=nodes)
    return outline_of(nodes)


def outline_of(nodes: list[Node]) -> Outline:
    """The outline of a pack from the nodes near its top that `read_data` recorded as it read
    the file (the editor reads the data and where it is in one pass)."""
    found = Outline()
    root_is_mapping = False
    at_top = 0  # nodes seen at depth 1: keys at even places, values at odd
    last_key: str | None = None
    in_questions = False  # the depth-2 nodes seen now are the questions' items
    for depth, line, col, kind, flow, value in nodes:
        if depth == 0:
            root_is_mapping = kind == "map"
            found.root_flow = flow
        elif depth == 1 and root_is_mapping:
            if at_top % 2 == 0:
                last_key = value
                found.keys.append((str(value), line))
                in_questions = False
            elif last_key == "questions":
                found.questions_line = found.keys[-1][1]
                found.questions_flow = flow
                in_questions = kind == "seq"
            at_top += 1
        elif depth == 2 and in_questions:
            found.items.append((line, col))
    return found
