"""`quizgame history --hosted`: the party games hosted here, newest first."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click

from quizgame.cli.common import echo_json, local_time, score_store, table
from quizgame.core.party.log import ENDED, IN_PROGRESS, hosted_games

STATUS_WORDS = {IN_PROGRESS: "in progress (host --resume)", ENDED: "ended before it started"}


def show_hosted(base: Path, pack_id: str | None, limit: int, fmt: str) -> None:
    """List hosted games (text), or each game with every player's answers (json)."""
    with score_store(base) as store:
        games = store.read(hosted_games, limit, details=fmt == "json") if store else []
    if pack_id:
        games = [g for g in games if g.pack_id == pack_id]
    if fmt == "json":
        echo_json([g.to_dict() for g in games])
        return
    if not games:
        click.echo("No hosted games yet.")
        return
    rows = []
    for game in games:
        best = max(game.players, key=lambda p: p.score, default=None)
        status = STATUS_WORDS.get(game.status, game.status)
        rows.append(
            [
                local_time(datetime.fromisoformat(game.started_at)),
                game.pack_id,
                str(len(game.players)),
                f"{game.round}/{game.rounds}",
                f"{best.name} ({best.score:,})" if best else "-",
                status,
            ]
        )
    click.echo(
        table(["HOSTED", "PACK", "PLAYERS", "ROUND", "WINNER", "STATUS"], rows, right=(2, 3))
    )
