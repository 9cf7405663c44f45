"""Hosted games in the score history: written as they happen, read for `history` and `--resume`.

`PartyLog` is the room's `RoomLog`: each join, each round asked and each answer is committed as
it happens (SQLite in WAL mode; the answers of one turn of the host's loop in one commit, before
any of them is acknowledged), so a host killed with SIGKILL loses nothing already answered, and
`load_game` gives `host --resume` the room back. The tables are the `_v5_party_games` migration's.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, TypeVar

from quizgame.core.packs.model import Difficulty, Spoiler
from quizgame.core.party.messages import Standing
from quizgame.core.party.players import Player, PlayerAnswer
from quizgame.core.party.room import Room
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import Mode
from quizgame.core.scores import database
from quizgame.core.scores.database import translate
from quizgame.core.scores.store import settings_of, timestamp, utc_now

T = TypeVar("T")
CHECKPOINT_EVERY = 1.0  # seconds between the checkpointer's passes
IN_PROGRESS = "in_progress"
FINISHED = "finished"
ENDED = "ended"  # closed by the host before the first question: nothing to resume


class PartyLog:
    """One hosted game's record in the score database at `path` (created or migrated)."""

    def __init__(self, path: Path, now: Callable[[], datetime] = utc_now) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._conn = database.connect(path, database.BUSY_TIMEOUT)
        self._now = now
        self.game_id: int | None = None
        self._answers: list[tuple[Player, PlayerAnswer]] = []  # kept until `flush`
        # A commit only appends to the WAL; copying it back into the database (and the fsyncs
        # that takes) is left to a thread of its own, never to the host's event loop, where
        # SQLite's automatic checkpoint would stall every player for a few hundred ms.
        self._conn.execute("PRAGMA wal_autocheckpoint = 0")
        self._stop = threading.Event()
        self._checkpointer = threading.Thread(
            target=self._checkpoint, name="party-log-checkpoint", daemon=True
        )
        self._checkpointer.start()

    def _checkpoint(self) -> None:
        conn = sqlite3.connect(self.path, timeout=database.BUSY_TIMEOUT, isolation_level=None)
        try:
            while not self._stop.wait(CHECKPOINT_EVERY):
                try:
                    conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
                except sqlite3.Error:
                    continue  # busy or failing: the next pass tries again; writes go on
        finally:
            conn.close()

    def close(self) -> None:
        """Commit what is kept (`StoreError` if that fails), and close the database either way."""
        try:
            self.flush()
        finally:
            self._stop.set()
            self._checkpointer.join()
            self._conn.close()  # the last connection to close checkpoints what is left

    def read(self, query: Callable[[sqlite3.Connection], T]) -> T:
        """`query(connection)`, e.g. `log.read(load_game)`; `StoreError` on a database failure."""
        try:
            return query(self._conn)
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None

    def _write(self, sql: str, args: tuple[Any, ...]) -> None:
        self.flush()  # the answers first, in the order they came
        try:
            self._conn.execute(sql, args)  # autocommit: each write is its own transaction
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None

    def start_game(self, room: Room, pack_ref: str) -> int:
        """Record a new game; its id."""
        settings = settings_of(room.options) | {"seed": room.seed}
        try:
            cursor = self._conn.execute(
                "INSERT INTO party_games (pin, pack_id, pack_title, pack_ref, settings, rounds, "
                "started_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    room.pin,
                    room.pack.id,
                    room.pack.title,
                    pack_ref,
                    json.dumps(settings),
                    room.total,
                    timestamp(self._now()),
                ),
            )
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None
        self.game_id = int(cursor.lastrowid or 0)
        room.log = self
        return self.game_id

    def player_joined(self, player: Player) -> None:
        self._write(
            "INSERT OR REPLACE INTO party_players (game_id, player, name, token, score, joined_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            (self.game_id, player.id, player.name, player.token, player.score, self._stamp()),
        )

    def round_opened(self, number: int) -> None:
        self._write("UPDATE party_games SET round = ? WHERE id = ?", (number, self.game_id))

    def answered(self, player: Player, answer: PlayerAnswer) -> None:
        """Keep an answer for the next `flush` (or the next write of any kind)."""
        self._answers.append((player, answer))

    def flush(self) -> None:
        """Commit the answers kept since the last flush, in one transaction (`StoreError`)."""
        if self._answers:
            self._commit(self._answers)  # on a failure they stay kept, for the next try
            self._answers = []

    def timed_out(self, records: list[tuple[Player, PlayerAnswer]]) -> None:
        """The timed-out records of a closed question (after any answers kept), in one
        transaction: a thousand players who did not answer make one commit, not a thousand."""
        self._answers = [*self._answers, *records]
        self.flush()

    def _commit(self, records: list[tuple[Player, PlayerAnswer]]) -> None:
        """Answers and the players' new scores, in one transaction."""
        stamp = self._stamp()
        rows = [
            (
                self.game_id,
                player.id,
                answer.round,
                answer.question_id,
                None if answer.given is None else json.dumps(answer.given, ensure_ascii=False),
                answer.given_text,
                answer.verdict,
                answer.credit,
                answer.points,
                answer.seconds,
                stamp,
            )
            for player, answer in records
        ]
        scores = [(player.score, self.game_id, player.id) for player, _answer in records]
        try:
            with self._conn:  # the answers and the players' new scores together
                self._conn.execute("BEGIN IMMEDIATE")
                self._conn.executemany(
                    "INSERT OR REPLACE INTO party_answers (game_id, player, round, question_id, "
                    "given, given_text, verdict, credit, points, seconds, answered_at) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    rows,
                )
                self._conn.executemany(
                    "UPDATE party_players SET score = ? WHERE game_id = ? AND player = ?", scores
                )
        except sqlite3.Error as exc:
            raise translate(exc, self.path) from None

    def game_over(self, standings: list[Standing]) -> None:
        self._write(
            "UPDATE party_games SET status = ?, ended_at = ? WHERE id = ?",
            (FINISHED, self._stamp(), self.game_id),
        )

    def host_quit(self) -> None:
        """The host closed the room on purpose: a game still in the lobby (no question asked)
        is marked ended, so `host --resume` does not reopen it; one quit mid-way stays
        resumable."""
        self._write(
            "UPDATE party_games SET status = ?, ended_at = ? "
            "WHERE id = ? AND status = ? AND round = 0",
            (ENDED, self._stamp(), self.game_id, IN_PROGRESS),
        )

    def _stamp(self) -> str:
        return timestamp(self._now())


