"""Sessions made from earlier play: the questions missed last time, or missed across plays."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from quizgame.core.packs.model import Pack, Spoiler
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import DEFAULT_COUNT, Mode

PRACTICE_CANDIDATES = 1000  # how many of the most missed questions practice looks through


def missed_options(options: SessionOptions, missed_ids: Iterable[str]) -> SessionOptions:
    """The options of a session replaying `missed_ids`: same mode and settings, every one of
    them, in a fresh shuffle."""
    return dataclasses.replace(options, question_ids=tuple(missed_ids), count=None, seed=None)


def practice_options(
    pack: Pack, practice_ids: Iterable[str], spoiler: Spoiler
) -> SessionOptions | None:
    """A classic session of the first questions to practise (`ScoreStore.practice_ids`, most
    missed first) that `pack` still has; None if it has none of them."""
    ids = [i for i in practice_ids if pack.question(i)]
    if not ids:
        return None
    return SessionOptions(
        count=None, mode=Mode.CLASSIC, question_ids=tuple(ids[:DEFAULT_COUNT]), spoiler=spoiler
    )
