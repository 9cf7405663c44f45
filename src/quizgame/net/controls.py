"""The host's controls of a `PartyServer`: start, advance, skip, pause, kick, end, and its clock
(`tick`).

Each writes to the score history through the room (a question opened, the time-outs of one
closed, the podium). A history that cannot follow (`StoreError`: a full disk, a locked file)
never stops the game nor reaches the host's screen: it is logged, and the players are shown
where the room got to (the room changes its state before it writes).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from quizgame.core.party.room import Phase, Room
from quizgame.core.scores.database import StoreError

log = logging.getLogger("quizgame.net.server")


class HostControls:
    """What the host's screen calls. `PartyServer` is built on it and sends the frames."""

    # Set, and the frames sent, by `PartyServer`.
    room: Room
    changed: Callable[[], None]

    def _ask(self) -> None:
        raise NotImplementedError

    def _reveal(self) -> None:
        raise NotImplementedError

    def _over(self) -> None:
        raise NotImplementedError

    # --- the controls ------------------------------------------------------------------------

    def tick(self) -> bool:
        """Reveal the open question if its time ran out or everyone answered; True if it did."""
        was_open = self.room.phase is Phase.QUESTION
        with self._followed("closing the question"):
            if self.room.tick():
                self._reveal()
        return was_open and self.room.phase is Phase.REVEAL

    def start_game(self) -> None:
        """The first question (raises `RoomError` once the game has started)."""
        with self._followed("opening the first question"):
            self.room.start()
            self._ask()

    def advance(self) -> None:
        """After a reveal: the next question, or the podium."""
        with self._followed("moving on"):
            if self.room.advance() is None:
                self._over()
            else:
                self._ask()

    def skip(self) -> None:
        """Close the open question now (answers in so far count)."""
        if self.room.phase is Phase.QUESTION:
            with self._followed("skipping the question"):
                self.room.close_question()
                self._reveal()

    def end(self) -> None:
        """End the game now: the podium."""
        with self._followed("ending the game"):
            self.room.end()
            self._over()

    # --- a history that cannot follow ----------------------------------------------------------

    @contextmanager
    def _followed(self, doing: str) -> Iterator[None]:
        """Run a control; on a `StoreError` from the score history, log it and show the players
        the room as it is now (a question opened, revealed, or the podium), as the control would
        have."""
        room = self.room
        phase, number = room.phase, room.current.number
        try:
            yield
        except StoreError as exc:
            log.error("%s: the score history could not follow: %s", doing, exc)
            if room.phase is Phase.OVER and phase is not Phase.OVER:
                self._over()
            elif room.phase is Phase.QUESTION and (
                phase is not Phase.QUESTION or room.current.number != number
            ):
                self._ask()
            elif room.phase is Phase.REVEAL and phase is not Phase.REVEAL:
                self._reveal()
            else:
                self.changed()
