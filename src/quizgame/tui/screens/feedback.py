"""Feedback after an answer: right or wrong in a symbol and words, the right answer, and why."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Footer, Static

from quizgame.core.play.modes import EndReason
from quizgame.core.play.results import AnswerRecord
from quizgame.core.play.session import Session
from quizgame.tui import safetext
from quizgame.tui.navigation import LeaveSession, NextRound, SessionScreen
from quizgame.tui.widgets.answers import ANSWER_AREAS
from quizgame.tui.widgets.countdown import CountdownBar
from quizgame.tui.widgets.sourced import source_widgets
from quizgame.tui.widgets.status import StatusBar


def verdict_line(record: AnswerRecord) -> tuple[str, Content]:
    """A CSS class and the verdict in a symbol and words (never colour alone)."""
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
    points = f"+{record.points} points" if record.points else "no points"
    if record.skipped:
        points += ", streak kept"
    if record.streak_bonus:
        points += f" (streak bonus {record.streak_bonus})"
    return kind, safetext.assemble((text, "bold"), "   ", (points, ""))


def parts_lines(record: AnswerRecord) -> Content | None:
    """For ordering and matching: each item or pair, right or wrong."""
    lines = ANSWER_AREAS[record.question.type].parts(record.question, record.given)
    return safetext.assemble(*lines[:-1]) if lines is not None else None


def labelled(label: str, text: str) -> Content:
    return safetext.assemble((f"{label}: ", "bold"), text)


class FeedbackScreen(SessionScreen):
    """How the last answer went; Enter or Space goes on (`NextRound`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,space", "next", "Next"),
        Binding("escape", "leave", "Leave session"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, session: Session, record: AnswerRecord) -> None:
        super().__init__()
        self.session = session
        self.record = record
        self._gone_on = False  # a second Enter must not skip a question

    @property
    def last(self) -> bool:
        """Is this the last feedback before the results?"""
        return self.session.finished or self.session.position >= self.session.total

    def details(self) -> list[Widget]:
        """The verdict, the question, both answers, why it was accepted, explanation, source."""
        record, question = self.record, self.record.question
        kind, line = verdict_line(record)
        widgets: list[Widget] = [
            Static(line, id="verdict", classes=f"-{kind}"),
            Static(safetext.literal(question.prompt), id="feedback-prompt"),
        ]
        if not record.skipped:
            widgets.append(Static(labelled("Your answer", record.given_text), id="given"))
        if not record.correct:
            widgets.append(Static(labelled("Right answer", question.answer_text()), id="right"))
        if record.verdict.reason:
            why = safetext.assemble(
                ("Accepted: ", "bold"),
                record.verdict.reason,
                (" (the answer is “", "italic"),
                (question.answer_text(), "italic"),
                ("”)", "italic"),
            )
            widgets.append(Static(why, id="why"))
        parts = parts_lines(record)
        if parts is not None and not record.correct:
            widgets.append(Static(parts, id="parts"))
        if question.explanation:
            widgets.append(Static(labelled("Why", question.explanation), id="explanation"))
        widgets += source_widgets(question)
        if self.session.end_reason is EndReason.OUT_OF_LIVES:
            widgets.append(Static("No lives left: the session is over.", id="ended", markup=False))
        return widgets

    def compose(self) -> ComposeResult:
        yield StatusBar(self.session, id="status")
        if self.session.mode.session_clock and not self.session.finished:
            # Only round time counts on a session clock: say so while it waits.
            label = "left in the session (stopped while you read)"
            yield CountdownBar(self.session, label=label, id="countdown")
        with Center(classes="column-center"), Vertical(classes="column"):
            yield VerticalScroll(*self.details(), id="feedback-box")
            with Horizontal(id="feedback-actions"):
                label = "See the results" if self.last else "Next question"
                yield Button(f"{label} (Enter)", id="next", variant="primary", compact=True)
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one("#next").focus()

    def action_next(self) -> None:
        if not self._gone_on:
            self._gone_on = True
            self.post_message(NextRound(self.session))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "next":
            event.stop()
            self.action_next()

    def action_leave(self) -> None:
        self.post_message(LeaveSession(self.session))
