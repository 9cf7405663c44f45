"""`quizgame new ID`: write a commented starter pack, one question of each type, that validates."""

from __future__ import annotations

from pathlib import Path

import click

from quizgame.cli.common import UserError, data_dir_option, parents_option
from quizgame.cli.files import check_folder, write_new_file
from quizgame.core.text import clean_line


@click.command("new")
@click.argument("pack_id", metavar="ID")
@click.option("--title", "-t", help="The pack's title (default: made from the id).")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="Where to write it (default: ID.yaml)."
)
@click.option(
    "--schema",
    "schema_ref",
    metavar="URL|PATH",
    help="The schema the editor should use (default: the one that ships with quizgame).",
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@parents_option
@data_dir_option
def command(
    pack_id: str,
    title: str | None,
    output: str | None,
    schema_ref: str | None,
    force: bool,
    parents: bool,
    data_dir: str | None,
) -> None:
    """Start a pack: write ID.yaml with one commented example of each question type."""
    from quizgame.core.formats.common import pack_title_from_name
    from quizgame.core.packs.read import load_pack_text
    from quizgame.core.packs.starter import schema_reference, starter_pack

    target = Path(output or f"{pack_id}.yaml").expanduser()
    check_folder(target, parents)
    try:
        text = starter_pack(
            pack_id,
            title or pack_title_from_name(pack_id),
            schema_ref or schema_reference(target),
            file=str(target),
        )
    except ValueError as exc:
        raise UserError(str(exc), exit_code=2) from None
    check = load_pack_text(text, str(target))
    if not check.ok:  # the template is tested; this guards an odd title or id
        raise UserError(f"the new pack would not load: {check.errors[0]}")
    write_new_file(target, text, force, parents)
    click.echo(
        f"wrote {clean_line(target)}: a pack with "
        f"{len(check.pack.questions) if check.pack else 0} example questions; "
        f"check it with `quizgame validate {clean_line(target)}`"
    )
