"""A hosted game's room: the players, the rounds, answers timed on the host's clock, standings.

Server-authoritative and plain Python. The host's process holds one `Room`; the network layer
(`quizgame.net`) turns players' frames into calls here and the room's views into frames. Every
answer is judged by `play.judging.check_answer` and scored by `play.scoring` as in challenge
mode (speed points and streak bonus), timed from the moment its question was sent. Time comes
from an injected clock (`() -> float`, seconds), so tests never sleep.

A game runs: LOBBY (players join) -> QUESTION (answers taken until every connected player has
answered or the clock runs out) -> REVEAL (the right answer, the split, the top five) -> the next
QUESTION ... -> OVER (the podium). The host may pause, skip, kick and end at any time.
"""

from __future__ import annotations

import random
import secrets
import time
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Any, Protocol

from quizgame.core.packs.model import Pack
from quizgame.core.party import views
from quizgame.core.party.answers import answer_problem, right_answer_text, verdict_word
from quizgame.core.party.messages import MAX_NAME, Question, SplitRow, Standing
from quizgame.core.party.players import (
    Player,
    PlayerAnswer,
    RoomError,
    clean_name,
    new_pin,
)
from quizgame.core.play.dealing import (
    NO_MATCHING_QUESTIONS,
    Round,
    SessionOptions,
    describe_given,
    make_round,
    select_questions,
)
from quizgame.core.play.judging import check_answer
from quizgame.core.play.modes import DEFAULT_TIME_LIMIT
from quizgame.core.play.scoring import answer_points, streak_bonus

Clock = Callable[[], float]


class Phase(StrEnum):
    LOBBY = "lobby"
    QUESTION = "question"
    REVEAL = "reveal"
    OVER = "over"


class RoomLog(Protocol):
    """What the room tells the score history as it happens (`party.log.PartyLog`).

    `answered` may keep an answer until `flush` (or the log's next write), so that a burst of
    answers is one commit; the room flushes at once unless told not to (`Room.answer`)."""

    def player_joined(self, player: Player) -> None: ...
    def round_opened(self, number: int) -> None: ...
    def answered(self, player: Player, answer: PlayerAnswer) -> None: ...
    def flush(self) -> None: ...
    def timed_out(self, records: list[tuple[Player, PlayerAnswer]]) -> None: ...
    def game_over(self, standings: list[Standing]) -> None: ...


