"""The question types, each described once: its fields (kind, required or default, order, help
for the schema and the editor), an example for the starter pack, the rules between its fields and
how its answer reads.

Everything else is read from here: the checker (`check`), `quizgame schema` (`schema`), the
writer's key order (`write`), the editor's form and the starter pack. A field's place in
`QUESTION_KEY_ORDER` is the order a pack file lists it in.
"""

from __future__ import annotations

from typing import Any

from quizgame.core.packs.fields import HEAD, TAIL, Field, Form, QuestionKind
from quizgame.core.packs.issues import Checker, Code, Path, quote
from quizgame.core.packs.kinds import (
    Amount,
    AnswerBool,
    AnswerNumber,
    AnswerText,
    Pairs,
    Text,
    TextList,
)
from quizgame.core.packs.list_items import (
    MAX_LIST_ITEMS,
    MIN_LIST_ITEMS,
    ListItems,
    no_shared_answers,
)
from quizgame.core.packs.model import (
    Question,
    QuestionType,
    format_number,
)
from quizgame.core.text import fold_lookalikes

MIN_CHOICES, MAX_CHOICES = 2, 6
# What fits an 80x24 screen and a player's head: an ordering's items, a matching's pairs.
MIN_ITEMS, MAX_ITEMS = 2, 8
MIN_PAIRS, MAX_PAIRS = 2, 8


def _answer_among_choices(check: Checker, values: dict[str, Any], path: Path) -> None:
    choices, answer = values.get("choices"), values.get("answer")
    if choices is not None and answer is not None and answer not in choices:
        message = f"answer {quote(answer)} is not one of the choices"
        if fold_lookalikes(answer) in {fold_lookalikes(choice) for choice in choices}:
            message += " as written (a character written another way, or an invisible one)"
        check.error((*path, "answer"), Code.NOT_A_CHOICE, message)


def _numeric_text(question: Question) -> str:
    assert isinstance(question.answer, float)
    text = format_number(question.answer)
    if question.tolerance:
        text += f" (± {format_number(question.tolerance)})"
    return f"{text} {question.unit}" if question.unit else text


MULTIPLE_CHOICE = QuestionKind(
    QuestionType.MULTIPLE_CHOICE,
    "Multiple choice",
    (
        Field(
            "choices",
            TextList("choices", MIN_CHOICES, MAX_CHOICES),
            f"{MIN_CHOICES} to {MAX_CHOICES} choices, all different.",
            form=Form(f"Choices, one per line ({MIN_CHOICES} to {MAX_CHOICES})", "lines"),
        ),
        Field(
            "answer",
            AnswerText(),
            "one of the choices",
            form=Form("Right answer", "select", options_from="choices"),
        ),
    ),
    lambda q: str(q.answer),
    {
        "id": "capital-of-spain",
        "type": "multiple_choice",
        "prompt": "What is the capital of Spain?",
        "choices": ["Lisbon", "Madrid", "Barcelona", "Seville"],
        "answer": "Madrid",
        "difficulty": "easy",
        "category": "Geography",
        "explanation": "Madrid has been the capital since 1561, when Philip II moved his court there.",
        "tags": ["capitals", "europe"],
    },
    "Multiple choice: 2 to 6 choices; `answer` is one of them, written the same way.",
    _answer_among_choices,
)
TRUE_FALSE = QuestionKind(
    QuestionType.TRUE_FALSE,
    "True or false",
    (
        Field(
            "answer",
            AnswerBool(),
            "true or false",
            form=Form("Answer", "select", options=(("True", True), ("False", False))),
        ),
    ),
    lambda q: "True" if q.answer else "False",
    {
        "id": "largest-ocean",
        "type": "true_false",
        "prompt": "The Pacific is the largest ocean on Earth.",
        "answer": True,
        "category": "Geography",
    },
    "True or false: `answer` is true or false.",
)
TYPED = QuestionKind(
    QuestionType.TYPED,
    "Typed answer",
    (
        Field("answer", AnswerText(), "the text to type", form=Form("Answer")),
        Field(
            "accept",
            TextList("accepted answers"),
            "other answers that also count as right.",
            form=Form(
                "Also accepted, one per line",
                "lines",
                height=3,
                note="Case, accents, punctuation, a leading 'the' and small typos are forgiven anyway.",
            ),
        ),
    ),
    lambda q: str(q.answer),
    {
        "id": "author-of-don-quixote",
        "type": "typed",
        "prompt": "Who wrote Don Quixote?",
        "answer": "Miguel de Cervantes",
        "accept": ["Cervantes"],
        "hint": "A Spanish writer of the Golden Age.",
        "category": "Literature",
    },
    'Typed: the player types the answer. Case, accents, punctuation, a leading "the" and small\n'
    "typos are forgiven; `accept` lists other answers that count as right.",
)
NUMERIC = QuestionKind(
    QuestionType.NUMERIC,
    "A number",
    (
        Field("answer", AnswerNumber(), "a number", form=Form("Answer (a number)", "number")),
        Field(
            "tolerance",
            Amount(),
            "how far from the answer still counts as right (default 0).",
            form=Form("Tolerance (how far off still counts)", "number", placeholder="0"),
        ),
        Field(
            "unit",
            Text(),
            "shown after the number, e.g. km.",
            form=Form("Unit (shown with the number)"),
        ),
    ),
    _numeric_text,
    {
        "id": "height-of-everest",
        "type": "numeric",
        "prompt": "How high is Mount Everest, in metres?",
        "answer": 8849,
        "tolerance": 50,
        "unit": "m",
        "difficulty": "hard",
        "category": "Geography",
        "source": "The 2020 China-Nepal survey (8,848.86 m).",
    },
    "Numeric: a number. `tolerance` is how far off still counts (default 0); `unit` is shown.",
)
ORDERING = QuestionKind(
    QuestionType.ORDERING,
    "Put in order",
    (
        Field(
            "items",
            TextList("items", MIN_ITEMS, MAX_ITEMS),
            f"{MIN_ITEMS} to {MAX_ITEMS} items in the right order (the game shuffles them).",
            form=Form(
                "Items in the right order, one per line (the game shuffles them)", "lines", height=5
            ),
        ),
    ),
    lambda q: " → ".join(q.items),
    {
        "id": "planets-from-the-sun",
        "type": "ordering",
        "prompt": "Put these planets in order, nearest to the Sun first.",
        "items": ["Mercury", "Venus", "Earth", "Mars"],
        "category": "Science",
    },
    "Ordering: `items` in the right order; the game shuffles them.",
)
MATCHING = QuestionKind(
    QuestionType.MATCHING,
    "Match pairs",
    (
        Field(
            "pairs",
            Pairs(MIN_PAIRS, MAX_PAIRS),
            f"{MIN_PAIRS} to {MAX_PAIRS} pairs: each left side with its right side (the game "
            "shuffles the right sides).",
            form=Form(
                "Pairs, one per line: left -> right (the game shuffles the right sides)", "pairs"
            ),
        ),
    ),
    lambda q: "; ".join(f"{left} → {right}" for left, right in q.pairs),
    {
        "id": "paintings-and-painters",
        "type": "matching",
        "prompt": "Match each painting with its painter.",
        "pairs": {
            "Guernica": "Picasso",
            "The Persistence of Memory": "Dalí",
            "Las Meninas": "Velázquez",
        },
        "category": "Art",
    },
    "Matching: each left side with its right side; the game shuffles the right sides.",
)