# --- reading ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SavedGame:
    """A hosted game as the history keeps it, enough to list it or to resume it."""

    id: int
    pin: str
    pack_id: str
    pack_title: str
    pack_ref: str
    options: SessionOptions
    rounds: int
    round: int
    started_at: str
    status: str
    players: list[Player] = field(default_factory=list)
    answers: list[tuple[int, PlayerAnswer]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready: the game, and each player's score and answers."""
        by_player: dict[int, list[dict[str, Any]]] = {p.id: [] for p in self.players}
        for player_id, answer in self.answers:
            by_player.setdefault(player_id, []).append(
                {
                    "round": answer.round,
                    "question_id": answer.question_id,
                    "given": answer.given,
                    "given_text": answer.given_text,
                    "verdict": answer.verdict,
                    "points": answer.points,
                    "seconds": answer.seconds,
                }
            )
        return {
            "id": self.id,
            "pack_id": self.pack_id,
            "pack_title": self.pack_title,
            "started_at": self.started_at,
            "status": self.status,
            "rounds": self.rounds,
            "round_reached": self.round,
            "players": [
                {"name": p.name, "score": p.score, "answers": by_player.get(p.id, [])}
                for p in sorted(self.players, key=lambda p: -p.score)
            ],
        }


def options_from(settings: dict[str, Any]) -> SessionOptions:
    """The session options a game was hosted with, from its stored settings."""
    return SessionOptions(
        count=settings.get("count"),
        categories=tuple(settings.get("categories") or ()),
        difficulty=Difficulty(settings["difficulty"]) if settings.get("difficulty") else None,
        spoiler=Spoiler(settings.get("spoiler") or Spoiler.NONE.value),
        seed=settings.get("seed"),
        mode=Mode.CHALLENGE,
        time_limit=settings.get("time_limit"),
        question_ids=tuple(settings.get("question_ids") or ()),
    )


_GAME_COLUMNS = (
    "id, pin, pack_id, pack_title, pack_ref, settings, rounds, round, started_at, status"
)


def _game(conn: sqlite3.Connection, row: tuple[Any, ...], details: bool) -> SavedGame:
    game_id = row[0]
    players = [
        Player(number, name, token, score=score)
        for number, name, token, score in conn.execute(
            "SELECT player, name, token, score FROM party_players WHERE game_id = ? "
            "ORDER BY player",
            (game_id,),
        )
    ]
    answers = []
    if details:
        for player_id, *fields in conn.execute(
            "SELECT player, round, question_id, given, given_text, verdict, credit, points, "
            "seconds FROM party_answers WHERE game_id = ? ORDER BY round, player",
            (game_id,),
        ):
            number, qid, given, text, verdict, credit, points, seconds = fields
            given_value = None if given is None else json.loads(given)
            answers.append(
                (
                    player_id,
                    PlayerAnswer(number, qid, given_value, text, verdict, credit, points, seconds),
                )
            )
    return SavedGame(
        id=game_id,
        pin=row[1],
        pack_id=row[2],
        pack_title=row[3],
        pack_ref=row[4],
        options=options_from(json.loads(row[5])),
        rounds=row[6],
        round=row[7],
        started_at=row[8],
        status=row[9],
        players=players,
        answers=answers,
    )


def hosted_games(
    conn: sqlite3.Connection, limit: int = 20, *, details: bool = False
) -> list[SavedGame]:
    """The hosted games, newest first (`details`: with every answer)."""
    rows = conn.execute(
        f"SELECT {_GAME_COLUMNS} FROM party_games ORDER BY id DESC LIMIT ?", (limit,)
    ).fetchall()
    return [_game(conn, row, details) for row in rows]


def load_game(conn: sqlite3.Connection, game_id: int | None = None) -> SavedGame | None:
    """A game to resume: `game_id`, or the latest one still in progress; None if none."""
    if game_id is None:
        row = conn.execute(
            f"SELECT {_GAME_COLUMNS} FROM party_games WHERE status = ? ORDER BY id DESC LIMIT 1",
            (IN_PROGRESS,),
        ).fetchone()
    else:
        row = conn.execute(
            f"SELECT {_GAME_COLUMNS} FROM party_games WHERE id = ?", (game_id,)
        ).fetchone()
    return _game(conn, row, True) if row else None


def resume_room(log: PartyLog, saved: SavedGame, room: Room) -> None:
    """Give `room` (built from the saved pack and options, with the saved PIN) its players and
    answers back, and point it and `log` at the saved game."""
    players = [Player(p.id, p.name, p.token) for p in saved.players]
    room.restore(players, saved.answers, max(0, saved.round - 1))
    log.game_id = saved.id
    room.log = log
