"""The player's screens in a party game: the name to join with, a question from the host, and
a page of words between questions (in the room, answer in, the round's result).

The question screen takes the host's `Question` message, builds the same answer area as solo
play (`widgets/answers.py`) and posts `PartyAnswer` for the player app to send. Its countdown
runs on the player's own clock from the moment the question arrived; the host's clock decides.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, ClassVar, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Input, Static

from quizgame.core.packs.model import Question, QuestionType
from quizgame.core.party.messages import MAX_NAME
from quizgame.core.party.messages import Question as QuestionMessage
from quizgame.core.play.dealing import Round
from quizgame.core.play.session import Session
from quizgame.tui import safetext
from quizgame.tui.widgets.answering import AnswerGiven, AnswerWidget
from quizgame.tui.widgets.answers import ANSWER_AREAS, AnswerArea
from quizgame.tui.widgets.countdown import CountdownBar
from quizgame.tui.widgets.party_list import PartyListAnswer

Clock = Callable[[], float]
TICK_SECONDS = 0.1
SEND_BEFORE = 0.5  # seconds before the deadline a list round sends what was typed

# A list round: the client cannot judge, so it sends every text typed (the host judges them).
PARTY_LIST_AREA = AnswerArea(
    lambda session, r: PartyListAnswer([], id="answer"),
    lambda r: "Type one at a time, then Enter. Esc, F6 or Send sends them all.",
    typing=True,
)


class PartyAnswer(Message):
    """The player answered round `number` with `given` (as the protocol sends it)."""

    def __init__(self, number: int, given: Any) -> None:
        super().__init__()
        self.number = number
        self.given = given


class NameChosen(Message):
    def __init__(self, name: str) -> None:
        super().__init__()
        self.name = name


def round_of(message: QuestionMessage) -> Round:
    """The host's question as a round the answer areas can show (ValueError: unknown type)."""
    question = Question(
        id=f"round-{message.round}",
        type=QuestionType(message.kind),
        prompt=message.text,
        choices=tuple(message.choices),
        items=tuple(message.items),
    )
    return Round(
        message.round,
        question,
        choices=tuple(message.choices),
        items=tuple(message.items),
        lefts=tuple(message.lefts),
        rights=tuple(message.rights),
    )


class _NoLifelines:
    hidden_choices: frozenset[str] = frozenset()  # party play has no 50:50


class _Countdown:
    """The question's time left on the player's clock (a `TimeSource` for `CountdownBar`)."""

    def __init__(self, limit: float, clock: Clock) -> None:
        self.limit = limit
        self.clock = clock
        self.start = clock()

    def time_left(self) -> float:
        return max(0.0, self.limit - (self.clock() - self.start))

    def time_fraction_left(self) -> float:
        return self.time_left() / self.limit if self.limit else 0.0


class NameScreen(Screen[None]):
    """Asks the name to join with (when `join` was given no `--name`, and in the browser)."""

    def __init__(self, where: str) -> None:
        super().__init__()
        self.where = where

    def compose(self) -> ComposeResult:
        with Center(classes="column-center"), Vertical(classes="column party-box"):
            yield Static(Content.styled("Join the quiz", "bold"), classes="party-title")
            yield Static(safetext.assemble("Host: ", self.where), id="party-where")
            yield Input(placeholder="Your name, then Enter", max_length=MAX_NAME, id="name")
            yield Static(id="message")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        name = safetext.clean_line(event.value)
        if name:
            self.post_message(NameChosen(name))
        else:
            self.query_one("#message", Static).update("Type a name first.")

    def say(self, text: str) -> None:
        self.query_one("#message", Static).update(safetext.literal(text))


class WordsScreen(Screen[None]):
    """A page between questions: a title and a few lines (the lobby, answer in, the result)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("q", "app.quit", "Leave")]

    def __init__(self, title: Content, body: Content) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with Center(classes="column-center"), Vertical(classes="column party-box"):
            yield Static(self.title_text, classes="party-title", id="party-title")
            yield Static(self.body, id="party-body")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        # Words said between composing and mounting (a join refused at once) are drawn now.
        self._draw()

    def show(self, title: Content, body: Content) -> None:
        self.title_text, self.body = title, body
        if self.is_mounted:
            self._draw()

    def _draw(self) -> None:
        self.query_one("#party-title", Static).update(self.title_text)
        self.query_one("#party-body", Static).update(self.body)


class PlayerQuestionScreen(Screen[None]):
    """The host's question with the answer area of its type and a countdown."""

    BINDINGS: ClassVar[list[BindingType]] = [
        *(Binding(str(n), f"pick({n})", show=False) for n in range(1, 10)),
        Binding("escape", "app.quit", "Leave"),
    ]

    def __init__(self, message: QuestionMessage, clock: Clock = time.monotonic) -> None:
        super().__init__()
        self.message = message
        self.round = round_of(message)
        self.listing = self.round.question.type is QuestionType.LIST
        self.area = PARTY_LIST_AREA if self.listing else ANSWER_AREAS[self.round.question.type]
        self.answer: AnswerWidget = (
            PartyListAnswer(message.blanks, id="answer")
            if self.listing
            else self.area.make(cast(Session, _NoLifelines()), self.round)
        )
        self.countdown = _Countdown(message.time_limit, clock)
        self.sent = message.answered
        self.paused = False

    def compose(self) -> ComposeResult:
        yield Static(
            Content.from_markup(
                "Question [b]$n[/b] of $total  ·  $points points",
                n=self.message.round,
                total=self.message.total,
                points=self.message.points,
            ),
            id="party-status",
        )
        yield CountdownBar(self.countdown, id="countdown")
        with Center(classes="column-center"), Vertical(classes="column"):
            yield Static(safetext.literal(self.message.text), id="prompt")
            with Vertical(id="answer-area"):
                yield self.answer
            with Horizontal(id="answer-bar"):
                if self.area.button:
                    label = "Send" if self.listing else "Answer"
                    yield Button(label, id="submit", variant="primary", compact=True)
                yield Static(self.area.help(self.round), id="answer-help", markup=False)
            yield Static(id="message")
        yield Footer(show_command_palette=False)

    def on_mount(self) -> None:
        self.answer.focus()
        if self.sent:
            self.say("You have answered this question; waiting for the others.")
        self.set_interval(TICK_SECONDS, self._tick)

    def _tick(self) -> None:
        self.query_one(CountdownBar).refresh_time()
        answer = self.answer
        if (
            isinstance(answer, PartyListAnswer)
            and answer.texts
            and not (self.sent or self.paused)
            and self.countdown.time_left() <= SEND_BEFORE
        ):
            answer.submit()  # the deadline sends what was typed

    def say(self, text: str) -> None:
        self.query_one("#message", Static).update(safetext.literal(text))

    def set_paused(self, paused: bool) -> None:
        self.paused = paused
        self.query_one("#answer-area").display = not paused
        self.say("Paused by the host." if paused else "")

    @on(AnswerGiven)
    def _given(self, event: AnswerGiven) -> None:
        event.stop()
        if self.sent or self.paused:
            return
        refused = self.area.refuse(self.round, event.value)
        if refused:
            self.say(refused.replace(" (or skip with F3)", ""))
            return
        self.sent = True
        self.say("Sent…")
        self.post_message(PartyAnswer(self.round.number, self.area.given(self.round, event.value)))

    @on(Button.Pressed, "#submit")
    def _submit_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.answer.submit()

    def action_pick(self, number: int) -> None:
        if not self.paused:
            self.answer.pick(number)
