"""PlayerApp: a player's terminal (or browser tab, through textual-serve) in a party game.

It joins through a `PartyClient` (`quizgame.net.client`), then shows what the host says: the
lobby, each question (`PlayerQuestionScreen`), a word after answering, the round's result with
the player's points and rank, and the podium. A dropped connection is rejoined with the token,
keeping the score. The host decides everything; this app only shows and sends.
"""

from __future__ import annotations

import asyncio
import time

from textual import on, work
from textual.content import Content
from textual.screen import Screen

from quizgame.core.party.messages import (
    Ack,
    Bye,
    Error,
    HostMessage,
    Lobby,
    Over,
    Paused,
    Question,
    Reveal,
    Welcome,
)
from quizgame.net.client import JoinRefused, PartyClient
from quizgame.tui import safetext
from quizgame.tui.party_base import PartyApp
from quizgame.tui.screens.party_board import PodiumScreen, split_bars, standings_table
from quizgame.tui.screens.party_player import (
    Clock,
    NameChosen,
    NameScreen,
    PartyAnswer,
    PlayerQuestionScreen,
    WordsScreen,
)

REJOIN_TRIES = 5
REJOIN_WAIT = 1.0  # seconds between tries
VERDICTS = {
    "correct": ("✓ Right!", "bold $text-success"),
    "partial": ("◐ Partly right", "bold $text-warning"),
    "wrong": ("✗ Wrong", "bold $text-error"),
    "timed_out": ("⌛ No answer in time", "bold $text-error"),
}
BYES = {
    "kicked": "The host removed you from the game.",
    "ended": "The host closed the room.",
    "replaced": "You joined from somewhere else; this screen has left.",
}


class PlayerApp(PartyApp):
    """One player. Without a name in `client`, it asks for one first."""

    def __init__(
        self,
        client: PartyClient,
        clock: Clock = time.monotonic,
        *,
        leave_when_unreachable: bool = False,
    ) -> None:
        super().__init__()
        self.client = client
        # `quizgame join` in a terminal: a host that cannot be reached ends the app, and
        # `failure` is the one line it prints; a browser page keeps the words on screen.
        self.leave_when_unreachable = leave_when_unreachable
        self.failure: str | None = None
        self.clock = clock
        self.words = WordsScreen(Content(""), Content(""))
        self.install_screen(self.words, "words")
        self.finished = False  # the podium or a goodbye: no rejoining

    def on_mount(self) -> None:
        if self.client.name:
            self.push_screen(self.words)
            self.say("Joining…", f"the room at {self.client.url}")
            self.join()
        else:
            self.push_screen(NameScreen(self.client.url))

    @on(NameChosen)
    def _name_chosen(self, event: NameChosen) -> None:
        self.client.name = event.name
        self.switch_screen(self.words)
        self.say("Joining…", f"the room at {self.client.url}")
        self.join()

    # --- the connection ------------------------------------------------------------------------

    @work(exclusive=True, group="connection")
    async def join(self) -> None:
        """Join, then show every message the host sends until the game ends."""
        try:
            welcome = await self.client.join()
        except JoinRefused as exc:
            self.say("Could not join", str(exc))
            self.finished = True
            return
        except (OSError, TimeoutError) as exc:
            self.finished = True
            if self.leave_when_unreachable:
                self.failure = self.client.unreachable(exc)
                self.exit(return_code=1)
            else:
                self.say("Could not reach the host", self.client.unreachable(exc))
            return
        self.welcomed(welcome)
        while True:
            message = await self.client.messages.get()
            if message is None:
                if self.finished or not await self._rejoin():
                    return
                continue
            self.handle(message)

    async def _rejoin(self) -> bool:
        for attempt in range(1, REJOIN_TRIES + 1):
            self.say("Connection lost", f"rejoining (try {attempt} of {REJOIN_TRIES})…")
            await asyncio.sleep(REJOIN_WAIT)
            try:
                self.welcomed(await self.client.rejoin())
                return True
            except JoinRefused as exc:
                self.say("Could not rejoin", str(exc))
                return False
            except (OSError, TimeoutError):
                continue
        self.say("Connection lost", "the host cannot be reached.")
        return False

    @on(PartyAnswer)
    async def _answer(self, event: PartyAnswer) -> None:
        try:
            await self.client.answer(event.number, event.given)
        except Exception:  # the connection dropped: the reader notices and rejoins
            self.notify("Not sent: the connection dropped.", severity="error")

    # --- what the host says ----------------------------------------------------------------------

    def welcomed(self, welcome: Welcome) -> None:
        self.say(
            f"You are in as {welcome.name}",
            f"{welcome.pack}: {welcome.total} questions. Waiting for the host to start…",
        )

    def handle(self, message: HostMessage) -> None:
        """Show one message from the host."""
        if isinstance(message, Lobby):
            if isinstance(self.screen, WordsScreen):
                names = ", ".join(safetext.clean_line(n) for n in message.players)
                more = message.count - len(message.players)
                names += f" and {more} more" if more > 0 else ""
                self.say(f"You are in as {self.client.name}", f"In the room: {names}")
        elif isinstance(message, Question):
            try:
                screen: Screen[None] = PlayerQuestionScreen(message, self.clock)
            except ValueError:
                self.say("A question this version cannot show", "it counts as unanswered.")
                return
            self._show(screen)
        elif isinstance(message, Ack):
            self.say("Answer in", f"after {message.seconds:.1f} s. Waiting for the others…")
        elif isinstance(message, Paused):
            if isinstance(self.screen, PlayerQuestionScreen):
                self.screen.set_paused(message.paused)
        elif isinstance(message, Reveal):
            self.say_content(*reveal_words(message))
        elif isinstance(message, Over):
            self.finished = True
            you = message.you
            note = f"You played as {self.client.name}" + (
                f": #{you.rank} of {message.count}, {you.score:,} points." if you else "."
            )
            self._show(PodiumScreen(message.standings, note=note))
        elif isinstance(message, Error):
            if isinstance(self.screen, PlayerQuestionScreen):
                self.screen.say(message.message)
            else:
                self.notify(safetext.clean_line(message.message), severity="warning")
        elif isinstance(message, Bye):
            if message.reason == "ended" and isinstance(self.screen, PodiumScreen):
                return  # the host closed the room after the game: the podium stays
            self.finished = True
            self.say("Goodbye", BYES.get(message.reason, message.reason))

    def _show(self, screen: Screen[None]) -> None:
        self.switch_screen(screen)

    def say(self, title: str, body: str) -> None:
        """Show a page of our words (names in them are cleaned and shown literally)."""
        self.say_content(Content.styled(safetext.clean_line(title), "bold"), safetext.literal(body))

    def say_content(self, title: Content, body: Content) -> None:
        self.words.show(title, body)
        if self.screen is not self.words:
            self.switch_screen(self.words)


def reveal_words(message: Reveal) -> tuple[Content, Content]:
    """The round's result for one player: the verdict, points, score, rank and the top five."""
    verdict, style = VERDICTS.get(message.verdict, (message.verdict, "bold"))
    body = Content("\n").join(
        [
            safetext.assemble(("The answer: ", "bold"), safetext.line(message.answer)),
            Content.from_markup(
                "+$points points  ·  score [b]$score[/b]  ·  rank [b]$rank[/b]",
                points=message.points,
                score=f"{message.score:,}",
                rank=message.rank,
            ),
            Content(""),
            split_bars(message.split, width=20),
            Content(""),
            standings_table(message.top, moves=True),
        ]
    )
    return Content.styled(verdict, style), body
