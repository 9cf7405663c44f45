"""GIFT, Moodle's text format for questions: read into pack data, write from a pack.

Reading follows Moodle's own reader (question/format/gift): a blank line ends a question; lines
starting with `//` are comments (`// [tag:x]` and `// [id:x]` in them are kept); `::title::`
names a question; the answers sit in one `{...}`, and text after it makes a "missing word"
question; `\\~ \\= \\# \\{ \\} \\: \\\\ \\n` are escapes; `$CATEGORY: a/b` sets the category of the
questions that follow. The question type comes from the answers, in Moodle's order: `{}` essay,
`{#...}` numerical, any `~` multiple choice, `=` with `->` matching, `{T}`/`{FALSE}` true/false,
else short answer. The pack's own fields travel in a comment block at the top (`header.py`).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from quizgame.core.formats.common import (
    Draft,
    Parsed,
    Written,
    export_note,
    note_lost_fields,
    number_text,
    quote,
)
from quizgame.core.formats.header import header_lines, read_header
from quizgame.core.packs.model import Pack, Question, QuestionType

NAME = "GIFT"
BLANK = "_____"
TEXT_FORMATS = ("moodle", "html", "plain", "markdown")
TRUE_FALSE = {"T": True, "TRUE": True, "F": False, "FALSE": False}

# Escaped characters are hidden behind private-use characters while the structure is parsed.
_HIDDEN = {
    "\\": "\ue000",
    ":": "\ue001",
    "#": "\ue002",
    "=": "\ue003",
    "{": "\ue004",
    "}": "\ue005",
    "~": "\ue006",
    "n": "\ue007",
}
_RESTORE = str.maketrans({v: ("\n" if k == "n" else k) for k, v in _HIDDEN.items()})
_ESCAPE_IN = re.compile(r"\\(.)")
_WEIGHT = re.compile(r"^%(-?\d+(?:\.\d*)?)%")
_NUMBER = re.compile(r"^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$")
_COMMENT_VALUE = r"((?:\\\]|[^\]\x00-\x1f])+)"
_TAG = re.compile(r"\[tag:" + _COMMENT_VALUE + r"\]")
_ID = re.compile(r"\[id:" + _COMMENT_VALUE + r"\]")
_CONTEXT = re.compile(r"^\$[a-z0-9]+\$$")
_FORMAT_PREFIX = re.compile(r"^\[(?:" + "|".join(TEXT_FORMATS) + r")\]")
_FULL = 1 - 1e-9


def _hide(text: str) -> str:
    return _ESCAPE_IN.sub(lambda m: _HIDDEN.get(m.group(1), m.group(0)), text)


def _restore(text: str) -> str:
    return text.translate(_RESTORE)


def _html_to_text(text: str) -> str:
    text = re.sub(r"<br\s*/?>|</p>|</div>|</li>", "\n", text, flags=re.IGNORECASE)
    text = html.unescape(re.sub(r"<[^>]*>", "", text))
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def _formatted(text: str, default: str = "moodle") -> tuple[str, str]:
    """Plain text from (hidden) GIFT text and its `[format]` prefix, if any."""
    text = text.strip()
    fmt = default
    match = _FORMAT_PREFIX.match(text)
    if match:
        fmt = match.group(0)[1:-1]
        text = text[match.end() :]
    text = _restore(text)
    if fmt == "html":
        text = _html_to_text(text)
    return fmt, text.strip()


@dataclass(slots=True)
class _Option:
    text: str
    weight: float
    feedback: str | None

    @property
    def full(self) -> bool:
        return self.weight >= _FULL

    def label(self) -> str:
        return f"{quote(self.text)} ({self.weight * 100:g}%)"


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


def _joined(*texts: str | None) -> str | None:
    parts = [t for t in texts if t]
    return "\n\n".join(parts) if parts else None


def _category(path: str) -> str | None:
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
        block = _Block(block.start, _hide(block.text), block.comments)
        t = block.text
        stripped = t.strip()
        if not stripped:
            return  # comments only
        if stripped.startswith("$CATEGORY:"):
            # Moodle wants the category alone in its block; a question right under it is read too.
            first, _, rest = stripped.partition("\n")
            self.category = _category(_restore(first[len("$CATEGORY:") :]))
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
            title = _restore(t[pos + 2 : end]).strip() or None
            pos = end + 2
        opening, closing = t.find("{", pos), t.find("}", pos)
        if opening == -1 and closing == -1:
            self.parsed.warn(
                "text without answers (a Moodle description) is not a question: skipped",
                line,
                number,
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
        fmt, prompt = _formatted(text)
        answers = t[opening + 1 : closing]
        general: str | None = None
        cut = answers.rfind("####")
        if cut != -1:
            general = _formatted(answers[cut + 4 :], fmt)[1] or None
            answers = answers[:cut]
        answers = answers.strip()

        question = _Question(self.parsed, block.line_at(opening), number, fmt, general)
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


class _Question:
    """The answers of one question, turned into pack-format fields."""

    def __init__(
        self, parsed: Parsed, line: int, number: int, fmt: str, general: str | None
    ) -> None:
        self.parsed = parsed
        self.line = line
        self.number = number
        self.fmt = fmt
        self.general = general

    def error(self, message: str) -> None:
        self.parsed.error(message, self.line, self.number)

    def warn(self, message: str) -> None:
        self.parsed.warn(message, self.line, self.number)

    def parse(self, answers: str) -> dict[str, Any] | None:
        if not answers:
            self.warn(
                "an essay question (free text, marked by a teacher) cannot be played: skipped"
            )
            return None
        if answers.startswith("#"):
            return self.numerical(answers[1:])
        if "~" in answers:
            return self.multiple_choice(answers)
        if "=" in answers and "->" in answers:
            return self.matching(answers)
        head = answers.split("#", 1)[0].strip() if "#" in answers[1:] else answers
        if head in TRUE_FALSE:
            return self.true_false(answers)
        return self.short_answer(answers)

    def _option(self, part: str, weight: float) -> _Option | None:
        bits = part.split("#", 1)
        text = _formatted(bits[0], self.fmt)[1]
        feedback = _formatted(bits[1], self.fmt)[1] or None if len(bits) > 1 else None
        if not text:
            self.error("an empty answer")
            return None
        return _Option(text, weight, feedback)

    def _weighted(self, part: str, default: float) -> _Option | None:
        part = part.strip()
        match = _WEIGHT.match(part)
        if match:
            return self._option(part[match.end() :], float(match.group(1)) / 100)
        return self._option(part, default)

    def _pieces(self, answers: str, separator: str) -> list[str]:
        parts = answers.split(separator)
        if not parts[0].strip():
            parts.pop(0)
        return parts

    def _lost_feedback(self, options: list[_Option], kept: _Option) -> None:
        others = [o for o in options if o is not kept and o.feedback]
        if others:
            count = len(others)
            self.warn(
                f"feedback on {count} other answer{'s' if count > 1 else ''} not kept "
                "(the right answer's feedback becomes the explanation)"
            )

    def multiple_choice(self, answers: str) -> dict[str, Any] | None:
        options: list[_Option] = []
        for part in self._pieces(answers.replace("=", "~="), "~"):
            part = part.strip()
            option = (
                self._option(part[1:], 1.0) if part.startswith("=") else self._weighted(part, 0.0)
            )
            if option is None:
                return None
            options.append(option)
        if len(options) < 2:
            self.error("a multiple-choice question needs at least 2 answers")
            return None
        full = [o for o in options if o.full]
        partial = [o for o in options if 0 < o.weight < _FULL]
        if len(full) > 1:
            self.warn(
                f"{len(full)} answers are fully right, and a multiple-choice question here has "
                "exactly one: skipped"
            )
            return None
        if not full:
            if partial:
                self.warn(
                    "several right answers sharing the credit ("
                    + ", ".join(o.label() for o in partial)
                    + ") cannot be held: skipped"
                )
            else:
                self.error("no right answer: mark it with '='")
            return None
        right = full[0]
        penalties = [o for o in options if o.weight < 0]
        if partial:
            self.warn(
                "partial credit not kept, these now count as wrong: "
                + ", ".join(o.label() for o in partial)
            )
        if penalties:
            self.warn(
                "negative weights not kept (a wrong answer scores 0 here): "
                + ", ".join(o.label() for o in penalties)
            )
        self._lost_feedback(options, right)
        out: dict[str, Any] = {
            "type": QuestionType.MULTIPLE_CHOICE.value,
            "choices": [o.text for o in options],
            "answer": right.text,
        }
        explanation = _joined(right.feedback, self.general)
        if explanation:
            out["explanation"] = explanation
        return out

    def short_answer(self, answers: str) -> dict[str, Any] | None:
        options: list[_Option] = []
        for part in self._pieces(answers, "="):
            option = self._weighted(part, 1.0)
            if option is None:
                return None
            options.append(option)
        if not options:
            self.error("a short-answer question needs an answer after '='")
            return None
        full = [o for o in options if o.full]
        if not full:
            self.warn(
                "no answer gets full credit ("
                + ", ".join(o.label() for o in options)
                + "): skipped"
            )
            return None
        partial = [o for o in options if not o.full]
        if partial:
            self.warn(
                "answers with partial credit not kept: " + ", ".join(o.label() for o in partial)
            )
        if any("*" in o.text for o in full):
            self.warn("'*' is a wildcard in Moodle; here it is kept as plain text")
        self._lost_feedback(options, full[0])
        seen: dict[str, str] = {}
        for option in full:
            seen.setdefault(option.text.casefold(), option.text)
        texts = list(seen.values())
        out: dict[str, Any] = {"type": QuestionType.TYPED.value, "answer": texts[0]}
        if len(texts) > 1:
            out["accept"] = texts[1:]
        explanation = _joined(full[0].feedback, self.general)
        if explanation:
            out["explanation"] = explanation
        return out

    def true_false(self, answers: str) -> dict[str, Any]:
        bits = [_formatted(b, self.fmt)[1] or None for b in answers.split("#", 2)]
        value = TRUE_FALSE[(bits[0] or "").strip()]
        wrong = bits[1] if len(bits) > 1 else None
        right = bits[2] if len(bits) > 2 else None
        explanation = _joined(right, self.general)
        if explanation is None:
            explanation = wrong  # the only feedback still explains the answer
        elif wrong:
            self.warn(f"feedback for the wrong answer not kept: {quote(wrong)}")
        out: dict[str, Any] = {"type": QuestionType.TRUE_FALSE.value, "answer": value}
        if explanation:
            out["explanation"] = explanation
        return out

    def _number(self, text: str) -> float | None:
        if not _NUMBER.match(text.strip()):
            self.error(f"{quote(text)} is not a number")
            return None
        return float(text)

    def numerical(self, answers: str) -> dict[str, Any] | None:
        wrong_feedback = None
        tilde = answers.find("~")
        if tilde != -1:
            wrong_feedback = answers[tilde:]
            answers = answers[:tilde]
        found: list[tuple[_Option, float, float]] = []
        anything: list[_Option] = []
        for part in self._pieces(answers, "="):
            option = self._weighted(part, 1.0)
            if option is None:
                return None
            spec = option.text
            if spec == "*":
                anything.append(option)
                continue
            if spec.find("..") > 0:
                low_text, high_text = spec.split("..", 1)
                low, high = self._number(low_text), self._number(high_text)
                if low is None or high is None:
                    return None
                if low > high:
                    self.error(f"the range {spec} runs backwards")
                    return None
                value, tolerance = (low + high) / 2, (high - low) / 2
            elif spec.find(":") > 0:
                value_text, tolerance_text = spec.split(":", 1)
                number, margin = self._number(value_text), self._number(tolerance_text)
                if number is None or margin is None:
                    return None
                value, tolerance = number, abs(margin)
            else:
                number = self._number(spec)
                if number is None:
                    return None
                value, tolerance = number, 0.0
            found.append((option, value, tolerance))
        if not found and not anything:
            self.error("a numerical question needs a number after '#'")
            return None
        full = [f for f in found if f[0].full]
        if not full:
            self.warn("no number gets full credit: skipped")
            return None
        option, value, tolerance = full[0]
        if len(full) > 1:
            self.warn(
                "only the first right number is kept; not kept: "
                + ", ".join(quote(f[0].text) for f in full[1:])
            )
        partial = [f[0] for f in found if not f[0].full]
        if partial:
            self.warn(
                "numbers with partial credit not kept: " + ", ".join(o.label() for o in partial)
            )
        if anything:
            self.warn("the catch-all answer '*' not kept")
        if wrong_feedback is not None:
            self.warn("feedback for wrong numbers not kept")
        self._lost_feedback([f[0] for f in found] + anything, option)
        out: dict[str, Any] = {
            "type": QuestionType.NUMERIC.value,
            "answer": int(value) if value == int(value) else value,
        }
        if tolerance:
            out["tolerance"] = int(tolerance) if tolerance == int(tolerance) else tolerance
        explanation = _joined(option.feedback, self.general)
        if explanation:
            out["explanation"] = explanation
        return out

    def matching(self, answers: str) -> dict[str, Any] | None:
        pairs: dict[str, str] = {}
        extras: list[str] = []
        parts = self._pieces(answers, "=")
        if len(parts) < 2:
            self.error("a matching question needs at least 2 pairs")
            return None
        for part in parts:
            if "->" not in part:
                self.error(f"a matching pair needs 'left -> right', found {quote(_restore(part))}")
                return None
            left_text, right_text = part.split("->", 1)
            left = _formatted(left_text, self.fmt)[1]
            right = _restore(right_text).strip()
            if not left:
                extras.append(right)
            elif left in pairs:
                self.warn(f"the left side {quote(left)} appears twice: skipped")
                return None
            else:
                pairs[left] = right
        if extras:
            self.warn(
                "extra answers without a match not kept: " + ", ".join(quote(e) for e in extras)
            )
        out: dict[str, Any] = {"type": QuestionType.MATCHING.value, "pairs": pairs}
        if self.general:
            out["explanation"] = self.general
        return out


# --- writing ---------------------------------------------------------------------------------

_SPECIAL_OUT = re.compile(r"[\\~=#{}:]")


def escape(text: str) -> str:
    """Text as GIFT: special characters escaped, on one line."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    out = _SPECIAL_OUT.sub(lambda m: "\\" + m.group(0), text).replace("\n", "\\n")
    if _FORMAT_PREFIX.match(out):
        out = "[plain]" + out  # so that a leading "[html]" stays text
    return out


