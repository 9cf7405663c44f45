"""The game settings `host` and `party` share with `play` (challenge mode: a clock per question,
speed points and streaks), and how they become `SessionOptions`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import click

from quizgame.core.packs.model import Difficulty, Spoiler
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import DEFAULT_COUNT, Mode

F = TypeVar("F", bound=Callable[..., Any])


def game_options(func: F) -> F:
    """--pack, --count, --seed, --difficulty, --category, --spoiler, --time-limit."""
    for option in reversed(
        [
            click.option("--pack", "pack_ref", metavar="ID|PATH", help="The pack to play."),
            click.option(
                "--count",
                "-n",
                type=click.IntRange(min=1),
                default=DEFAULT_COUNT,
                show_default=True,
                help="Number of questions.",
            ),
            click.option("--seed", type=int, help="Same seed, same questions in the same order."),
            click.option("--difficulty", type=click.Choice([d.value for d in Difficulty])),
            click.option(
                "--category", "categories", multiple=True, help="Only this category (repeatable)."
            ),
            click.option(
                "--spoiler",
                type=click.Choice([s.value for s in Spoiler]),
                default=Spoiler.NONE.value,
                show_default=True,
                help="The most a question may give away of the story.",
            ),
            click.option(
                "--time-limit",
                type=click.FloatRange(min=1),
                help="Seconds per question (default: the question's own, else 20).",
            ),
        ]
    ):
        func = option(func)
    return func


def options_of(
    count: int,
    seed: int | None,
    difficulty: str | None,
    categories: tuple[str, ...],
    spoiler: str,
    time_limit: float | None,
) -> SessionOptions:
    """The settings as session options, in challenge mode."""
    return SessionOptions(
        count=count,
        categories=categories,
        difficulty=Difficulty(difficulty) if difficulty else None,
        spoiler=Spoiler(spoiler),
        seed=seed,
        mode=Mode.CHALLENGE,
        time_limit=time_limit,
    )
