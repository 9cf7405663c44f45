"""Open Trivia Database JSON (opentdb.com): `{"results": [{type, difficulty, category, question,
correct_answer, incorrect_answers}]}`.

Text comes HTML-entity encoded, as the API serves it by default (`&quot;`, `&#039;`); it is
decoded on import and encoded the same way on export. Files fetched with `encode=base64` or
`encode=url3986` are recognised and decoded too.
"""

from __future__ import annotations

import base64
import binascii
import html
import json
import re
import zlib
from typing import Any
from urllib.parse import unquote

from quizgame.core.formats.common import (
    CREDIT_FIELDS,
    Draft,
    NoteCode,
    Parsed,
    Written,
    export_note,
    note_lost_fields,
    quote,
)
from quizgame.core.packs.model import Difficulty, Pack, QuestionType
from quizgame.core.text import json_escape_controls

NAME = "Open Trivia DB"
LICENSE = "CC-BY-SA-4.0"
ATTRIBUTION = (
    "Questions from the Open Trivia Database (https://opentdb.com), "
    "licensed CC BY-SA 4.0 (https://creativecommons.org/licenses/by-sa/4.0/)"
)
TYPES = {"multiple": QuestionType.MULTIPLE_CHOICE, "boolean": QuestionType.TRUE_FALSE}
_DIFFICULTIES = {d.value for d in Difficulty}
_BASE64_TYPES = {"bXVsdGlwbGU=", "Ym9vbGVhbg=="}
MAX_DEPTH = 100  # an API file nests 3 levels
_BRACKETS = re.compile(r'"(?:[^"\\]|\\.)*"|[\[\]{}]')
_LONE_SURROGATE = re.compile(
    r"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F][0-9a-fA-F]{2})"
    r"|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"
)
# What the API's response codes mean (https://opentdb.com/api_config.php), for a file that does
# not say.
RESPONSE_CODES = {
    1: "No Results: the API has not enough questions for the query",
    2: "Invalid Parameter",
    3: "Token Not Found",
    4: "Token Empty: every question for the query has been served",
    5: "Rate Limit: too many requests",
}


def _html(text: str) -> str:
    return html.unescape(text) if "&" in text else text


def _decoder(results: list[Any]) -> Any:
    """How the file's text is encoded, judged from its first entry."""
    first = results[0] if results and isinstance(results[0], dict) else {}
    kind = first.get("type")
    if isinstance(kind, str) and kind in _BASE64_TYPES:
        return lambda s: base64.b64decode(s, validate=True).decode("utf-8")
    question = first.get("question")
    if isinstance(question, str) and " " not in question and "%20" in question:
        return unquote
    return _html


def _line(text: str, offset: int) -> int:
    return text.count("\n", 0, offset) + 1


def _too_deep(text: str) -> int | None:
    """The line where `text` nests deeper than a quiz file does, or None (Python's JSON reader
    would run out of stack on it)."""
    depth = 0
    for token in _BRACKETS.finditer(text):
        bracket = token.group(0)
        if bracket in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return _line(text, token.start())
        elif bracket in "]}":
            depth -= 1
    return None


def _big_int(digits: str) -> int | str:
    # Past Python's limit on digits, int() raises; such a number is kept as text, for a message.
    return int(digits) if len(digits) <= 100 else digits


def _load(parsed: Parsed, text: str) -> Any:
    """The JSON value of `text`; None with an error at its line when it cannot be read."""
    deep = _too_deep(text)
    if deep is not None:
        parsed.error(f"nested more than {MAX_DEPTH} levels deep", deep)
        return None
    lone = _LONE_SURROGATE.search(text)
    if lone is not None:
        message = f"{lone.group(0)} is half of a character (a lone surrogate), not text"
        parsed.error(message, _line(text, lone.start()))
        return None
    try:
        return json.loads(text, parse_int=_big_int)
    except json.JSONDecodeError as exc:
        parsed.error(f"not valid JSON: {exc.msg} (column {exc.colno})", exc.lineno)
    except (ValueError, RecursionError) as exc:
        parsed.error(f"not readable as JSON: {exc}", 1)
    return None


def _api_error(parsed: Parsed, text: str, data: dict[str, Any]) -> None:
    code = data["response_code"]
    said = data.get("response_message")
    meaning = said.strip() if isinstance(said, str) and said.strip() else None
    if meaning is None and isinstance(code, int):
        meaning = RESPONSE_CODES.get(code)
    where = text.find('"response_code"')
    shown = quote(str(code), 20) if isinstance(code, str) else str(code)
    message = f"the file holds an API error (response_code {shown})"
    message += f": {quote(meaning, 200)}" if meaning else ""
    parsed.error(message, _line(text, where) if where != -1 else 1)


def read(text: str) -> Parsed:
    """Pack-format question drafts from Open Trivia DB JSON; bad input is an error at its line."""
    parsed = Parsed()
    text = text.lstrip("\ufeff")
    data = _load(parsed, text)
    if parsed.notes:
        return parsed
    results = data.get("results") if isinstance(data, dict) else data
    if isinstance(data, dict) and data.get("response_code") not in (None, 0):
        _api_error(parsed, text, data)
        return parsed
    if not isinstance(results, list):
        parsed.error("expected a JSON object with a 'results' list (or a list of questions)", 1)
        return parsed
    decoder = _decoder(results)

    def decode(text: str) -> str:
        return str(decoder(text)).strip()  # stray spaces at the ends are noise in this data

    for index, entry in enumerate(results):
        try:
            draft = _question(parsed, entry, index + 1, decode)
        except (ValueError, UnicodeDecodeError, binascii.Error):
            parsed.error("text that cannot be decoded", number=index + 1)
            continue
        if draft is not None:
            parsed.drafts.append(draft)
    parsed.pack_fields = _credit(data)
    return parsed


