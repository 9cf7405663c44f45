"""`quizgame sheet PACK`: a printable quiz sheet (the questions a session would deal, then the
answer key) for a quiz master running a pub quiz."""

from __future__ import annotations

import json
import string
from typing import TYPE_CHECKING

import click

from quizgame.cli.common import UserError, data_dir_option, packs_option, places
from quizgame.cli.play import _positive, resolve_pack
from quizgame.core.packs.model import Difficulty, Spoiler
from quizgame.core.play.dealing import SessionOptions
from quizgame.core.play.modes import DEFAULT_COUNT, Mode
from quizgame.core.text import clean_line

if TYPE_CHECKING:
    from quizgame.core.play.sheet import Sheet


def _markdown(sheet: Sheet) -> list[str]:
    """The sheet in Markdown; every piece of pack text made safe to print (`clean_line`)."""
    c = clean_line
    lines = [f"# {c(sheet.title)}", "", f"Pack `{c(sheet.pack_id)}`, seed {sheet.seed}.", ""]
    for row in sheet.rows:
        lines.append(f"{row.number}. {c(row.prompt)} ({row.points} points)")
        shown = [c(text) for text in row.shown]
        if row.type == "ordering":
            lines.append("   Put in order: " + " / ".join(shown))
        elif row.type == "matching":
            lines.append("   Match: " + " / ".join(shown))
            lines.append("   with: " + " / ".join(c(text) for text in row.match_with))
        else:
            for letter, choice in zip(string.ascii_lowercase, shown, strict=False):
                lines.append(f"   {letter}) {choice}")
        lines.append("")
    lines += ["## Answer key", ""]
    for row in sheet.rows:
        lines.append(f"{row.number}. {c(row.answer)}")
        if row.explanation:
            lines.append(f"   {c(row.explanation)}")
    return lines


@click.command("sheet")
@click.argument("pack_ref", metavar="PACK")
@click.option("--count", "-n", type=int, callback=_positive,
              help=f"Number of questions (default {DEFAULT_COUNT}).")  # fmt: skip
@click.option("--seed", type=int, help="Same seed and settings, same sheet (and same as play).")
# Not learn: a learn session deals from the player's own schedule, which no sheet can print.
@click.option("--mode", type=click.Choice([m.value for m in Mode if m is not Mode.LEARN]),
              default=Mode.CLASSIC.value, show_default=True)  # fmt: skip
@click.option("--difficulty", type=click.Choice([d.value for d in Difficulty]))
@click.option("--category", "categories", multiple=True, help="Only this category (repeatable).")
@click.option("--spoiler", type=click.Choice([s.value for s in Spoiler]),
              default=Spoiler.NONE.value, show_default=True,
              help="The most a question may give away of the story.")  # fmt: skip
@click.option("--format", "fmt", type=click.Choice(["markdown", "json"]), default="markdown",
              show_default=True)  # fmt: skip
@packs_option
@data_dir_option
def command(
    pack_ref: str,
    count: int | None,
    seed: int | None,
    mode: str,
    difficulty: str | None,
    categories: tuple[str, ...],
    spoiler: str,
    fmt: str,
    pack_dirs: tuple[str, ...],
    data_dir: str | None,
) -> None:
    """Print the questions a session of PACK (a file or a pack id) would deal with these
    settings, then the answer key. The seed is printed, so a sheet can be dealt again."""
    from quizgame.core.play.session import SessionError
    from quizgame.core.play.sheet import deal_sheet

    pack = resolve_pack(pack_ref, places(data_dir, pack_dirs))
    options = SessionOptions(
        count=count if count is not None else DEFAULT_COUNT,
        categories=categories,
        difficulty=Difficulty(difficulty) if difficulty else None,
        spoiler=Spoiler(spoiler),
        seed=seed,
        mode=Mode(mode),
    )
    try:
        sheet = deal_sheet(pack, options)
    except SessionError as exc:
        raise UserError(f"{pack.id}: {exc}") from None
    if fmt == "json":
        report = {
            "pack": sheet.pack_id,
            "title": sheet.title,
            "seed": sheet.seed,
            "questions": [row.to_dict() for row in sheet.rows],
        }
        click.echo(json.dumps(report, indent=2, ensure_ascii=False))
        return
    for line in _markdown(sheet):
        click.echo(line)
