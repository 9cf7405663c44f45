"""Feedback after an answer, shown in place on the question's screen: right or wrong in a symbol
and words, the points, the right answer, and why.

What feedback says is one list, `feedback_lines`: each `FeedbackLine` has an id (for tests),
its text and its kind (how it looks). To show something more after an answer, add a line there.
`FeedbackView` draws the lines in one box of a fixed size, the same box that shows a question's
help, hint and messages: answering changes what the box says, never the screen's layout.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from textual import events
from textual.content import Content
from textual.geometry import Region, Size
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from quizgame.core.packs.model import Question
from quizgame.core.play.modes import EndReason
from quizgame.core.play.results import AnswerRecord
from quizgame.core.play.session import Session
from quizgame.tui import safetext
from quizgame.tui.widgets.answers import ANSWER_AREAS
from quizgame.tui.widgets.drawn import (
    KeptStyles,
    fitted,
    refresh_rows,
    rows_in_view,
    segments,
    strip,
)
from quizgame.tui.widgets.painted import PaintedRows

# How a line looks: `feedback--<kind>` in the stylesheet.
VERDICTS = ("correct", "partial", "wrong", "skipped")
KINDS = ("text", "muted", "warning", *VERDICTS)
KEPT_LINES = 96  # lines kept drawn (`FeedbackView._line_rows`): a few rounds' worth


@dataclass(frozen=True)
class FeedbackLine:
    """One part of the feedback: `id` names it (for tests and readers of `FeedbackView`),
    `text` is already safe (built through `quizgame.tui.safetext`), `kind` is one of `KINDS`
    (the verdict's is its own: correct, partial, wrong or skipped)."""

    id: str
    text: Content
    kind: str = "text"


def verdict_line(record: AnswerRecord) -> tuple[str, Content]:
    """A CSS class and the verdict in a symbol and words (never colour alone), with the points."""
    verdict = record.verdict
    if record.timed_out:
        kind, text = "wrong", "⌛ Time ran out"
    elif record.skipped:
        kind, text = "skipped", "↷ Skipped"
    elif verdict.correct:
        kind, text = "correct", "✓ " + verdict.summary()
    elif verdict.partial:
        kind, text = "partial", "◐ " + verdict.summary()
    else:
        kind, text = "wrong", "✗ " + verdict.summary()
    points = record.points_text()  # with its parts: base, speed, streak
    if record.skipped:
        points += ", streak kept"
    return kind, safetext.assemble((text, "bold"), "   ", (points, ""))


def parts_lines(record: AnswerRecord) -> Content | None:
    """For ordering and matching: each item or pair, right or wrong."""
    lines = ANSWER_AREAS[record.question.type].parts(record.question, record.given)
    return safetext.assemble(*lines[:-1]) if lines is not None else None


def labelled(label: str, text: str) -> Content:
    return safetext.assemble((f"{label}: ", "bold"), text)


def feedback_lines(session: Session, record: AnswerRecord) -> list[FeedbackLine]:
    """What the feedback on `record` shows (under the question, which stays), in order: the
    verdict and points, both answers, why a near answer was accepted, each part of an ordering or matching, the
    explanation, the source and its words, and whether the session ended."""
    question = record.question
    kind, verdict = verdict_line(record)
    lines = [
        FeedbackLine("verdict", verdict, kind),
    ]
    if not record.skipped:
        lines.append(FeedbackLine("given", labelled("Your answer", record.given_text)))
    if not record.correct:
        lines.append(FeedbackLine("right", labelled("Right answer", question.answer_text())))
    if record.verdict.reason:
        why = safetext.assemble(
            ("Accepted: ", "bold"),
            record.verdict.reason,
            (" (the answer is “", "italic"),
            (question.answer_text(), "italic"),
            ("”)", "italic"),
        )
        lines.append(FeedbackLine("why", why))
    parts = parts_lines(record)
    if parts is not None and not record.correct:
        lines.append(FeedbackLine("parts", parts))
    if question.explanation:
        lines.append(FeedbackLine("explanation", labelled("Why", question.explanation)))
    lines += source_lines(question)
    if session.end_reason is EndReason.OUT_OF_LIVES:
        ended = safetext.literal("No lives left: the session is over.")
        lines.append(FeedbackLine("ended", ended))
    return lines


# A quote is pack text: shown whole up to this many characters, then cut with an ellipsis.
MAX_QUOTE = 400


def source_lines(question: Question) -> list[FeedbackLine]:
    """Where the fact comes from: the source's name ("Source: Director's statement") and its
    own words, quoted (the pack's `source` and `quote`); none if the question gives neither."""
    lines = []
    if question.source:
        lines.append(FeedbackLine("source", labelled("Source", question.source)))
    if question.quote:
        words = question.quote
        if len(words) > MAX_QUOTE:
            words = words[: MAX_QUOTE - 1].rstrip() + "…"
        lines.append(FeedbackLine("quote", safetext.assemble((f"“{words}”", "italic"))))
    return lines


class FeedbackView(Widget, can_focus=False):
    """The box under the answer area that says what to do and how it went: on a question its
    help, hint and messages, after the answer the feedback (`feedback_lines`).

    One widget of a fixed size draws every line itself, so that showing other lines repaints
    only its region and lays nothing out (a scrolling container would: its virtual size
    changes). Lines that do not fit scroll with the mouse wheel or `scroll` (Page Up/Down on
    the screen), with a bar at the right edge that shows where the view is."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {f"feedback--{kind}" for kind in (*KINDS, "bar")}

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: tuple[FeedbackLine, ...] = ()
        self.spaced = True
        self.top = 0  # the first row in view
        self._rows: tuple[Size, list[Strip]] | None = None
        self._blank_row: Strip | None = None
        self._kind_styles = KeptStyles(self)
        # Each line's rows as drawn, by what it says, how it looks and the width: drawn ahead
        # (`prepare`) or for an earlier round (the help, the blank rows) they are not drawn again.
        self._line_rows: dict[tuple[object, ...], list[Strip]] = {}
        self._painted = PaintedRows(self)

    def show(self, lines: Sequence[FeedbackLine], *, spaced: bool = True) -> None:
        """Show `lines` from the top (`spaced`: a blank line after each)."""
        lines = tuple(lines)
        if lines == self.lines and spaced == self.spaced and self.top == 0:
            return
        height = self.styles.height
        auto = height is not None and height.is_auto
        before = None if auto else rows_in_view(self)
        self.lines = lines
        self.spaced = spaced
        self.top = 0
        self._rows = None
        if auto:  # the box is as tall as its lines: other lines need a layout
            self.refresh(layout=True)
        else:
            refresh_rows(self, before)

    def prepare(self, lines: Iterable[FeedbackLine]) -> None:
        """Draw and paint the rows of `lines` now (feedback the next answer may show, drawn
        while the player reads), at the box's width, so that `show` only puts drawn rows
        together. (Feedback too long for the box is drawn beside its scroll bar, narrower:
        that is drawn when shown.)"""
        width = self.content_size.width
        if width > 1:
            rows = [self._blank(width)]
            for line in lines:
                rows += self._rows_of(line, width)
            self._painted.prepare(rows)

    def text(self, line_id: str) -> str | None:
        """What line `line_id` says (plain), or None if it is not shown."""
        return next((line.text.plain for line in self.lines if line.id == line_id), None)

    @property
    def plain(self) -> str:
        """Every line shown, as plain text."""
        return "\n".join(line.text.plain for line in self.lines)

    def scroll(self, rows: int) -> None:
        """Scroll by `rows` (down if positive), as far as there is more to see."""
        size = self.content_size
        last = max(0, len(self._rows_for(size)) - size.height)
        top = min(max(0, self.top + rows), last)
        if top != self.top:
            before = rows_in_view(self)
            self.top = top
            refresh_rows(self, before)

    def _wrap(self, width: int) -> list[Strip]:
        rows: list[Strip] = []
        blank = self._blank(width)
        for line in self.lines:
            rows += self._rows_of(line, width)
            if self.spaced:
                rows.append(blank)
        if self.spaced and rows:
            rows.pop()
        return rows

    def _rows_of(self, line: FeedbackLine, width: int) -> list[Strip]:
        """`line` drawn in rows `width` cells wide (kept: see `_line_rows`)."""
        text = line.text
        key = (line.kind, text.plain, tuple(text.spans), width)
        rows = self._line_rows.get(key)
        if rows is None:
            if len(self._line_rows) >= KEPT_LINES:
                self._line_rows.clear()
            style = self._kind_style(line.kind)
            if line.kind in VERDICTS:  # on its colour, a space in from its edge
                text = Content(" ") + text
            # A line with a background (the verdict) is coloured across the box.
            rows = [
                strip(self, segments(self, part, style), style, width)
                for part in fitted(text, width)
            ]
            self._line_rows[key] = rows
        return rows

    def _rows_for(self, size: Size) -> list[Strip]:
        if self._rows is None or self._rows[0] != size:
            rows = self._wrap(size.width)
            if len(rows) > size.height and size.width > 1:  # room for the bar at the edge
                rows = self._wrap(size.width - 1)
            self._rows = (size, rows)
        return self._rows[1]

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self._wrap(width))

    def render_lines(self, crop: Region) -> list[Strip]:
        return self._painted.lines(crop, rows_in_view(self), super().render_lines)

    def render_line(self, y: int) -> Strip:
        return self._row(y, self.content_size)

    def visible_rows(self, size: Size) -> list[Strip]:
        """Every row in view (see `widgets.drawn.rows_in_view`)."""
        return [self._row(y, size) for y in range(size.height)]

    def _row(self, y: int, size: Size) -> Strip:
        rows = self._rows_for(size)
        row = self.top + y
        strip = rows[row] if 0 <= row < len(rows) else None
        if len(rows) <= size.height:
            return strip or self._blank(size.width)
        # More rows than room: the last column shows which part is in view.
        width = size.width - 1
        strip = strip or self._blank(width)
        height = size.height
        thumb = max(1, height * height // len(rows))
        start = (height - thumb) * self.top // max(1, len(rows) - height)
        bar = "┃" if start <= y < start + thumb else "│"
        return Strip.join(
            [strip, Strip([Segment(bar, self.get_visual_style("feedback--bar").rich_style)], 1)]
        )

    def _blank(self, width: int) -> Strip:
        """An empty row, `width` cells (made once: the box has more of them than lines)."""
        if self._blank_row is None or self._blank_row.cell_length != width:
            self._blank_row = Strip.blank(width, self._kind_style("text").rich_style)
        return self._blank_row

    def _kind_style(self, kind: str) -> Style:
        """How a line of `kind` looks (asked of the stylesheet once per kind, not per line)."""
        if kind == "text":
            return self._kind_styles("feedback--text")
        return self._kind_styles("feedback--text", f"feedback--{kind}")

    def notify_style_update(self) -> None:
        self._rows = None
        self._blank_row = None
        self._line_rows.clear()
        self._painted.clear()
        self._kind_styles.clear()
        super().notify_style_update()

    def _on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        event.stop()
        self.scroll(2)

    def _on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        event.stop()
        self.scroll(-2)
