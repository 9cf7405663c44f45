"""`quizgame facts check FACTS [--sources DIR]`: every fact quotes its source, word for word."""

from __future__ import annotations

import os
from pathlib import Path

import click

from quizgame.cli.common import UserError, data_dir_option
from quizgame.core.text import clean_line

# Where the seed files are when --sources is not given: this variable, else a `sources` folder
# beside the facts file. The bundled facts' seeds are not in the repository (their pages are
# all rights reserved); CI points this at them (see .ci/run).
SOURCES_VARIABLE = "QUIZGAME_FACT_SOURCES"


@click.group("facts")
@data_dir_option
def command(data_dir: str | None) -> None:
    """Work with a facts file (the film pack is generated from one)."""


def _sources_dir(facts: Path, given: str | None) -> Path | None:
    if given is not None:
        folder = Path(given)
        if not folder.is_dir():
            raise UserError(f"--sources: no folder at {folder}")
        return folder
    named = os.environ.get(SOURCES_VARIABLE)
    if named:
        if not Path(named).is_dir():
            raise UserError(f"{SOURCES_VARIABLE}: no folder at {named}")
        return Path(named)
    beside = facts.parent / "sources"
    return beside if beside.is_dir() else None


@command.command("check")
@click.argument("facts_path", metavar="FACTS", type=click.Path())
@click.option(
    "--sources",
    metavar="DIR",
    help=f"The folder of seed files the facts cite (default: ${SOURCES_VARIABLE}, else a "
    "'sources' folder beside FACTS).",
)
def check(facts_path: str, sources: str | None) -> None:
    """Check that every fact in FACTS gives a quote, that each quote is found word for word in
    a source it cites (whitespace and typographic quotes aside), and that every inferred fact
    says from what. Exit 1 on any problem. Without a sources folder the quotes are not
    verified, and the command says so."""
    from quizgame.core.generate.quotes import check_quotes

    path = Path(facts_path)
    folder = _sources_dir(path, sources)
    try:
        result = check_quotes(path, folder)
    except OSError as exc:
        raise UserError(f"{path}: cannot read the file: {exc.strerror or exc}") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise UserError(clean_line(exc)) from None
    for problem in result.problems:
        click.echo(clean_line(problem), err=True)
    if result.skipped:
        click.echo(
            f"{path}: SKIPPED quote check: {result.skipped} (give --sources DIR or set "
            f"{SOURCES_VARIABLE})",
            err=True,
        )
    if result.problems:
        raise SystemExit(1)
    verified = f"{result.checked} quotes found in {folder}" if folder else "quotes not verified"
    click.echo(f"{path}: ok, {result.facts} facts; {verified}")
