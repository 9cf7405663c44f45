"""Editing a pack file in place: what was not changed keeps its text, comments and layout.

`PackDocument` holds the file as slices of its own text: a header (everything up to
`questions:`), one slice per question (the comment lines just above it, then its lines) and a
footer. Where each question starts comes from libyaml's event stream and the data from the
loader's fast reader, so even a pack of thousands of questions opens in a fraction of a second.
Saving writes the untouched slices back byte for byte. A question that is edited is read from its
own lines by ruamel.yaml's round-trip parser, changed there and written anew by ruamel, so even its
comments on unchanged fields stay. Adding, deleting and moving questions move whole slices,
comments above a question going with it.

    doc = PackDocument(path.read_text("utf-8"))
    doc.replace_question(2, {**doc.question(2), "prompt": "New wording?"})
    doc.save(path)          # atomically: a temporary file, then a rename

No Textual here: the editor screens drive this, and tests do too.
"""

from __future__ import annotations

import copy
import io
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError

from quizgame.core.atomic import write_atomic
from quizgame.core.packs.outline import outline_of
from quizgame.core.packs.pieces import lines_of
from quizgame.core.packs.questions import QUESTION_KEY_ORDER
from quizgame.core.packs.read import LoadResult, load_pack_text
from quizgame.core.packs.roundtrip import as_node, drop_trailing_comments, plain
from quizgame.core.packs.starter import SCHEMA_MODELINE
from quizgame.core.packs.yaml_reader import Node, YamlProblem, read_data

_TOP_KEY = re.compile(r"""^(?P<q>["']?)(?P<key>[^\s:#'"][^:#]*?)(?P=q)\s*:(?:\s|$)""")
_RANK = {key: i for i, key in enumerate(QUESTION_KEY_ORDER)}


class EditError(Exception):
    """The file cannot be edited here (not YAML, or not shaped like a pack); `line` is 1-based."""

    def __init__(self, message: str, line: int | None = None) -> None:
        super().__init__(f"line {line}: {message}" if line else message)
        self.message = message
        self.line = line


@dataclass
class _Item:
    """One question: the comment lines above it, its own lines, its data, and (once it is edited)
    its round-trip data, read by ruamel from its own lines."""

    leading: list[str]
    body: list[str]
    data: dict[str, Any]
    node: CommentedMap | None = None
    edited: bool = False


@dataclass
class _Layout:
    dash_col: int = 0  # where a question's "-" sits
    key_offset: int = 2  # from the "-" to the question's keys
    gap: list[str] = field(default_factory=list)  # what goes between two new questions


def _yaml() -> YAML:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    return yaml


def _writer(layout: _Layout) -> YAML:
    yaml = _yaml()
    yaml.width = 4096  # never fold a line the author did not fold
    yaml.indent(mapping=2, sequence=layout.dash_col + layout.key_offset, offset=layout.dash_col)
    return yaml


def _is_comment_or_blank(line: str, max_indent: int) -> bool:
    stripped = line.strip()
    if not stripped:
        return True
    return stripped.startswith("#") and len(line) - len(line.lstrip()) <= max_indent


def _trim_trailing(lines: list[str], max_indent: int) -> tuple[list[str], list[str]]:
    """Split trailing blank lines and shallow comment lines off `lines`."""
    end = len(lines)
    while end > 0 and _is_comment_or_blank(lines[end - 1], max_indent):
        end -= 1
    return lines[:end], lines[end:]


