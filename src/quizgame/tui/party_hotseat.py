"""HotSeatApp: a party game on one keyboard. Each question goes to the players in turn: a "pass
the keyboard" page, the question (its clock starts when that player presses Enter), then the
next player; after the last one, the answer, the split and the scoreboard; at the end, the
podium. The rules are the room's (`quizgame.core.party.room`), as in a hosted game.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.binding import Binding, BindingType
from textual.content import Content

from quizgame.core.party.players import RoomError
from quizgame.core.party.room import Phase, Room
from quizgame.tui import safetext
from quizgame.tui.party_base import PartyApp
from quizgame.tui.screens.party_board import PodiumScreen, split_bars, standings_table
from quizgame.tui.screens.party_player import (
    Clock,
    PartyAnswer,
    PlayerQuestionScreen,
    WordsScreen,
)

TICK_SECONDS = 0.1


class HotSeatApp(PartyApp):
    """Plays `room` with its players (joined already) taking turns on this keyboard."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("enter", "go_on", "Go on")]

    def __init__(self, room: Room, clock: Clock) -> None:
        super().__init__()
        self.room = room
        self.clock = clock
        self.turn = 0  # index into the players of the current question
        self._stage = "pass"  # pass (waiting for the next player), question, board, over
        self.words = WordsScreen(Content(""), Content(""))
        self.install_screen(self.words, "words")

    @property
    def stage(self) -> str:
        return self._stage

    @stage.setter
    def stage(self, stage: str) -> None:
        self._stage = stage
        self.refresh_bindings()  # Enter's "Go on" is shown at some stages only

    @property
    def players(self) -> list[int]:
        return [p.id for p in self.room.active()]

    def on_mount(self) -> None:
        self.room.start()
        self.push_screen("words")
        self._pass()
        self.set_interval(TICK_SECONDS, self._tick)

    def _pass(self) -> None:
        """Ask for the keyboard to go to the player whose turn it is."""
        self.stage = "pass"
        player = self.room.players[self.players[self.turn]]
        round_ = self.room.current
        self._words(
            safetext.assemble(
                (f"Question {round_.number} of {self.room.total}: ", "bold"),
                (player.name, "bold $accent"),
            ),
            safetext.assemble(
                "Hand the keyboard to ",
                (player.name, "bold"),
                ". Press Enter to see the question; the clock starts then.",
            ),
        )

    def _words(self, title: Content, body: Content) -> None:
        self.words.show(title, body)
        if self.screen is not self.words:
            self.switch_screen("words")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Enter goes on from the "pass the keyboard" page and the board; during a question it
        # is the answer's, and the podium has nowhere to go on to (q leaves): not offered there.
        if action == "go_on":
            return self.stage in ("pass", "board")
        return True

    def action_go_on(self) -> None:
        if self.stage == "pass":
            self.stage = "question"
            self.room.restart_clock_for(self.players[self.turn])
            self.switch_screen(PlayerQuestionScreen(self.room.question_message(), self.clock))
        elif self.stage == "board":
            if self.room.advance() is None:
                self.stage = "over"
                self.switch_screen(PodiumScreen(self.room.standings()))
            else:
                self.turn = 0
                self._pass()

    @on(PartyAnswer)
    def _answered(self, event: PartyAnswer) -> None:
        try:
            self.room.answer(self.players[self.turn], event.number, event.given)
        except RoomError as exc:  # too late: it counts as no answer
            self.notify(str(exc), severity="warning")
        self._next_turn()

    def _tick(self) -> None:
        if self.stage == "question" and self.room.time_left() == 0.0:
            self.notify("Time is up.", severity="warning")
            self._next_turn()

    def _next_turn(self) -> None:
        self.turn += 1
        if self.turn < len(self.players):
            self._pass()
            return
        self.room.close_question()
        self.stage = "board"
        assert self.room.phase is Phase.REVEAL
        self._words(
            safetext.assemble(
                ("Answer: ", "bold"), (self.room.answer_text(), "bold $text-success")
            ),
            Content("\n").join(
                [
                    split_bars(self.room.split(), width=20),
                    Content(""),
                    standings_table(self.room.standings(), moves=True),
                    Content(""),
                    Content.styled("Press Enter for the next question.", "$text-muted"),
                ]
            ),
        )
