"""`quizgame import FILE [--from FORMAT]`: turn another quiz format into a pack (the formats
are `core/formats/registry.FORMAT_TABLE`)."""

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
from quizgame.cli.files import check_folder, read_bytes, write_new_file
from quizgame.cli.notes import echo_notes
from quizgame.core.formats.registry import FORMAT_TABLE, KEYS
from quizgame.core.text import clean_line

FORMAT_CHOICE = click.Choice(KEYS)
_EXTENSIONS = ", ".join(dict.fromkeys(e for f in FORMAT_TABLE for e in f.extensions))


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--from",
    "fmt",
    type=FORMAT_CHOICE,
    help=f"The file's format (default: from its name ({_EXTENSIONS}) and its content).",
)
@click.option(
    "--ask",
    type=click.Choice(["term", "definition"]),
    help="Flashcards: the side each question asks (default: term; the other is the answer).",
)
@click.option(
    "--choices",
    type=click.IntRange(2, 10),
    help="Flashcards: offer N choices, other cards' answers among them (default: type it).",
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
    ask: str | None,
    choices: int | None,
    output: str | None,
    pack_id: str | None,
    title: str | None,
    force: bool,
    parents: bool,
    verbose: bool,
    data_dir: str | None,
) -> None:
    """Import questions from GIFT or Moodle XML (Moodle), Aiken, Open Trivia DB JSON, the
    live-quiz spreadsheet (.xlsx), flashcards (TSV/CSV) or CSV into a new pack.

    Questions the pack format cannot hold are left out with a warning at their line; nothing is
    written if the file has errors. A file exported by quizgame keeps its pack's id, title,
    licence and attribution (--id, --title and -o win).
    """
    from quizgame.core.formats import FORMAT_NAMES, import_text
    from quizgame.core.formats.common import pack_id_from_name, pack_title_from_name
    from quizgame.core.formats.flashcards.reading import CardOptions
    from quizgame.core.formats.registry import (
        HEAD_BYTES,
        ReadOptions,
        by_extension,
        detect,
        format_of,
    )

    require_output({"--parents": parents}, output)
    source = Path(file)
    # What exists first: the file, and the folder of the output; then what is missing.
    raw = read_bytes(source)
    target = Path(output).expanduser() if output else None
    if target is not None:
        check_folder(target, parents)
    given = [name for name, value in (("ask", ask), ("choices", choices)) if value is not None]
    # --ask or --choices say "flashcards" where the file's name allows it (a .txt or .csv).
    takes = [f for f in by_extension(source) if given and set(given) <= set(f.options)]
    form = format_of(fmt) if fmt else (takes[0] if takes else detect(source, raw[:HEAD_BYTES]))
    if form is None:
        raise UserError(
            f"cannot tell the format of {source.name}; say it with --from {'|'.join(KEYS)}",
            exit_code=2,
        )
    wrong = [name for name in given if name not in form.options]
    if wrong:
        raise UserError(
            f"--{wrong[0]} is for flashcards; {source.name} is read as {form.name}",
            exit_code=2,
        )
    options = ReadOptions(
        CardOptions("definition" if ask == "definition" else "term", choices or 0)
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
        raw,
        form.key,
        pack_id=pack_id_from_name(source.stem),
        title=pack_title_from_name(source.stem),
        description=f"Imported from {source.name} ({FORMAT_NAMES[form.key]}).",
        fixed=fixed,
        name=str(source),
        options=options,
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
