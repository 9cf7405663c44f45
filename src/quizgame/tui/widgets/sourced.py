"""Where a question's fact comes from, shown after answering: the source's name and its own
words (the pack's `source` and `quote`). One function, so the lines can move with the feedback
(a feedback screen or the question screen's own feedback area)."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from quizgame.core.packs.model import Question
from quizgame.tui import safetext

# A quote is pack text: shown whole up to this many characters, then cut with an ellipsis.
MAX_QUOTE = 400


def source_widgets(question: Question) -> list[Widget]:
    """The "Source:" line and the quoted words, each a literal (never markup); none if the
    question gives neither."""
    widgets: list[Widget] = []
    if question.source:
        line = safetext.assemble(("Source: ", "bold"), question.source)
        widgets.append(Static(line, id="source"))
    if question.quote:
        words = question.quote
        if len(words) > MAX_QUOTE:
            words = words[: MAX_QUOTE - 1].rstrip() + "…"
        widgets.append(Static(safetext.assemble((f"“{words}”", "italic")), id="quote"))
    return widgets
