"""The results of a session: the figures, a breakdown by category, and a review of every answer."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Footer, Static

from quizgame.core.play.modes import EndReason
from quizgame.core.play.results import AnswerRecord, Results, category_lines
from quizgame.core.play.session import Session
from quizgame.tui import safetext
from quizgame.tui.navigation import LeaveSession, PlayAgain, ReplayMissed, SessionScreen
from quizgame.tui.widgets.answers import ANSWER_AREAS

END_WORDS = {
    EndReason.COMPLETED: "All questions played",
    EndReason.OUT_OF_LIVES: "Out of lives",
    EndReason.TIME_UP: "Time's up",
    EndReason.ABANDONED: "Left early",
}


def duration_text(seconds: float) -> str:
    """`75.2` as `1m 15s`."""
    whole = round(seconds)
    minutes, secs = divmod(whole, 60)
    return f"{minutes}m {secs:02d}s" if minutes else f"{secs}s"


def time_parts(results: Results, blitz_limit: float | None = None) -> list[safetext.Part]:
    """The time: on the clock (timed modes; blitz out of its limit) apart from the time spent,
    which counts reading the feedback too."""
    spent: list[safetext.Part] = [("Time spent ", ""), (duration_text(results.duration), "bold")]
    if results.clock_time is None:
        return [("     ", ""), *spent]
    on_clock = duration_text(results.clock_time)
    if blitz_limit is not None:
        on_clock += f" of {duration_text(blitz_limit)}"
    return [("\nOn the clock ", ""), (on_clock, "bold"), ("     ", ""), *spent]


def summary(results: Results, blitz_limit: float | None = None) -> Content:
    """The headline figures (`blitz_limit`: the length of a blitz session's clock)."""
    # Out of the answers given, as accuracy and `quizgame history` count: skips are not answers.
    parts: list[safetext.Part] = [
        ("Score ", ""),
        (f"{results.score:,}", "bold"),
        ("     Correct ", ""),
        (f"{results.correct} of {results.answered}", "bold"),
    ]
    notes = []
    if results.skipped:
        parts.append(" answered")
        notes.append(f"{results.skipped} skipped")
    if results.not_reached:
        notes.append(f"{results.not_reached} not reached")
    if notes:
        parts.append((f" ({', '.join(notes)})", "italic"))
    parts += [
        ("\nAccuracy ", ""),
        (f"{results.accuracy:.0%}", "bold"),
        ("     Longest streak ", ""),
        (str(results.best_streak), "bold"),
        *time_parts(results, blitz_limit),
    ]
    if results.lifelines_used:
        used = ", ".join(lifeline.label for lifeline in results.lifelines_used)
        parts += [("\nLifelines used ", ""), (used, "bold")]
    return safetext.assemble(*parts)


def category_table(results: Results) -> Content:
    """One line per category: name, right out of answered (and any skipped), points."""
    lines = category_lines(results)
    names = [safetext.clean_line(line.category) for line in lines]
    width = min(40, max((cell_len(n) for n in names), default=0))
    parts: list[safetext.Part] = []
    for name, row in zip(names, lines, strict=True):
        pad = " " * max(0, width - cell_len(name))
        parts += [(name, "bold"), pad]
        if row.answered:
            parts.append(f"  {row.correct} of {row.answered} right")
            if row.skipped:
                parts.append((f" ({row.skipped} skipped)", "italic"))
        else:
            parts.append((f"  {row.skipped} skipped", "italic"))
        parts += [(f"  {row.points:,} points", "italic"), "\n"]
    return safetext.assemble(*parts[:-1])


def review_item(record: AnswerRecord) -> Content:
    """A question as played: the mark, the prompt, your answer and the right one."""
    if record.skipped:
        mark = ("↷ skipped ", "bold")
    elif record.correct:
        mark = ("✓ right ", "bold $text-success")
    elif record.verdict.partial:
        mark = ("◐ partly ", "bold $text-warning")
    else:
        mark = ("✗ wrong ", "bold $text-error")
    parts: list[safetext.Part] = [
        mark,
        (f"{record.number}. ", "bold"),
        safetext.literal(record.question.prompt),
        ("\n   Your answer: ", "italic"),
        record.given_text,
    ]
    missed = (
        None
        if record.correct
        else ANSWER_AREAS[record.question.type].missed(record.question, record.given)
    )
    if missed:
        parts += [("\n   Missed: ", "italic"), missed]
    elif not record.correct:
        parts += [("\n   Right answer: ", "italic"), record.question.answer_text()]
    parts.append((f"\n   {record.points_text()}", "italic"))
    return safetext.assemble(*parts)


class ResultsScreen(SessionScreen):
    """Score, accuracy, streak, time, categories and a review; play again, misses, or back.

    The keys live in the footer (click them there too). `h` goes back where the session was
    started: Home, or Statistics for a practice session (`back_to_statistics`). `#results-extra`
    holds `panels`, widgets from the app's results panels (a rank, a personal best).
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("r", "again", "Play again"),
        Binding("m", "missed", "Replay missed"),
        Binding("c", "copy", "Copy"),
        # One of these two is active: the footer names the place `h` goes back to.
        Binding("h,escape", "home", "Home"),
        Binding("h,escape", "statistics", "Statistics"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(
        self,
        session: Session,
        results: Results,
        panels: Sequence[Widget] = (),
        *,
        back_to_statistics: bool = False,
    ) -> None:
        super().__init__()
        self.session = session
        self.results = results
        self.panels = list(panels)
        self.back_to_statistics = back_to_statistics

    def compose(self) -> ComposeResult:
        results = self.results
        # The pack's title last: on a narrow terminal the ellipsis cuts it, not the mode.
        title = safetext.assemble(
            ("Results  ", "bold"),
            f"{self.session.mode.value}  ·  {END_WORDS[results.end_reason]}  ·  ",
            safetext.line(self.session.pack.title),
        )
        with Center(classes="column-center"), Vertical(classes="column"):
            yield Static(title, id="results-title")
            yield VerticalScroll(*self.body(), id="results-body")
        yield Footer(show_command_palette=False)

    def body(self) -> list[Widget]:
        """The figures, the extra panels, the categories and the review."""
        results = self.results
        widgets: list[Widget] = [
            Static(summary(results, self._blitz_limit()), id="results-summary"),
            Vertical(*self.panels, id="results-extra"),
        ]
        if results.by_category:
            widgets += [
                Static("By category", classes="results-heading", markup=False),
                Static(category_table(results), id="results-categories"),
            ]
        widgets.append(Static("Review", classes="results-heading", markup=False))
        for record in results.records:
            kind = "correct" if record.correct else "skipped" if record.skipped else "wrong"
            widgets.append(Static(review_item(record), classes=f"review-item -{kind}"))
        return widgets

    def _blitz_limit(self) -> float | None:
        return self.session.blitz_limit() if self.session.mode.session_clock else None

    def on_mount(self) -> None:
        self.query_one("#results-body").focus()
        if not self.query_one("#results-extra").children:
            self.query_one("#results-extra").display = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "copy":
            return self.copy_text is not None
        if action == "missed":
            return True if self.results.to_replay else None  # greyed out: nothing to replay
        if action == "home":
            return not self.back_to_statistics
        if action == "statistics":
            return self.back_to_statistics
        return True

    @property
    def copy_text(self) -> str | None:
        """The challenge code or daily share line a results panel offers to copy."""
        texts = (getattr(panel, "copy_text", None) for panel in self.panels)
        return next((text for text in texts if isinstance(text, str)), None)

    def action_copy(self) -> None:
        """Copy the code or share line (the terminal's clipboard, where it allows)."""
        text = self.copy_text
        if text is not None:
            self.app.copy_to_clipboard(text)
            self.notify("Copied to the clipboard.", timeout=3)

    def action_again(self) -> None:
        self.post_message(PlayAgain(self.session))

    def action_missed(self) -> None:
        if self.results.to_replay:
            self.post_message(ReplayMissed(self.session))

    def action_home(self) -> None:
        self.post_message(LeaveSession(self.session))

    def action_statistics(self) -> None:
        self.post_message(LeaveSession(self.session))
