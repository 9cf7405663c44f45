"""`quizgame validate PATH...`: check pack files, report every problem with its position."""

from __future__ import annotations

from pathlib import Path

import click

from quizgame.cli.common import UserError, data_dir_option, echo_json
from quizgame.core.packs.read import LoadResult, load_pack, pack_files
from quizgame.core.text import clean_line


def _expand(paths: tuple[str, ...]) -> list[Path]:
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if not path.is_dir():
            out.append(path)
            continue
        found = pack_files(path)
        if not found:  # checking nothing must not pass as "all valid"
            raise UserError(f"no pack files (*.yaml, *.yml) in {path}")  # cleaned when shown
        out.extend(found)
    return out


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@data_dir_option
def command(paths: tuple[str, ...], fmt: str, strict: bool, data_dir: str | None) -> None:
    """Check pack files (or folders of them). Exit 0 if all are valid, 1 if any is not."""
    results: list[LoadResult] = [load_pack(path) for path in _expand(paths)]
    failed = [r for r in results if not r.ok or (strict and r.warnings)]
    if fmt == "json":
        report = [
            {
                "path": str(r.path),
                "valid": r.ok and not (strict and r.warnings),
                "questions": len(r.pack.questions) if r.pack else 0,
                "problems": [p.to_dict() for p in r.problems],
            }
            for r in results
        ]
        echo_json(report)  # paths and pack text: control and bidi characters escaped
    else:
        for r in results:
            for problem in r.problems:
                click.echo(clean_line(problem), err=problem.is_error)  # quotes pack text
            if r.pack is not None:
                count = len(r.pack.questions)
                where = clean_line(r.path)  # a file name may hold escapes too
                click.echo(f"{where}: ok, {count} question{'' if count == 1 else 's'}")
        if len(results) > 1:
            click.echo(f"{len(results) - len(failed)} of {len(results)} packs valid")
    if failed:
        raise SystemExit(1)
