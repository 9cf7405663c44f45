"""`quizgame import FILE --from gift|aiken|opentdb`: turn another quiz format into a pack."""

from __future__ import annotations

from pathlib import Path

import click

from quizgame.cli.common import UserError, data_dir_option, places
from quizgame.cli.files import read_text, write_new_file
from quizgame.cli.notes import echo_notes

FORMAT_CHOICE = click.Choice(["gift", "aiken", "opentdb"])


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--from",
    "fmt",
    type=FORMAT_CHOICE,
    help="The file's format (default: from its name: .gift, .json, .aiken).",
)
@click.option(
    "--output",
    "-o",
    type=click.Path(dir_okay=False),
    help="The pack file to write (default: ID.yaml in your packs folder).",
)
@click.option("--id", "pack_id", help="The pack's id (default: from the output file's name).")
@click.option("--title", "-t", help="The pack's title (default: from the file's name).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.option("--verbose", "-v", is_flag=True, help="List every warning, not just the first 20.")
@data_dir_option
def command(
    file: str,
    fmt: str | None,
    output: str | None,
    pack_id: str | None,
    title: str | None,
    force: bool,
    verbose: bool,
    data_dir: str | None,
) -> None:
    """Import questions from GIFT (Moodle), Aiken or Open Trivia DB JSON into a new pack.

    Questions the pack format cannot hold are left out with a warning at their line; nothing is
    written if the file has errors.
    """
    from quizgame.core.formats import (
        FORMAT_NAMES,
        format_for,
        import_text,
        pack_id_from_name,
        pack_title_from_name,
    )

    source = Path(file)
    fmt = fmt or format_for(source)
    if fmt is None:
        raise UserError(
            f"cannot tell the format of {source.name}; say it with --from gift|aiken|opentdb",
            exit_code=2,
        )
    target = Path(output).expanduser() if output else None
    pack_id = pack_id or pack_id_from_name(target.stem if target else source.stem)
    if target is None:
        target = places(data_dir).user_packs / f"{pack_id}.yaml"
    if target.exists() and not force:
        raise UserError(f"{target} already exists; use --force to replace it")
    text = read_text(source)
    imported = import_text(
        text,
        fmt,
        pack_id=pack_id,
        title=title or pack_title_from_name(source.stem),
        description=f"Imported from {source.name} ({FORMAT_NAMES[fmt]}).",
        name=str(target),
    )
    echo_notes(str(source), imported.notes, verbose)
    if imported.pack is None or imported.text is None:
        count = len(imported.errors)
        raise UserError(f"{source}: {count} error{'s' if count != 1 else ''}; nothing written")
    write_new_file(target, imported.text, force)
    count = len(imported.pack.questions)
    skipped = f" ({imported.skipped} left out: see the warnings)" if imported.skipped else ""
    click.echo(f"wrote {target}: {count:,} question{'s' if count != 1 else ''}{skipped}")
