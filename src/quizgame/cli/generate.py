"""`quizgame generate FACTS -o PACK.yaml [--seed N]`: turn a facts file into a question pack."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import click

from quizgame.cli.common import UserError, data_dir_option, parents_option, require_output
from quizgame.cli.files import check_folder
from quizgame.core.text import clean_line


@click.command("generate")
@click.argument("facts", type=click.Path(dir_okay=False))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, allow_dash=True),
    default="-",
    show_default=True,
    help="Where to write the pack ('-' for standard output).",
)
@click.option("--seed", type=int, default=0, show_default=True, help="Vary choices and wording.")
@parents_option
@data_dir_option
def command(facts: str, output: str, seed: int, parents: bool, data_dir: str | None) -> None:
    """Generate a question pack from a FACTS file (see docs/authoring.md).

    The same facts and seed always give the same pack. Problems in the facts are listed as
    `file:line:col: path: message` and nothing is written.
    """
    require_output({"--parents": parents}, output)
    if output != "-":
        check_folder(Path(output), parents)
    # Deferred so `quizgame --help` does not pay for the generator.
    from quizgame.core.generate import generate
    from quizgame.core.generate.parse import FactsError, NotFactsError, load_facts
    from quizgame.core.packs.read import load_pack_text
    from quizgame.core.packs.write import dump_pack

    try:
        result = generate(load_facts(facts), seed=seed)
    except NotFactsError as exc:
        raise UserError(exc.problems[0]) from None
    except FactsError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        count = len(exc.problems)
        plural = "s" if count != 1 else ""
        raise UserError(f"{facts}: {count} problem{plural}, no pack written") from None
    text = dump_pack(result.pack)
    # The loader has the last word: a pack it refuses is a generator bug, never written.
    check = load_pack_text(text, name=output)
    if not check.ok:
        first = check.errors[0] if check.errors else "unknown problem"
        raise UserError(f"the generated pack does not load ({first}); please report this", 70)
    for dropped in result.dropped:
        click.echo(clean_line(f"{facts}: dropped {dropped}"), err=True)
    if output == "-":
        click.echo(text, nl=False)
    else:
        _write(Path(output), text)
    count = len(result.questions)
    click.echo(
        f"{output if output != '-' else 'pack'}: {count} questions "
        f"({result.true_count} true and {result.false_count} false statements), "
        f"{len(result.dropped)} dropped by the quality rules, {len(result.held_back)} held back "
        "by the share limits (true/false, years)",
        err=True,
    )


def _write(path: Path, text: str) -> None:
    """Write atomically, so a failed run never leaves half a pack behind."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # checked first, unless --parents
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        raise UserError(f"cannot write {path}: {exc.strerror or exc}") from None
