"""`quizgame history`: the recent sessions with their status, from the score history."""

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
from quizgame.core.play.modes import EndReason
from quizgame.core.scores import queries
from quizgame.core.scores.queries import SessionSummary
from quizgame.core.scores.store import FINISHED, IN_PROGRESS, PRACTICE
from quizgame.core.text import clean_line

ENDINGS = {EndReason.OUT_OF_LIVES: "out of lives", EndReason.TIME_UP: "time up"}


def status_text(summary: SessionSummary) -> str:
    """finished, finished (time up), abandoned, in progress; practice said so."""
    if summary.status == IN_PROGRESS:
        text = "in progress"
    elif summary.status == FINISHED and summary.end_reason in ENDINGS:
        text = f"finished ({ENDINGS[EndReason(summary.end_reason)]})"
    else:
        text = summary.status
    return f"{text}, practice" if summary.kind == PRACTICE else text


@click.command("history")
@click.option("--pack", "pack_id", metavar="ID", help="Only this pack.")
@click.option(
    "--limit", "-n", type=click.IntRange(min=1), default=20, show_default=True, help="How many."
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option(
    "--hosted", is_flag=True, help="Hosted party games instead (json: each player's answers)."
)
@data_dir_option
def command(pack_id: str | None, limit: int, fmt: str, hosted: bool, data_dir: str | None) -> None:
    """The recent sessions, newest first: finished, abandoned or in progress."""
    if hosted:
        from quizgame.cli.history_hosted import show_hosted

        show_hosted(paths.data_dir(data_dir), pack_id, limit, fmt)
        return
    with score_store(paths.data_dir(data_dir)) as store:
        if pack_id is not None:
            check_pack_known(pack_id, store, places(data_dir))
        recent = store.read(queries.recent_sessions, limit=limit, pack_id=pack_id) if store else []
        hosted_games = store.read(queries.hosted_count) if store else 0
    if hosted_games and fmt == "text":
        click.echo(f"{hosted_games} hosted game(s): see `quizgame history --hosted`.\n")
    if fmt == "json":
        echo_json([s.to_dict() for s in recent])
        return
    if not recent:
        click.echo(f"No sessions{' on ' + clean_line(pack_id) if pack_id else ''} yet.")
        return
    rows = [
        [
            local_time(s.started_at),
            s.pack_id,
            s.mode,
            f"{s.score:,}",
            f"{s.correct}/{s.answered}",
            status_text(s),
        ]
        for s in recent
    ]
    click.echo(table(["PLAYED", "PACK", "MODE", "SCORE", "RIGHT", "STATUS"], rows, right=(3, 4)))
