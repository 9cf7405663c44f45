"""Reading GIFT text into pack-format question drafts: blocks, titles, comments, categories.

Each question's answer block is read by `answers.py`; the pack's own fields come from the header
comments (`formats/header.py`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from quizgame.core.formats.common import Draft, NoteCode, Parsed
from quizgame.core.formats.gift.answers import QuestionAnswers
from quizgame.core.formats.gift.syntax import formatted, hide, restore
from quizgame.core.formats.header import read_header

BLANK = "_____"
_COMMENT_VALUE = r"((?:\\\]|[^\]\x00-\x1f])+)"
_TAG = re.compile(r"\[tag:" + _COMMENT_VALUE + r"\]")
_ID = re.compile(r"\[id:" + _COMMENT_VALUE + r"\]")
_CONTEXT = re.compile(r"^\$[a-z0-9]+\$$")


@dataclass(slots=True)
class _Block:
    start: int  # line of the block's first line
    text: str  # comment lines blanked, so offsets still map to lines
    comments: list[str]

    def line_at(self, offset: int) -> int:
        return self.start + self.text.count("\n", 0, offset)


def _blocks(text: str) -> Iterator[_Block]:
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    current: list[str] = []
    comments: list[str] = []
    start = 1
    for number, raw in enumerate(lines, 1):
        stripped = raw.strip()
        if not stripped:
            if current:
                yield _Block(start, "\n".join(current), comments)
                current, comments = [], []
            continue
        if not current:
            start = number
        if stripped.startswith("//"):
            comments.append(stripped)
            current.append("")
        else:
            current.append(raw)
    if current:
        yield _Block(start, "\n".join(current), comments)


def category_name(path: str) -> str | None:
    """The last named level of a Moodle category path (`$course$/top/Maths/Algebra`)."""
    parts = [p.strip().replace("\0", "/") for p in path.replace("//", "\0").split("/")]
    named = [p for p in parts if p and not _CONTEXT.match(p) and p != "top"]
    return named[-1] if named else None


def read(text: str) -> Parsed:
    """Pack-format question drafts from GIFT text, with a note for each thing left behind.

    The pack's own fields (id, title, licence...) come from the header block that export
    writes at the top of the file, if there is one (`header.py`).
    """
    reader = _Reader()
    for index, block in enumerate(_blocks(text.lstrip("\ufeff"))):
        if index == 0:
            block = reader.header(block)
        reader.block(block)
    return reader.parsed


class _Reader:
    def __init__(self) -> None:
        self.parsed = Parsed()
        self.category: str | None = None
        self.number = 0

    def header(self, block: _Block) -> _Block:
        """Read the pack fields from the file's first comments; the block without them."""
        found = read_header([c[2:] for c in block.comments], block.start)
        self.parsed.pack_fields.update(found.fields)
        self.parsed.notes += found.notes
        return _Block(block.start, block.text, block.comments[found.used :])

    def block(self, block: _Block) -> None:
        block = _Block(block.start, hide(block.text), block.comments)
        t = block.text
        stripped = t.strip()
        if not stripped:
            return  # comments only
        if stripped.startswith("$CATEGORY:"):
            # Moodle wants the category alone in its block; a question right under it is read too.
            first, _, rest = stripped.partition("\n")
            self.category = category_name(restore(first[len("$CATEGORY:") :]))
            if not rest.strip():
                return
            offset = t.index(stripped) + len(first) + 1
            block = _Block(block.line_at(offset), t[offset:], block.comments)
            t = block.text
            stripped = t.strip()
        self.number += 1
        number = self.number
        pos = len(t) - len(t.lstrip())
        line = block.line_at(pos)
        title: str | None = None
        if t.startswith("::", pos):
            end = t.find("::", pos + 2)
            if end == -1:
                self.parsed.error("a title opened with '::' is never closed", line, number)
                return
            title = restore(t[pos + 2 : end]).strip() or None
            pos = end + 2
        opening, closing = t.find("{", pos), t.find("}", pos)
        if opening == -1 and closing == -1:
            self.parsed.warn(
                "text without answers (a Moodle description) is not a question: skipped",
                line,
                number,
                code=NoteCode.NOT_A_QUESTION,
                about=("description",),
            )
            return
        if opening == -1 or (closing != -1 and closing < opening):
            self.parsed.error(
                "'}' without an opening '{' (write \\} for a brace in text)",
                block.line_at(closing),
                number,
            )
            return
        if closing == -1:
            self.parsed.error(
                "'{' is never closed (a blank line ends a question)",
                block.line_at(opening),
                number,
            )
            return
        after = t[closing + 1 :]
        extra = re.search(r"[{}]", after)
        if extra:
            self.parsed.error(
                "a second answer block: a GIFT question has one (write \\{ for a brace in text)",
                block.line_at(closing + 1 + extra.start()),
                number,
            )
            return
        if after.strip().startswith("//"):
            after = ""  # a comment after the answers, not missing-word text
        text = t[pos:opening] + (BLANK + after if after.strip() else "")
        fmt, prompt = formatted(text)
        answers = t[opening + 1 : closing]
        general: str | None = None
        cut = answers.rfind("####")
        if cut != -1:
            general = formatted(answers[cut + 4 :], fmt)[1] or None
            answers = answers[:cut]
        answers = answers.strip()

        question = QuestionAnswers(self.parsed, block.line_at(opening), number, fmt, general)
        data = question.parse(answers)
        if data is None:
            return
        comment = "\n".join(block.comments)
        found_id = _ID.search(comment)
        qid = found_id.group(1).replace("\\]", "]").strip() if found_id else title
        tags = [m.group(1).replace("\\]", "]").strip() for m in _TAG.finditer(comment)]
        tags = list({t.casefold(): t for t in reversed(tags) if t}.values())[::-1]
        out: dict[str, Any] = {"type": data.pop("type"), "prompt": prompt, **data}
        if qid:
            out = {"id": qid, **out}
        if self.category:
            out["category"] = self.category
        if tags:
            out["tags"] = tags
        self.parsed.drafts.append(Draft(out, number, line))