class Room:
    """One hosted game. See the module docstring for its course."""

    def __init__(
        self,
        pack: Pack,
        options: SessionOptions | None = None,
        *,
        clock: Clock = time.monotonic,
        pin: str | None = None,
        log: RoomLog | None = None,
    ) -> None:
        self.pack = pack
        self.options = options or SessionOptions()
        self.seed = self.options.seed if self.options.seed is not None else random.randrange(2**31)
        rng = random.Random(self.seed)
        questions = select_questions(pack, self.options, rng)
        if not questions:
            raise RoomError("no_questions", NO_MATCHING_QUESTIONS)
        self.rounds: tuple[Round, ...] = tuple(
            make_round(i + 1, q, rng) for i, q in enumerate(questions)
        )
        self.pin = pin or new_pin()
        self.log = log
        self.phase = Phase.LOBBY
        self.players: dict[int, Player] = {}
        self._by_token: dict[str, Player] = {}
        self._next_id = 1
        self._index = 0
        self._clock = clock
        self._asked_at = 0.0
        self._paused_at: float | None = None
        self._paused_total = 0.0
        self._names: set[str] = set()  # casefolded names taken
        self._online: set[int] = set()  # connected players still in the game
        self._waiting: set[int] = set()  # ... who have not answered the open question
        self._answered_now = 0

    # --- state -------------------------------------------------------------------------------

    @property
    def total(self) -> int:
        return len(self.rounds)

    @property
    def current(self) -> Round:
        """The round being asked, or shown as revealed (the last one once over)."""
        return self.rounds[min(self._index, self.total - 1)]

    @property
    def paused(self) -> bool:
        return self._paused_at is not None

    def active(self) -> list[Player]:
        """Players still in the game (kicked ones are out), in joining order."""
        return [p for p in self.players.values() if not p.kicked]

    def time_limit(self, round_: Round | None = None) -> float:
        """Seconds to answer a round: `--time-limit`, else the question's own, else the default."""
        question = (round_ or self.current).question
        return self.options.time_limit or question.time_limit or DEFAULT_TIME_LIMIT

    def elapsed(self) -> float:
        """Seconds the current question has been open, pauses excluded."""
        now = self._paused_at if self._paused_at is not None else self._clock()
        return max(0.0, now - self._asked_at - self._paused_total)

    def time_left(self) -> float:
        return max(0.0, self.time_limit() - self.elapsed()) if self.phase is Phase.QUESTION else 0.0

    def time_fraction_left(self) -> float:
        """0..1 of the open question's clock left, for a draining bar."""
        return self.time_left() / self.time_limit()

    def answered_count(self) -> int:
        """Players who have answered the open question."""
        return self._answered_now

    def everyone_answered(self) -> bool:
        """Every connected player has answered the open question (and at least one is here).

        Kept up as players answer, come and go: a thousand answers cost a thousand steps, not a
        million."""
        return bool(self._online) and not self._waiting

    # --- joining -----------------------------------------------------------------------------

    def join(self, pin: str, name: str, token: str | None = None) -> tuple[Player, bool]:
        """Let a player in; returns the player and whether it is a rejoin (by `token`).

        Raises `RoomError`: bad_pin, bad_token, kicked, bad_name, over.
        """
        if not secrets.compare_digest(pin, self.pin):
            raise RoomError("bad_pin", "wrong PIN")
        if token is not None:
            player = self._by_token.get(token)
            if player is None:
                raise RoomError("bad_token", "no player in this room has that rejoin token")
            if player.kicked:
                raise RoomError("kicked", "the host removed you from this game")
            self._connect(player)
            return player, True
        if self.phase is Phase.OVER:
            raise RoomError("over", "this game is over")
        player = Player(self._next_id, self._unique(clean_name(name)), secrets.token_urlsafe(16))
        self._add(player)
        self._connect(player)
        if self.log is not None:
            self.log.player_joined(player)
        return player, False

    def _add(self, player: Player) -> None:
        self.players[player.id] = player
        self._by_token[player.token] = player
        self._names.add(player.name.casefold())
        self._next_id = max(self._next_id, player.id + 1)

    def _connect(self, player: Player) -> None:
        player.connected = True
        self._online.add(player.id)
        if self.phase is Phase.QUESTION and self.current.number not in player.answers:
            self._waiting.add(player.id)

    def _unique(self, name: str) -> str:
        taken = self._names
        if name.casefold() not in taken:
            return name
        n = 2
        while True:
            suffix = f" {n}"
            candidate = name[: MAX_NAME - len(suffix)] + suffix
            if candidate.casefold() not in taken:
                return candidate
            n += 1

    def disconnect(self, player_id: int) -> None:
        """The player's connection dropped; they may rejoin with their token."""
        if player_id in self.players:
            self.players[player_id].connected = False
            self._online.discard(player_id)
            self._waiting.discard(player_id)

    def kick(self, player_id: int) -> Player | None:
        """Remove a player from the game for good (their token no longer works)."""
        player = self.players.get(player_id)
        if player is not None:
            player.kicked = True
            self.disconnect(player_id)
        return player

    # --- the host's controls -----------------------------------------------------------------

    def start(self) -> Round:
        """Ask the first question (or, in a resumed game, ask the interrupted one again)."""
        if self.phase is not Phase.LOBBY:
            raise RoomError("not_lobby", "the game has started already")
        return self._open()

    def _open(self) -> Round:
        self.phase = Phase.QUESTION
        number = self.current.number
        here = [p for p in self.active() if p.connected]
        self._waiting = {p.id for p in here if number not in p.answers}
        self._answered_now = sum(1 for p in self.active() if number in p.answers)
        self._asked_at = self._clock()
        self._paused_total = 0.0
        self._paused_at = None
        if self.log is not None:
            self.log.round_opened(self.current.number)
        return self.current

    def restart_clock_for(self, player_id: int) -> None:
        """Hot-seat: the question is shown to this player now (their time counts from here)."""
        self._asked_at = self._clock()
        self._paused_total = 0.0

    def pause(self) -> None:
        if self.phase is Phase.QUESTION and self._paused_at is None:
            self._paused_at = self._clock()

    def resume(self) -> None:
        if self._paused_at is not None:
            self._paused_total += self._clock() - self._paused_at
            self._paused_at = None

    def tick(self) -> bool:
        """Close the open question if its clock ran out or everyone answered; True if it closed."""
        if self.phase is not Phase.QUESTION or self.paused:
            return False
        if self.elapsed() >= self.time_limit() or self.everyone_answered():
            self.close_question()
            return True
        return False

    def close_question(self) -> None:
        """End the open question (time up, everyone in, or the host skips): ranks are updated;
        players who gave no answer get a timed-out record."""
        if self.phase is not Phase.QUESTION:
            return
        self.resume()
        round_ = self.current
        unanswered: list[tuple[Player, PlayerAnswer]] = []
        for player in self.active():
            if round_.number not in player.answers:
                missed = PlayerAnswer(
                    round_.number, round_.question.id, None, "(no answer)", "timed_out", 0.0, 0, 0.0
                )
                player.apply(missed, round_.question.points)
                unanswered.append((player, missed))
        self._rank()
        self.phase = Phase.REVEAL  # before the write: a history that cannot follow stops no game
        if self.log is not None and unanswered:
            self.log.timed_out(unanswered)  # all in one write, not one per player

    def advance(self) -> Round | None:
        """After a reveal: ask the next question, or end the game (None)."""
        if self.phase is Phase.QUESTION:
            self.close_question()
        if self.phase is not Phase.REVEAL:
            raise RoomError("not_reveal", "no question has been revealed")
        if self._index + 1 >= self.total:
            self.end()
            return None
        self._index += 1
        return self._open()

    def end(self) -> None:
        """End the game now: the podium."""
        if self.phase is Phase.OVER:
            return
        try:
            if self.phase is Phase.QUESTION:
                self.close_question()
        finally:  # over even if the history could not take the last question's time-outs
            self._rank()
            self.phase = Phase.OVER
        if self.log is not None:
            self.log.game_over(self.standings())

    # --- answering ---------------------------------------------------------------------------

    def answer(
        self, player_id: int, number: int, given: Any, *, log_now: bool = True
    ) -> PlayerAnswer:
        """Judge, score and keep a player's answer to round `number`; with `log_now` False the
        score history gets it at the next `flush_log` (the host's server writes the answers of
        one turn of its loop together, before it acknowledges them).

        Raises `RoomError`: not_open (no question open, or another round), paused, already
        (one answer per player per question), too_late (after the deadline), bad_answer (not
        an answer this question can take).
        """
        player = self.players[player_id]
        round_ = self.current
        if self.phase is not Phase.QUESTION or number != round_.number:
            raise RoomError("not_open", f"round {number} is not open for answers")
        if self.paused:
            raise RoomError("paused", "the game is paused")
        if number in player.answers:
            raise RoomError("already", "you have answered this question")
        taken = self.elapsed()
        limit = self.time_limit()
        if taken > limit:
            raise RoomError("too_late", f"the time ({limit:g} s) has run out")
        problem = answer_problem(round_, given)
        if problem:
            raise RoomError("bad_answer", problem)
        question = round_.question
        verdict = check_answer(question, given)
        points = answer_points(question.points, verdict.credit, taken, limit)
        if verdict.correct:
            points += streak_bonus(question.points, player.streak + 1)
        record = PlayerAnswer(
            number,
            question.id,
            given,
            describe_given(question, given),
            verdict_word(verdict),
            verdict.credit,
            points,
            round(taken, 3),
        )
        player.apply(record, question.points)
        self._waiting.discard(player_id)
        self._answered_now += 1
        if self.log is not None:
            self.log.answered(player, record)
            if log_now:
                self.log.flush()
        return record

    def flush_log(self) -> None:
        """Write the answers taken with `log_now=False` to the score history (one commit)."""
        if self.log is not None:
            self.log.flush()

    # --- views -------------------------------------------------------------------------------

    def _rank(self) -> None:
        views.rerank(self.active())

    def standings(self, limit: int | None = None) -> list[Standing]:
        """Players best first: score, then right answers, then who joined first."""
        return views.standings(self.active(), limit)

    def question_message(self, player: Player | None = None) -> Question:
        """The open question as the protocol sends it: to everyone (the full time limit), or
        to one (re)joining `player` (the time left, and whether they have answered)."""
        time_limit = self.time_left() if player is not None else self.time_limit()
        return views.question_message(self.current, self.total, time_limit, player)

    def split(self) -> list[SplitRow]:
        """How the answers to the current round split: a row per choice, else by verdict."""
        return views.split_rows(self.current, self.active())

    def answer_text(self) -> str:
        """The current question's right answer, in words."""
        return right_answer_text(self.current)

    def restore(
        self, players: Iterable[Player], answers: Iterable[tuple[int, PlayerAnswer]], index: int
    ) -> None:
        """A resumed game: its players and answers from the history, at round `index + 1`, in
        the lobby until the host starts again (the interrupted question is asked again; the
        answers already given to it stand)."""
        for player in players:
            self._add(player)
            player.connected = False
        for player_id, answer in answers:
            if player_id in self.players:
                round_ = self.rounds[answer.round - 1]
                self.players[player_id].apply(answer, round_.question.points)
        self._index = min(max(0, index), self.total - 1)
        self._rank()
