"""A session's play screen: a question (the prompt, an answer area made for its type, and the
session's state around it), then the feedback on the answer in the same place, then the next
question, all on this one screen. Nothing is pushed per answer.

The way from a key to what it shows is kept short for choices (multiple choice, true/false),
which is most of play: the question stays, the choices mark the right one and a wrong pick, the
box under them (which on the question says how to answer) says how it went, and the lifeline
bar becomes the way on. Each of those widgets draws its own lines at a size that does not
change, so an answer lays nothing out and repaints only them (issue 13). Other types hide their
answer area for the feedback (a layout, which they can afford: typing takes longer anyway).
Showing the feedback and the next round in place is `screens/in_place.py`'s."""

from __future__ import annotations

from functools import partial
from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.await_remove import AwaitRemove
from textual.binding import Binding, BindingType
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Button, Static

from quizgame.core.packs.model import QuestionType
from quizgame.core.play.dealing import Round
from quizgame.core.play.modes import Lifeline
from quizgame.core.play.results import AnswerRecord
from quizgame.core.play.session import Session, SessionError
from quizgame.tui import safetext
from quizgame.tui.collector import IDLE_SECONDS, PlayCollector
from quizgame.tui.navigation import Answered, LeaveSession, SessionOver
from quizgame.tui.screens.in_place import PREPARE_SECONDS, InPlace, answer_widget, set_display
from quizgame.tui.widgets.answering import AnswerGiven, AnswerKept, AnswerMessage
from quizgame.tui.widgets.answers import ANSWER_AREAS
from quizgame.tui.widgets.blank import Column, FooterBar, Middle, PromptBox, Row
from quizgame.tui.widgets.countdown import CountdownBar
from quizgame.tui.widgets.drawn import TextRows
from quizgame.tui.widgets.feedback import FeedbackLine, FeedbackView
from quizgame.tui.widgets.footer import SteadyFooter
from quizgame.tui.widgets.lifelines import LifelineBar
from quizgame.tui.widgets.status import StatusBar

ANSWERED_AFTER_SECONDS = 0.01  # the frame with the feedback is written by then
TICK_SECONDS = 0.1  # how often a timed question asks the session whether time ran out
QUESTION_PARTS = ("#question-box", "#answer-area", "#answer-bar", "#feedback")  # hidden in a pause
QUESTION_ACTIONS = frozenset({"pick", "lifeline", "pause"})


def type_help(round_: Round) -> str:
    """How to answer this round's question, with the number keys it really has."""
    return ANSWER_AREAS[round_.question.type].help(round_)


