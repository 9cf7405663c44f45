"""`quizgame learn-status`: learn mode's cards per pack: due today, new, learned, and the
retention FSRS predicts."""

from __future__ import annotations

import click

from quizgame.cli.common import (
    data_dir_option,
    echo_json,
    packs_option,
    places,
    score_store,
    table,
)
from quizgame.core.learn.cards import DEFAULT_NEW_PER_DAY, LearnStatus


@click.command("learn-status")
@click.option("--pack", "pack_ref", metavar="ID|PATH", help="Only this pack.")
@click.option(
    "--new-per-day",
    type=click.IntRange(min=0),
    default=DEFAULT_NEW_PER_DAY,
    show_default=True,
    help="New questions a learn session brings in a day.",
)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@packs_option
@data_dir_option
def command(
    pack_ref: str | None,
    new_per_day: int,
    fmt: str,
    pack_dirs: tuple[str, ...],
    data_dir: str | None,
) -> None:
    """Learn mode: per pack, the questions due today, new today, learned, and the retention
    FSRS predicts (the mean chance of recalling a studied question now)."""
    from quizgame.cli.play import resolve_pack
    from quizgame.core.learn import cards
    from quizgame.core.packs.read import discover_packs

    where = places(data_dir, pack_dirs)
    if pack_ref:
        packs = [resolve_pack(pack_ref, where)]
    else:
        found = discover_packs(where.pack_dirs, cache_dir=where.cache)
        packs = [r.pack for r in found if r.pack is not None]
    statuses: list[LearnStatus] = []
    with score_store(where.data) as store:
        for pack in packs:
            if store is None:
                n = len(pack.questions)
                status = LearnStatus(pack.id, 0, min(n, new_per_day), n, 0, 0, None)
            else:
                status = store.read(cards.status, pack, store.now(), new_per_day=new_per_day)
            statuses.append(status)
    if fmt == "json":
        echo_json(
            [
                {
                    "pack": s.pack_id,
                    "due": s.due,
                    "new": s.new,
                    "unseen": s.unseen,
                    "learned": s.learned,
                    "cards": s.cards,
                    "retention": None if s.retention is None else round(s.retention, 4),
                }
                for s in statuses
            ]
        )
        return
    if not statuses:
        click.echo("No packs found.")
        return
    rows = [
        [
            s.pack_id,
            str(s.due),
            str(s.new),
            str(s.learned),
            f"{s.cards}/{s.cards + s.unseen}",
            "-" if s.retention is None else f"{s.retention:.0%}",
        ]
        for s in statuses
    ]
    headers = ["PACK", "DUE", "NEW", "LEARNED", "STUDIED", "RETENTION"]
    click.echo(table(headers, rows, right=(1, 2, 3, 4, 5)))
