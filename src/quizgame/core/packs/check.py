"""Pack validation on plain data: every problem in a pack, each tied to the data path it is about.

Validation never needs positions; the loader turns paths into line and column only when there is
something to report. A path ends in `Key(name)` when the problem is the key itself.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from quizgame.core.packs.model import Difficulty, Pack, Question, QuestionType, Spoiler
from quizgame.core.packs.yaml_reader import Key
from quizgame.core.text import has_control_characters

SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]*$")
MIN_CHOICES, MAX_CHOICES = 2, 6

PACK_FIELDS = {"id", "title", "description", "author", "version", "language", "questions"}
# Extra top-level fields we know of and keep (documented in docs/pack-format.md).
PACK_EXTRA_FIELDS = {"license", "attribution", "tags", "url"}
COMMON_FIELDS = {
    "id",
    "type",
    "prompt",
    "difficulty",
    "category",
    "explanation",
    "source",
    "tags",
    "time_limit",
    "spoiler",
    "hint",
    "group",
}
TYPE_FIELDS: dict[QuestionType, set[str]] = {
    QuestionType.MULTIPLE_CHOICE: {"choices", "answer"},
    QuestionType.TRUE_FALSE: {"answer"},
    QuestionType.TYPED: {"answer", "accept"},
    QuestionType.NUMERIC: {"answer", "tolerance", "unit"},
    QuestionType.ORDERING: {"items"},
    QuestionType.MATCHING: {"pairs"},
}
ALLOWED = {t: COMMON_FIELDS | fields for t, fields in TYPE_FIELDS.items()}
ALL_QUESTION_FIELDS = set().union(*ALLOWED.values())
TYPE_NAMES = ", ".join(t.value for t in QuestionType)
_DIFFICULTIES = {d.value: d for d in Difficulty}
_SPOILERS = {s.value: s for s in Spoiler}
_TYPES = {t.value: t for t in QuestionType}


@dataclass(frozen=True, slots=True)
class Issue:
    """A problem found in a pack's data, before it has a position."""

    path: tuple[Any, ...]
    message: str
    severity: str = "error"


def _quote(value: Any) -> str:
    text = str(value)
    if has_control_characters(text):  # show escapes as written, never raw to a terminal
        text = text.encode("unicode_escape").decode("ascii")
    if len(text) > 60:
        text = text[:57] + "..."
    return f"'{text}'"


