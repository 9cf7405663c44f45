"""After answering, a fact's source is named and its words quoted, literally and size-limited."""

from __future__ import annotations

from textual.widgets import Static

from quizgame.core.packs.model import Question, QuestionType
from quizgame.tui.widgets.sourced import MAX_QUOTE, source_widgets


def _text(widget: object) -> str:
    assert isinstance(widget, Static)
    return str(widget.render())


def test_the_source_is_named_and_its_words_quoted() -> None:
    question = Question(
        id="q",
        type=QuestionType.TRUE_FALSE,
        prompt="?",
        answer=True,
        source="Director's statement",
        quote="Janis is the vocational mother [bold]and[/bold] Ana the accidental one.",
    )
    source, quote = source_widgets(question)
    assert _text(source) == "Source: Director's statement"
    assert (
        _text(quote) == "“Janis is the vocational mother [bold]and[/bold] Ana the accidental one.”"
    )


def test_a_long_quote_is_cut_and_none_shows_nothing() -> None:
    long = Question(id="q", type=QuestionType.TRUE_FALSE, prompt="?", answer=True, quote="x" * 999)
    (quote,) = source_widgets(long)
    assert len(_text(quote)) == MAX_QUOTE + 2 and _text(quote).endswith("…”")
    assert source_widgets(Question(id="q", type=QuestionType.TRUE_FALSE, prompt="?")) == []
