"""Answer checking for the seven question types, and how each type is played (`PLAY`).

A verdict gives the fraction of credit earned (1.0 right, 0.0 wrong, between for ordering,
matching and list) and, for typed answers accepted by leniency, why ("accent ignored", "1 typo").
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any

from rapidfuzz.distance import Levenshtein

from quizgame.core.packs.model import Question, QuestionType
from quizgame.core.text import fold_lookalikes

LEADING_ARTICLES = ("the", "a", "an")
# A possessive in front names the same thing: "her grandma" is "grandma".
LEADING_POSSESSIVES = ("her", "his", "their", "its", "my", "your", "our")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)
_SPACES = re.compile(r"\s+")
_APOSTROPHES = re.compile("['\u2018\u2019\u02bc`\u00b4]")


@dataclass(frozen=True, slots=True)
class Verdict:
    """The outcome of checking one answer."""

    credit: float
    reason: str | None = None  # why a not-exact answer was accepted
    parts_right: int = 0  # ordering and matching: items or pairs in the right place
    parts_total: int = 0

    @property
    def correct(self) -> bool:
        return self.credit >= 1.0

    @property
    def partial(self) -> bool:
        return 0.0 < self.credit < 1.0

    def summary(self) -> str:
        """Right, partly right or wrong, in words (never colour alone)."""
        if self.correct:
            return "Correct" + (f" ({self.reason})" if self.reason else "")
        if self.partial:
            return f"Partly right: {self.parts_right} of {self.parts_total}"
        return "Wrong"


WRONG = Verdict(0.0)


def check_answer(question: Question, given: Any) -> Verdict:
    """Check `given` against `question`.

    `given` is: the choice text (multiple_choice), a bool (true_false), text (typed and numeric),
    the items in the player's order (ordering), a mapping left -> right (matching), or the
    texts typed in order (list; one text is one answer).
    """
    return PLAY[question.type].check(question, given)


# --- how each type is played ------------------------------------------------------------------

Shuffle = Callable[[Sequence[str], bool], tuple[str, ...]]


@dataclass(frozen=True, slots=True)
class Play:
    """How one question type is played.

    `check` judges an answer; `deal` gives what a round shows, as `Round` fields, shuffled by
    the `Shuffle` it is handed (True: never left in the right order); `describe` writes an
    answer given out in words; `from_choice` turns a chosen choice into the answer it means.
    """

    check: Callable[[Question, Any], Verdict]
    deal: Callable[[Question, Shuffle], dict[str, tuple[str, ...]]] = lambda q, shuffle: {}
    describe: Callable[[Any], str] = str
    from_choice: Callable[[str], Any] = str


def _check_list(question: Question, given: Any) -> Verdict:
    # Imported here: `lists` builds on the typed checker below.
    from quizgame.core.play.lists import check_list

    return check_list(given, question.answers)


def _describe_list(given: Any) -> str:
    from quizgame.core.play.lists import describe_list

    return describe_list(given)


def _right_if(same: bool) -> Verdict:
    return Verdict(1.0) if same else WRONG


PLAY: dict[QuestionType, Play] = {
    QuestionType.MULTIPLE_CHOICE: Play(
        lambda q, given: _right_if(given == q.answer),
        lambda q, shuffle: {"choices": shuffle(q.choices, False)},
    ),
    QuestionType.TRUE_FALSE: Play(
        lambda q, given: _right_if(given is q.answer),
        lambda q, shuffle: {"choices": ("True", "False")},
        lambda given: "True" if given else "False",
        lambda choice: choice == "True",
    ),
    QuestionType.TYPED: Play(lambda q, given: check_typed(str(given), str(q.answer), q.accept)),
    QuestionType.NUMERIC: Play(lambda q, given: check_numeric(given, q)),
    QuestionType.ORDERING: Play(
        lambda q, given: check_ordering(given, q.items),
        lambda q, shuffle: {"items": shuffle(q.items, True)},
        lambda given: " → ".join(map(str, given)),
    ),
    QuestionType.MATCHING: Play(
        lambda q, given: check_matching(given, q.pairs),
        lambda q, shuffle: {
            "lefts": tuple(left for left, _ in q.pairs),
            "rights": shuffle([right for _, right in q.pairs], True),
        },
        lambda given: "; ".join(f"{left} → {right}" for left, right in dict(given).items()),
    ),
    QuestionType.LIST: Play(_check_list, describe=_describe_list),
}


# --- typed -----------------------------------------------------------------------------------


def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _fold_punctuation(text: str) -> str:
    # Apostrophes join ("Ocean's" is "Oceans"); other punctuation separates words.
    text = _APOSTROPHES.sub("", text.replace("&", " and "))
    return _SPACES.sub(" ", _PUNCT.sub(" ", text)).strip()


def _drop_article(words: str) -> str:
    first, _, rest = words.partition(" ")
    return rest if first in LEADING_ARTICLES and rest else words


def _drop_possessive(words: str) -> str:
    first, _, rest = words.partition(" ")
    return rest if first in LEADING_POSSESSIVES and rest else words


def _drop_spaces(text: str) -> str:
    return text.replace(" ", "")


class Folding(Enum):
    """One way a typed answer is folded before comparing: `fold` does it, and `label` is the
    reason a player is given when it is what let the answer through."""

    CASE = ("case ignored", str.casefold)
    ACCENT = ("accent ignored", strip_accents)
    PUNCTUATION = ("punctuation ignored", _fold_punctuation)
    ARTICLE = ("article ignored", _drop_article)
    POSSESSIVE = ("possessive ignored", _drop_possessive)
    SPACING = ("spacing ignored", _drop_spaces)

    def __init__(self, label: str, fold: Callable[[str], str]) -> None:
        self.label = label
        self.fold = fold


# The foldings of `normalize`, in order.
_LADDER = (
    Folding.CASE,
    Folding.ACCENT,
    Folding.PUNCTUATION,
    Folding.ARTICLE,
    Folding.POSSESSIVE,
)
# Then words are compared run together too ("Spiderman" is "Spider-Man", "R2D2" is "R2-D2").
_STEPS = (*_LADDER, Folding.SPACING)


def normalize(text: str) -> str:
    """Folded for comparison: no case, accents, punctuation, extra spaces, or leading article
    or possessive ("The Next Day" and "her grandma" as "next day" and "grandma")."""
    for folding in _LADDER:
        text = folding.fold(text)
    return text


def hint_letter(answer: str) -> str:
    """The letter the hint lifeline gives away: the answer's first, after a leading article or
    possessive ("A teenage babysitter" gives "t", "her grandmother" "g"). Empty for no answer."""
    words = answer.split()
    if len(words) > 1 and words[0].casefold() in (*LEADING_ARTICLES, *LEADING_POSSESSIVES):
        words = words[1:]
    return words[0][:1] if words else ""


def allowed_typos(normalized_answer: str) -> int:
    """Typos forgiven for an answer: none for short answers or anything with digits."""
    if any(c.isdigit() for c in normalized_answer):
        return 0
    length = len(normalized_answer.replace(" ", ""))
    if length < 5:
        return 0
    if length < 10:
        return 1
    return 2


def check_typed(given: str, answer: str, accept: Sequence[str] = ()) -> Verdict:
    """Lenient text comparison; the reason names the leniency that let it through.

    Tried from strictest to most lenient, over the answer then each accepted alternative:
    exact text, then equal once normalized (with or without spaces), then within the typo
    allowance.
    """
    given_clean = _SPACES.sub(" ", fold_lookalikes(given)).strip()  # as it looks on screen
    if not given_clean:
        return WRONG
    targets = [
        (fold_lookalikes(answer).strip(), None),
        *((fold_lookalikes(alt).strip(), alternative_kind(answer, alt)) for alt in accept),
    ]
    for target, base in targets:
        if given_clean == target:
            return Verdict(1.0, base)
    given_norm = normalize(given_clean)
    given_compact = _drop_spaces(given_norm)
    normalized = [(target, base, normalize(target)) for target, base in targets]
    for target, base, target_norm in normalized:
        if not target_norm:
            # An answer of punctuation alone ("?!", "[/]"): nothing to fold but case.
            if given_clean.casefold() == target.casefold():
                return Verdict(1.0, _join(base, Folding.CASE.label))
            continue
        if given_norm == target_norm or given_compact == _drop_spaces(target_norm):
            return Verdict(1.0, _join(base, _leniency(given_clean, target)))
    if not given_norm:
        return WRONG
    for _target, base, target_norm in normalized:
        limit = allowed_typos(target_norm)
        target_compact = _drop_spaces(target_norm)
        if (
            limit
            and Levenshtein.distance(given_compact, target_compact, score_cutoff=limit) <= limit
        ):
            distance = Levenshtein.distance(given_compact, target_compact)
            return Verdict(1.0, _join(base, "1 typo" if distance == 1 else f"{distance} typos"))
    return WRONG


def alternative_kind(answer: str, alternative: str) -> str:
    """Why an accepted alternative is right, in words: "surname" ("Almodóvar" for "Pedro
    Almodóvar"), "full name" ("Arturo Buendía" for "Arturo"), else "accepted alternative"."""
    short, long = normalize(answer), normalize(alternative)
    if short and long and short != long:
        if f" {short}".endswith(f" {long}"):
            return "surname"
        if f"{long} ".startswith(f"{short} "):
            return "full name"
    return "accepted alternative"


def _join(first: str | None, second: str | None) -> str | None:
    parts = [p for p in (first, second) if p]
    return ", ".join(parts) if parts else None


def _folded_except(text: str, skipped: Folding) -> str:
    for folding in _STEPS:
        if folding is not skipped:
            text = folding.fold(text)
    return text


def _leniency(given: str, target: str) -> str | None:
    """The foldings without which `given` would not have matched `target`.

    A folding that changes both sides alike (the same accent typed correctly) is not one.
    """
    reasons = [
        folding
        for folding in _STEPS
        if _folded_except(given, folding) != _folded_except(target, folding)
    ]
    if Folding.PUNCTUATION in reasons and Folding.SPACING in reasons:
        reasons.remove(Folding.SPACING)  # the space was where the punctuation was
    if len(reasons) > 1 and reasons[0] is Folding.CASE:
        reasons.pop(0)  # case is too ordinary to mention beside a real leniency
    return ", ".join(folding.label for folding in reasons) or None


# --- numeric ---------------------------------------------------------------------------------


_NUMBER = re.compile(r"[+-]?(?:\d[\d,_ ]*(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?")
# A comma followed by one or two digits is a decimal comma; by three, a thousands separator.
_DECIMAL_COMMA = re.compile(r"[+-]?\d+,\d{1,2}")


def parse_number(text: Any) -> float | None:
    """A number from what a player typed ("2021", "7.4", "7,4", "1,000", "120 min"), or None."""
    if isinstance(text, bool):
        return None
    if isinstance(text, int | float):
        return float(text)
    cleaned = str(text).strip().replace("\u2212", "-")
    match = _NUMBER.match(cleaned)
    if not match:
        return None
    number = match.group(0).rstrip(", _")
    if _DECIMAL_COMMA.fullmatch(number):  # "7,4" is seven point four, not seventy-four
        number = number.replace(",", ".")
    number = number.replace(",", "").replace("_", "").replace(" ", "")
    try:
        return float(number)
    except ValueError:
        return None


def check_numeric(given: Any, question: Question) -> Verdict:
    value = parse_number(given)
    if value is None or not isinstance(question.answer, float):
        return WRONG
    difference = abs(value - question.answer)
    if difference == 0:
        return Verdict(1.0)
    if difference <= question.tolerance + 1e-9:
        return Verdict(1.0, "within tolerance")
    return WRONG


# --- ordering and matching -------------------------------------------------------------------


def check_ordering(given: Any, items: Sequence[str]) -> Verdict:
    """Credit per item in its right place."""
    order = list(given) if isinstance(given, list | tuple) else []
    right = sum(1 for a, b in zip(order, items, strict=False) if a == b)
    total = len(items)
    return Verdict(right / total if total else 0.0, None, right, total)


def check_matching(given: Any, pairs: Sequence[tuple[str, str]]) -> Verdict:
    """Credit per left side paired with its right side."""
    chosen: Mapping[str, str] = given if isinstance(given, Mapping) else {}
    right = sum(1 for left, answer in pairs if chosen.get(left) == answer)
    total = len(pairs)
    return Verdict(right / total if total else 0.0, None, right, total)
