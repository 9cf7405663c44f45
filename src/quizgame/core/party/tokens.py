"""The player's rejoin tokens, kept in their data folder so that a new `quizgame join` finds them.

A host gives each player a token in `welcome`; with it a player whose connection dropped, who
left with Esc, or whose program was closed, rejoins as the same player with the same score. The
token would die with the process that got it, so `TokenFile` keeps it in a small JSON file
(`party-tokens.json`), keyed by the host's address, the room's PIN and the name the player asked
for: the same `join` command offers it again.

The file holds only tokens this program was given (each checked as the protocol's token shape
on reading and writing), at most `MAX_TOKENS` of them (the newest), and is written atomically.
A file that is too big, damaged, or not ours is ignored (and replaced at the next save); a
failure to read or write it never stops a game: the player then joins as a new player.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from quizgame.core.atomic import write_atomic

FILE_NAME = "party-tokens.json"
VERSION = 1
MAX_TOKENS = 32
MAX_FILE_BYTES = 32 * 1024
_TOKEN = re.compile(r"[A-Za-z0-9_-]{8,64}")


def tokens_file(base: Path) -> Path:
    """Where the tokens live in the data folder `base`."""
    return base / FILE_NAME


def token_key(address: str, pin: str, name: str) -> str:
    """The key of a seat: the host's HOST:PORT, the room's PIN and the name asked for."""
    return f"{address.strip().lower()} {pin} {name.strip().casefold()}"


class TokenFile:
    """Rejoin tokens in the JSON file at `path`; `now` gives the time (seconds since the epoch)."""

    def __init__(self, path: Path, now: Callable[[], float] = time.time) -> None:
        self.path = path
        self._now = now

    def get(self, address: str, pin: str, name: str) -> str | None:
        """The token kept for this seat, or None."""
        entry = self._read().get(token_key(address, pin, name))
        return entry["token"] if entry else None

    def put(self, address: str, pin: str, name: str, token: str) -> None:
        """Keep `token` for this seat (the oldest beyond `MAX_TOKENS` go)."""
        if not _TOKEN.fullmatch(token):
            return
        entries = self._read()
        entries[token_key(address, pin, name)] = {"token": token, "saved": self._now()}
        self._write(entries)

    def forget(self, address: str, pin: str, name: str) -> None:
        """Drop the token for this seat (the host no longer knows it)."""
        entries = self._read()
        if entries.pop(token_key(address, pin, name), None) is not None:
            self._write(entries)

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            if self.path.is_symlink() or self.path.stat().st_size > MAX_FILE_BYTES:
                return {}
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("version") != VERSION:
            return {}
        tokens = data.get("tokens")
        if not isinstance(tokens, dict):
            return {}
        return {
            key: {"token": entry["token"], "saved": float(entry["saved"])}
            for key, entry in tokens.items()
            if isinstance(key, str)
            and len(key) <= 512
            and isinstance(entry, dict)
            and isinstance(entry.get("token"), str)
            and _TOKEN.fullmatch(entry["token"])
            and isinstance(entry.get("saved"), (int, float))
        }

    def _write(self, entries: dict[str, dict[str, Any]]) -> None:
        newest = sorted(entries.items(), key=lambda item: item[1]["saved"], reverse=True)
        data = {"version": VERSION, "tokens": dict(newest[:MAX_TOKENS])}
        with contextlib.suppress(OSError):  # no token kept: the player rejoins as a new one
            write_atomic(self.path, json.dumps(data, indent=1, ensure_ascii=False) + "\n")
