"""The question screen's second half: the feedback on an answer shown in place of the question
(`show_feedback`), and the next question in place of the feedback (`show_round`), on the same
screen and in the same widgets (`QuestionScreen` is an `InPlace`).

For choices, which is most of play, neither lays the screen out or restyles it: the widgets
keep their sizes and repaint only the rows that changed (issue 13; see ARCHITECTURE.md,
"Feedback")."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.await_remove import AwaitRemove
from textual.content import Content
from textual.widget import Widget

from quizgame.core.play.dealing import Round
from quizgame.core.play.judging import check_answer
from quizgame.core.play.results import AnswerRecord
from quizgame.core.play.session import Session
from quizgame.tui.navigation import NextRound, SessionScreen
from quizgame.tui.widgets.answering import AnswerMessage, AnswerWidget
from quizgame.tui.widgets.answers import ANSWER_AREAS
from quizgame.tui.widgets.countdown import CountdownBar
from quizgame.tui.widgets.drawn import TextRows
from quizgame.tui.widgets.feedback import FeedbackLine, FeedbackView, feedback_lines
from quizgame.tui.widgets.lifelines import LifelineBar
from quizgame.tui.widgets.status import StatusBar

W = TypeVar("W", bound=Widget)
# Textual's private names `_draw_now` needs (Textual 8; tests/tui/test_textual_private.py
# fails if an upgrade drops one, and play falls back to the screen's update timer).
DRAWS_NOW = callable(getattr(SessionScreen, "_on_timer_update", None))
PREPARE_SECONDS = 0.03  # a question's feedback is drawn ahead this long after it is shown


def answer_widget(session: Session, answers_to: Callable[[AnswerMessage], None]) -> AnswerWidget:
    """The answer area for the current round's question type, which hands its answers to
    `answers_to` at once (`AnswerWidget.answers_to`)."""
    round_ = session.current
    assert round_ is not None
    widget = ANSWER_AREAS[round_.question.type].make(session, round_)
    widget.draws_pick = False  # the feedback, in the same frame, shows what was picked
    widget.answers_to = answers_to
    return widget


class InPlace(SessionScreen):
    """What the question screen needs to show the feedback and the next round in place: its
    widgets looked up once (`_find`), the session's state, and the question's own parts
    (`QuestionScreen` draws them)."""

    session: Session
    round: Round
    answer: AnswerWidget
    record: AnswerRecord | None
    feedback_shown: bool
    _handed_over: bool
    _gone_on: bool
    _answer_gone: AwaitRemove | None
    _message: str
    _found: dict[str, Widget]
    _countdowns: list[CountdownBar]

    def _show(self) -> None:
        raise NotImplementedError

    def _show_question_parts(self) -> None:
        raise NotImplementedError

    def _meta(self) -> Content:
        raise NotImplementedError

    def _prompt(self) -> Content:
        raise NotImplementedError

    def _unit(self) -> Content:
        raise NotImplementedError

    def _clock_label(self) -> str:
        raise NotImplementedError

    def take_answer(self, message: AnswerMessage) -> None:
        raise NotImplementedError

    def _find(self, selector: str, kind: type[W]) -> W:
        """The screen's widget `selector` names, a `kind` (never the answer widget: it changes)."""
        widget = self._found.get(selector)
        if widget is None:
            widget = self._found[selector] = self.query_one(selector, Widget)
        assert isinstance(widget, kind)
        return widget

    # --- feedback and the next question, in place ------------------------------------------------

    def prepare_feedback(self) -> None:
        """Draw ahead, while the player reads the question, what the feedback shows for each
        answer one key gives (a choice): the choices marked, the box's lines (all but the
        verdict's points, which the clock decides). The answer then puts drawn rows together.
        Called `PREPARE_SECONDS` after a question is shown, when its frame is out."""
        if self.feedback_shown or self._handed_over or self.session.paused:
            return
        round_ = self.round
        answers = self.answer.one_key_answers()
        if not answers:
            return
        self.answer.prepare_result(round_.question)
        area = ANSWER_AREAS[round_.question.type]
        lines: list[FeedbackLine] = []
        for value in answers:
            given = area.given(round_, value)
            record = AnswerRecord.of(round_, given, check_answer(round_.question, given))
            lines += feedback_lines(self.session, record)
        self._find("#feedback", FeedbackView).prepare(lines)

    def show_feedback(self, record: AnswerRecord) -> None:
        """Show how `record` went under the question (the app calls this on `Answered`)."""
        if self.feedback_shown and self.record is record:
            return
        session = self.session
        self.record = record
        self.feedback_shown = True
        self._gone_on = False
        with self.app.batch_update():
            self._find("#status", StatusBar).show()
            for countdown in self._countdowns:
                # Only round time counts on a session clock: say so while it waits.
                if not (session.mode.session_clock and not session.finished):
                    set_display(countdown, False)
                countdown.label = "left in the session (stopped while you read)"
                countdown.refresh_time()
            if self.answer.renewable:  # it stays in view, marked
                self.answer.show_result(record)
            else:  # it goes now, so that the next question only adds its own
                set_display(self._find("#answer-area", Widget), False)
                self._answer_gone = self.answer.remove()
                self._find("#feedback", Widget).set_class(False, "-short")
            set_display(self._find("#answer-bar", Widget), False)
            self._find("#feedback", FeedbackView).show(feedback_lines(session, record))
            last = session.finished or session.position >= session.total
            label = "See the results" if last else "Next question"
            self._find("#lifelines", LifelineBar).show_next(f"{label} (Enter)")
        self._draw_now()
        # No refresh_bindings here or in show_round: the keys that change between a question
        # and its feedback (Enter, the numbers, the lifelines) are none of the footer's, and
        # a key checks its action as it comes (`check_action`) whatever the footer shows.

    async def show_round(self) -> None:
        """Show the session's current round in place of the feedback (the app calls this after
        `Session.advance`)."""
        session = self.session
        round_ = session.current
        assert round_ is not None, "a finished session has no question to show"
        made_alike = (
            ANSWER_AREAS[round_.question.type].make is ANSWER_AREAS[self.round.question.type].make
        )
        if self._answer_gone is None and not made_alike:
            self._answer_gone = self.answer.remove()
        if self._answer_gone is not None:
            await self._answer_gone
            self._answer_gone = None
            self.answer = answer_widget(session, self.take_answer)
            mount = True
        else:  # the same kind of widget: it shows the new round in place
            self.answer.renew(session, round_)
            mount = False
        self.round = round_
        self.record = None
        self.feedback_shown = False
        self._handed_over = False
        self._message = ""
        with self.app.batch_update():
            self._find("#question-meta", TextRows).update(self._meta())
            self._find("#prompt", TextRows).update(self._prompt())
            self._find("#unit", TextRows).update(self._unit())
            if mount:
                self._find("#answer-area", Widget).mount(self.answer)
            self._show_question_parts()
            self._find("#question-box", Widget).scroll_home(animate=False, immediate=True)
            for countdown in self._countdowns:
                set_display(countdown, True)
                countdown.label = self._clock_label()
            if not self.answer.has_focus:
                self.answer.focus()
            self._show()
        if not mount:  # a widget mounted now is drawn once it is mounted
            self._draw_now()
        self.set_timer(PREPARE_SECONDS, self.prepare_feedback)

    def _draw_now(self) -> None:
        """Draw the frame now, in the key's own turn: what the screen's update timer does
        (`Screen._on_timer_update`) once the screen's task has gone idle and woken the timer's,
        two task switches after the key (0.4-0.7 ms in keys_trace). The timer, woken later,
        then finds nothing to draw. Both are Textual's private names (`DRAWS_NOW`): without
        them the frame comes from the timer, as the widgets' repaints have asked."""
        batched = getattr(self.app, "_batch_count", None)  # None: not Textual 8's App
        if DRAWS_NOW and batched == 0 and self.is_current:
            self._on_timer_update()

    def action_scroll_feedback(self, pages: int) -> None:
        """Page Up/Down: scroll the box under the answer (long feedback) by `pages` pages."""
        box = self._find("#feedback", FeedbackView)
        box.scroll(pages * max(1, box.content_size.height - 1))

    def action_next(self) -> None:
        """From the feedback: on to the next question, or the results."""
        if self.feedback_shown and not self._gone_on:
            self._gone_on = True
            # To the app itself: posted here it would wait in this screen's queue first.
            self.app.post_message(NextRound(self.session))


def set_display(widget: Widget, shown: bool) -> None:
    """Show or hide `widget`, touching it only if that changes (a set is a layout)."""
    if widget.display != shown:
        widget.display = shown