def _answer(text: str, weight: str) -> str:
    out = escape(text)
    # Text that starts like a weight ("%50%...") gets an explicit one, so it reads back as text.
    return f"%{weight}%{out}" if _WEIGHT.match(out) else out


def _category_line(category: str | None) -> str:
    return "$CATEGORY: " + (category or "").replace("/", "//")


def _tag(tag: str) -> str:
    return "[tag:" + tag.replace("]", "\\]") + "]"


def _general(question: Question) -> str:
    return f"####{escape(question.explanation)}" if question.explanation else ""


def write(pack: Pack) -> Written:
    """GIFT text for a pack; a note for each question or field GIFT cannot hold."""
    written = Written("", 0)
    out = [f"// {line}" for line in header_lines(pack)] + [""]
    category: str | None = None
    for number, question in enumerate(pack.questions, 1):
        answers = _answers(question, number, written)
        if answers is None:
            continue
        if question.category != category:
            category = question.category
            out += [_category_line(category), ""]
        if question.tags:
            out.append("// " + " ".join(_tag(t) for t in question.tags))
        out += [f"::{escape(question.id)}::{escape(question.prompt)}{answers}", ""]
        written.count += 1
        note_lost_fields(written, number, question, {"explanation", "category", "tags"}, NAME)
    written.text = "\n".join(out)
    return written


