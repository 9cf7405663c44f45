"""`quizgame party --players "Ana,Janis,Arturo"`: a party game on one keyboard, taking turns."""

from __future__ import annotations

import time

import click

from quizgame.cli.common import UserError, data_dir_option, packs_option, places
from quizgame.cli.party_options import game_options, options_of
from quizgame.cli.play import has_terminal, pack_or_default

MAX_PLAYERS = 12


@click.command("party")
@click.option("--players", required=True, help='The players, comma-separated: "Ana,Janis,Arturo".')
@game_options
@packs_option
@data_dir_option
def command(
    players: str,
    pack_ref: str | None,
    count: int,
    seed: int | None,
    difficulty: str | None,
    categories: tuple[str, ...],
    spoiler: str,
    time_limit: float | None,
    pack_dirs: tuple[str, ...],
    data_dir: str | None,
) -> None:
    """Hot-seat: each question goes to each player in turn; a scoreboard after it; the podium."""
    from quizgame.core.party.players import RoomError
    from quizgame.core.party.room import Room
    from quizgame.tui.party_hotseat import HotSeatApp

    names = [n.strip() for n in players.split(",") if n.strip()]
    if not 1 <= len(names) <= MAX_PLAYERS:
        raise UserError(f"name 1 to {MAX_PLAYERS} players, comma-separated")
    where = places(data_dir, pack_dirs)
    pack = pack_or_default(pack_ref, where)
    options = options_of(count, seed, difficulty, categories, spoiler, time_limit)
    try:
        room = Room(pack, options, clock=time.monotonic)
        for name in names:
            room.join(room.pin, name)
    except RoomError as exc:
        raise UserError(f"{pack.id}: {exc}") from None
    if not has_terminal():
        raise UserError("the game needs a terminal")
    app = HotSeatApp(room, time.monotonic)
    app.crash_log = where.data / "crash.log"
    app.run()
    if app.return_code:
        raise SystemExit(app.return_code)