def kind_of(value: Any) -> str:
    """What a YAML value is, in words, for messages: 'text', 'a list', 'nothing'..."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a mapping"
    return type(value).__name__


def is_number(value: Any) -> bool:
    """A finite int or float, not a bool."""
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


class _Checker:
    """Collects issues while turning raw data into a Pack."""

    def __init__(self) -> None:
        self.issues: list[Issue] = []

    def error(self, path: tuple[Any, ...], message: str) -> None:
        self.issues.append(Issue(path, message))

    def warn(self, path: tuple[Any, ...], message: str) -> None:
        self.issues.append(Issue(path, message, "warning"))

    def text(
        self, data: dict[str, Any], path: tuple[Any, ...], name: str, required: bool
    ) -> str | None:
        value = data.get(name)
        if value is None:
            if required:
                self.error(path, f"missing field '{name}' (expected text)")
            return None
        if isinstance(value, str):
            if required and not value.strip():
                self.error((*path, name), f"'{name}' is empty")
            return value
        if is_number(value):
            return str(value)  # `category: 2021` means the text "2021"
        self.error((*path, name), f"'{name}' should be text, not {kind_of(value)}")
        return None

    def text_list(
        self, data: dict[str, Any], path: tuple[Any, ...], name: str, minimum: int, noun: str
    ) -> tuple[str, ...] | None:
        value = data.get(name)
        if value is None:
            if minimum:
                self.error(path, f"missing field '{name}' (expected a list of {minimum}+ {noun})")
            return None if minimum else ()
        if not isinstance(value, list):
            self.error((*path, name), f"'{name}' should be a list of {noun}, not {kind_of(value)}")
            return None
        out: list[str] = []
        seen: dict[str, int] = {}
        for i, item in enumerate(value):
            if isinstance(item, bool) or not isinstance(item, str | int | float):
                self.error((*path, name, i), f"{noun} should be text, not {kind_of(item)}")
                continue
            text = str(item)
            if not text.strip():
                self.error((*path, name, i), f"empty {noun[:-1] if noun.endswith('s') else noun}")
            folded = text.strip().casefold()
            if folded in seen:
                self.error((*path, name, i), f"duplicate {noun[:-1]} {_quote(text)}")
            seen[folded] = i
            out.append(text)
        if len(value) < minimum:
            self.error((*path, name), f"too few {noun}: {len(value)}, at least {minimum} needed")
        # Returned even when wrong, so later checks (answer among choices) still run.
        return tuple(out)


def validate_pack_data(data: Any, default_id: str = "pack") -> tuple[Pack | None, list[Issue]]:
    """Check raw pack data; return the Pack (None if any error) and every issue found."""
    check = _Checker()
    if data is None:
        check.error((), "the file is empty; a pack needs an id, a title and questions")
        return None, check.issues
    if not isinstance(data, dict):
        check.error((), f"a pack should be a mapping of fields, not {kind_of(data)}")
        return None, check.issues

    for key in data:
        if key not in PACK_FIELDS and key not in PACK_EXTRA_FIELDS:
            check.warn((Key(key),), f"unknown pack field {_quote(key)} (ignored)")

    pack_id = check.text(data, (), "id", required=True)
    if pack_id is not None and not SLUG.match(pack_id):
        check.error(("id",), f"pack id {_quote(pack_id)} should be a slug: a-z, 0-9, '-', '_', '.'")
    title = check.text(data, (), "title", required=True)
    description = check.text(data, (), "description", required=False) or ""
    author = check.text(data, (), "author", required=False) or ""
    language = check.text(data, (), "language", required=False) or "en"
    version = data.get("version", 1)
    if isinstance(version, bool) or not isinstance(version, int | str):
        check.error(("version",), f"'version' should be a number or text, not {kind_of(version)}")
    # Kept in `Pack.extra` (and the cache), so only the shapes documented: never a structure
    # of any size an author (or an alias) might put there.
    extra: dict[str, Any] = {}
    for name in ("license", "attribution", "url"):
        value = check.text(data, (), name, required=False)
        if value is not None:
            extra[name] = value
    if data.get("tags") is not None:
        extra["tags"] = list(check.text_list(data, (), "tags", 0, "tags") or ())

    questions: list[Question] = []
    raw_questions = data.get("questions")
    if raw_questions is None:
        check.error((), "missing field 'questions' (expected a list of questions)")
    elif not isinstance(raw_questions, list):
        check.error(("questions",), f"'questions' should be a list, not {kind_of(raw_questions)}")
    elif not raw_questions:
        check.error(("questions",), "the pack has no questions")
    else:
        seen_ids: dict[str, int] = {}
        for index, raw in enumerate(raw_questions):
            question = _question(check, raw, index)
            raw_id = raw.get("id") if isinstance(raw, dict) else None
            if isinstance(raw_id, str | int | float) and not isinstance(raw_id, bool):
                qid = str(raw_id)  # `id: 7` and `id: '7'` are both the question id "7"
                if qid in seen_ids:
                    check.error(
                        ("questions", index, "id"),
                        f"duplicate question id {_quote(qid)} "
                        f"(question {seen_ids[qid] + 1} has it too)",
                    )
                else:
                    seen_ids[qid] = index
            if question is not None:
                questions.append(question)

    if any(issue.severity == "error" for issue in check.issues):
        return None, check.issues
    assert pack_id is not None and title is not None
    pack = Pack(
        id=pack_id,
        title=title,
        questions=tuple(questions),
        description=description,
        author=author,
        version=version,
        language=language,
        extra=extra,
    )
    return pack, check.issues


def _question(check: _Checker, raw: Any, index: int) -> Question | None:
    path: tuple[Any, ...] = ("questions", index)
    if not isinstance(raw, dict):
        check.error(path, f"question {index + 1} should be a mapping of fields, not {kind_of(raw)}")
        return None
    errors_before = len(check.issues)

    qid = check.text(raw, path, "id", required=True)
    prompt = check.text(raw, path, "prompt", required=True)
    raw_type = raw.get("type")
    qtype = _TYPES.get(raw_type) if isinstance(raw_type, str) else None
    if raw_type is None:
        check.error(path, f"missing field 'type' (expected one of {TYPE_NAMES})")
    elif qtype is None:
        check.error(
            (*path, "type"),
            f"unknown question type {_quote(raw_type)} (expected one of {TYPE_NAMES})",
        )

    allowed = ALLOWED[qtype] if qtype else ALL_QUESTION_FIELDS
    for key in raw:
        if key not in allowed:
            where = f" for a {qtype.value} question" if qtype and key in ALL_QUESTION_FIELDS else ""
            check.warn((*path, Key(key)), f"unknown field {_quote(key)}{where} (ignored)")

    difficulty = Difficulty.MEDIUM
    raw_difficulty = raw.get("difficulty")
    if raw_difficulty is not None:
        found_difficulty = (
            _DIFFICULTIES.get(raw_difficulty) if isinstance(raw_difficulty, str) else None
        )
        if found_difficulty is None:
            check.error(
                (*path, "difficulty"),
                f"difficulty {_quote(raw_difficulty)} should be easy, medium or hard",
            )
        else:
            difficulty = found_difficulty
    spoiler = Spoiler.NONE
    raw_spoiler = raw.get("spoiler")
    if raw_spoiler is not None:
        found_spoiler = _SPOILERS.get(raw_spoiler) if isinstance(raw_spoiler, str) else None
        if found_spoiler is None:
            check.error(
                (*path, "spoiler"), f"spoiler {_quote(raw_spoiler)} should be none, mid or ending"
            )
        else:
            spoiler = found_spoiler
    time_limit: Any = raw.get("time_limit")
    if time_limit is not None and (not is_number(time_limit) or time_limit <= 0):
        check.error(
            (*path, "time_limit"),
            f"time_limit should be a number of seconds above 0, not {_quote(time_limit)}",
        )
        time_limit = None
    category = check.text(raw, path, "category", required=False)
    explanation = check.text(raw, path, "explanation", required=False)
    source = check.text(raw, path, "source", required=False)
    hint = check.text(raw, path, "hint", required=False)
    raw_group = raw.get("group")
    if isinstance(raw_group, list):
        groups = check.text_list(raw, path, "group", 1, "groups") or ()
    else:
        group = check.text(raw, path, "group", required=False)
        groups = (group,) if group else ()
    tags = check.text_list(raw, path, "tags", 0, "tags") or ()

    fields: dict[str, Any] = {}
    if qtype is QuestionType.MULTIPLE_CHOICE:
        choices = check.text_list(raw, path, "choices", MIN_CHOICES, "choices")
        if choices is not None and len(choices) > MAX_CHOICES:
            check.error(
                (*path, "choices"), f"too many choices: {len(choices)}, at most {MAX_CHOICES}"
            )
        answer = _answer_text(check, raw, path)
        if choices is not None and answer is not None and answer not in choices:
            check.error((*path, "answer"), f"answer {_quote(answer)} is not one of the choices")
        fields = {"choices": choices or (), "answer": answer}
    elif qtype is QuestionType.TRUE_FALSE:
        answer_tf = raw.get("answer")
        if "answer" not in raw:
            check.error(path, "missing field 'answer' (expected true or false)")
        elif not isinstance(answer_tf, bool):
            check.error(
                (*path, "answer"), f"answer should be true or false, not {_quote(answer_tf)}"
            )
        fields = {"answer": answer_tf}
    elif qtype is QuestionType.TYPED:
        fields = {
            "answer": _answer_text(check, raw, path),
            "accept": check.text_list(raw, path, "accept", 0, "accepted answers") or (),
        }
    elif qtype is QuestionType.NUMERIC:
        number: Any = raw.get("answer")
        if "answer" not in raw:
            check.error(path, "missing field 'answer' (expected a number)")
        elif not is_number(number):
            check.error((*path, "answer"), f"answer should be a number, not {_quote(number)}")
        tolerance = raw.get("tolerance", 0)
        if not is_number(tolerance):
            check.error(
                (*path, "tolerance"), f"tolerance should be a number, not {_quote(tolerance)}"
            )
            tolerance = 0
        elif tolerance < 0:
            check.error((*path, "tolerance"), f"tolerance should be 0 or more, not {tolerance}")
        unit = check.text(raw, path, "unit", required=False)
        fields = {
            "answer": float(number) if is_number(number) else None,
            "tolerance": float(tolerance),
            "unit": unit,
        }
    elif qtype is QuestionType.ORDERING:
        fields = {"items": check.text_list(raw, path, "items", 2, "items") or ()}
    elif qtype is QuestionType.MATCHING:
        fields = {"pairs": _pairs(check, raw, path)}

    if len(check.issues) > errors_before and any(
        issue.severity == "error" for issue in check.issues[errors_before:]
    ):
        return None
    assert qid is not None and prompt is not None and qtype is not None
    return Question(
        id=qid,
        type=qtype,
        prompt=prompt,
        difficulty=difficulty,
        category=category,
        explanation=explanation,
        source=source,
        tags=tags,
        time_limit=float(time_limit) if is_number(time_limit) else None,
        spoiler=spoiler,
        hint=hint,
        groups=groups,
        **fields,
    )


def _answer_text(check: _Checker, raw: dict[str, Any], path: tuple[Any, ...]) -> str | None:
    answer = raw.get("answer")
    if "answer" not in raw or answer is None:
        check.error(path, "missing field 'answer' (expected text)")
        return None
    if isinstance(answer, bool) or not isinstance(answer, str | int | float):
        check.error((*path, "answer"), f"answer should be text, not {kind_of(answer)}")
        return None
    text = str(answer)
    if not text.strip():
        check.error((*path, "answer"), "answer is empty")
        return None
    return text


def _pairs(
    check: _Checker, raw: dict[str, Any], path: tuple[Any, ...]
) -> tuple[tuple[str, str], ...]:
    pairs = raw.get("pairs")
    if pairs is None:
        check.error(path, "missing field 'pairs' (expected a mapping of 2+ left: right)")
        return ()
    if not isinstance(pairs, dict):
        check.error(
            (*path, "pairs"), f"'pairs' should be a mapping of left: right, not {kind_of(pairs)}"
        )
        return ()
    out: list[tuple[str, str]] = []
    rights: set[str] = set()
    for left, right in pairs.items():
        if isinstance(right, bool) or not isinstance(right, str | int | float):
            check.error(
                (*path, "pairs", left),
                f"the match for {_quote(left)} should be text, not {kind_of(right)}",
            )
            continue
        if str(right).casefold() in rights:
            check.error((*path, "pairs", left), f"duplicate right side {_quote(right)}")
        rights.add(str(right).casefold())
        out.append((str(left), str(right)))
    if len(pairs) < 2:
        check.error((*path, "pairs"), f"too few pairs: {len(pairs)}, at least 2 needed")
    return tuple(out)
