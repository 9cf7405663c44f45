"""A question: the prompt, an answer area made for its type, and the session's state around it."""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Footer, Static

from quizgame.core.packs.model import QuestionType
from quizgame.core.play.dealing import Round
from quizgame.core.play.modes import Lifeline
from quizgame.core.play.session import Session, SessionError
from quizgame.tui import safetext
from quizgame.tui.navigation import Answered, LeaveSession, SessionOver, SessionScreen
from quizgame.tui.widgets.answering import AnswerGiven, AnswerKept, AnswerWidget
from quizgame.tui.widgets.answers import ANSWER_AREAS
from quizgame.tui.widgets.countdown import CountdownBar
from quizgame.tui.widgets.lifelines import LifelineBar
from quizgame.tui.widgets.status import StatusBar

TICK_SECONDS = 0.1  # how often a timed question asks the session whether time ran out


def type_help(round_: Round) -> str:
    """How to answer this round's question, with the number keys it really has."""
    return ANSWER_AREAS[round_.question.type].help(round_)


def answer_widget(session: Session) -> AnswerWidget:
    """The answer area for the current round's question type."""
    round_ = session.current
    assert round_ is not None
    return ANSWER_AREAS[round_.question.type].make(session, round_)


class PromptBox(VerticalScroll, can_focus=False):
    """The question's text; scrolls with the mouse but never takes the focus from the answer."""


class QuestionScreen(SessionScreen):
    """Shows the session's current round and reports the player's answer to the session;
    posts `Answered` with its record (or `SessionOver`) for the app to go on."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)),
        Binding("f,f4", "lifeline('fifty_fifty')", "50:50", show=False),
        Binding("s,f3", "lifeline('skip')", "Skip", show=False),
        Binding("h,f2", "lifeline('hint')", "Hint", show=False),
        Binding("p,f5", "pause", "Pause", show=False),
        Binding("escape", "leave", "Leave session"),
        Binding("q", "app.quit", "Quit"),
    ]

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session
        round_ = session.current
        assert round_ is not None, "a finished session has no question to show"
        self.round = round_
        self.answer = answer_widget(session)  # composed in the answer area
        self._handed_over = False  # the answer went to the app; ignore late ticks and keys

    @property
    def question_type(self) -> QuestionType:
        return self.round.question.type

    @property
    def typing(self) -> bool:
        return ANSWER_AREAS[self.question_type].typing

    def compose(self) -> ComposeResult:
        yield StatusBar(self.session, id="status")
        if self.session.time_left() is not None:
            label = "left in the session" if self.session.mode.session_clock else "left"
            yield CountdownBar(self.session, label=label, id="countdown")
        question = self.round.question
        with Center(classes="column-center"), Vertical(classes="column"):
            with PromptBox(id="question-box"):
                yield Static(self._meta(), id="question-meta")
                yield Static(safetext.literal(question.prompt), id="prompt")
                if question.unit:  # numeric questions only
                    yield Static(
                        safetext.assemble(("Answer in ", "italic"), (question.unit, "bold")),
                        id="unit",
                    )
            with Vertical(id="answer-area"):
                yield self.answer
            with Horizontal(id="answer-bar"):
                if ANSWER_AREAS[question.type].button:
                    yield Button("Answer", id="submit", variant="primary", compact=True)
                yield Static(type_help(self.round), id="answer-help", markup=False)
            yield Static(id="hint")
            yield Static(id="message")
            yield Static(
                "Paused: the clock is stopped and the question hidden. Press p (or F5) to resume.",
                id="paused",
                markup=False,
            )
        yield LifelineBar(id="lifelines")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.answer.focus()
        self._show()
        if self.session.time_left() is not None:
            self.set_interval(TICK_SECONDS, self.tick)

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
        self.query_one(StatusBar).show()
        for countdown in self.query(CountdownBar):
            countdown.refresh_time()
        paused = session.paused
        for selector in ("#question-box", "#answer-area", "#answer-bar", "#hint"):
            self.query_one(selector).display = not paused
        self.query_one("#paused").display = paused
        hint = self.query_one("#hint", Static)
        hint.update(safetext.assemble(("Hint: ", "bold"), session.hint) if session.hint else "")
        hint.display = bool(session.hint) and not paused
        self.query_one(LifelineBar).show(
            session.available_lifelines(),
            session.lifelines_used,
            typing=self.typing,
            paused=paused,
        )
        if session.hidden_choices:
            self.answer.remove_choices(session.hidden_choices)

    def say(self, message: str) -> None:
        """A one-line message under the answer area (our own words, not pack text)."""
        self.query_one("#message", Static).update(safetext.literal(message))

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
            for countdown in self.query(CountdownBar):
                countdown.refresh_time()

    def _hand_over(self, message: Answered | SessionOver) -> None:
        """The round is over here: the app shows what comes next."""
        self._handed_over = True
        self.post_message(message)

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
        if self.session.paused:
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

    @on(Button.Pressed, "#lifelines Button")
    def _lifeline_button(self, event: Button.Pressed) -> None:
        event.stop()
        button_id = event.button.id or ""
        if button_id == "pause":
            self.action_pause()
        elif button_id.startswith("lifeline-"):
            self.action_lifeline(button_id.removeprefix("lifeline-"))

    def action_leave(self) -> None:
        self.post_message(LeaveSession(self.session))