def _list_text(question: Question) -> str:
    # Imported here: a cached load never needs the judging this builds on.
    from quizgame.core.play.lists import list_answer_text

    return list_answer_text(question)


LIST = QuestionKind(
    QuestionType.LIST,
    "Name them all",
    (
        Field(
            "answers",
            ListItems(),
            f"the {MIN_LIST_ITEMS} to {MAX_LIST_ITEMS} items to name, in any order: each its "
            "answer as text, or a mapping of `answer`, `accept` (other texts that also find it) "
            "and `show` (a clue shown in its blank). No text may find two items.",
            form=Form(
                f"Items to name, one per line ({MIN_LIST_ITEMS} to {MAX_LIST_ITEMS}): "
                "answer | also accepted, ... | clue shown",
                "items",
                height=6,
                note="Each is judged like a typed answer (case, accents, small typos forgiven).",
            ),
        ),
    ),
    _list_text,
    {
        "id": "largest-spanish-cities",
        "type": "list",
        "prompt": "Name the four largest cities of Spain.",
        "answers": [
            "Madrid",
            {"answer": "Barcelona", "accept": ["BCN"]},
            {"answer": "Valencia", "show": "on the east coast"},
            {"answer": "Seville", "accept": ["Sevilla"], "show": "in Andalusia"},
        ],
        "time_limit": 60,
        "category": "Geography",
    },
    "List: the player names the `answers` one at a time, in any order, each judged like a typed\n"
    "answer; `accept` gives an item other forms, `show` a clue in its blank. Partial credit per\n"
    f"item found; {MIN_LIST_ITEMS} to {MAX_LIST_ITEMS} items, no text finding two of them.",
    no_shared_answers,
)

KINDS: dict[QuestionType, QuestionKind] = {
    kind.type: kind
    for kind in (MULTIPLE_CHOICE, TRUE_FALSE, TYPED, NUMERIC, ORDERING, MATCHING, LIST)
}


# Every question field by name, each once; type fields in the order their types list them.
TYPE_FIELD_NAMES = tuple(dict.fromkeys(f.name for kind in KINDS.values() for f in kind.fields))
FIELDS: dict[str, Field] = {f.name: f for f in HEAD}
FIELDS.update({f.name: f for kind in KINDS.values() for f in kind.fields if f.name not in FIELDS})
FIELDS.update({f.name: f for f in TAIL})
QUESTION_KEY_ORDER = (*(f.name for f in HEAD), *TYPE_FIELD_NAMES, *(f.name for f in TAIL))
ALL_QUESTION_FIELDS = frozenset(QUESTION_KEY_ORDER)
ALLOWED = {t: frozenset(f.name for f in kind.all_fields) for t, kind in KINDS.items()}


def answer_text(question: Question) -> str:
    """The correct answer of `question` written out for a player."""
    return KINDS[question.type].answer_text(question)
