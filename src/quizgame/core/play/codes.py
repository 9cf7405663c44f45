"""Challenge codes: a friend who plays a code gets the same quiz (pack, seed and settings).

A code is `QG1-` and the URL-safe base64 of a short JSON list: pack id, the first 12 digits of
its content hash (`packs/content.py`), seed, count, categories, difficulty, spoiler, mode and
time limit. A code for a pack that changed since is refused with a message saying so.
"""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass

from quizgame.core.packs.content import content_hash
from quizgame.core.packs.model import Difficulty, Pack, Spoiler
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import Mode

PREFIX = "QG1-"
HASH_DIGITS = 12
MAX_CODE = 2000  # characters: anything longer is not ours


class CodeError(ValueError):
    """A code that cannot be played (a message for the player)."""


@dataclass(frozen=True, slots=True)
class Challenge:
    """What a code names."""

    pack_id: str
    pack_hash: str  # the first HASH_DIGITS of the content hash
    options: SessionOptions


def make_code(pack: Pack, options: SessionOptions, seed: int) -> str:
    """The code of a session of `pack` played with `options` and `seed`."""
    data = [
        pack.id,
        content_hash(pack)[:HASH_DIGITS],
        seed,
        options.count,
        list(options.categories),
        options.difficulty.value if options.difficulty else None,
        options.spoiler.value,
        options.mode.value,
        options.time_limit,
    ]
    raw = json.dumps(data, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    return PREFIX + base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def read_code(code: str) -> Challenge:
    """The challenge a code names; CodeError if it is not a code this version can read."""
    code = code.strip()
    if not code.startswith(PREFIX) or len(code) > MAX_CODE:
        raise CodeError(f"not a quizgame challenge code (they start with {PREFIX})")
    body = code[len(PREFIX) :]
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        data = json.loads(raw.decode("utf-8"))
        pack_id, pack_hash, seed, count, categories, difficulty, spoiler, mode, limit = data
        options = SessionOptions(
            count=None if count is None else int(count),
            categories=tuple(str(c) for c in categories),
            difficulty=Difficulty(difficulty) if difficulty else None,
            spoiler=Spoiler(spoiler),
            seed=int(seed),
            mode=Mode(mode),
            time_limit=None if limit is None else float(limit),
        )
    except (binascii.Error, UnicodeDecodeError, ValueError, TypeError) as exc:
        raise CodeError("this challenge code is damaged (was it copied whole?)") from exc
    if not isinstance(pack_id, str) or not isinstance(pack_hash, str):
        raise CodeError("this challenge code is damaged (was it copied whole?)")
    return Challenge(pack_id, pack_hash, options)


def check_pack(challenge: Challenge, pack: Pack) -> None:
    """Raise CodeError if `pack` is not the pack the code was made with (it changed since)."""
    if pack.id != challenge.pack_id:
        raise CodeError(f"this code is for the pack '{challenge.pack_id}', not '{pack.id}'")
    if content_hash(pack)[:HASH_DIGITS] != challenge.pack_hash:
        raise CodeError(
            f"the pack '{pack.id}' has changed since this code was made, "
            "so it would not be the same quiz"
        )