def _credit(data: Any) -> dict[str, str]:
    """The licence, attribution, author and url a file exported here carries beside "results";
    else Open Trivia DB's own licence (the API serves only its own questions)."""
    given: dict[str, str] = {}
    if isinstance(data, dict):
        for name in CREDIT_FIELDS:
            value = data.get(name)
            if isinstance(value, str) and value.strip():
                given[name] = value.strip()
    if "license" in given or "attribution" in given:
        return given
    return {**given, "license": LICENSE, "attribution": ATTRIBUTION}


def _question(parsed: Parsed, entry: Any, number: int, decode: Any) -> Draft | None:
    if not isinstance(entry, dict):
        parsed.error("a question should be a JSON object", number=number)
        return None
    missing = [
        key for key in ("type", "question", "correct_answer") if not isinstance(entry.get(key), str)
    ]
    if missing:
        parsed.error(
            "missing or not text: " + ", ".join(f"'{key}'" for key in missing), number=number
        )
        return None
    kind = decode(entry["type"])
    qtype = TYPES.get(kind)
    if qtype is None:
        message = f"unknown question type {quote(kind)}: skipped"
        parsed.warn(message, number=number, code=NoteCode.UNKNOWN_TYPE, about=(kind,))
        return None
    data: dict[str, Any] = {"type": qtype.value, "prompt": decode(entry["question"])}
    correct = decode(entry["correct_answer"])
    if qtype is QuestionType.TRUE_FALSE:
        if correct not in ("True", "False"):
            parsed.error(
                f"a boolean question's correct_answer should be True or False, not {quote(correct)}",
                number=number,
            )
            return None
        data["answer"] = correct == "True"
    else:
        wrong = entry.get("incorrect_answers")
        if not isinstance(wrong, list) or not all(isinstance(w, str) for w in wrong):
            parsed.error("'incorrect_answers' should be a list of text", number=number)
            return None
        choices = [decode(w) for w in wrong]
        # The right answer goes at a place fixed by the question, so files read the same each
        # time and the answer is not always first (the game shuffles choices anyway).
        place = zlib.crc32(data["prompt"].encode("utf-8")) % (len(choices) + 1)
        choices.insert(place, correct)
        data["choices"] = choices
        data["answer"] = correct
    difficulty = entry.get("difficulty")
    if isinstance(difficulty, str):
        difficulty = decode(difficulty)
        if difficulty in _DIFFICULTIES:
            data["difficulty"] = difficulty
        elif difficulty:
            parsed.warn(
                f"unknown difficulty {quote(difficulty)}: medium instead",
                number=number,
                code=NoteCode.UNKNOWN_DIFFICULTY,
                about=(difficulty,),
            )
    category = entry.get("category")
    if isinstance(category, str) and category:
        data["category"] = decode(category)
    return Draft(data, number)


def _encode(text: str) -> str:
    # The API's own style: &quot; and &#039;, not html.escape's &#x27;.
    return html.escape(text, quote=True).replace("&#x27;", "&#039;")


def write(pack: Pack) -> Written:
    """Open Trivia DB JSON for the pack's multiple-choice and true/false questions."""
    written = Written("", 0)
    results: list[dict[str, Any]] = []
    for number, question in enumerate(pack.questions, 1):
        if question.type is QuestionType.MULTIPLE_CHOICE:
            kind = "multiple"
            correct = str(question.answer)
            wrong = [c for c in question.choices if c != correct]
        elif question.type is QuestionType.TRUE_FALSE:
            kind = "boolean"
            correct = "True" if question.answer else "False"
            wrong = ["False" if question.answer else "True"]
        else:
            written.notes.append(
                export_note(
                    number,
                    question,
                    NoteCode.TYPE_NOT_HELD,
                    f"Open Trivia DB holds multiple choice and true/false, not "
                    f"{question.type.value}: not exported",
                    (question.type.value,),
                )
            )
            continue
        results.append(
            {
                "type": kind,
                "difficulty": question.difficulty.value,
                "category": _encode(question.category or ""),
                "question": _encode(question.prompt),
                "correct_answer": _encode(correct),
                "incorrect_answers": [_encode(w) for w in wrong],
            }
        )
        written.count += 1
        note_lost_fields(written, number, question, {"difficulty", "category"}, NAME)
    # Extra top-level fields beside "results": readers of the API's JSON look up "results" and
    # pass over the rest, so the file stays what they expect and the licence travels with it.
    credit = {"author": pack.author} if pack.author else {}
    credit |= {k: pack.extra[k] for k in CREDIT_FIELDS if k != "author" and pack.extra.get(k)}
    payload = {"response_code": 0, **credit, "results": results}
    # Control characters as \u escapes: the same text, and the file is safe to print.
    written.text = json_escape_controls(json.dumps(payload, indent=2, ensure_ascii=False)) + "\n"
    return written