class QuestionScreen(InPlace):
    """Shows the session's current round and reports the player's answer to the session;
    posts `Answered` with its record (or `SessionOver`) for the app to go on. The app then
    calls `show_feedback` (Enter or Space posts `NextRound`) and, after `Session.advance`,
    `show_round` for the next question."""

    BLANK = True  # its background only (see `widgets/blank.py`): every answer repaints it

    BINDINGS: ClassVar[list[BindingType]] = [
        # Not in the footer: the feedback's own button says "Next question (Enter)", and a
        # footer that stays the same from question to feedback is never rebuilt. A priority
        # binding, so that the focused button never sees the key: pressed, it would flash (a
        # class on and off, a frame each) before the next question could be drawn. On a
        # question `check_action` turns it off, and the key goes on to the answer widget.
        Binding("enter,space", "next", "Next", show=False, priority=True),
        # Priority too: the app runs it as the key arrives, where a key for a binding of the
        # screen first goes to the focused widget and bubbles up through each container's
        # queue in turn (about a millisecond). Where a text box takes the digits (`typing`),
        # `check_action` turns it off and the key goes on to the box.
        *(Binding(str(n), f"pick({n})", show=False, priority=True) for n in range(1, 10)),
        Binding("f,f4", "lifeline('fifty_fifty')", "50:50", show=False),
        Binding("s,f3", "lifeline('skip')", "Skip", show=False),
        Binding("h,f2", "lifeline('hint')", "Hint", show=False),
        Binding("p,f5", "pause", "Pause", show=False),
        Binding("pageup", "scroll_feedback(-1)", "Scroll up", show=False),
        Binding("pagedown", "scroll_feedback(1)", "Scroll down", show=False),
        Binding("escape", "leave", "Leave session"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        round_ = session.current
        assert round_ is not None, "a finished session has no question to show"
        self.round = round_
        self.answer = answer_widget(session, self.take_answer)  # composed in the answer area
        self._handed_over = False  # the answer went to the app; ignore late ticks and keys
        self.feedback_shown = False  # the feedback on the last answer is shown, not a question
        self.record: AnswerRecord | None = None  # the answer the feedback is about
        self._gone_on = False  # a second Enter on the feedback must not skip a question
        self._answer_gone: AwaitRemove | None = None  # the answer widget's removal, if not kept
        self._message = ""  # our own words under the answer area (`say`)
        # The screen's own widgets, looked up once: they stay for the screen's life, and a query
        # walks the DOM (a few of them on every key that answers or goes on).
        self._found: dict[str, Widget] = {}
        self._countdowns: list[CountdownBar] = []
        self._collector = PlayCollector()  # the garbage collector's passes between keys

    def on_unmount(self) -> None:
        self._collector.stop()

    @property
    def question_type(self) -> QuestionType:
        return self.round.question.type

    @property
    def typing(self) -> bool:
        return ANSWER_AREAS[self.question_type].typing

    def compose(self) -> ComposeResult:
        # The bars go in the column, beside the question: on a large terminal, where the eye is.
        with Middle(classes="column-center"), Column(classes="column"):
            yield StatusBar(self.session, id="status")
            if self.session.time_left() is not None:
                yield CountdownBar(self.session, label=self._clock_label(), id="countdown")
            with PromptBox(id="question-box"):
                yield TextRows(self._meta(), id="question-meta")
                yield TextRows(self._prompt(), id="prompt")
                yield TextRows(self._unit(), id="unit")  # numeric questions only
            with Column(id="answer-area"):
                yield self.answer
            with Row(id="answer-bar"):
                yield Button("Answer", id="submit", variant="primary", compact=True)
            yield Static(self._paused_words(), id="paused", markup=False)
            yield FeedbackView(id="feedback")
            yield LifelineBar(id="lifelines")
        with FooterBar():
            yield SteadyFooter()

    def _paused_words(self) -> str:
        """What the pause says: only a timed mode has a clock to stop."""
        if self.session.time_left() is None:
            return "Paused: the question is hidden. Press p (or F5) to resume."
        return "Paused: the clock is stopped and the question hidden. Press p (or F5) to resume."

    def on_mount(self) -> None:
        self._collector.start()
        self.set_interval(IDLE_SECONDS, self._collector.collect)
        self._countdowns = list(self.query(CountdownBar))
        self._show_question_parts()
        self.answer.focus()
        self._show()
        self.set_timer(PREPARE_SECONDS, self.prepare_feedback)
        if self.session.time_left() is not None:
            self.set_interval(TICK_SECONDS, self.tick)

    def _clock_label(self) -> str:
        return "left in the session" if self.session.mode.session_clock else "left"

    def _prompt(self) -> Content:
        return safetext.literal(self.round.question.prompt)

    def _unit(self) -> Content:
        unit = self.round.question.unit
        return safetext.assemble(("Answer in ", "italic"), (unit, "bold")) if unit else Content()

    def _show_question_parts(self) -> None:
        """What differs between this round's question and another's, beside the texts (each
        set only if it changed: choice after choice, nothing is)."""
        area = ANSWER_AREAS[self.question_type]
        set_display(self._find("#unit", Widget), bool(self.round.question.unit))
        set_display(self._find("#answer-bar", Widget), area.button)
        set_display(self._find("#answer-area", Widget), True)
        self._find("#answer-area", Widget).set_class(area.fits, "-fit")
        self._find("#feedback", Widget).set_class(not area.fits, "-short")

    def _meta(self) -> Content:
        question = self.round.question
        parts: list[safetext.Part] = []
        if question.category:
            parts += [(question.category, "bold"), "  ·  "]
        parts.append(f"{question.difficulty.value}, {question.points} points")
        return safetext.assemble(*parts)

    # --- showing the session's state -----------------------------------------------------------

    def _show(self) -> None:
        session = self.session
        self._find("#status", StatusBar).show()
        for countdown in self._countdowns:
            countdown.refresh_time()
        paused = session.paused
        for selector in QUESTION_PARTS:
            if selector != "#answer-bar" or ANSWER_AREAS[self.question_type].button:
                set_display(self._find(selector, Widget), not paused)
        set_display(self._find("#paused", Widget), paused)
        self._show_help()
        self._find("#lifelines", LifelineBar).show(
            session.available_lifelines(),
            session.lifelines_used,
            typing=self.typing,
            paused=paused,
        )
        if session.hidden_choices:
            self.answer.remove_choices(session.hidden_choices)

    def _show_help(self) -> None:
        """The box under the answer area, on a question: how to answer, the hint, a message."""
        lines = [FeedbackLine("help", safetext.literal(type_help(self.round)), "muted")]
        if self.session.hint:
            hint = safetext.assemble(("Hint: ", "bold"), self.session.hint)
            lines.append(FeedbackLine("hint", hint, "warning"))
        if self._message:
            lines.append(FeedbackLine("message", safetext.literal(self._message), "warning"))
        self._find("#feedback", FeedbackView).show(lines, spaced=False)

    def say(self, message: str) -> None:
        """A message under the answer area (our own words, not pack text)."""
        self._message = message
        if not self.feedback_shown:
            self._show_help()

    def tick(self) -> None:
        """Ask the session whether the clock ran out; otherwise redraw the countdown."""
        if self._handed_over:
            return
        record = self.session.tick()
        if record is not None:
            self._hand_over(Answered(self.session, record))
        elif self.session.finished:
            self._hand_over(SessionOver(self.session))
        else:
            for countdown in self._countdowns:
                countdown.refresh_time()

    def _hand_over(self, message: Answered | SessionOver) -> None:
        """The round is over here: the app shows what comes next. The feedback on an answer is
        shown at once, and `Answered` goes to the app after the frame that shows it (the app's
        call to `show_feedback` then finds it shown): waiting for the message to reach the app
        and come back would put the feedback off by two message queues."""
        self._handed_over = True
        if isinstance(message, Answered):
            self.show_feedback(message.record)
            # After the frame (drawn by now) has gone out: handling it first would hold the
            # frame back by its round trip, and the score write it brings, just after, would
            # hold back the writer thread that puts the frame on the terminal (it needs the GIL).
            self.set_timer(ANSWERED_AFTER_SECONDS, partial(self.post_message, message))
        else:
            self.post_message(message)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Next only on the feedback; the answer keys only on a question (the number keys
        only where no text box types them)."""
        if action == "next":
            return self.feedback_shown
        if action == "pick":
            return not self.feedback_shown and not self.typing
        if action in QUESTION_ACTIONS:
            return not self.feedback_shown
        return True

    # --- answering -----------------------------------------------------------------------------

    def submit(self, given: Any) -> None:
        """Give `given` to the session as the answer and show the feedback."""
        if self._handed_over:
            return
        try:
            record = self.session.answer(given)
        except SessionError as exc:
            if self.session.finished:  # blitz: the clock ran out just now
                self._hand_over(SessionOver(self.session))
            else:
                self.say(str(exc))
            return
        self._hand_over(Answered(self.session, record))

    def take_answer(self, message: AnswerMessage) -> None:
        """The answer widget's answer (or answer in progress), handed over as it is given: a
        digit's answer is then handled in the key's own turn, and an Enter right after it finds
        the feedback shown (`AnswerWidget.answers_to`)."""
        if isinstance(message, AnswerGiven):
            self._given(message)
        elif isinstance(message, AnswerKept):
            self._kept(message)

    @on(AnswerGiven)
    def _given(self, event: AnswerGiven) -> None:
        """The widget's answer: refused with a word (no text, not a number, pairs missing), or
        given to the session as the type reads it."""
        event.stop()
        area = ANSWER_AREAS[self.question_type]
        refused = area.refuse(self.round, event.value)
        if refused:
            self.say(refused)
            return
        self.submit(area.given(self.round, event.value))

    @on(AnswerKept)
    def _kept(self, event: AnswerKept) -> None:
        """An answer in progress: the session judges it if the time runs out first."""
        event.stop()
        if not self._handed_over and self.session.awaiting_answer and not self.session.paused:
            self.session.keep(ANSWER_AREAS[self.question_type].given(self.round, event.value))

    def action_pick(self, number: int) -> None:
        if self.session.paused or self._handed_over:
            return
        self.answer.pick(number)

    # --- lifelines, pause, leaving -------------------------------------------------------------

    def action_lifeline(self, name: str) -> None:
        if self._handed_over:
            return
        lifeline = Lifeline(name)
        try:
            record = self.session.use_lifeline(lifeline)
        except SessionError as exc:
            self.say(str(exc).capitalize() + ".")
            return
        if record is not None:  # a skip
            self._hand_over(Answered(self.session, record))
            return
        self.say("")
        self._show()

    def action_pause(self) -> None:
        if self._handed_over:
            return
        if self.session.paused:
            self.session.resume()
            self._show()
            self.answer.focus()
        else:
            self.session.pause()
            self._show()

    @on(Button.Pressed, "#submit")
    def _submit_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.answer.submit()

    def action_leave(self) -> None:
        self.post_message(LeaveSession(self.session))
