"""How a question type is described, and the fields every question has.

`Field` and `Form` describe one field (its kind, help, default and editor form; the pack's own
fields in `pack_fields` use them too); `QuestionKind` describes one type around its own fields;
`HEAD` and `TAIL` are the fields every question has before and after them. The types themselves
are in `questions`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from quizgame.core.packs.issues import Checker, Code, Path, quote
from quizgame.core.packs.kinds import Groups, Kind, OneOf, Seconds, Text, TextList, words_or
from quizgame.core.packs.model import POINTS, Difficulty, Question, QuestionType, Spoiler

_TYPES = {t.value: t for t in QuestionType}
TYPE_NAMES = ", ".join(t.value for t in QuestionType)


@dataclass(frozen=True)
class Form:
    """How the editor shows a field: its label and widget.

    Widgets: "line" (one line of text), "text" (`height` lines), "lines" (one entry per line),
    "commas" (entries separated by commas), "number", "pairs" (`left -> right` lines), "items"
    (a list question's items, `answer | also accepted, ... | shown` lines) and
    "select" (`options`, or the lines of the field `options_from`). `place` orders the optional
    fields every question has (lowest first) under the form's own fields.
    """

    label: str
    widget: str = "line"
    height: int = 4
    note: str = ""
    placeholder: str = ""
    options: tuple[tuple[str, Any], ...] = ()
    options_from: str = ""
    place: int = 0


@dataclass(frozen=True)
class Field:
    """One field of a question (or of the pack): its name, kind and help.

    Its kind says whether it is required and its `default`, the pack value that means the same
    as leaving the field out; `attr` is the model attribute that holds it (its name unless said).
    """

    name: str
    kind: Kind
    help: str
    attr: str = ""
    form: Form | None = None

    @property
    def attribute(self) -> str:
        return self.attr or self.name

    @property
    def required(self) -> bool:
        return self.kind.required

    @property
    def default(self) -> Any:
        return self.kind.default


@dataclass(frozen=True)
class TypeName(Kind):
    """The `type` field: one of the question types."""

    @property
    def required(self) -> bool:
        return True

    def read(
        self, check: Checker, data: dict[str, Any], path: Path, name: str
    ) -> QuestionType | None:
        raw = data.get(name)
        if raw is None:
            check.missing(path, name, f"expected one of {TYPE_NAMES}")
            return None
        found = _TYPES.get(raw) if isinstance(raw, str) else None
        if found is None:
            message = f"unknown question type {quote(raw)} (expected one of {TYPE_NAMES})"
            check.error((*path, name), Code.UNKNOWN_TYPE, message)
        return found

    def schema(self) -> dict[str, Any]:
        return {"enum": [t.value for t in QuestionType]}

    def write(self, value: Any) -> Any:
        return value.value


Rules = Callable[[Checker, dict[str, Any], Path], None]


def _no_rules(check: Checker, values: dict[str, Any], path: Path) -> None:
    """A type whose fields need no comparing with each other."""


@dataclass(frozen=True)
class QuestionKind:
    """One question type, described once.

    `fields` are its own fields in pack order; `rules` check what needs two fields at once;
    `answer_text` writes the right answer out for a player; `example` and `note` are its
    example in the starter pack and the comment above it.
    """

    type: QuestionType
    label: str
    fields: tuple[Field, ...]
    answer_text: Callable[[Question], str]
    example: dict[str, Any]
    note: str
    rules: Rules = _no_rules
    all_fields: tuple[Field, ...] = field(init=False, default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "all_fields", (*HEAD, *self.fields, *TAIL))


def _line(label: str) -> Form:
    return Form(label)


# A difficulty as the help and the editor say it: its points, "points" said the first time.
_DIFFICULTY = OneOf(Difficulty, Difficulty.MEDIUM)
_POINTS_SAID = {d: f"{POINTS[d]}" + " points" * (i == 0) for i, d in enumerate(Difficulty)}
_DIFFICULTY_HELP = words_or(
    f"{d.value} ({said}" + ", the default" * (d is _DIFFICULTY.fallback) + ")"
    for d, said in _POINTS_SAID.items()
)
_SPOILER = OneOf(Spoiler, Spoiler.NONE)
_SPOILER_HELP = words_or(s.value + " (default)" * (s is _SPOILER.fallback) for s in Spoiler)
# How the editor's drop-down names a spoiler level (its pack value unless said).
_SPOILER_LABELS = {Spoiler.MID: "mid-story", Spoiler.ENDING: "the ending"}

# The fields every question has, before and after its type's own. `Form.place` orders the
# optional ones in the editor.
HEAD = (
    Field("id", Text(required=True), "Unique within the pack.", form=_line("Id (unique in the pack)")),
    Field("type", TypeName(), "The kind of question: " + TYPE_NAMES + "."),
    Field("prompt", Text(required=True), "The question as the player reads it.",
          form=Form("Question", "text", height=3)),
)  # fmt: skip
TAIL = (
    Field("hint", Text(), "A clue the hint lifeline shows.",
          form=Form("Hint (the hint lifeline shows it)", place=4)),
    Field("group", Groups(), "The fact (or a list of the facts) a question asks about or shows; "
          "a session never asks two questions that share one.", attr="groups"),
    Field("difficulty", _DIFFICULTY, _DIFFICULTY_HELP + ".",
          form=Form("Difficulty (sets the points)", "select", place=1, options=tuple(
              (f"{d.value} ({said})", d.value) for d, said in _POINTS_SAID.items()))),
    Field("category", Text(), "A topic; players can pick categories to play.",
          form=Form("Category", place=2)),
    Field("tags", TextList("tags"), "Free labels for searching and filtering.",
          form=Form("Tags, separated by commas", "commas", place=6)),
    Field("spoiler", _SPOILER, f"How much of a story the question gives away: {_SPOILER_HELP}.",
          form=Form("Spoiler (how much of a story it gives away)", "select", place=8, options=tuple(
              (_SPOILER_LABELS.get(s, s.value), s.value) for s in Spoiler))),
    Field("explanation", Text(), "Shown after the answer: why it is right.",
          form=Form("Explanation (shown after answering)", "text", height=2, place=3)),
    Field("source", Text(), "Where the fact comes from (a book, a URL, a scene).",
          form=Form("Source", place=5)),
    Field("quote", Text(), "The source's own words for the fact, shown after answering.",
          form=Form("Quote (the source's words, shown after answering)", "text", height=2,
                    place=9)),
    Field("time_limit", Seconds(), "Seconds to answer in timed modes, overriding the mode's default.",
          form=Form("Time limit in seconds (timed modes; empty: the mode's own)", "number", place=7)),
)  # fmt: skip