def _answers(question: Question, number: int, written: Written) -> str | None:
    qtype = question.type
    general = _general(question)
    if qtype is QuestionType.MULTIPLE_CHOICE:
        lines = [
            f"\t={escape(c)}" if c == question.answer else f"\t~{_answer(c, '0')}"
            for c in question.choices
        ]
        if general:
            lines.append(f"\t{general}")
        return "{\n" + "\n".join(lines) + "\n}"
    if qtype is QuestionType.TRUE_FALSE:
        return "{" + ("TRUE" if question.answer else "FALSE") + general + "}"
    if qtype is QuestionType.TYPED:
        texts = [str(question.answer), *question.accept]
        if any("->" in t for t in texts):
            written.notes.append(
                export_note(
                    number, question, "an answer with '->' reads as matching in GIFT: not exported"
                )
            )
            return None
        lines = [f"\t={_answer(t, '100')}" for t in texts]
        if general:
            lines.append(f"\t{general}")
        return "{\n" + "\n".join(lines) + "\n}"
    if qtype is QuestionType.NUMERIC:
        assert isinstance(question.answer, float)
        spec = number_text(question.answer)
        if question.tolerance:
            spec += ":" + number_text(question.tolerance)
        return "{#" + spec + general + "}"
    if qtype is QuestionType.MATCHING:
        if any("->" in left for left, _ in question.pairs):
            written.notes.append(
                export_note(
                    number,
                    question,
                    "a left side with '->' cannot be written in GIFT: not exported",
                )
            )
            return None
        lines = [f"\t={escape(left)} -> {escape(right)}" for left, right in question.pairs]
        if general:
            lines.append(f"\t{general}")
        return "{\n" + "\n".join(lines) + "\n}"
    written.notes.append(
        export_note(number, question, f"GIFT has no {qtype.value} questions: not exported")
    )
    return None
