"""`quizgame export PACK --to gift|aiken|opentdb`: write a pack in another quiz format."""

from __future__ import annotations

from pathlib import Path

import click

from quizgame.cli.common import (
    UserError,
    data_dir_option,
    packs_option,
    parents_option,
    places,
    require_output,
)
from quizgame.cli.files import check_folder, write_new_file
from quizgame.cli.notes import echo_notes
from quizgame.core.text import clean_line

EXTENSIONS = {"gift": ".gift", "aiken": ".txt", "opentdb": ".json"}


@click.command("export")
@click.argument("pack_ref", metavar="PACK")
@click.option(
    "--to",
    "fmt",
    type=click.Choice(["gift", "aiken", "opentdb"]),
    help="The format (default: from the output's name: .gift, .json, .aiken).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="The file to write ('-' or nothing: print it).",
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@parents_option
@click.option("--verbose", "-v", is_flag=True, help="List every warning on its own line.")
@packs_option
@data_dir_option
def command(
    pack_ref: str,
    fmt: str | None,
    output: str | None,
    force: bool,
    parents: bool,
    verbose: bool,
    pack_dirs: tuple[str, ...],
    data_dir: str | None,
) -> None:
    """Export a pack (by id or file) to GIFT (Moodle), Aiken or Open Trivia DB JSON.

    Questions and fields the format cannot hold are listed as warnings.
    """
    from quizgame.cli.play import check_packs_apply, resolve_pack
    from quizgame.core.formats import export_pack, format_for

    require_output({"--force": force, "--parents": parents}, output)
    check_packs_apply(pack_ref, pack_dirs, "PACK")
    # What exists first (the pack, the output's folder), then what is missing (the format).
    pack = resolve_pack(pack_ref, places(data_dir, pack_dirs))
    to_stdout = output in (None, "-")
    target = None if to_stdout else Path(str(output)).expanduser()
    if target is not None:
        check_folder(target, parents)
    fmt = fmt or (None if to_stdout else format_for(output or ""))
    if fmt is None:
        raise UserError(
            "say which format with --to gift|aiken|opentdb (or name the output .gift, .aiken "
            "or .json)",
            exit_code=2,
        )
    if target is not None and target.exists() and not force:
        raise UserError(f"{target} already exists; use --force to replace it")
    written = export_pack(pack, fmt)
    echo_notes(str(pack.path or pack.id), written.notes, verbose)
    if written.count == 0:
        raise UserError(f"nothing to export: none of the {len(pack.questions)} questions fit {fmt}")
    if target is None:
        click.echo(written.text, nl=False)
        return
    write_new_file(target, written.text, force, parents)
    left = len(pack.questions) - written.count
    note = f" ({left} left out: see the warnings)" if left else ""
    click.echo(
        f"wrote {clean_line(target)}: {written.count:,} of {len(pack.questions):,} questions{note}"
    )
