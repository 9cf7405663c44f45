"""Reading flashcards (term, definition) into typed or multiple-choice question drafts."""

from __future__ import annotations

import random
import re
import zlib
from dataclasses import dataclass
from typing import Any, Literal

from quizgame.core.formats.cells import unescape_formula
from quizgame.core.formats.common import Draft, NoteCode, Parsed
from quizgame.core.formats.csvfile.reading import rows
from quizgame.core.packs.model import QuestionType

NAME = "flashcards"
Side = Literal["term", "definition"]
SIDES: tuple[Side, ...] = ("term", "definition")
_HEADERS = {("term", "definition"), ("front", "back"), ("question", "answer")}
# Anki's file headers (`#separator:tab`, `#html:false`, `#tags column:3`): a card may start
# with `#` otherwise.
_HEADER_LINE = re.compile(r"#[a-z][a-z ]*:", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class CardOptions:
    """How cards become questions: which side is asked, and how many choices to offer (0:
    none, a typed question)."""

    ask: Side = "term"
    choices: int = 0


@dataclass(slots=True)
class _Card:
    line: int
    number: int
    asked: str
    answer: str


def looks_like(head: str) -> bool:
    """Whether `head` (a file's first lines) reads as tab-separated cards."""
    lines = [ln for ln in head.lstrip("\ufeff").splitlines() if ln.strip()]
    cards = [ln for ln in lines if not _HEADER_LINE.match(ln)][:5]
    return bool(cards) and all(ln.count("\t") >= 1 for ln in cards)


def _delimiter(text: str) -> str:
    for line in text.splitlines():
        if line.strip() and not _HEADER_LINE.match(line):
            return "\t" if "\t" in line else ","
    return "\t"


def read(text: str, options: CardOptions = CardOptions()) -> Parsed:
    """Question drafts from flashcard text: one a card, as `options` say."""
    parsed = Parsed()
    text = text.lstrip("\ufeff")
    lines = text.split("\n")
    skip = 0
    while skip < len(lines) and _HEADER_LINE.match(lines[skip]):
        skip += 1
    body = "\n" * skip + "\n".join(lines[skip:])  # comments blanked: lines keep their numbers
    cards: list[_Card] = []
    for line, row in rows(body, parsed, _delimiter(text)):
        cells = [unescape_formula(cell.strip()) for cell in row]
        if not any(cells):
            continue
        if not cards and tuple(c.casefold() for c in cells[:2]) in _HEADERS:
            continue
        number = len(cards) + 1
        if len(cells) < 2 or not cells[0] or not cells[1]:
            parsed.error("a card needs a term and a definition", line, number)
            cards.append(_Card(line, number, "", ""))
            continue
        extra = [c for c in cells[2:] if c]
        if extra:
            count = len(extra)
            parsed.warn(
                f"{count} more column{'s' if count > 1 else ''} after the definition not kept",
                line,
                number,
                code=NoteCode.COLUMNS_NOT_KEPT,
                about=(count,),
            )
        term, definition = cells[0], cells[1]
        asked, answer = (term, definition) if options.ask == "term" else (definition, term)
        cards.append(_Card(line, number, asked, answer))
    if any(n.is_error for n in parsed.notes):
        return parsed
    unique: dict[str, str] = {}
    for card in cards:
        unique.setdefault(card.answer.casefold(), card.answer)  # each answer once
    answers = list(unique.values())
    for card in cards:
        parsed.drafts.append(_draft(card, answers, options, parsed))
    return parsed


def _draft(card: _Card, answers: list[str], options: CardOptions, parsed: Parsed) -> Draft:
    if options.choices < 2:
        data: dict[str, Any] = {
            "type": QuestionType.TYPED.value,
            "prompt": card.asked,
            "answer": card.answer,
        }
        return Draft(data, card.number, card.line)
    # Other cards' answers, none the same as this one's, picked the same way each time the
    # file is read (seeded by the card), so an import can be repeated.
    seed = zlib.crc32(f"{card.asked}\0{card.answer}".encode())
    picker = random.Random(seed)
    wanted = options.choices - 1
    own = card.answer.casefold()
    picked = picker.sample(answers, min(wanted + 1, len(answers)))
    wrong = [answer for answer in picked if answer.casefold() != own][:wanted]
    if len(wrong) < wanted:
        parsed.warn(
            f"only {len(wrong)} other answers to offer as wrong choices, not {wanted}",
            card.line,
            card.number,
            code=NoteCode.FEW_DISTRACTORS,
            about=(len(wrong),),
        )
    choices = list(wrong)
    choices.insert(seed % (len(wrong) + 1), card.answer)
    data = {
        "type": QuestionType.MULTIPLE_CHOICE.value,
        "prompt": card.asked,
        "choices": choices,
        "answer": card.answer,
    }
    return Draft(data, card.number, card.line)
