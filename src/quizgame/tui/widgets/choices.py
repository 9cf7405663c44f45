"""Choices for multiple choice and true/false: numbered, picked by 1-9, arrows + Enter, or a click.

One widget draws every choice line itself (no widget per choice, no OptionList): a key that
moves the cursor, answers, or shows the next round's choices changes what its lines say and
repaints only its own region. After an answer it marks the right choice and a wrong pick in
place (a symbol and a colour each), so that the feedback needs no layout of its own.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Collection, Sequence
from typing import TYPE_CHECKING, ClassVar

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual import events
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.geometry import Region, Size, Spacing
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.style import Style

from quizgame.tui import safetext
from quizgame.tui.widgets.answering import AnswerWidget
from quizgame.tui.widgets.choice_cursor import ChoiceCursor
from quizgame.tui.widgets.drawn import (
    KeptStyles,
    fitted,
    refresh_rows,
    rows_in_view,
    segments,
    strip,
)
from quizgame.tui.widgets.painted import PaintedRows

if TYPE_CHECKING:
    from quizgame.core.packs.model import Question
    from quizgame.core.play.dealing import Round
    from quizgame.core.play.results import AnswerRecord
    from quizgame.core.play.session import Session

RIGHT, WRONG = "right", "wrong"
PREFIX = 5  # "✓ 1. ": a mark, the number and a space before each choice's text
BOLD = RichStyle(bold=True)
MARKS = {RIGHT: "✓", WRONG: "✗"}  # a symbol as well as a colour: never colour alone
MARKED = {mark: f"choice-list--{mark}" for mark in MARKS}  # a mark's state (component class)
MARK_OF = {state: MARKS[mark] for mark, state in MARKED.items()}


class ChoiceList(ChoiceCursor, ScrollView, AnswerWidget, can_focus=True):
    """The round's choices; picking one gives its text (`AnswerGiven`). A choice removed by 50:50
    keeps its number and is shown struck out. `renew` shows the next round's choices in the same
    widget; `show_result` marks the right choice and a wrong pick after the answer.

    Its height is its lines' (one or more a choice: long ones wrap), so it changes only when
    the number of lines does. A click picks the choice on that row."""

    renewable = True
    clock: Callable[[], float] = time.monotonic  # seconds; tests give a fake one

    # Long choices wrap: never a horizontal scrollbar (a transient narrower width would leave
    # one, and a row less for the choices).
    DEFAULT_CSS = "ChoiceList { overflow-x: hidden; }"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor(-1)", "Up", show=False),
        Binding("down", "cursor(1)", "Down", show=False),
        Binding("home", "cursor_end(-1)", "First", show=False),
        Binding("end", "cursor_end(1)", "Last", show=False),
        Binding("enter", "select", "Choose", show=False),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "choice-list--choice",
        "choice-list--cursor",
        "choice-list--hover",
        "choice-list--removed",
        "choice-list--right",
        "choice-list--wrong",
    }

    def __init__(
        self, choices: Sequence[str], hidden: Collection[str] = (), *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.choices: tuple[str, ...] = ()
        self.removed: frozenset[int] = frozenset()
        self.highlighted: int | None = None
        self.marks: dict[int, str] = {}  # after an answer: a choice's index -> RIGHT or WRONG
        self._hover: int | None = None
        # (width, rows): each row is (choice index, line of that choice), for the width drawn.
        self._rows: tuple[int, list[tuple[int, int]]] | None = None
        self._strips: dict[tuple[int, str, int], list[Strip]] = {}
        self._wrapped: dict[tuple[int, int, int], list[Content]] = {}
        self._looks = KeptStyles(self)
        self._painted = PaintedRows(self)
        self._choice_padding: Spacing | None = None
        self._fill(choices, hidden)

    # --- what it shows ----------------------------------------------------------------------------

    def _fill(self, choices: Sequence[str], hidden: Collection[str]) -> None:
        self._enter_at = self.clock()  # shown by an Enter (Home's, or the last feedback's)
        self._moved = False
        self.choices = tuple(choices)
        self.removed = frozenset(i for i, choice in enumerate(self.choices) if choice in hidden)
        self.marks = {}
        self._forget()
        self.highlighted = next(
            (i for i in range(len(self.choices)) if i not in self.removed), None
        )

    def renew(self, session: Session, round_: Round) -> None:
        """Show `round_`'s choices (and the ones 50:50 removed) in place of these: a layout
        only if it needs another number of lines."""
        rows = rows_in_view(self)
        before = self._line_count(self._width())
        self._fill(round_.choices, session.hidden_choices)
        if self.scroll_offset.y:
            self.scroll_to(y=0, animate=False, immediate=True)
        if self._line_count(self._width()) == before:
            refresh_rows(self, rows)  # the choices' rows, not the border's
        else:
            self._changed(before)

    def remove_choices(self, removed: Collection[str]) -> None:
        """Strike out the choices 50:50 removed."""
        before = self._line_count(self._width())
        self.removed = self.removed | {i for i, c in enumerate(self.choices) if c in removed}
        self._forget()
        if self.highlighted in self.removed:
            self.action_cursor(1)
        self._changed(before)

    def show_result(self, record: AnswerRecord) -> None:
        """Mark the right choice (✓) and, if the pick was wrong, the pick (✗); the cursor goes."""
        right = record.question.answer_text()
        given = None if record.skipped or record.timed_out else record.given_text
        before = rows_in_view(self)
        self.marks = {}
        for index, choice in enumerate(self.choices):
            if choice == right:
                self.marks[index] = RIGHT
            elif choice == given:
                self.marks[index] = WRONG
        self.highlighted = None
        right_index = next((i for i, mark in self.marks.items() if mark == RIGHT), None)
        if self._scroll_to_choice(right_index, immediate=True):
            self.refresh()  # scrolled (a wrong pick far down a long list): all of it
        else:
            refresh_rows(self, before)  # the marked rows and the cursor's

    def one_key_answers(self) -> tuple[str, ...]:
        """The choices a number key can still pick (not removed by 50:50)."""
        return tuple(c for i, c in enumerate(self.choices) if i not in self.removed)

    def prepare_result(self, question: Question) -> None:
        """Draw now, while the player reads, every row `show_result` can show for `question`
        (this round's): the right choice marked, each other one as a wrong pick and unmarked.
        The answer then only swaps rows already drawn."""
        width = self._width()
        if not width:
            return
        right = question.answer_text()
        rows: list[Strip] = []
        for index, choice in enumerate(self.choices):
            if index not in self.removed:
                rows += self._render_choice(
                    index, MARKED[RIGHT if choice == right else WRONG], width
                )
                rows += self._render_choice(index, "", width)
        self._painted.prepare(rows)

    def _forget(self) -> None:
        """Drop what was drawn: the choices (or which are removed) changed."""
        self._rows = None
        self._strips.clear()
        self._wrapped.clear()

    def _changed(self, lines_before: int) -> None:
        self.refresh(layout=self._line_count(self._width()) != lines_before)

    def option_text(self, index: int) -> str:
        """Choice `index` as it reads on screen (its number, text, and why it is struck out)."""
        return self._choice_content(index).plain

    @property
    def option_count(self) -> int:
        return len(self.choices)

    # --- drawing --------------------------------------------------------------------------------

    def _choice_content(self, index: int) -> Content:
        """Choice `index` whole: its mark, number and text (or why it is struck out)."""
        return Content(self._prefix(index, self._state(index))) + self._choice_text(index)

    def _prefix(self, index: int, state: str) -> str:
        """Choice `index`'s mark and number, drawn in `state` (a marked state has its mark)."""
        mark = MARK_OF.get(state, " ")
        return f"{mark} {index + 1}. " if index < 9 else f"{mark}    "

    def _choice_text(self, index: int) -> Content:
        if index in self.removed:
            return safetext.assemble(
                (safetext.clean_line(self.choices[index]), "strike"),
                ("  (removed by 50:50)", "italic"),
            )
        return safetext.literal(self.choices[index])

    def _state(self, index: int) -> str:
        mark = self.marks.get(index)
        if mark is not None:
            return MARKED[mark]
        if index in self.removed:
            return "choice-list--removed"
        if index == self.highlighted:
            return "choice-list--cursor"
        if index == self._hover:
            return "choice-list--hover"
        return ""

    def _lines(self, index: int, width: int) -> list[Content]:
        """Choice `index`'s text in lines that fit `width` beside its number."""
        key = (index, -1, width)
        lines = self._wrapped.get(key)
        if lines is None:
            text = self._choice_text(index)
            padding = self._padding()
            lines = self._wrapped[key] = fitted(text, width - padding.width - PREFIX)
        return lines

    def _render_choice(self, index: int, state: str, width: int) -> list[Strip]:
        """Choice `index`'s rows drawn in `state` (a component class, or "" for none): segments
        made from its lines (`widgets.drawn`)."""
        key = (index, state, width)
        strips = self._strips.get(key)
        if strips is None:
            style = self._look(state)
            plain = style.rich_style
            bold = plain + BOLD
            padding = self._padding()
            left = Segment(" " * padding.left, plain)
            strips = []
            for number, line in enumerate(self._lines(index, width)):
                prefix = self._prefix(index, state) if number == 0 else " " * PREFIX
                row = [left, Segment(prefix, bold), *segments(self, line, style)]
                # The choice's number, for a click (and a hover) on any of its rows.
                strips.append(strip(self, row, style, width).apply_meta({"choice": index}))
            self._strips[key] = strips
        return strips

    def _look(self, state: str) -> Style:
        """How a choice in `state` looks (a component class, or "" for none): asked of the
        stylesheet once per state until the style changes, not once per choice and round."""
        return (
            self._looks("choice-list--choice", state)
            if state
            else self._looks("choice-list--choice")
        )

    def _padding(self) -> Spacing:
        """A choice's padding (the stylesheet's), kept as `_look` keeps the styles."""
        if self._choice_padding is None:
            self._choice_padding = self.get_component_styles("choice-list--choice").padding
        return self._choice_padding

    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _line_rows(self, width: int) -> list[tuple[int, int]]:
        if self._rows is None or self._rows[0] != width:
            rows = [
                (index, line)
                for index in range(len(self.choices))
                for line in range(len(self._lines(index, width)) if width else 1)
            ]
            self._rows = (width, rows)
        return self._rows[1]

    def _line_count(self, width: int) -> int:
        return len(self._line_rows(width)) if width else len(self.choices)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return self._line_count(width) if width > 0 else len(self.choices)

    def get_content_width(self, container: Size, viewport: Size) -> int:
        padding = self._padding().width
        widest = max(
            (self._choice_text(i).cell_length for i in range(len(self.choices))), default=0
        )
        return min(container.width, widest + PREFIX + padding)

    def render_lines(self, crop: Region) -> list[Strip]:
        width = self._width()
        rows = self._line_rows(width)
        size = Size(width, len(rows))
        if size != self.virtual_size:
            self.virtual_size = size
        return self._painted.lines(crop, rows_in_view(self), super().render_lines)

    def render_line(self, y: int) -> Strip:
        width = self._width()
        return self._row(y + self.scroll_offset.y, width, self._line_rows(width))

    def visible_rows(self, size: Size) -> list[Strip]:
        """Every row in view (see `widgets.drawn.rows_in_view`), as `render_line` draws them."""
        width = self._width()
        rows = self._line_rows(width)
        top = self.scroll_offset.y
        return [self._row(y + top, width, rows) for y in range(size.height)]

    def _row(self, row: int, width: int, rows: list[tuple[int, int]]) -> Strip:
        if not 0 <= row < len(rows):
            key = (-1, "", width)  # a blank row, kept with the strips
            blank = self._strips.get(key)
            if blank is None:
                style = self._look("").rich_style
                blank = self._strips[key] = [Strip.blank(width, style)]
            return blank[0]
        index, line = rows[row]
        strips = self._render_choice(index, self._state(index), width)
        return strips[line] if line < len(strips) else Strip.blank(width)

    def notify_style_update(self) -> None:
        self._forget()
        self._looks.clear()
        self._painted.clear()
        self._choice_padding = None
        super().notify_style_update()

    def _on_resize(self, event: events.Resize) -> None:
        self._rows = None
        self.refresh()