class PackDocument:
    """A pack file's text, open for editing question by question (see the module docstring)."""

    def __init__(self, text: str, name: str = "<pack>") -> None:
        self.name = name
        if text and not text.endswith("\n"):
            text += "\n"
        lines = lines_of(text)
        nodes: list[Node] = []
        try:
            data = read_data(text, nodes=nodes)  # one pass: the data, and where it is
        except YamlProblem as exc:
            raise EditError(exc.message, exc.line) from None
        outline = outline_of(nodes)
        if not isinstance(data, dict) or outline.root_flow:
            raise EditError("a pack file should be a mapping of fields (id, title, questions...)")
        self.layout = _Layout()
        self.fields: dict[str, Any] = {k: v for k, v in data.items() if k != "questions"}
        questions = data.get("questions")
        self.items: list[_Item] = []
        if "questions" not in data:
            self.header, self.footer = lines, []
            self.header.append("questions:\n")
            return
        q_line = outline.questions_line
        later = [line for _key, line in outline.keys if line > q_line]
        end = later[0] if later else len(lines)
        if questions is None or (isinstance(questions, list) and not questions):
            self.header = [*lines[:q_line], "questions:\n"]
            self.footer = lines[q_line + 1 :]
            return
        if not isinstance(questions, list) or outline.questions_flow:
            raise EditError(
                "'questions' should be a list written one question after another", q_line + 1
            )
        self.header = lines[: q_line + 1]
        starts: list[int] = []
        if not isinstance(questions, list) or len(questions) != len(outline.items):
            # e.g. `questions:` given twice: the data and the file's outline disagree.
            raise EditError("the questions could not be read one by one; fix the file by hand")
        for index, (question, (line, col)) in enumerate(zip(questions, outline.items, strict=True)):
            if not isinstance(question, dict):
                raise EditError(f"question {index + 1} should be a mapping of fields", line + 1)
            dash_line, dash_col = self._find_dash(lines, line, col)
            if index == 0:
                self.layout.dash_col = dash_col
                self.layout.key_offset = max(2, col - dash_col) if dash_line == line else 2
            starts.append(dash_line)
        previous_end = q_line + 1
        for index, question in enumerate(questions):
            stop = starts[index + 1] if index + 1 < len(starts) else end
            body, rest = _trim_trailing(lines[starts[index] : stop], self.layout.dash_col)
            self.items.append(_Item(lines[previous_end : starts[index]], body, question))
            if index + 1 < len(starts):
                previous_end = stop - len(rest)
            else:
                self.footer = rest + lines[end:]
        gaps = [item.leading for item in self.items[1:]]
        self.layout.gap = ["\n"] if any(g and not g[0].strip() for g in gaps) else []

    @staticmethod
    def _find_dash(lines: list[str], line: int, col: int) -> tuple[int, int]:
        """Where the "-" of the question starting at (line, col) is."""
        text = lines[line]
        dash = text.rfind("-", 0, col)
        if dash != -1 and not text[:dash].strip():
            return line, dash
        for back in range(line - 1, -1, -1):  # "-" alone on a line above
            stripped = lines[back].strip()
            if stripped == "-":
                return back, lines[back].index("-")
            if stripped and not stripped.startswith("#"):
                break
        return line, max(0, col - 2)

    @classmethod
    def new(cls, pack_id: str, title: str, schema: str | None = None) -> PackDocument:
        """An empty pack (it needs a question before it is valid)."""
        head = f"{SCHEMA_MODELINE}{schema}\n" if schema else ""
        text = (
            f"{head}# Made in quizgame's editor.\n"
            f"id: {pack_id}\n"
            f"title: {json.dumps(' '.join(title.split()), ensure_ascii=False)}\n"
            "version: 1\n"
            "questions:\n"
        )
        return cls(text)

    def copied(self, name: str) -> PackDocument:
        """The same file, to be saved elsewhere (`name`): changing either leaves the other as it
        is. Nothing is read again: each question's lines and data are shared (a change replaces
        them, never edits them), only a question's round-trip data is copied."""
        twin = copy.copy(self)
        twin.name = name
        twin.fields = dict(self.fields)
        twin.header, twin.footer = list(self.header), list(self.footer)
        twin.items = [copy.copy(item) for item in self.items]
        for item in twin.items:
            if item.node is not None:  # round-trip data is changed in place: each its own
                item.node = copy.deepcopy(item.node)
        return twin

    # --- reading ---------------------------------------------------------------------------------

    @property
    def questions(self) -> list[dict[str, Any]]:
        """Every question as plain data, in order (copies: change them through the methods)."""
        return [copy.deepcopy(item.data) for item in self.items]

    def question(self, index: int) -> dict[str, Any]:
        return copy.deepcopy(self.items[index].data)

    def summary(self, index: int) -> tuple[str, str, str]:
        """Question `index`'s prompt, type and id as text, without copying the question (a list
        of many questions asks for the few rows it shows)."""
        data = self.items[index].data
        return str(data.get("prompt", "")), str(data.get("type")), str(data.get("id", ""))

    def ids(self, leave_out: int | None = None) -> list[str]:
        """Every question's id as text, in order, without the one at `leave_out`."""
        return [str(item.data.get("id")) for i, item in enumerate(self.items) if i != leave_out]

    def __len__(self) -> int:
        return len(self.items)

    def text(self) -> str:
        """The file as it would be saved now."""
        out = list(self.header)
        for item in self.items:
            out += item.leading
            out += self._render(item) if item.edited else item.body
        out += self.footer
        return "".join(out)

    def check(self) -> LoadResult:
        """The pack as the real loader reads the current text: the pack, or every problem."""
        return load_pack_text(self.text(), self.name)

    def _render(self, item: _Item) -> list[str]:
        buffer = io.StringIO()
        _writer(self.layout).dump([self._node(item)], buffer)
        lines = buffer.getvalue().splitlines(keepends=True)
        body, _rest = _trim_trailing(lines, self.layout.dash_col)
        return body

    # --- changing questions ----------------------------------------------------------------------

    def _node(self, item: _Item) -> CommentedMap:
        """The question's round-trip data, read from its own lines the first time it is needed."""
        if item.node is None:
            try:
                seq = _yaml().load("".join(item.body))
            except YAMLError as exc:
                raise EditError(f"this question cannot be edited here: {exc}") from None
            if not (isinstance(seq, CommentedSeq) and len(seq) == 1):
                raise EditError("this question cannot be edited here")
            item.node = seq[0]
            drop_trailing_comments(item.node)
        return item.node

    def replace_question(self, index: int, data: dict[str, Any]) -> None:
        """Make question `index` hold `data`; fields that did not change keep their text."""
        item = self.items[index]
        if item.data == data:
            return
        node = self._node(item)
        item.edited = True
        item.data = copy.deepcopy(data)
        for key in [k for k in node if k not in data]:
            del node[key]
        for key, value in data.items():
            if key in node:
                if plain(node[key]) != value:
                    node[key] = as_node(value)
                continue
            rank = _RANK.get(key, len(_RANK))
            position = sum(1 for k in node if _RANK.get(str(k), len(_RANK)) <= rank)
            node.insert(position, key, as_node(value))

    def add_question(self, data: dict[str, Any], index: int | None = None) -> int:
        """Insert a question (at the end by default); returns its index."""
        ordered = dict(sorted(data.items(), key=lambda kv: _RANK.get(kv[0], len(_RANK))))
        at = len(self.items) if index is None else max(0, min(index, len(self.items)))
        leading = list(self.layout.gap) if self.items and at > 0 else []
        if at == 0 and self.items and not self.items[0].leading and self.layout.gap:
            self.items[0].leading = list(self.layout.gap)
        item = _Item(leading, [], copy.deepcopy(ordered), as_node(ordered), edited=True)
        self.items.insert(at, item)
        return at

    def delete_question(self, index: int) -> None:
        """Remove a question with the comment lines above it."""
        del self.items[index]

    def move_question(self, index: int, to: int) -> None:
        """Move a question (and the comment lines above it) to position `to`."""
        to = max(0, min(to, len(self.items) - 1))
        self.items.insert(to, self.items.pop(index))

    # --- pack fields -----------------------------------------------------------------------------

    def set_field(self, name: str, value: Any) -> None:
        """Set a top-level field such as `title` or `id`; its line is rewritten, nothing else."""
        if name == "questions":
            raise ValueError("questions are changed one by one")
        self.fields[name] = value
        writer = _yaml()
        writer.width = 4096
        for lines in (self.header, self.footer):
            span = self._field_span(lines, name)
            if span is not None:
                # The field's own lines, read and written by ruamel: a comment on it stays.
                mapping = writer.load("".join(lines[span[0] : span[1]]))
                mapping[name] = as_node(value)
                buffer = io.StringIO()
                writer.dump(mapping, buffer)
                lines[span[0] : span[1]] = buffer.getvalue().splitlines(keepends=True)
                return
        buffer = io.StringIO()
        writer.dump({name: as_node(value)}, buffer)
        new_lines = buffer.getvalue().splitlines(keepends=True)
        # Not there yet: after the last field above `questions:`.
        at = 0
        for index, line in enumerate(self.header):
            match = _TOP_KEY.match(line)
            if match and match["key"] != "questions":
                span = self._field_span(self.header, match["key"])
                at = span[1] if span else index + 1
        self.header[at:at] = new_lines

    @staticmethod
    def _field_span(lines: list[str], name: str) -> tuple[int, int] | None:
        for start, line in enumerate(lines):
            match = _TOP_KEY.match(line)
            if match and match["key"] == name:
                end = start + 1
                while end < len(lines) and (not lines[end].strip() or lines[end][0] in " \t#"):
                    end += 1
                body, _rest = _trim_trailing(lines[start:end], 0)
                return start, start + len(body)
        return None

    # --- saving ----------------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        """Write the file atomically: a temporary file in the same folder, then a rename."""
        save_text(path, self.text())


def save_text(path: Path, text: str) -> None:
    """Write `text` to `path` atomically (a reader sees the old file or the new, never half)."""
    write_atomic(path, text)
