"""Reading a facts file: every problem reported at once, each as `file:line:col: path: message`.

Positions are found by composing the file a second time, and only when there is something to
report, as the pack loader does.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from quizgame.core.generate.facts import Facts
from quizgame.core.generate.reader import Reader, show_path
from quizgame.core.generate.sections import read_facts
from quizgame.core.packs.positions import locate_all
from quizgame.core.packs.yaml_reader import YamlProblem, read_data


class FactsError(Exception):
    """Facts that cannot be used; `problems` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class NotFactsError(FactsError):
    """The file is something else (a question pack): one line says so, instead of a problem
    for each of its fields."""

    def __init__(self, origin: str, what: str) -> None:
        super().__init__([f"{origin}: this looks like {what}, not a facts file"])


def _refuse_a_pack(data: Any, origin: str) -> None:
    if isinstance(data, dict) and "facts" not in data and isinstance(data.get("questions"), list):
        raise NotFactsError(origin, "a question pack")


def parse_facts(data: Any, origin: str = "<facts>") -> Facts:
    """Validate raw facts data (a dict as read from YAML); raise `FactsError` on any problem."""
    _refuse_a_pack(data, origin)
    reader = Reader()
    facts = read_facts(reader, data, origin)
    if reader.issues or facts is None:
        problems = [(i.path, i.message) for i in reader.issues] or [
            ((), "the facts are not usable")
        ]
        raise FactsError([f"{origin}: {show_path(p)}: {m}" for p, m in problems])
    return facts


def load_facts(path: str | os.PathLike[str]) -> Facts:
    """Read and validate the facts file at `path`; raise `FactsError` on any problem."""
    name = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise FactsError([f"{name}:1:1: the file is not valid UTF-8 ({exc.reason})"]) from None
    except IsADirectoryError:
        raise FactsError([f"{name}: this is a folder, not a facts file"]) from None
    except OSError as exc:
        raise FactsError([f"{name}: cannot read the file: {exc.strerror or exc}"]) from None
    try:
        data = read_data(text)
    except YamlProblem as exc:
        raise FactsError([f"{name}:{exc.line}:{exc.col}: {exc.message}"]) from None
    _refuse_a_pack(data, name)
    reader = Reader()
    facts = read_facts(reader, data, name)
    if not reader.issues and facts is not None:
        return facts
    problems = [(i.path, i.message) for i in reader.issues] or [((), "the facts are not usable")]
    raise FactsError(positioned(name, text, problems))


def positioned(name: str, text: str, problems: Sequence[tuple[Sequence[Any], str]]) -> list[str]:
    """Each (data path, message) problem of the facts file `name` (its `text`) as
    `file:line:col: path: message`, in the order they appear in the file."""
    located = []
    places = locate_all(text, [data_path for data_path, _message in problems])
    for (data_path, message), (line, col) in zip(problems, places, strict=True):
        located.append((line, col, f"{name}:{line}:{col}: {show_path(data_path)}: {message}"))
    located.sort(key=lambda entry: (entry[0], entry[1]))
    return [entry[2] for entry in located]
