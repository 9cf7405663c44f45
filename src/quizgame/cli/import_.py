"""`quizgame import FILE --from gift|aiken|opentdb`: turn another quiz format into a pack."""

from __future__ import annotations

from pathlib import Path

import click

from quizgame.cli.common import (
    Places,
    UserError,
    data_dir_option,
    parents_option,
    places,
    require_output,
)
from quizgame.cli.files import check_folder, read_text, write_new_file
from quizgame.cli.notes import echo_notes
from quizgame.core.text import clean_line

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
@click.option(
    "--id",
    "pack_id",
    help="The pack's id (default: from -o's name, else the one the file gives, else its name).",
)
@click.option(
    "--title", "-t", help="The pack's title (default: the one the file gives, else its name)."
)
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@parents_option
@click.option("--verbose", "-v", is_flag=True, help="List every warning on its own line.")
@data_dir_option
def command(
    file: str,
    fmt: str | None,
    output: str | None,
    pack_id: str | None,
    title: str | None,
    force: bool,
    parents: bool,
    verbose: bool,
    data_dir: str | None,
) -> None:
    """Import questions from GIFT (Moodle), Aiken or Open Trivia DB JSON into a new pack.

    Questions the pack format cannot hold are left out with a warning at their line; nothing is
    written if the file has errors. A GIFT file exported by quizgame keeps its pack's id, title,
    licence and attribution (--id, --title and -o win).
    """
    from quizgame.core.formats import FORMAT_NAMES, format_for, import_text
    from quizgame.core.formats.common import pack_id_from_name, pack_title_from_name

    require_output({"--parents": parents}, output)
    source = Path(file)
    # What exists first: the file, and the folder of the output; then what is missing.
    text = read_text(source)
    target = Path(output).expanduser() if output else None
    if target is not None:
        check_folder(target, parents)
    fmt = fmt or format_for(source)
    if fmt is None:
        raise UserError(
            f"cannot tell the format of {source.name}; say it with --from gift|aiken|opentdb",
            exit_code=2,
        )
    # Naming the output names the pack, so a copy never takes the id of the pack it came from.
    fixed: dict[str, str] = {}
    if pack_id:
        fixed["id"] = pack_id
    elif target is not None:
        fixed["id"] = pack_id_from_name(target.stem)
    if title:
        fixed["title"] = title
    # Convert first: the file's errors are worth more than a clash with an existing file,
    # and without -o the file to write is named after the pack, which the file may name.
    imported = import_text(
        text,
        fmt,
        pack_id=pack_id_from_name(source.stem),
        title=pack_title_from_name(source.stem),
        description=f"Imported from {source.name} ({FORMAT_NAMES[fmt]}).",
        fixed=fixed,
        name=str(source),
    )
    echo_notes(str(source), imported.notes, verbose)
    if imported.pack is None or imported.text is None:
        count = len(imported.errors)
        raise UserError(f"{source}: {count} error{'s' if count != 1 else ''}; nothing written")
    pack = imported.pack
    if target is None:
        where = places(data_dir)
        target = where.user_packs / f"{pack.id}.yaml"
        _check_id_is_free(pack.id, target, where)
    if target.exists() and not force:
        raise UserError(
            f"{target} already exists; use --force to replace it "
            "(or --id/-o to import under another name)"
        )
    write_new_file(target, imported.text, force, parents=output is None or parents)
    count = len(pack.questions)
    skipped = f" ({imported.skipped} left out: see the warnings)" if imported.skipped else ""
    click.echo(
        f"wrote {clean_line(target)}: {count:,} question{'s' if count != 1 else ''}{skipped}"
    )


def _check_id_is_free(pack_id: str, target: Path, where: Places) -> None:
    """A pack going to the packs folder must not take the id of another pack the game finds
    (the later of two would be left out of play)."""
    from quizgame.core.packs.read import discover_packs

    for result in discover_packs(where.pack_dirs, cache_dir=where.cache):
        if (
            result.pack is not None
            and result.pack.id == pack_id
            and result.path.resolve() != target.resolve()
        ):
            raise UserError(
                f"the pack id '{pack_id}' is taken by {result.path}; "
                "choose another with --id (or a file with -o)"
            )
