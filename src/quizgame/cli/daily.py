"""`quizgame daily`: today's daily quiz of a pack, the same ten questions for everyone; then
the share line."""

from __future__ import annotations

from datetime import date

import click

from quizgame.cli.common import Places, UserError, data_dir_option, packs_option, places
from quizgame.core.packs.model import Pack


def todays_share_line(where: Places, pack: Pack, day: date) -> str | None:
    """The share line of the day's counted try, or None if it was not played."""
    from quizgame.cli.common import score_store
    from quizgame.core.play.daily import daily_options, share_line, streak
    from quizgame.core.scores.daily import counted_session, daily_days, session_verdicts

    with score_store(where.data) as store:
        if store is None:
            return None
        session_id = store.read(counted_session, pack.id, day)
        if session_id is None:
            return None
        verdicts = store.read(session_verdicts, session_id)
        run = streak(store.read(daily_days, pack.id), day)
    total = len(daily_options(pack, day).question_ids)
    return share_line(pack.title, day, verdicts, run, total)


@click.command("daily")
@click.option("--pack", "pack_ref", metavar="ID|PATH", help="The pack (default: the first found).")
@click.option(
    "--share", is_flag=True, help="Only print today's share line (no game; needs a try today)."
)
@packs_option
@data_dir_option
def command(
    pack_ref: str | None, share: bool, pack_dirs: tuple[str, ...], data_dir: str | None
) -> None:
    """Today's daily quiz: ten spoiler-safe questions chosen from the date and the pack, the
    same for every player today. The first try counts; a second is practice. Prints the share
    line afterwards."""
    from quizgame.cli.play import default_pack, resolve_pack, run_game
    from quizgame.core.play.daily import daily_options

    where = places(data_dir, pack_dirs)
    pack = resolve_pack(pack_ref, where) if pack_ref else default_pack(where)
    today = date.today()
    if not share:
        run_game(where, pack, daily_options(pack, today))
    line = todays_share_line(where, pack, today)
    if line is None:
        if not share:
            return  # left before the first answer: nothing to share
        raise UserError(f"today's daily quiz of '{pack.id}' has not been played yet")
    from quizgame.core.text import clean_line

    click.echo(clean_line(line))
