"""How screens ask to go somewhere: the messages they post, and the kinds of screen the app
tells apart. Screens import this module, never the app.

A screen posts one of these messages; it bubbles up to the app, the one navigator, which
switches screens (see `QuizApp`). Which screen posts what:

    Home        StartSession, Remember, OpenStats, EditPack, NewPack
    Question    Answered (an answer, a skip or a time-out), SessionOver (blitz time ran out),
                LeaveSession; and, while it shows the feedback on an answer, NextRound
    Results     PlayAgain, ReplayMissed, LeaveSession
    Statistics  StartSession (practice)

and the app's own workers post `PacksListed` (the packs as the index lists them, when no pack
file changed), `PacksFound` and `LearningCounted` to the app, which hands them to Home (or
`PackReloaded`, after the editor, with only the pack that was edited).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.message import Message
from textual.screen import Screen

if TYPE_CHECKING:
    from quizgame.core.packs.model import Pack
    from quizgame.core.packs.read import LoadResult
    from quizgame.core.packs.summary import PackSummary
    from quizgame.core.play.dealing import SessionOptions
    from quizgame.core.play.results import AnswerRecord
    from quizgame.core.play.session import Session
    from quizgame.tui.prefs import HomeChoices


class SessionScreen(Screen[None]):
    """A screen of the session in play (its questions and feedback, then its results): the
    next one takes its place instead of going on top of it.

    A terminal of 40 rows or more gets the class `-tall`: the stylesheet then sizes the answer
    area to its content and puts the question in the middle, its bars beside it."""

    # Textual declares this without ClassVar, so mypy refuses one here.
    VERTICAL_BREAKPOINTS = [(0, "-short"), (40, "-tall")]  # noqa: RUF012


@runtime_checkable
class SessionOrigin(Protocol):
    """A screen a session can be started from (Home, Statistics): told when it is back on top."""

    def session_left(self) -> None:
        """The session started here has ended or was left; this screen shows again."""


@runtime_checkable
class KeepsChanges(Protocol):
    """A screen that may hold changes not saved yet (the pack editor, its question form)."""

    @property
    def unsaved_changes(self) -> bool:
        """Whether leaving now would lose something (quitting asks first)."""


# --- sessions --------------------------------------------------------------------------------


class StartSession(Message):
    """Play `pack` with `options` (the screen has checked them with `options_problem`)."""

    def __init__(self, pack: Pack, options: SessionOptions) -> None:
        super().__init__()
        self.pack = pack
        self.options = options


class SessionMessage(Message):
    """From a screen of `session`: the app acts on it only while that session is in play (a
    late tick or key from a screen on its way out is dropped)."""

    def __init__(self, session: Session) -> None:
        super().__init__()
        self.session = session


class Answered(SessionMessage):
    """The session recorded an answer, a skip or a time-out: show how it went."""

    def __init__(self, session: Session, record: AnswerRecord) -> None:
        super().__init__(session)
        self.record = record


class SessionOver(SessionMessage):
    """The session ended while a question was open (blitz: the clock ran out): the results."""


class NextRound(SessionMessage):
    """After feedback: the next question, or the results."""


class PlayAgain(SessionMessage):
    """The same pack and settings again (a new shuffle unless a seed was given)."""


class ReplayMissed(SessionMessage):
    """Only the questions missed in the session just played, same mode."""


class LeaveSession(SessionMessage):
    """Back where the session was started; a session still running is ended (asking first)."""


# --- Home ------------------------------------------------------------------------------------


class PacksListed(Message):
    """The packs as the summary index lists them (no pack file changed since it was written),
    before they are read: Home shows them at once, then the app reads them (`PacksFound`)."""

    def __init__(self, summaries: list[PackSummary]) -> None:
        super().__init__()
        self.summaries = summaries


class PacksFound(Message):
    """The look for packs is done: what it found, and a problem for the player if it failed."""

    def __init__(self, results: list[LoadResult], problem: str = "") -> None:
        super().__init__()
        self.results = results
        self.problem = problem


class LearningCounted(Message):
    """Learn mode's cards per pack id (due today, new today, studied), for Home."""

    def __init__(self, counts: Mapping[str, tuple[int, int, int]]) -> None:
        super().__init__()
        self.counts = dict(counts)


class Remember(Message):
    """Keep the Home choices for next time (the theme is the app's own)."""

    def __init__(self, choices: HomeChoices) -> None:
        super().__init__()
        self.choices = choices


class OpenStats(Message):
    """The score history, with the packs found now (by id) for prompts and practice."""

    def __init__(self, packs: Mapping[str, Pack]) -> None:
        super().__init__()
        self.packs = dict(packs)


class EditPack(Message):
    """Open the pack file at `path` in the editor; `taken_ids` are the packs' ids found now.
    `pack`, the pack as Home read it, lets the editor list its questions at once, while it
    reads the file for editing."""

    def __init__(self, path: Path, taken_ids: Iterable[str], pack: Pack | None = None) -> None:
        super().__init__()
        self.path = path
        self.taken_ids = tuple(taken_ids)
        self.pack = pack


class PackReloaded(Message):
    """The app read the one pack file at `path` again (after the editor): `result`, or None if
    reading it failed in a way only a new look for every pack can sort out."""

    def __init__(self, path: Path, result: LoadResult | None) -> None:
        super().__init__()
        self.path = path
        self.result = result


class NewPack(Message):
    """Make a new pack in the editor, with an id none of `taken_ids`."""

    def __init__(self, taken_ids: Iterable[str]) -> None:
        super().__init__()
        self.taken_ids = tuple(taken_ids)
