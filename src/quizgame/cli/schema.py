"""`quizgame schema`: print (or write) the JSON Schema of the pack format."""

from __future__ import annotations

from pathlib import Path

import click

from quizgame.cli.common import data_dir_option, parents_option, require_output
from quizgame.cli.files import write_new_file
from quizgame.core.text import clean_line


@click.command("schema")
@click.option(
    "--output", "-o", type=click.Path(dir_okay=False), help="Write it to this file instead."
)
@click.option("--force", is_flag=True, help="Replace the file if it exists.")
@parents_option
@data_dir_option
def command(output: str | None, force: bool, parents: bool, data_dir: str | None) -> None:
    """Print the JSON Schema of the pack format (for editors and other tools)."""
    require_output({"--force": force, "--parents": parents}, output)
    from quizgame.core.packs.schema import schema_text

    if output:
        write_new_file(Path(output), schema_text(), force, parents)
        click.echo(f"wrote {clean_line(output)}")
    else:
        click.echo(schema_text(), nl=False)
