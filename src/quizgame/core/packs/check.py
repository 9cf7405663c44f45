"""Pack validation on plain data: every problem in a pack, each tied to the data path it is about.

The shape of each question comes from its type's description (`questions`); what this module
adds is the pack around the questions and the rules across questions (ids are unique).
Validation never needs positions; the loader turns paths into line and column only when there
is something to report.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from quizgame.core.packs.fields import HEAD, TAIL
from quizgame.core.packs.issues import Checker, Code, Issue, Key, Missing, Path, kind_of, quote
from quizgame.core.packs.model import Pack, Question, QuestionType
from quizgame.core.packs.pack_fields import EXTRA_FIELDS, PACK, PACK_FIELDS
from quizgame.core.packs.questions import ALL_QUESTION_FIELDS, ALLOWED, KINDS


def validate_pack_data(data: Any, default_id: str = "pack") -> tuple[Pack | None, list[Issue]]:
    """Check raw pack data; return the Pack (None if any error) and the issues found: the
    first `issues.MAX_ISSUES`, then one (code `more`) counting the rest."""
    check = Checker()
    pack = check_pack_data(check, data, default_id)
    more = check.more()
    return pack, [*check.issues, *([more] if more else [])]


def check_pack_data(check: Checker, data: Any, default_id: str = "pack") -> Pack | None:
    """Check raw pack data into `check`; the Pack, or None if there is any error."""
    if data is None:
        message = "the file is empty; a pack needs an id, a title and questions"
        check.error((), Code.EMPTY_FILE, message)
        return None
    if not isinstance(data, dict):
        message = f"a pack should be a mapping of fields, not {kind_of(data)}"
        check.error((), Code.WRONG_KIND, message)
        return None
    if "facts" in data and "questions" not in data:  # one line, not one per missing field
        message = (
            "this looks like a facts file, not a question pack; "
            "make a pack from it with `quizgame generate FILE -o PACK.yaml`"
        )
        check.error((), Code.NOT_A_PACK, message)
        return None

    for key in data:
        if key not in PACK_FIELDS:
            check.warn(
                (Key(key),), Code.UNKNOWN_FIELD, f"unknown pack field {quote(key)} (ignored)"
            )
    values: dict[str, Any] = {}
    extra: dict[str, Any] = {}
    for field in PACK:
        value = field.kind.read(check, data, (), field.name)
        if field.name not in EXTRA_FIELDS:
            values[field.attribute] = value
        elif data.get(field.name) is not None and value is not None:
            extra[field.name] = list(value) if isinstance(value, tuple) else value
    values["questions"] = tuple(_questions(check, values["questions"]))
    if check.errors:
        return None
    return Pack(**values, extra=extra)


def _questions(check: Checker, raw_questions: list[Any]) -> list[Question]:
    """Each question of the list, read by its type's description (ids unique)."""
    questions: list[Question] = []
    seen_ids: dict[str, int] = {}
    for index, raw in enumerate(raw_questions):
        question = _question(check, raw, index)
        raw_id = raw.get("id") if isinstance(raw, dict) else None
        if isinstance(raw_id, str | int | float) and not isinstance(raw_id, bool):
            qid = str(raw_id)  # `id: 7` and `id: '7'` are both the question id "7"
            if qid in seen_ids:
                check.error(
                    ("questions", index, "id"),
                    Code.DUPLICATE,
                    f"duplicate question id {quote(qid)} (question {seen_ids[qid] + 1} has it too)",
                )
            else:
                seen_ids[qid] = index
        if question is not None:
            questions.append(question)
    return questions


def _question(check: Checker, raw: Any, index: int) -> Question | None:
    path: Path = ("questions", index)
    if not isinstance(raw, dict):
        message = f"question {index + 1} should be a mapping of fields, not {kind_of(raw)}"
        check.error(path, Code.WRONG_KIND, message)
        return None
    errors_before = check.errors
    values = {attr: read(check, raw, path, name) for name, attr, read in _HEAD_READS}
    qtype = values["type"]
    allowed = ALLOWED[qtype] if qtype is not None else ALL_QUESTION_FIELDS
    for key in raw:
        if key not in allowed:
            where = f" for a {qtype} question" if qtype and key in ALL_QUESTION_FIELDS else ""
            check.warn(
                (*path, Key(key)),
                Code.UNKNOWN_FIELD,
                f"unknown field {quote(key)}{where} (ignored)",
            )

    for name, attr, read in _READS[qtype]:
        values[attr] = read(check, raw, path, name)
    if qtype is not None:
        KINDS[qtype].rules(check, values, path)
    if check.errors > errors_before:
        return None
    # Without errors, only fields whose model default is None can be None.
    return Question(**values)


# What reading a question does, worked out once from the description (a pack may hold 100,000).
# The type is read after the other fields every question has, as it always was: a question
# missing all three reports id, prompt, then type (whose message lists every type).
_HEAD_READS = [
    (f.name, f.attribute, f.kind.read) for f in sorted(HEAD, key=lambda f: f.name == "type")
]
_READS: dict[QuestionType | None, list[tuple[str, str, Any]]] = {
    qtype: [(f.name, f.attribute, f.kind.read) for f in (*kind.fields, *TAIL)]
    for qtype, kind in KINDS.items()
}
_READS[None] = [(f.name, f.attribute, f.kind.read) for f in TAIL]


def question_problems(data: dict[str, Any], other_ids: Iterable[str] = ()) -> dict[str, list[str]]:
    """The errors in one question, by field ("" for the question as a whole), for a form.

    `other_ids` are the ids of the pack's other questions (an id must be unique).
    """
    _pack, issues = validate_pack_data({"id": "pack", "title": "pack", "questions": [data]})
    problems: dict[str, list[str]] = {}
    for issue in issues:
        if issue.severity != "error":
            continue
        # ("questions", 0, field, ...) or ("questions", 0, Missing(field)); else the question
        step = issue.path[2] if len(issue.path) > 2 else None
        name = step.name if isinstance(step, Missing) else step if isinstance(step, str) else ""
        problems.setdefault(name, []).append(issue.message)
    qid = data.get("id")
    if qid is not None and str(qid) in {str(other) for other in other_ids}:
        problems.setdefault("id", []).append(f"another question already has the id '{qid}'")
    return problems
