"""After answering, a fact's source is named and its words quoted, literally and size-limited."""

from __future__ import annotations

from quizgame.core.packs.model import Question, QuestionType
from quizgame.tui.widgets.feedback import MAX_QUOTE, FeedbackLine, source_lines


def _text(line: FeedbackLine) -> str:
    return line.text.plain


def test_the_source_is_named_and_its_words_quoted() -> None:
    question = Question(
        id="q",
        type=QuestionType.TRUE_FALSE,
        prompt="?",
        answer=True,
        source="Director's statement",
        quote="Janis is the vocational mother [bold]and[/bold] Ana the accidental one.",
    )
    source, quote = source_lines(question)
    assert _text(source) == "Source: Director's statement"
    assert (
        _text(quote) == "“Janis is the vocational mother [bold]and[/bold] Ana the accidental one.”"
    )


def test_a_long_quote_is_cut_and_none_shows_nothing() -> None:
    long = Question(id="q", type=QuestionType.TRUE_FALSE, prompt="?", answer=True, quote="x" * 999)
    (quote,) = source_lines(long)
    assert len(_text(quote)) == MAX_QUOTE + 2 and _text(quote).endswith("…”")
    assert source_lines(Question(id="q", type=QuestionType.TRUE_FALSE, prompt="?")) == []
