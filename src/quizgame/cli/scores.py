"""`quizgame scores`: the best scores, from the score history."""

from __future__ import annotations

import click

from quizgame.cli.common import (
    check_pack_known,
    data_dir_option,
    echo_json,
    local_time,
    places,
    score_store,
    table,
)
from quizgame.core import paths
from quizgame.core.play.modes import Mode
from quizgame.core.scores import queries
from quizgame.core.text import clean_line


@click.command("scores")
@click.option("--pack", "pack_id", metavar="ID", help="Only this pack.")
@click.option("--mode", type=click.Choice([m.value for m in Mode]), help="Only this mode.")
@click.option(
    "--limit", "-n", type=click.IntRange(min=1), default=10, show_default=True, help="How many."
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@data_dir_option
def command(
    pack_id: str | None, mode: str | None, limit: int, fmt: str, data_dir: str | None
) -> None:
    """The best scores: finished sessions, highest first (practice sessions not counted)."""
    with score_store(paths.data_dir(data_dir)) as store:
        if pack_id is not None:
            check_pack_known(pack_id, store, places(data_dir))
        best = (
            store.read(queries.best_scores, pack_id=pack_id, mode=mode, limit=limit)
            if store
            else []
        )
    if fmt == "json":
        ranked = [{"rank": i, **s.to_dict()} for i, s in enumerate(best, start=1)]
        echo_json(ranked)
        return
    if not best:
        kind = f"{mode} sessions" if mode else "sessions"
        click.echo(f"No finished {kind}{' on ' + clean_line(pack_id) if pack_id else ''} yet.")
        return
    rows = [
        [
            str(i),
            f"{s.score:,}",
            f"{s.correct}/{s.answered}",
            f"{s.accuracy:.0%}",
            s.pack_id,
            s.mode,
            local_time(s.started_at),
        ]
        for i, s in enumerate(best, start=1)
    ]
    headers = ["#", "SCORE", "RIGHT", "ACCURACY", "PACK", "MODE", "PLAYED"]
    click.echo(table(headers, rows, right=(0, 1, 2, 3)))
